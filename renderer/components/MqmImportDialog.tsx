import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguagePair, MqmImportResult } from '../../main/contract/api';
import { api, toUiError, type UiError } from '../api';
import { errorMessage } from '../lib/errors';
import { formatNumber } from '../lib/format';
import { Modal } from './Modal';
import type { NoticeMessage } from './Notice';

/** At most this many malformed rows are listed; the count says how many there are. */
const SHOWN_PROBLEMS = 50;

/**
 * Import Google's WMT MQM TSV into the project. All or nothing: malformed rows are listed with their line
 * numbers and nothing is written, unless the user then chooses to skip them.
 */
export function MqmImportDialog(props: { pairs: LanguagePair[]; onClose: () => void; onImported: (message: NoticeMessage) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [from, setFrom] = useState(props.pairs[0]?.source ?? 'en');
  const [to, setTo] = useState(props.pairs[0]?.target ?? 'de');
  const [result, setResult] = useState<MqmImportResult | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (skipMalformed: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const content = await file.text();
      const res = await api.importMqm({ content, from, to, skipMalformed });
      setResult(res);
      if (res.imported) {
        props.onImported({ key: 'mqmImport.done', params: { articles: res.articles, annotations: res.annotations, skipped: res.problems.length } });
        props.onClose();
      }
    } catch (e) {
      setError(toUiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('mqmImport.title')} onClose={props.onClose}>
      <p className="muted small-text">{t('mqmImport.explain')}</p>
      <label className="field">
        <span>{t('mqmImport.file')}</span>
        <input
          type="file"
          accept=".tsv,text/tab-separated-values,text/plain"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setResult(null);
          }}
        />
      </label>
      <div className="field-row">
        <label className="field">
          <span>{t('languages.source')}</span>
          <input type="text" value={from} onChange={(e) => setFrom(e.target.value.trim())} spellCheck={false} />
        </label>
        <label className="field">
          <span>{t('languages.target')}</span>
          <input type="text" value={to} onChange={(e) => setTo(e.target.value.trim())} spellCheck={false} />
        </label>
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {errorMessage(error)}
        </p>
      ) : null}
      {result && !result.imported ? (
        <div role="alert" className="import-problems">
          <p>{t('mqmImport.malformed', { count: result.problems.length })}</p>
          <ul aria-label={t('mqmImport.problemList')}>
            {result.problems.slice(0, SHOWN_PROBLEMS).map((p) => (
              <li key={`${p.line}:${p.reason}`}>{t('mqmImport.problem', { line: formatNumber(p.line), reason: p.reason })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          {t('mqmImport.cancel')}
        </button>
        {result && !result.imported && result.problems.length ? (
          <button type="button" disabled={busy} onClick={() => void run(true)}>
            {t('mqmImport.skipAndImport')}
          </button>
        ) : null}
        <button type="button" className="primary" disabled={!file || busy} onClick={() => void run(false)}>
          {t('mqmImport.import')}
        </button>
      </div>
    </Modal>
  );
}

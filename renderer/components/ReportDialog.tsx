import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFormat } from '../../main/contract/api';
import { api, toUiError, type UiError } from '../api';
import { downloadBase64 } from '../lib/download';
import { errorMessage } from '../lib/errors';
import { Modal } from './Modal';
import type { NoticeMessage } from './Notice';

const FORMATS: readonly ReportFormat[] = ['html', 'pdf', 'csv', 'qa-csv', 'json'];

/**
 * Export a review report of the project, or of one article: self-contained HTML (printable), CSV of the
 * annotations, or JSON. In the browser it downloads; the desktop app asks where to save it.
 */
export function ReportDialog(props: { articleId?: string; onClose: () => void; onDone: (message: NoticeMessage) => void }) {
  const { t, i18n } = useTranslation();
  const [scope, setScope] = useState<'article' | 'project'>(props.articleId ? 'article' : 'project');
  const [format, setFormat] = useState<ReportFormat>('html');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [pdf, setPdf] = useState(false);
  useEffect(() => {
    api.hostInfo({}).then((h) => setPdf(h.pdfReports), () => setPdf(false));
  }, []);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.exportReport({ ...(scope === 'article' && props.articleId ? { id: props.articleId } : {}), format, lng: i18n.language });
      if (res.cancelled) return;
      if (res.dataBase64) downloadBase64(res.fileName, res.dataBase64);
      props.onDone(res.savedPath ? { key: 'report.savedTo', params: { path: res.savedPath } } : { key: 'report.downloaded', params: { name: res.fileName } });
      props.onClose();
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('report.title')} onClose={props.onClose}>
      {props.articleId ? (
        <fieldset className="radio-group">
          <legend>{t('report.scope')}</legend>
          <label>
            <input type="radio" name="scope" checked={scope === 'article'} onChange={() => setScope('article')} /> {t('report.thisArticle')}
          </label>
          <label>
            <input type="radio" name="scope" checked={scope === 'project'} onChange={() => setScope('project')} /> {t('report.wholeProject')}
          </label>
        </fieldset>
      ) : null}
      <fieldset className="radio-group">
        <legend>{t('report.format')}</legend>
        {FORMATS.filter((f) => f !== 'pdf' || pdf).map((f) => (
          <label key={f}>
            <input type="radio" name="format" checked={format === f} onChange={() => setFormat(f)} /> {t(`report.formats.${f}`)}
          </label>
        ))}
      </fieldset>
      {error ? (
        <p className="error-text" role="alert">
          {errorMessage(error)}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          {t('report.cancel')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
          {busy ? t('report.working') : t('report.export')}
        </button>
      </div>
    </Modal>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguagePair, ProjectInfo } from '../../main/contract/api';
import { api, toUiError, type UiError } from '../api';
import { errorMessage } from '../lib/errors';
import { languageName } from '../lib/format';
import { Modal } from './Modal';

/** Asks which language is the source when the file names cannot tell (or the settings were broken). */
export function LanguageDialog(props: { project: ProjectInfo; onDone: (p: ProjectInfo) => void; onError: (e: UiError) => void }) {
  const { t } = useTranslation();
  const initial = props.project.proposedPairs.length
    ? props.project.proposedPairs
    : props.project.languagesSeen.length >= 2
      ? [{ source: props.project.languagesSeen[0]!, target: props.project.languagesSeen[1]! }]
      : [];
  const [pairs, setPairs] = useState<LanguagePair[]>(initial);
  const langs = props.project.languagesSeen;

  const update = (i: number, patch: Partial<LanguagePair>) => setPairs((ps) => ps.map((p, k) => (k === i ? { ...p, ...patch } : p)));

  return (
    <Modal title={t('languages.title')} onClose={() => undefined}>
      {props.project.configError ? (
        <>
          <p className="error-text" role="alert">
            {errorMessage(props.project.configError)}
          </p>
          <p>{t('languages.replacesBroken')}</p>
        </>
      ) : (
        <p>{t('languages.explain')}</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          api.setLanguages({ pairs }).then(props.onDone, (err) => props.onError(toUiError(err)));
        }}
      >
        {pairs.map((p, i) => (
          <fieldset key={i} className="pair-row">
            <legend>{t('languages.pair', { source: languageName(p.source), target: languageName(p.target) })}</legend>
            <label className="field">
              <span>{t('languages.source')}</span>
              <select value={p.source} onChange={(e) => update(i, { source: e.target.value })}>
                {langs.map((l) => (
                  <option key={l} value={l}>
                    {languageName(l)} ({l})
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => update(i, { source: p.target, target: p.source })}>
              {t('languages.swap')}
            </button>
            <label className="field">
              <span>{t('languages.target')}</span>
              <select value={p.target} onChange={(e) => update(i, { target: e.target.value })}>
                {langs.map((l) => (
                  <option key={l} value={l}>
                    {languageName(l)} ({l})
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
        ))}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={!pairs.length || pairs.some((p) => p.source === p.target)}>
            {t('languages.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguagePair, ProjectInfo } from '../../main/contract/api';
import { api, toUiError, type UiError } from '../api';
import { languageName } from '../lib/format';

/**
 * Project settings: the direction of each language pair, and, after a change, the articles whose
 * baseline was taken from the other file. Those baselines are replaced only when the editor says so;
 * the old ones are kept as backups.
 */
export function LanguagePairsSection(props: { project: ProjectInfo; onProject: (p: ProjectInfo) => void; onError: (e: UiError) => void }) {
  const { t } = useTranslation();
  const [pairs, setPairs] = useState<LanguagePair[]>(props.project.pairs);
  const [message, setMessage] = useState<string | null>(null);
  const changed = pairs.some((p, i) => p.source !== props.project.pairs[i]?.source || p.target !== props.project.pairs[i]?.target);
  const stale = props.project.articles.filter((a) => a.baselineStale);
  const label = (p: LanguagePair) => t('languages.pair', { source: languageName(p.source), target: languageName(p.target) });

  const save = async () => {
    try {
      props.onProject(await api.setLanguages({ pairs }));
      setMessage(t('projectSettings.languagesSaved'));
    } catch (e) {
      props.onError(toUiError(e));
    }
  };

  const replace = async () => {
    try {
      const { replaced } = await api.replaceBaselines({ ids: stale.map((a) => a.id) });
      props.onProject(await api.openProject({}));
      setMessage(t('projectSettings.baselinesReplaced', { count: replaced.length }));
    } catch (e) {
      props.onError(toUiError(e));
    }
  };

  return (
    <section aria-labelledby="languages-heading">
      <h3 id="languages-heading">{t('projectSettings.languages')}</h3>
      <p className="muted small-text">{t('projectSettings.languagesExplain')}</p>
      <ul className="pair-list">
        {pairs.map((p, i) => (
          <li key={`${p.source}-${p.target}-${i}`}>
            <span>{label(p)}</span>{' '}
            <button type="button" onClick={() => setPairs((ps) => ps.map((x, k) => (k === i ? { source: x.target, target: x.source } : x)))}>
              {t('projectSettings.swapPair', { pair: label(p) })}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="primary" disabled={!changed} onClick={() => void save()}>
        {t('projectSettings.saveLanguages')}
      </button>
      {stale.length ? (
        <div role="group" aria-labelledby="stale-heading" className="notice-box">
          <p id="stale-heading">{t('projectSettings.staleBaselines', { count: stale.length })}</p>
          <ul aria-label={t('projectSettings.staleList')}>
            {stale.map((a) => (
              <li key={a.id}>
                <code>{a.id}</code>
              </li>
            ))}
          </ul>
          <p className="muted small-text">{t('projectSettings.replaceExplain')}</p>
          <button type="button" onClick={() => void replace()}>
            {t('projectSettings.replaceBaselines', { count: stale.length })}
          </button>
        </div>
      ) : null}
      {message ? (
        <p role="status" className="small-text">
          {message}
        </p>
      ) : null}
    </section>
  );
}

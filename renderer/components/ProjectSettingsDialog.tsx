import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckSettingsInfo, ProjectInfo, ScoringProfileInfo } from '../../main/contract/api';
import { api, toUiError, type UiError } from '../api';
import { errorMessage } from '../lib/errors';
import { categoryName } from '../lib/mqm-names';
import { LanguagePairsSection } from './LanguagePairsSection';
import { Modal } from './Modal';

type Rule = CheckSettingsInfo['rules'][number];
const GRADES = ['minor', 'major', 'critical'] as const;
/** A check may also be graded a hint: shown, outside the problem counts. */
const CHECK_GRADES = ['hint', ...GRADES] as const;

/** "No-error" rows of WMT files weigh nothing by definition: not something to edit. */
const isNoError = (w: ScoringProfileInfo['weights'][number]) => w.severity === 'No-error' || w.category === 'No-error';

/**
 * The project's settings: which checks run and how they are graded, and the MQM scoring profile
 * (weights, per-word normalisation, pass threshold). Saved in .calque/project.json as they change.
 */
export function ProjectSettingsDialog(props: { onClose: () => void; project?: ProjectInfo; onProject?: (p: ProjectInfo) => void }) {
  const { t } = useTranslation();
  const [rules, setRules] = useState<Rule[] | null>(null);
  const [profile, setProfile] = useState<ScoringProfileInfo | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [saved, setSaved] = useState(false);
  /** A weight rule as the profile editor shows it: "Major", "Minor · Fluency › Punctuation", "Any other error". */
  const ruleLabel = (w: ScoringProfileInfo['weights'][number]): string => {
    const sev = w.severity && (GRADES as readonly string[]).concat('neutral').includes(w.severity.toLowerCase()) ? t(`severity.${w.severity.toLowerCase() as 'minor'}`) : w.severity;
    return [sev, w.category ? categoryName(w.category) : undefined].filter(Boolean).join(' · ') || t('projectSettings.anyError');
  };

  useEffect(() => {
    api.checkSettings({}).then((s) => setRules(s.rules), (e) => setError(toUiError(e)));
    api.scoringProfile({}).then(setProfile, (e) => setError(toUiError(e)));
  }, []);

  const updateRule = async (rule: string, change: { enabled?: boolean; severity?: Rule['severity'] | null }) => {
    // Shown at once; the saved settings replace it when they come back.
    setRules((rs) =>
      rs?.map((r) =>
        r.id !== rule ? r : { ...r, ...(change.enabled !== undefined ? { enabled: change.enabled } : {}), ...(change.severity !== undefined ? { severity: change.severity ?? r.defaultSeverity } : {}) },
      ) ?? rs,
    );
    try {
      setRules((await api.updateCheckSettings({ rule, ...change })).rules);
    } catch (e) {
      setError(toUiError(e));
    }
  };

  const saveProfile = async (next: ScoringProfileInfo | null) => {
    try {
      setProfile(await api.updateScoringProfile(next ? { profile: next } : { reset: true }));
      setSaved(true);
    } catch (e) {
      setError(toUiError(e));
    }
  };

  const setWeight = (i: number, weight: number) => {
    if (!profile || !Number.isFinite(weight) || weight < 0) return;
    setProfile({ ...profile, weights: profile.weights.map((w, k) => (k === i ? { ...w, weight } : w)) });
    setSaved(false);
  };

  return (
    <Modal title={t('projectSettings.title')} onClose={props.onClose} wide>
      {error ? (
        <p className="error-text" role="alert">
          {errorMessage(error)}
        </p>
      ) : null}
      {props.project && props.onProject ? <LanguagePairsSection project={props.project} onProject={props.onProject} onError={setError} /> : null}
      <div className="settings-columns">
        <section aria-labelledby="checks-heading">
          <h3 id="checks-heading">{t('projectSettings.checks')}</h3>
          <p className="muted small-text">{t('projectSettings.checksExplain')}</p>
          {rules ? (
            <table className="settings-table">
              <thead>
                <tr>
                  <th scope="col">{t('projectSettings.rule')}</th>
                  <th scope="col">{t('projectSettings.enabled')}</th>
                  <th scope="col">{t('projectSettings.severity')}</th>
                </tr>
              </thead>
              <tbody>
                {rules.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <code>{r.id}</code>
                      <div className="muted small-text">{r.category}</div>
                    </th>
                    <td>
                      <input type="checkbox" checked={r.enabled} aria-label={t('projectSettings.enableRule', { rule: r.id })} onChange={(e) => void updateRule(r.id, { enabled: e.target.checked })} />
                    </td>
                    <td>
                      <select
                        value={r.severity}
                        aria-label={t('projectSettings.gradeRule', { rule: r.id })}
                        onChange={(e) => void updateRule(r.id, { severity: e.target.value === r.defaultSeverity ? null : (e.target.value as Rule['severity']) })}
                      >
                        {CHECK_GRADES.map((g) => (
                          <option key={g} value={g}>
                            {t(`severity.${g}`)}
                            {g === r.defaultSeverity ? ` (${t('projectSettings.default')})` : ''}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="loading">{t('app.loading')}</p>
          )}
        </section>
        <section aria-labelledby="scoring-heading">
          <h3 id="scoring-heading">{t('projectSettings.scoring')}</h3>
          <p className="muted small-text">{t('projectSettings.scoringExplain')}</p>
          {profile ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void saveProfile(profile);
              }}
            >
              <table className="settings-table">
                <thead>
                  <tr>
                    <th scope="col">{t('projectSettings.errorKind')}</th>
                    <th scope="col">{t('projectSettings.weight')}</th>
                  </tr>
                </thead>
                <tbody>
                  {profile.weights.map((w, i) =>
                    isNoError(w) ? null : (
                    <tr key={i}>
                      <th scope="row">{ruleLabel(w)}</th>
                      <td>
                        <input
                          type="number"
                          min={0}
                          step="any"
                          value={w.weight}
                          aria-label={t('projectSettings.weightOf', { kind: ruleLabel(w) })}
                          onChange={(e) => setWeight(i, Number(e.target.value))}
                        />
                      </td>
                    </tr>
                    ),
                  )}
                </tbody>
              </table>
              <label className="field field-inline">
                <input
                  type="checkbox"
                  checked={!!profile.perWords}
                  onChange={(e) => {
                    const { perWords: _p, ...rest } = profile;
                    setProfile(e.target.checked ? { ...rest, perWords: { per: 100, basis: 'target' } } : rest);
                    setSaved(false);
                  }}
                />
                <span>{t('projectSettings.normalise')}</span>
              </label>
              {profile.perWords ? (
                <div className="field-row">
                  <label className="field">
                    <span>{t('projectSettings.perWords')}</span>
                    <input
                      type="number"
                      min={1}
                      value={profile.perWords.per}
                      onChange={(e) => {
                        const per = Number(e.target.value);
                        if (per > 0) setProfile({ ...profile, perWords: { ...profile.perWords!, per } });
                        setSaved(false);
                      }}
                    />
                  </label>
                  <label className="field">
                    <span>{t('projectSettings.basis')}</span>
                    <select
                      value={profile.perWords.basis}
                      onChange={(e) => {
                        setProfile({ ...profile, perWords: { ...profile.perWords!, basis: e.target.value as 'source' | 'target' } });
                        setSaved(false);
                      }}
                    >
                      <option value="target">{t('projectSettings.basisTarget')}</option>
                      <option value="source">{t('projectSettings.basisSource')}</option>
                    </select>
                  </label>
                </div>
              ) : null}
              <label className="field">
                <span>{t('projectSettings.threshold')}</span>
                <input
                  type="number"
                  min={0}
                  step="any"
                  value={profile.threshold ?? ''}
                  placeholder={t('projectSettings.noThreshold')}
                  onChange={(e) => {
                    const { threshold: _t, ...rest } = profile;
                    setProfile(e.target.value === '' ? rest : { ...rest, threshold: Number(e.target.value) });
                    setSaved(false);
                  }}
                />
              </label>
              <div className="dialog-actions">
                <span role="status" className="muted">
                  {saved ? t('projectSettings.saved') : ''}
                </span>
                <button type="button" onClick={() => void saveProfile(null)}>
                  {t('projectSettings.resetProfile')}
                </button>
                <button type="submit" className="primary">
                  {t('projectSettings.saveProfile')}
                </button>
              </div>
            </form>
          ) : null}
        </section>
      </div>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={props.onClose}>
          {t('settings.close')}
        </button>
      </div>
    </Modal>
  );
}

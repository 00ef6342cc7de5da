import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectProblemGroup, ProjectProblems } from '../../main/contract/api';
import { api, toUiError, type UiError } from '../api';
import { errorMessage } from '../lib/errors';
import { formatNumber } from '../lib/format';
import { Modal } from './Modal';
import { noticeText, type NoticeMessage } from './Notice';
import { useResultJob } from './use-result-job';

/** Groups shown at first and added by "show more": a large project has thousands. */
const PAGE = 100;

const total = (g: ProjectProblemGroup) => g.articles.reduce((n, a) => n + a.count, 0);
const fixable = (g: ProjectProblemGroup) => g.articles.reduce((n, a) => n + a.fixable, 0);
const startRun = () => api.startProjectProblems({});
const fetchRun = (jobId: string): Promise<ProjectProblems> => api.projectProblemsResult({ jobId });

/**
 * The problems panel's groups for the whole project, from the article list (issue 11): one rule on one
 * text with its count in each article (the counts the list shows), "fix all" in every article (one save
 * and one undo entry each, undone from here) and "ignore everywhere" (project.json).
 */
export function ProjectProblemsDialog(props: { onClose: () => void; onDone: (n: NoticeMessage) => void; onChanged: () => void }) {
  const { t } = useTranslation();
  // Counting is a host job over every article: progress, and Cancel stops it (a large project takes minutes).
  const counting = useResultJob(startRun, fetchRun);
  const data = counting.result;
  const [actionError, setError] = useState<UiError | null>(null);
  const error = actionError ?? counting.error;
  const [message, setMessage] = useState<NoticeMessage | null>(null);
  const [undoId, setUndoId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [limit, setLimit] = useState(PAGE);

  const load = counting.run;
  useEffect(() => void load(), [load]);

  /** Run an action, say what it did (here and in the app's banner), then count again. */
  const act = async (run: () => Promise<NoticeMessage & { undoId?: string | null }>) => {
    setBusy(true);
    setError(null);
    try {
      const { undoId: next, ...done } = await run();
      if (next !== undefined) setUndoId(next);
      setMessage(done);
      props.onDone(done);
      props.onChanged();
      load();
    } catch (e) {
      setError(toUiError(e));
    } finally {
      setBusy(false);
    }
  };

  const fixAll = (g: ProjectProblemGroup) =>
    act(async () => {
      const r = await api.fixProjectProblems({ groups: [{ rule: g.rule, text: g.text }] });
      return { key: 'projectProblems.fixed', params: { count: r.fixed, articles: r.articles.length, conflicts: r.conflicts.length }, undoId: r.undoId ?? null };
    });
  const ignoreEverywhere = (g: ProjectProblemGroup) =>
    act(async () => {
      const r = await api.ignoreFindings({ id: g.articles[0]!.id, items: [{ rule: g.rule, text: g.text }], scope: 'everywhere' });
      return { key: 'problems.ignoredEverywhere', params: { count: r.added } };
    });
  const undo = (id: string) =>
    act(async () => {
      const r = await api.undoProjectEdit({ undoId: id });
      return { key: 'search.undone', params: { restored: r.restored.length, conflicts: r.conflicts.length }, undoId: null };
    });

  const groups = data?.groups ?? [];
  const problems = groups.reduce((n, g) => n + total(g), 0);
  return (
    <Modal title={t('projectProblems.title')} onClose={props.onClose} wide>
      {error ? <p role="alert" className="error-text">{errorMessage(error)}</p> : null}
      <p role="status" aria-live="polite" className="panel-status">
        {message ? `${noticeText(message)} ` : ''}
        {counting.running
          ? t('projectProblems.progress', { done: counting.job?.done ?? 0, total: counting.job?.total ?? 0 })
          : counting.job?.state === 'cancelled'
            ? t('projectProblems.cancelled', { done: counting.job.done, total: counting.job.total })
            : !data
              ? t('projectProblems.checking')
              : groups.length ? t('projectProblems.summary', { groups: formatNumber(groups.length), count: formatNumber(problems), articles: formatNumber(data.articles) }) : t('projectProblems.none')}
      </p>
      <div className="dialog-actions">
        {counting.running ? (
          <button type="button" onClick={counting.cancel}>
            {t('projectProblems.cancel')}
          </button>
        ) : counting.job?.state === 'cancelled' ? (
          <button type="button" onClick={() => void load()}>
            {t('projectProblems.again')}
          </button>
        ) : null}
        {undoId ? (
          <button type="button" onClick={() => void undo(undoId)} disabled={busy}>
            {t('projectProblems.undo')}
          </button>
        ) : null}
        <button type="button" onClick={props.onClose}>
          {t('projectProblems.close')}
        </button>
      </div>
      <ul className="finding-list project-problems" aria-label={t('projectProblems.title')}>
        {groups.slice(0, limit).map((g) => {
          const label = t('problems.groupWord', { text: g.text, rule: g.rule });
          return (
            <li key={`${g.rule}\u0000${g.text}`} className="finding-group" aria-label={label}>
              <div className="group-head">
                <span className={`sev-badge sev-${g.severity}`}>{t(`severity.${g.severity}`)}</span>
                <span className="group-label" dir="auto">
                  {label}
                </span>
                <span className="finding-count">{t('problems.groupCount', { count: total(g) })}</span>
                <div className="finding-actions">
                  {fixable(g) ? (
                    <button type="button" className="small" disabled={busy} onClick={() => void fixAll(g)} aria-label={t('problems.fixAllNamed', { count: fixable(g), group: label })}>
                      {t('problems.fixAll', { count: fixable(g) })}
                    </button>
                  ) : null}
                  <button type="button" className="small" disabled={busy} onClick={() => void ignoreEverywhere(g)} aria-label={t('problems.ignoreEverywhereNamed', { group: label })}>
                    {t('problems.ignoreEverywhere')}
                  </button>
                </div>
              </div>
              <ul className="group-articles" aria-label={t('projectProblems.perArticle', { group: label })}>
                {g.articles.map((a) => (
                  <li key={a.id}>
                    <span dir="auto">{a.id}</span> <span className="finding-count">{t('problems.groupCount', { count: a.count })}</span>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      {groups.length > limit ? (
        <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
          {t('problems.showMore', { count: Math.min(PAGE, groups.length - limit) })}
        </button>
      ) : null}
    </Modal>
  );
}

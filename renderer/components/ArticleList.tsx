import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_STATUSES, type ArticleSummary, type ProjectInfo, type ReviewStatus } from '../../main/contract/api';
import { errorMessage } from '../lib/errors';
import { formatChrf, formatHter, formatNumber, formatPercent, languageName } from '../lib/format';
import type { UiError } from '../api';
import { ReviewFileProblem } from './ReviewFileProblem';

type SortKey = 'article' | 'status' | 'words' | 'wordsChanged' | 'editRate' | 'hter' | 'chrf' | 'problems' | 'annotations';

const STATUS_ORDER: Record<ReviewStatus, number> = { 'not-started': 0, 'in-review': 1, done: 2 };

function compare(a: ArticleSummary, b: ArticleSummary, key: SortKey): number {
  switch (key) {
    case 'article':
      return a.id.localeCompare(b.id);
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'problems':
      return problemWeight(a) - problemWeight(b);
    case 'annotations':
      return (a.annotations ?? 0) - (b.annotations ?? 0);
    case 'hter':
    case 'chrf':
      return (a[key] ?? -1) - (b[key] ?? -1);
    default:
      return a[key] - b[key];
  }
}

/** Sort by the worst problems first: a critical outweighs any number of majors, a major any number of minors. */
function problemWeight(a: ArticleSummary): number {
  const p = a.problems;
  return p ? p.critical * 1e6 + p.major * 1e3 + p.minor : -1;
}

export function ArticleList(props: {
  project: ProjectInfo;
  onOpen: (id: string) => void;
  onExportAll: () => void;
  onReport: () => void;
  onProjectSettings: () => void;
  onImportMqm: () => void;
  onExportMqm: () => void;
  /** Find and replace, concordance across every article. */
  onSearch?: () => void;
  /** The problems of every article grouped by rule and words, with fix all and ignore everywhere. */
  onProjectProblems?: () => void;
  /** A review file that could not be read was replaced on request (see ReviewFileProblem). */
  onReviewReplaced?: (summary: ArticleSummary) => void;
  onError?: (e: UiError) => void;
}) {
  const { t } = useTranslation();
  const { project } = props;
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState<ReviewStatus | 'all'>('all');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'article', dir: 1 });

  const rows = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    return project.articles
      .filter((a) => (status === 'all' || a.status === status) && (!needle || a.id.toLocaleLowerCase().includes(needle)))
      .sort((a, b) => compare(a, b, sort.key) * sort.dir || a.id.localeCompare(b.id));
  }, [project.articles, filter, status, sort]);

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="sort-button"
        onClick={() => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : 1 }))}
      >
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  return (
    <section className="article-list" aria-labelledby="articles-heading">
      <div className="list-toolbar">
        <h2 id="articles-heading">
          {t('project.articles')} <span className="muted">({t('project.articleCount', { count: project.articles.length })})</span>
        </h2>
        <label className="field">
          <span>{t('list.filter')}</span>
          <input type="search" value={filter} placeholder={t('list.filterPlaceholder')} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('list.statusFilter')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as ReviewStatus | 'all')}>
            <option value="all">{t('list.allStatuses')}</option>
            {REVIEW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="list-actions" role="group" aria-label={t('project.actions')}>
        {props.onSearch ? (
          <button type="button" onClick={props.onSearch} disabled={!project.articles.length}>
            {t('search.open')}
          </button>
        ) : null}
        {props.onProjectProblems ? (
          <button type="button" onClick={props.onProjectProblems} disabled={!project.articles.length}>
            {t('projectProblems.open')}
          </button>
        ) : null}
        <button type="button" onClick={props.onExportAll} disabled={!project.articles.length}>
          {t('project.exportAll')}
        </button>
        <button type="button" onClick={props.onReport} disabled={!project.articles.length}>
          {t('report.open')}
        </button>
        <button type="button" onClick={props.onImportMqm}>
          {t('mqmImport.open')}
        </button>
        <button type="button" onClick={props.onExportMqm} disabled={!project.articles.length}>
          {t('mqmImport.export')}
        </button>
        <button type="button" onClick={props.onProjectSettings}>
          {t('projectSettings.open')}
        </button>
      </div>
      {!project.articles.length ? <p className="empty">{t('project.empty')}</p> : null}
      {project.articles.length ? (
        <table className="articles">
          <thead>
            <tr>
              {header('article', t('list.columns.article'))}
              <th scope="col">{t('list.columns.languages')}</th>
              {header('status', t('list.columns.status'))}
              {header('words', t('list.columns.words'))}
              {header('wordsChanged', t('list.columns.wordsChanged'))}
              {header('editRate', t('list.columns.editRate'))}
              {header('hter', t('list.columns.hter'))}
              {header('chrf', t('list.columns.chrf'))}
              {header('problems', t('list.columns.problems'))}
              {header('annotations', t('list.columns.annotations'))}
              <th scope="col">{t('list.columns.segments')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} className={a.error ? 'row-error' : undefined}>
                <th scope="row">
                  {a.error ? (
                    <span>{a.id}</span>
                  ) : (
                    <button type="button" className="link" aria-label={t('list.open', { name: a.id })} onClick={() => props.onOpen(a.id)}>
                      {a.id}
                    </button>
                  )}
                  {a.error ? <div className="error-text">{t('list.error', { message: errorMessage(a.error) })}</div> : null}
                  {a.reviewError && props.onReviewReplaced && props.onError ? <ReviewFileProblem id={a.id} error={a.reviewError} onReplaced={props.onReviewReplaced} onError={props.onError} /> : null}
                </th>
                <td>{t('languages.pair', { source: languageName(a.sourceLang), target: languageName(a.targetLang) })}</td>
                <td>
                  <span className={`status status-${a.status}`}>{t(`status.${a.status}`)}</span>
                </td>
                <td className="num">{formatNumber(a.words)}</td>
                <td className="num">{formatNumber(a.wordsChanged)}</td>
                <td className="num">{formatPercent(a.editRate)}</td>
                <td className="num">{a.hter !== undefined ? formatHter(a.hter) : '—'}</td>
                <td className="num">{a.chrf !== undefined ? formatChrf(a.chrf) : '—'}</td>
                <td className="num">
                  {a.problems ? (
                    <span className="problem-counts" aria-label={t('list.problemCounts', { critical: a.problems.critical, major: a.problems.major, minor: a.problems.minor })}>
                      {(['critical', 'major', 'minor'] as const).map((s) =>
                        a.problems![s] ? (
                          <span key={s} className={`sev-badge sev-${s}`} title={t(`severity.${s}`)}>
                            {formatNumber(a.problems![s])}
                          </span>
                        ) : null,
                      )}
                      {a.problems.critical + a.problems.major + a.problems.minor === 0 ? '0' : null}
                    </span>
                  ) : (
                    <span className="muted" title={t('list.notChecked')}>
                      —
                    </span>
                  )}
                </td>
                <td className="num">{formatNumber(a.annotations ?? 0)}</td>
                <td className="num">
                  {a.segmentCounts ? (
                    <span
                      className="segment-progress"
                      aria-label={t('list.segmentCounts', {
                        confirmed: formatNumber(a.segmentCounts.confirmed),
                        total: formatNumber(a.segmentCounts.total),
                        edited: formatNumber(a.segmentCounts.edited),
                        rejected: formatNumber(a.segmentCounts.rejected),
                        notReviewed: formatNumber(a.segmentCounts['not-reviewed']),
                      })}
                    >
                      {formatNumber(a.segmentCounts.confirmed)} / {formatNumber(a.segmentCounts.total)}
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {project.articles.length && !rows.length ? <p className="empty">{t('list.noMatch')}</p> : null}
      {project.unpaired.length ? (
        <details className="unpaired">
          <summary>{t('project.unpairedCount', { count: project.unpaired.length })}</summary>
          <ul>
            {project.unpaired.map((u) => (
              <li key={u.path}>
                <code>{u.path}</code> — {t(`project.unpairedReason.${u.reason}`)}
                {u.error ? ` ${errorMessage(u.error)}` : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {project.unsupported?.length ? (
        <details className="unpaired unsupported">
          <summary>{t('project.unsupportedCount', { count: project.unsupported.length })}</summary>
          <ul>
            {project.unsupported.map((path) => (
              <li key={path}>
                <code>{path}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

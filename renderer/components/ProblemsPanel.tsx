import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countProblems, isProblem } from '../../main/common/problems';
import type { Finding } from '../../main/contract/review';
import { GROUP_BYS, groupRows, searchRows, SORT_BYS, sortRows, type GroupBy, type SortBy } from '../review/finding-groups';
import type { FindingActions } from '../review/SidePanel';
import { FindingCard } from './FindingCard';
import { FindingGroupItem } from './FindingGroupItem';

const SEVERITIES = ['critical', 'major', 'minor', 'hint'] as const;
/** Rows rendered at first; a book can have thousands of findings (F8 and the editor reach them all). */
const PAGE = 200;

/** Top-level MQM branch of a category ("Fluency/Grammar" → "Fluency"). */
export const branchOf = (category: string) => category.split('/')[0]!;

/**
 * What the checks found in the article: filter by MQM branch and severity, search, sort by position,
 * severity or rule, group by rule or by rule and word (fix all, ignore all), jump to a finding, apply
 * one of its fixes, make it an annotation, or ignore it here or in the whole project.
 */
export const ProblemsPanel = memo(function ProblemsPanel(props: {
  findings: readonly Finding[];
  describe: (f: Finding) => string;
  fixLabel: (fix: Finding['fixes'][number]) => string;
  categoryName: (category: string) => string;
  current: number;
  checking: boolean;
  actions: FindingActions;
}) {
  const { t } = useTranslation();
  const { findings, describe } = props;
  const [severities, setSeverities] = useState<Set<string>>(() => new Set(SEVERITIES));
  const [branch, setBranch] = useState('');
  const [query, setQuery] = useState('');
  const [groupBy, setGroupBy] = useState<GroupBy>('none');
  const [sortBy, setSortBy] = useState<SortBy>('position');
  const [limit, setLimit] = useState(PAGE);
  const branches = useMemo(() => [...new Set(findings.map((f) => branchOf(f.category)))].sort(), [findings]);
  const counts = useMemo(() => {
    // Problems as counted everywhere (a repeated misspelling once); hints apart, outside the problems.
    return { ...countProblems(findings), hint: findings.filter((f) => !isProblem(f)).length };
  }, [findings]);
  const shown = useMemo(() => {
    const rows = findings.map((f, index) => ({ f, index })).filter(({ f }) => severities.has(f.severity) && (!branch || branchOf(f.category) === branch));
    return sortRows(searchRows(rows, query, describe), sortBy);
  }, [findings, severities, branch, query, describe, sortBy]);
  const groups = useMemo(() => (groupBy === 'none' ? null : groupRows(shown, groupBy)), [shown, groupBy]);

  const toggle = (s: string) =>
    setSeverities((prev) => {
      const next = new Set(prev);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });
  const total = groups ? groups.length : shown.length;
  // The finding F8 went to stays rendered even beyond the first page.
  const upTo = groups ? limit : Math.max(limit, shown.findIndex((x) => x.index === props.current) + 1);
  const cardProps = { describe, fixLabel: props.fixLabel, categoryName: props.categoryName, actions: props.actions };

  return (
    <div className="side-panel-body">
      <div className="panel-filters" role="group" aria-label={t('problems.filters')}>
        {SEVERITIES.map((s) => (
          <label key={s} className={`chip sev-${s}`}>
            <input type="checkbox" checked={severities.has(s)} onChange={() => toggle(s)} />
            <span>{t('problems.severityCount', { severity: t(`severity.${s}`), count: counts[s] })}</span>
          </label>
        ))}
        <label className="field">
          <span>{t('problems.category')}</span>
          <select value={branch} onChange={(e) => setBranch(e.target.value)}>
            <option value="">{t('problems.allCategories')}</option>
            {branches.map((b) => (
              <option key={b} value={b}>
                {props.categoryName(b)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('problems.search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('problems.groupBy')}</span>
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
            {GROUP_BYS.map((g) => (
              <option key={g} value={g}>
                {t(`problems.group.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('problems.sortBy')}</span>
          <select value={sortBy} onChange={(e) => setSortBy(e.target.value as SortBy)}>
            {SORT_BYS.map((s) => (
              <option key={s} value={s}>
                {t(`problems.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="panel-status" role="status" aria-live="polite">
        {props.checking ? t('problems.checking') : shown.length === 0 ? t('problems.none') : groups ? t('problems.shownGroups', { count: shown.length, groups: groups.length }) : t('problems.shown', { count: shown.length })}
      </p>
      <ul className="finding-list" aria-label={t('problems.title')}>
        {groups
          ? groups.slice(0, upTo).map((g) => <FindingGroupItem key={g.key} group={g} current={props.current} {...cardProps} />)
          : shown.slice(0, upTo).map(({ f, index }) => <FindingCard key={`${f.rule}:${f.start}:${index}`} f={f} index={index} current={index === props.current} {...cardProps} />)}
      </ul>
      {total > upTo ? (
        <button type="button" className="small" onClick={() => setLimit((l) => l + PAGE)}>
          {t('problems.showMore', { count: Math.min(PAGE, total - upTo) })}
        </button>
      ) : null}
    </div>
  );
});

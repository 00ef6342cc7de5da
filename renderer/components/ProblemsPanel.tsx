import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countProblems, isProblem } from '../../main/common/problems';
import type { Finding } from '../../main/contract/review';

const SEVERITIES = ['critical', 'major', 'minor', 'hint'] as const;
/** Rows rendered at first; a book can have thousands of findings (F8 and the editor reach them all). */
const PAGE = 200;

/** Top-level MQM branch of a category ("Fluency/Grammar" → "Fluency"). */
export const branchOf = (category: string) => category.split('/')[0]!;

/**
 * What the checks found in the article: filter by MQM branch and severity, jump to a finding, apply one
 * of its fixes, make it an annotation, or ignore it here or in the whole project.
 */
export const ProblemsPanel = memo(function ProblemsPanel(props: {
  findings: readonly Finding[];
  describe: (f: Finding) => string;
  fixLabel: (fix: Finding['fixes'][number]) => string;
  categoryName: (category: string) => string;
  current: number;
  checking: boolean;
  onJump: (index: number) => void;
  onFix: (index: number, fix: number) => void;
  onAnnotate: (index: number) => void;
  onIgnore: (index: number, scope: 'here' | 'project') => void;
  onAddWord: (index: number) => void;
}) {
  const { t } = useTranslation();
  const [severities, setSeverities] = useState<Set<string>>(() => new Set(SEVERITIES));
  const [branch, setBranch] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const branches = useMemo(() => [...new Set(props.findings.map((f) => branchOf(f.category)))].sort(), [props.findings]);
  const counts = useMemo(() => {
    // Problems as counted everywhere (a repeated misspelling once); hints apart, outside the problems.
    return { ...countProblems(props.findings), hint: props.findings.filter((f) => !isProblem(f)).length };
  }, [props.findings]);
  const shown = props.findings
    .map((f, index) => ({ f, index }))
    .filter(({ f }) => severities.has(f.severity) && (!branch || branchOf(f.category) === branch));

  const toggle = (s: string) =>
    setSeverities((prev) => {
      const next = new Set(prev);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });

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
      </div>
      <p className="panel-status" role="status" aria-live="polite">
        {props.checking ? t('problems.checking') : shown.length === 0 ? t('problems.none') : t('problems.shown', { count: shown.length })}
      </p>
      <ul className="finding-list" aria-label={t('problems.title')}>
        {shown.slice(0, Math.max(limit, shown.findIndex((x) => x.index === props.current) + 1)).map(({ f, index }) => (
          <li key={`${f.rule}:${f.start}:${index}`} className={index === props.current ? 'finding current' : 'finding'}>
            <button type="button" className="finding-main" onClick={() => props.onJump(index)} aria-current={index === props.current || undefined}>
              <span className={`sev-badge sev-${f.severity}`}>{t(`severity.${f.severity}`)}</span>
              <span className="finding-category">{props.categoryName(f.category)}</span>
              <span className="finding-text" dir="auto">“{f.text}”</span>
              {f.occurrences ? <span className="finding-count">{t('problems.occurrences', { count: f.occurrences })}</span> : null}
              <span className="finding-message">{props.describe(f)}</span>
            </button>
            <div className="finding-actions">
              {f.fixes.map((fix, k) => (
                <button type="button" key={k} className="small" onClick={() => props.onFix(index, k)}>
                  {props.fixLabel(fix)}
                </button>
              ))}
              {f.rule === 'qa.spelling' ? (
                <button type="button" className="small" onClick={() => props.onAddWord(index)}>
                  {t('problems.addToWordList', { word: f.text })}
                </button>
              ) : null}
              <button type="button" className="small" onClick={() => props.onAnnotate(index)}>
                {t('problems.annotate')}
              </button>
              <button type="button" className="small" onClick={() => props.onIgnore(index, 'here')}>
                {t('problems.ignoreHere')}
              </button>
              <button type="button" className="small" onClick={() => props.onIgnore(index, 'project')} title={f.rule}>
                {t('problems.ignoreRule')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {shown.length > limit ? (
        <button type="button" className="small" onClick={() => setLimit((l) => l + PAGE)}>
          {t('problems.showMore', { count: Math.min(PAGE, shown.length - limit) })}
        </button>
      ) : null}
    </div>
  );
});

import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../main/contract/review';
import type { FindingActions } from '../review/SidePanel';

/** One finding of the problems panel: where it is (segment number), what it is, its fixes and the ways to dismiss it. */
export const FindingCard = memo(function FindingCard(props: {
  f: Finding;
  index: number;
  current: boolean;
  describe: (f: Finding) => string;
  fixLabel: (fix: Finding['fixes'][number]) => string;
  categoryName: (category: string) => string;
  actions: FindingActions;
}) {
  const { t } = useTranslation();
  const { f, index, actions } = props;
  const segment = actions.segmentOf(index);
  return (
    <li className={props.current ? 'finding current' : 'finding'}>
      <button type="button" className="finding-main" onClick={() => actions.jump(index)} aria-current={props.current || undefined}>
        <span className={`sev-badge sev-${f.severity}`}>{t(`severity.${f.severity}`)}</span>
        {segment ? <span className="finding-segment">{t(f.side === 'source' ? 'problems.sourceSegment' : 'problems.segment', { n: segment })}</span> : null}
        <span className="finding-category">{props.categoryName(f.category)}</span>
        <span className="finding-text" dir="auto">“{f.text}”</span>
        {f.occurrences ? <span className="finding-count">{t('problems.occurrences', { count: f.occurrences })}</span> : null}
        <span className="finding-message">{props.describe(f)}</span>
      </button>
      <div className="finding-actions">
        {f.fixes.map((fix, k) => (
          <button type="button" key={k} className="small" onClick={() => actions.fix(index, k)}>
            {props.fixLabel(fix)}
          </button>
        ))}
        {f.rule === 'qa.spelling' ? (
          <button type="button" className="small" onClick={() => actions.addWord(index)}>
            {t('problems.addToWordList', { word: f.text })}
          </button>
        ) : null}
        <button type="button" className="small" onClick={() => actions.annotate(index)}>
          {t('problems.annotate')}
        </button>
        <button type="button" className="small" onClick={() => actions.ignore(index, 'here')}>
          {t('problems.ignoreHere')}
        </button>
        <button type="button" className="small" onClick={() => actions.ignore(index, 'project')} title={f.rule}>
          {t('problems.ignoreRule')}
        </button>
      </div>
    </li>
  );
});

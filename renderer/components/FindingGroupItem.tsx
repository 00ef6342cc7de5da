import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../main/contract/review';
import type { FindingGroup } from '../review/finding-groups';
import type { FindingActions } from '../review/SidePanel';
import { FindingCard } from './FindingCard';

/** Cards shown at first in an open group, and added by "show more": a group can hold thousands. */
const PAGE = 100;

/**
 * A group of findings ("misspelled ‘Xyz’ ×63"): opened to list its cards, fixed or ignored as a whole
 * (one undo step, one write). Every control is a button, reached by Tab.
 */
export function FindingGroupItem(props: {
  group: FindingGroup;
  current: number;
  describe: (f: Finding) => string;
  fixLabel: (fix: Finding['fixes'][number]) => string;
  categoryName: (category: string) => string;
  actions: FindingActions;
}) {
  const { t } = useTranslation();
  const { group: g, actions } = props;
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const first = g.rows[0]!.f;
  const label = g.text !== undefined ? t('problems.groupWord', { text: g.text, rule: g.rule }) : t('problems.groupRule', { category: props.categoryName(first.category), rule: g.rule });
  const indices = g.rows.map((r) => r.index);
  const bodyId = `group-${g.key.replace(/[^\w-]/g, '_')}`;
  return (
    <li className="finding-group">
      <div className="group-head">
        <button type="button" className="group-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)}>
          <span className={`sev-badge sev-${g.severity}`}>{t(`severity.${g.severity}`)}</span>
          <span className="group-label" dir="auto">
            {label}
          </span>
          <span className="finding-count">{t('problems.groupCount', { count: g.rows.length })}</span>
        </button>
        <div className="finding-actions">
          {g.fixable ? (
            <button type="button" className="small" onClick={() => actions.fixAll(indices)} aria-label={t('problems.fixAllNamed', { count: g.fixable, group: label })}>
              {t('problems.fixAll', { count: g.fixable })}
            </button>
          ) : null}
          <button type="button" className="small" onClick={() => actions.ignoreAll(indices, 'here')} aria-label={t('problems.ignoreAllNamed', { count: g.rows.length, group: label })}>
            {t('problems.ignoreAll', { count: g.rows.length })}
          </button>
          <button type="button" className="small" onClick={() => actions.ignoreAll(indices, 'everywhere')} aria-label={t('problems.ignoreEverywhereNamed', { group: label })}>
            {t('problems.ignoreEverywhere')}
          </button>
        </div>
      </div>
      {open ? (
        <ul id={bodyId} className="finding-list" aria-label={label}>
          {g.rows.slice(0, limit).map(({ f, index }) => (
            <FindingCard key={`${f.rule}:${f.start}:${index}`} f={f} index={index} current={index === props.current} describe={props.describe} fixLabel={props.fixLabel} categoryName={props.categoryName} actions={actions} />
          ))}
          {g.rows.length > limit ? (
            <li>
              <button type="button" className="small" onClick={() => setLimit((l) => l + PAGE)}>
                {t('problems.showMore', { count: Math.min(PAGE, g.rows.length - limit) })}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}

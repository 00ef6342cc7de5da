import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffStats } from '../../main/contract/api';

/** Word counts against the machine translation, and the Changes mode's navigation and layout. */
export function ChangesSummary(props: {
  stats: DiffStats;
  mode: 'review' | 'changes';
  sideBySide: boolean;
  onSideBySide: (v: boolean) => void;
  onNext: () => void;
  onPrevious: () => void;
  editRate: string;
  /** The post-editing metrics, shown in the same row. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { stats } = props;
  return (
    <div className="changes-summary" role="group" aria-label={t('changes.summary')}>
      {stats.changed === 0 ? (
        <span>{t('changes.none')}</span>
      ) : (
        <ul className="counts">
          <li className="count-ins">{t('changes.inserted', { count: stats.inserted })}</li>
          <li className="count-del">{t('changes.deleted', { count: stats.deleted })}</li>
          <li className="count-rep">{t('changes.replaced', { count: stats.replaced })}</li>
          <li>{t('changes.editRate', { rate: props.editRate })}</li>
        </ul>
      )}
      {props.children}
      <span className="spacer" />
      <button type="button" onClick={props.onPrevious} aria-keyshortcuts="Shift+Alt+F5">
        {t('changes.previous')}
      </button>
      <button type="button" onClick={props.onNext} aria-keyshortcuts="Alt+F5">
        {t('changes.next')}
      </button>
      {props.mode === 'changes' ? (
        <div className="segmented" role="group" aria-label={t('changes.layout')}>
          <button type="button" aria-pressed={props.sideBySide} onClick={() => props.onSideBySide(true)}>
            {t('changes.sideBySide')}
          </button>
          <button type="button" aria-pressed={!props.sideBySide} onClick={() => props.onSideBySide(false)}>
            {t('changes.inline')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

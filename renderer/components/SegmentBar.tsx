import { useTranslation } from 'react-i18next';
import { SEGMENT_REVIEW_STATES } from '../../main/contract/api';
import type { SegmentsSnapshot } from '../review/contrib/segments';
import { keyText, REVIEW_KEYMAP, type ReviewCommand } from '../review/keymap';
import { SEGMENT_FILTERS, type SegmentFilter } from '../review/use-segment-workflow';
import { formatNumber } from '../lib/format';

const keyOf = (command: ReviewCommand) => {
  const b = REVIEW_KEYMAP.find((k) => k.run === command);
  return b ? keyText(b.key) : '';
};

/**
 * The segment at the cursor (number, state, lock) with its actions, the counts per state (computed by
 * main/common/segments/states.ts, as the list and the report count them) and the filter. One line:
 * it never wraps, so it never pushes the panes.
 */
export function SegmentBar(props: {
  snap: SegmentsSnapshot;
  filter: SegmentFilter;
  onFilter: (f: SegmentFilter) => void;
  search: string;
  onSearch: (s: string) => void;
  /** How many segments the filter shows (null: no filter). */
  shown: number | null;
  onConfirm: () => void;
  onReject: () => void;
  onToggleLock: () => void;
}) {
  const { t } = useTranslation();
  const { snap } = props;
  const i = snap.current;
  const state = i >= 0 ? snap.states[i] : undefined;
  const locked = i >= 0 && !!snap.locked[i];
  return (
    <div className="segment-bar" role="toolbar" aria-label={t('segments.toolbar')}>
      <span className="segment-current" role="status">
        {state
          ? t('segments.current', { number: formatNumber(i + 1), total: formatNumber(snap.states.length), state: t(`segments.state.${state}`) })
          : t('segments.none')}
        {locked ? ` · ${t('segments.lockedTag')}` : ''}
      </span>
      <button type="button" onClick={props.onConfirm} disabled={!state || locked} title={keyOf('confirmSegment')}>
        {t('segments.confirm')}
      </button>
      <button type="button" onClick={props.onReject} disabled={!state || locked}>
        {t('segments.reject')}
      </button>
      <button type="button" onClick={props.onToggleLock} disabled={!state} aria-pressed={locked} title={keyOf('toggleLock')}>
        {locked ? t('segments.unlock') : t('segments.lock')}
      </button>
      <ul className="segment-counts" aria-label={t('segments.counts')}>
        {SEGMENT_REVIEW_STATES.map((s) => (
          <li key={s} className={`seg-count seg-${s}`}>
            {t(`segments.state.${s}`)} <b>{formatNumber(snap.counts[s])}</b>
          </li>
        ))}
        <li className="seg-count seg-locked-count">
          {t('segments.lockedCount')} <b>{formatNumber(snap.counts.locked)}</b>
        </li>
      </ul>
      <span className="spacer" />
      <label className="segment-filter">
        <span>{t('segments.filter')}</span>
        <select value={props.filter} onChange={(e) => props.onFilter(e.target.value as SegmentFilter)}>
          {SEGMENT_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`segments.filters.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <input type="search" className="segment-search" value={props.search} onChange={(e) => props.onSearch(e.target.value)} aria-label={t('segments.search')} placeholder={t('segments.search')} />
      {props.shown !== null ? <span className="segment-shown">{t('segments.shown', { count: props.shown })}</span> : null}
    </div>
  );
}

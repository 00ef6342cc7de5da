import { useTranslation } from 'react-i18next';
import type { LiveSegment, LiveTotals } from '../../main/common/metrics/live';
import { formatNumber, formatPercent } from '../lib/format';

function minutes(ms: number): string {
  return formatNumber(Math.round(ms / 60_000));
}

/**
 * Post-edit metrics as the editor types: the article's HTER and chrF against the machine translation,
 * the same for the segment at the cursor, word edits by kind, and active editing time.
 */
export function MetricsBar(props: { totals: LiveTotals; segment: LiveSegment | null; segmentIndex: number }) {
  const { t } = useTranslation();
  const { totals, segment } = props;
  return (
    <div className="metrics-bar" role="group" aria-label={t('metrics.title')}>
      <dl className="metrics">
        <div>
          <dt>{t('metrics.hter')}</dt>
          <dd>{formatPercent(totals.hter.score)}</dd>
        </div>
        <div>
          <dt>{t('metrics.chrf')}</dt>
          <dd>{formatNumber(Math.round(totals.chrf * 10) / 10)}</dd>
        </div>
        <div>
          <dt>{t('metrics.edits')}</dt>
          <dd>
            {t('metrics.editCounts', {
              ins: formatNumber(totals.wordsInserted),
              del: formatNumber(totals.wordsDeleted),
              sub: formatNumber(totals.wordsSubstituted),
              shift: formatNumber(totals.wordsShifted),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('metrics.editingTime')}</dt>
          <dd>{t('metrics.minutes', { count: Math.round(totals.editingMs / 60_000), value: minutes(totals.editingMs) })}</dd>
        </div>
        {segment ? (
          <div className="metrics-segment">
            <dt>{t('metrics.segment', { n: formatNumber(props.segmentIndex + 1) })}</dt>
            <dd>
              {t('metrics.segmentValues', { hter: formatPercent(segment.hter.score), chrf: formatNumber(Math.round(segment.chrf * 10) / 10) })}
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

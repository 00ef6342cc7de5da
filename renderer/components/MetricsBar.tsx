import { useTranslation } from 'react-i18next';
import type { TagAccuracy } from '../../main/contract/api';
import type { LiveTotals } from '../../main/common/metrics/live';
import type { SegmentScores } from '../review/metrics-protocol';
import { formatChrf, formatDuration, formatHter, formatNumber, formatTagAccuracy } from '../lib/format';

/**
 * Post-edit metrics as the editor types: the article's HTER and chrF against the machine translation,
 * the same for the segment at the cursor, TER's word edits by kind (not the Changes view's word diff),
 * tag accuracy (of the last check of the editor's text, when the article has inline tags), and active editing time: what is stored with the review plus what was typed since the article opened.
 */
export function MetricsBar(props: { totals: LiveTotals; segment: SegmentScores | null; segmentIndex: number; storedEditingMs: number; tagAccuracy?: TagAccuracy }) {
  const { t } = useTranslation();
  const { totals, segment } = props;
  const edits = t('metrics.editCounts', {
    ins: formatNumber(totals.wordsInserted),
    del: formatNumber(totals.wordsDeleted),
    sub: formatNumber(totals.wordsSubstituted),
    shift: formatNumber(totals.wordsShifted),
  });
  return (
    <div className="metrics-bar" role="group" aria-label={t('metrics.title')}>
      <dl className="metrics">
        <div>
          <dt>{t('metrics.hter')}</dt>
          <dd>{formatHter(totals.hter.score)}</dd>
        </div>
        <div>
          <dt>{t('metrics.chrf')}</dt>
          <dd>{formatChrf(totals.chrf)}</dd>
        </div>
        {props.tagAccuracy ? (
          <div title={t('metrics.tagAccuracyHelp')}>
            <dt>{t('metrics.tagAccuracy')}</dt>
            <dd>
              {formatTagAccuracy(props.tagAccuracy)}
            </dd>
          </div>
        ) : null}
        <div className="metrics-edits" title={edits}>
          <dt>{t('metrics.edits')}</dt>
          <dd>{edits}</dd>
        </div>
        <div>
          <dt>{t('metrics.editingTime')}</dt>
          <dd>{formatDuration(props.storedEditingMs + totals.editingMs)}</dd>
        </div>
        {segment ? (
          <div className="metrics-segment">
            <dt>{t('metrics.segment', { n: formatNumber(props.segmentIndex + 1) })}</dt>
            <dd>
              {t('metrics.segmentValues', { hter: formatHter(segment.hter.score), chrf: formatChrf(segment.chrf) })}
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

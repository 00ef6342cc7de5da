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
        <Metric label={t('metrics.hter')} value={formatHter(totals.hter.score)} />
        <Metric label={t('metrics.chrf')} value={formatChrf(totals.chrf)} />
        {props.tagAccuracy ? <Metric label={t('metrics.tagAccuracy')} value={formatTagAccuracy(props.tagAccuracy)} help={t('metrics.tagAccuracyHelp')} /> : null}
        <Metric className="metrics-edits" label={t('metrics.edits')} value={edits} />
        <Metric className="metrics-time" label={t('metrics.editingTime')} value={formatDuration(props.storedEditingMs + totals.editingMs)} />
        {segment ? (
          <Metric
            className="metrics-segment"
            label={t('metrics.segment', { n: formatNumber(props.segmentIndex + 1) })}
            value={t('metrics.segmentValues', { hter: formatHter(segment.hter.score), chrf: formatChrf(segment.chrf) })}
          />
        ) : null}
      </dl>
    </div>
  );
}

/** One figure. In a narrow row its label and value end in an ellipsis; its title says both whole. */
function Metric(props: { label: string; value: string; help?: string; className?: string }) {
  const { t } = useTranslation();
  const whole = t('metrics.labelled', { label: props.label, value: props.value });
  return (
    <div className={props.className} title={props.help ? `${whole}\n${props.help}` : whole}>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}

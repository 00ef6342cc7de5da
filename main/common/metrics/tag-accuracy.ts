/**
 * The one definition of tag accuracy, the figure HTER and chrF leave out (they are computed on the text
 * without tags): of the source's inline tags, the share that came through right in the translation.
 *  - a source tag is right when its segment of the translation has the tag (same id and kind), its
 *    pair's other half is there too and the pair opens before it closes, and, for a tag that may not
 *    be reordered (canReorder=false), the same of the segment's tags precede it on both sides;
 *  - a tag the translation has and its source segment does not counts against it (extra);
 *  - accuracy = right / (source tags + extra tags), over the segments both sides share; absent when
 *    there are no tags at all.
 */
import type { TagAccuracy, TagSpan } from '../../contract/api.js';
import type { ArticleTags } from '../tags.js';

export type { TagAccuracy };

const keyOf = (t: TagSpan) => `${t.kind}\u0000${t.id}`;

export function tagAccuracy(tags: ArticleTags | undefined): TagAccuracy | undefined {
  if (!tags) return undefined;
  let correct = 0;
  let total = 0;
  // Grouped once: filtering every side's tags per segment was quadratic (seconds on a 10 MB XLIFF).
  const sourceBySegment = bySegment(tags.source);
  const targetBySegment = bySegment(tags.target);
  for (const seg of tags.segments) {
    const source = (sourceBySegment.get(seg.id) ?? []).filter((t) => t.start >= seg.source[0] && t.end <= seg.source[1]);
    const target = (targetBySegment.get(seg.id) ?? []).filter((t) => t.start >= seg.target[0] && t.end <= seg.target[1]);
    const inTarget = new Map(target.map((t) => [keyOf(t), t]));
    const byIdTarget = new Map(target.map((t) => [t.id, t]));
    const sourceKeys = new Set(source.map(keyOf));
    const matched = source.filter((s) => inTarget.has(keyOf(s)));
    const targetOrder = matched.map((s) => inTarget.get(keyOf(s))!).sort((a, b) => a.start - b.start);
    total += source.length + target.filter((t) => !sourceKeys.has(keyOf(t))).length;
    matched.forEach((s, i) => {
      const t = inTarget.get(keyOf(s))!;
      if (s.partner !== undefined) {
        const other = byIdTarget.get(s.partner);
        if (!other) return;
        const [open, close] = t.kind === 'open' ? [t, other] : [other, t];
        if (open.start > close.start) return;
      }
      if (s.canReorder === false) {
        const before = new Set(matched.slice(0, i).map(keyOf));
        const targetBefore = targetOrder.slice(0, targetOrder.indexOf(t)).map(keyOf);
        if (targetBefore.length !== before.size || targetBefore.some((k) => !before.has(k))) return;
      }
      correct++;
    });
  }
  return total ? { correct, total, accuracy: correct / total } : undefined;
}

/** A side's tags by their segment's id, each list in the side's order. */
function bySegment(spans: readonly TagSpan[]): Map<string, TagSpan[]> {
  const out = new Map<string, TagSpan[]>();
  for (const t of spans) {
    const list = out.get(t.segment);
    if (list) list.push(t);
    else out.set(t.segment, [t]);
  }
  return out;
}

/** Several articles' tag accuracy as one: the counts pooled, never a mean of percentages. */
export function pooledTagAccuracy(parts: readonly (TagAccuracy | undefined)[]): TagAccuracy | undefined {
  let correct = 0;
  let total = 0;
  for (const p of parts) {
    if (!p) continue;
    correct += p.correct;
    total += p.total;
  }
  return total ? { correct, total, accuracy: correct / total } : undefined;
}

/** Tag accuracy as printed everywhere (metrics bar, report, CLI): "83.3% (5/6)", in the language's digits. */
export function formatTagAccuracy(a: TagAccuracy, lng: string): string {
  const pct = new Intl.NumberFormat(lng, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(a.accuracy);
  const n = new Intl.NumberFormat(lng, { maximumFractionDigits: 0 });
  return `${pct} (${n.format(a.correct)}/${n.format(a.total)})`;
}

/**
 * The tag check (as Xbench's and Trados's tag verification): per document segment, the translation's
 * inline tags against the source's, matched by id. Reports a source tag missing from the translation
 * (critical when the format forbids deleting it), a tag the source's segment does not have, a tag that
 * may not be moved out of the source's order, a pair closed before it opens, and pairs that overlap in
 * the translation when they did not in the source. A missing tag gets a fix that inserts it where the
 * source's neighbours say it goes, else at the segment's end (before its closing punctuation).
 */
import type { TagSpan } from '../../../contract/api.js';
import type { Fix } from '../../../contract/review.js';
import type { CheckContext, CheckDefinition, CheckTags, RawFinding } from '../types.js';
import { qaMessage } from './util.js';

type Seg = CheckTags['segments'][number];

const key = (t: TagSpan) => `${t.kind}\u0000${t.id}`;
const inSide = (tags: readonly TagSpan[], [start, end]: [number, number]) => tags.filter((t) => t.start >= start && t.end <= end);

function insertFix(display: string, at: number): Fix {
  return { labelKey: 'qa:fixInsertTag', edits: [{ start: at, end: at, text: display }] };
}

/** Where a missing source tag goes in the translation's segment. */
function insertionPoint(ctx: CheckContext, seg: Seg, source: TagSpan[], i: number, matched: Map<string, TagSpan>): number {
  const tag = source[i]!;
  // After the target partner of the closest source tag before it, when nothing but spaces separates them
  // in the source; before the one after it, likewise; an open tag's place is after its predecessor.
  const before = source[i - 1] && matched.get(key(source[i - 1]!));
  const after = source[i + 1] && matched.get(key(source[i + 1]!));
  const gap = (a: number, b: number) => ctx.source.slice(a, b).trim() === '';
  if (before && (tag.kind !== 'close' || gap(source[i - 1]!.end, tag.start))) return before.end;
  if (after && gap(tag.end, source[i + 1]!.start)) return after.start;
  const [srcStart, srcEnd] = seg.source;
  const [tgtStart, tgtEnd] = seg.target;
  if (ctx.source.slice(srcStart, tag.start).trim() === '') return tgtStart;
  // At the end, before the closing punctuation both sides end with ("…</b>." → before the ".").
  const tail = ctx.source.slice(tag.end, srcEnd);
  if (/^[\p{P}\s]*$/u.test(tail) && ctx.target.slice(tgtStart, tgtEnd).endsWith(tail.trimEnd()) && tail.trimEnd()) return tgtEnd - tail.trimEnd().length;
  return after ? after.start : tgtEnd;
}

function checkSegment(ctx: CheckContext, tags: CheckTags, seg: Seg): RawFinding[] {
  const source = inSide(tags.source, seg.source).filter((t) => t.segment === seg.id);
  const target = inSide(tags.target, seg.target).filter((t) => t.segment === seg.id);
  if (!source.length && !target.length) return [];
  const out: RawFinding[] = [];
  const inTarget = new Map(target.map((t) => [key(t), t]));
  const inSource = new Set(source.map(key));
  const [segStart, segEnd] = seg.target;

  source.forEach((s, i) => {
    if (inTarget.has(key(s))) return;
    const locked = s.canDelete === false;
    out.push({
      start: segStart,
      end: segEnd,
      ...(locked ? { severity: 'critical' as const } : {}),
      message: qaMessage(locked ? 'tagMissingLocked' : 'tagMissing', { tag: s.display }),
      fixes: [insertFix(s.display, insertionPoint(ctx, seg, source, i, inTarget))],
    });
  });
  for (const t of target) {
    if (!inSource.has(key(t))) out.push({ start: t.start, end: t.end, message: qaMessage('tagExtra', { tag: t.display }), fixes: [{ edits: [{ start: t.start, end: t.end, text: '' }] }] });
  }

  // Order: a tag that may not be reordered must have the same matched tags before it on both sides.
  const both = source.filter((s) => inTarget.has(key(s)));
  const targetOrder = both.map((s) => inTarget.get(key(s))!).sort((a, b) => a.start - b.start);
  both.forEach((s, i) => {
    if (s.canReorder !== false) return;
    const t = inTarget.get(key(s))!;
    const before = new Set(both.slice(0, i).map(key));
    const targetBefore = targetOrder.slice(0, targetOrder.indexOf(t)).map(key);
    if (targetBefore.length !== before.size || targetBefore.some((k) => !before.has(k))) out.push({ start: t.start, end: t.end, message: qaMessage('tagMoved', { tag: t.display }) });
  });

  // Pairs in the translation: closed before opened, or overlapping where the source nests them.
  const byId = new Map(target.map((t) => [t.id, t]));
  const pairs: { open: TagSpan; close: TagSpan }[] = [];
  for (const t of target) {
    if (t.kind !== 'open' || t.partner === undefined) continue;
    const close = byId.get(t.partner);
    if (!close || close.kind !== 'close') continue;
    if (close.start < t.start) out.push({ start: close.start, end: close.end, message: qaMessage('tagPairOrder', { tag: close.display }) });
    else pairs.push({ open: t, close });
  }
  const sourceStart = new Map(source.map((s) => [s.id, s.start]));
  const crossIn = (a: { open: TagSpan; close: TagSpan }, b: { open: TagSpan; close: TagSpan }, at: (t: TagSpan) => number | undefined) => {
    const [ao, ac, bo, bc] = [at(a.open), at(a.close), at(b.open), at(b.close)];
    return ao !== undefined && ac !== undefined && bo !== undefined && bc !== undefined && ao < bo && bo < ac && ac < bc;
  };
  for (const a of pairs) {
    for (const b of pairs) {
      if (a === b || !crossIn(a, b, (t) => t.start)) continue;
      if (crossIn(a, b, (t) => sourceStart.get(t.id))) continue; // crossing in the source too (XLIFF sc/ec may)
      out.push({ start: a.close.start, end: a.close.end, message: qaMessage('tagOverlap', { tag: a.close.display, other: b.open.display }) });
    }
  }
  return out;
}

export const tagsCheck: CheckDefinition = {
  id: 'qa.tags',
  category: 'Other',
  severity: 'major',
  description: 'Inline tags of the source missing, added, moved where they may not move, or broken pairs in the translation.',
  scope: 'document',
  run(ctx) {
    const tags = ctx.tags;
    if (!tags || (!tags.source.length && !tags.target.length)) return [];
    return tags.segments.flatMap((seg) => checkSegment(ctx, tags, seg));
  },
};

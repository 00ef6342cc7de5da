/**
 * What makes a tag chip atomic in the editor, as plain functions over offsets (no Monaco, so they are
 * unit-tested): where a cursor inside a chip goes, how far a selection or a deletion must reach so no
 * chip is cut, and which source tag the insert-tag key puts into the translation.
 */
import type { TagSpan } from '../../main/contract/api';

type Range = Pick<TagSpan, 'start' | 'end'>;

/** The chip that `offset` lies strictly inside, if any. */
export function chipAround<T extends Range>(chips: readonly T[], offset: number): T | undefined {
  return chips.find((c) => c.start < offset && offset < c.end);
}

/** A cursor never rests inside a chip: it goes to the edge in the direction it was moving. */
export function snapOffset(chips: readonly Range[], offset: number, previous: number): number {
  const c = chipAround(chips, offset);
  if (!c) return offset;
  return offset >= previous ? c.end : c.start;
}

/** A range widened so that every chip it touches is inside it whole (a selection, a deletion). */
export function coverChips(chips: readonly Range[], start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  for (const c of chips) {
    if (c.start < s && s < c.end) s = c.start;
    if (c.start < e && e < c.end) e = c.end;
  }
  return { start: s, end: e };
}

/** Backspace right after a chip, or Delete right before one, removes that chip whole. */
export function chipDeletedBy(chips: readonly Range[], key: 'Backspace' | 'Delete', offset: number): Range | undefined {
  return chips.find((c) => (key === 'Backspace' ? c.end === offset : c.start === offset));
}

/** Segments in a segmented format's text are separated by one blank line (segment-text.ts). */
const SEPARATOR = '\n\n';

/** [start, end) of each segment block of a side's text. */
export function segmentBlocks(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (;;) {
    const i = text.indexOf(SEPARATOR, start);
    if (i === -1) break;
    out.push({ start, end: i });
    start = i + SEPARATOR.length;
  }
  out.push({ start, end: text.length });
  return out;
}

/**
 * The source tag the insert-tag key puts at the cursor: the first, in source order, of the current
 * segment's source tags that the translation's segment lacks (matched by segment and id). The segment is
 * the block the cursor is in; the source's block of the same number holds its source. Undefined when
 * every tag is there (or the sides do not have as many segments).
 */
export function nextMissingTag(source: { text: string; tags: readonly TagSpan[] }, target: { text: string; tags: readonly TagSpan[] }, cursor: number): TagSpan | undefined {
  const sb = segmentBlocks(source.text);
  const tb = segmentBlocks(target.text);
  if (sb.length !== tb.length) return undefined;
  const k = tb.findIndex((b) => cursor >= b.start && cursor <= b.end);
  const s = sb[k];
  const t = tb[k];
  if (!s || !t) return undefined;
  const have = new Set(target.tags.filter((c) => c.start >= t.start && c.end <= t.end).map((c) => `${c.segment}\u0000${c.id}`));
  return source.tags.find((c) => c.start >= s.start && c.end <= s.end && !have.has(`${c.segment}\u0000${c.id}`));
}

import type { TextEdit } from '../../main/common/text-edit';

/** One change of a model's text, in the offsets of the text before it (Monaco's IModelContentChange). */
interface Change {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/**
 * The span of a text changed since it was last taken, kept from the change events: what a worker that
 * holds the text needs to be sent (one edit) without the page stringifying or scanning a 1.2 MB book.
 */
export class ChangedSpan {
  /** [start, end) in the current text covering every change; `delta`: current length minus the length at the last take. */
  private span: { start: number; end: number; delta: number } | null = null;

  /** The changes of one content event (non-overlapping, each in the offsets of the text before the event). */
  add(changes: readonly Change[]): void {
    // From the last to the first: each change leaves the offsets before it as they were.
    for (const c of [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) {
      const from = c.rangeOffset;
      const to = from + c.rangeLength;
      const by = c.text.length - c.rangeLength;
      const s = this.span;
      if (!s) {
        this.span = { start: from, end: from + c.text.length, delta: by };
        continue;
      }
      const mapEnd = s.end <= from ? s.end : s.end >= to ? s.end + by : from + c.text.length;
      const mapStart = s.start <= from ? s.start : s.start >= to ? s.start + by : from;
      this.span = { start: Math.min(mapStart, from), end: Math.max(mapEnd, from + c.text.length), delta: s.delta + by };
    }
  }

  /** The edit from the text at the last take to `current` (the text now), and a fresh start from here. */
  take(current: string): TextEdit {
    const s = this.span;
    this.span = null;
    if (!s) return { start: current.length, end: current.length, text: '' };
    return { start: s.start, end: s.end - s.delta, text: current.slice(s.start, s.end) };
  }
}

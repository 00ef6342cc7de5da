import { diffArrays } from 'diff';
import { CalqueError } from '../../contract/api.js';
import type { Document, Piece, Segment, Side } from '../../contract/document.js';
import { piecesText } from '../../contract/document.js';
import { knownTags, piecesFromText } from './inline-tags.js';
import { textEdit } from '../../common/text-edit.js';

/**
 * The editor's text of a segmented file (a table, later XLIFF): each segment's text, one blank line
 * between segments, so paragraphs, sentences, checks and alignment work on it as on a text file.
 */
export const SEGMENT_SEPARATOR = '\n\n';

/** Lay out segment texts one after another; returns the text and each segment's [start, end). */
export function joinSegments(texts: readonly string[]): { text: string; ranges: [number, number][] } {
  const ranges: [number, number][] = [];
  let pos = 0;
  for (const [i, t] of texts.entries()) {
    if (i > 0) pos += SEGMENT_SEPARATOR.length;
    ranges.push([pos, pos + t.length]);
    pos += t.length;
  }
  return { text: texts.join(SEGMENT_SEPARATOR), ranges };
}

/**
 * Map an edited text back onto the segments it was laid out from. The edit is found as the changed
 * span between the common prefix and suffix (textEdit, the editor's check requests' edit). One
 * segment touched: it takes the whole edit (blank lines included). Several: a line diff of that span finds where each blank line that separated them
 * went; the text is cut there. Returns null when a separator was edited away (two rows merged), so
 * the caller refuses the save instead of writing text into the wrong cells.
 */
export function splitEditedText(oldText: string, ranges: readonly [number, number][], newText: string): string[] | null {
  const texts = ranges.map(([s, e]) => oldText.slice(s, e));
  if (oldText === newText) return texts;
  if (!ranges.length) return null;
  const edit = textEdit(oldText, newText);
  const prefix = edit.start;
  const oldEnd = edit.end;
  const suffix = oldText.length - oldEnd;
  // First segment ending at or after the edit's start, last one starting at or before its end; an
  // edit that starts or ends inside a separator takes in the segment on the separator's other side.
  let first = ranges.findIndex(([, e]) => e >= prefix);
  if (first === -1) first = ranges.length - 1;
  if (ranges[first]![0] > prefix && first > 0) first--;
  let last = ranges.length - 1;
  while (last > 0 && ranges[last]![0] > oldEnd) last--;
  if (ranges[last]![1] < oldEnd && last < ranges.length - 1) last++;
  if (last < first) last = first;
  const from = ranges[first]![0];
  const to = ranges[last]![1] + (newText.length - oldText.length);
  if (from > prefix || to < newText.length - suffix) return null; // the edit reaches outside every segment
  const covered = newText.slice(from, to);
  const pieces = first === last ? [covered] : cutAtSeparators(texts.slice(first, last + 1), covered);
  if (!pieces) return null;
  return [...texts.slice(0, first), ...pieces, ...texts.slice(last + 1)];
}

/**
 * Cut `edited` into as many pieces as `before` had segments, where the blank lines between them went.
 * Both texts become tokens, a blank line ("\n\n") one token and every other character one, so a diff
 * can only match an old separator with a blank line of the new text. When that diff is too big to
 * finish in time (a replace-all over a long table), the new text is cut at its blank lines, which is
 * right when no segment had a blank line of its own and the count matches; otherwise null.
 */
function cutAtSeparators(before: readonly string[], edited: string): string[] | null {
  const size = edited.length + before.reduce((n, t) => n + t.length, 0);
  if (size > MAX_DIFFED_CHARS) return cutAtBlankLines(before, edited);
  const oldTokens: string[] = [];
  const separators: number[] = [];
  for (const [i, t] of before.entries()) {
    if (i > 0) {
      separators.push(oldTokens.length);
      oldTokens.push(SEGMENT_SEPARATOR);
    }
    oldTokens.push(...tokens(t));
  }
  const newTokens = tokens(edited);
  const changes = diffArrays(oldTokens, newTokens, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) return cutAtBlankLines(before, edited);
  // Old token index → new token index, for the tokens the diff kept.
  const kept = new Map<number, number>();
  let o = 0;
  let n = 0;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (change.added) n += count;
    else if (change.removed) o += count;
    else for (let k = 0; k < count; k++) kept.set(o++, n++);
  }
  const pieces: string[] = [];
  let start = 0;
  for (const sep of separators) {
    const cut = kept.get(sep);
    if (cut === undefined || cut < start) return null;
    pieces.push(newTokens.slice(start, cut).join(''));
    start = cut + 1;
  }
  pieces.push(newTokens.slice(start).join(''));
  return pieces;
}

/** How long a save may spend finding where the rows of an edited table went, and on how much text. */
const DIFF_TIMEOUT_MS = 200;
const MAX_DIFFED_CHARS = 400_000;

/** The coarse cut: right when no segment had a blank line of its own and the count matches. */
function cutAtBlankLines(before: readonly string[], edited: string): string[] | null {
  if (before.some((t) => t.includes(SEGMENT_SEPARATOR))) return null;
  const pieces = edited.split(SEGMENT_SEPARATOR);
  return pieces.length === before.length ? pieces : null;
}

function tokens(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s.startsWith(SEGMENT_SEPARATOR, i)) {
      out.push(SEGMENT_SEPARATOR);
      i += SEGMENT_SEPARATOR.length - 1;
    } else out.push(s[i]!);
  }
  return out;
}

/** The segments of a document that have the given side, in order. */
export function segmentsWith(doc: Document, side: Side): Segment[] {
  return doc.units.flatMap((u) => u.segments.filter((s) => s[side]));
}

/**
 * A segmented document with one side's text replaced by the editor's. The content of a changed
 * segment is made from its new text by `toContent`; by default the text re-split into pieces, the
 * display text of a tag the segment knows becoming that tag again (inline-tags.ts), so its original
 * markup is written back; other text stays text.
 */
export function withSegmentText(
  doc: Document,
  side: Side,
  text: string,
  toContent: (old: Piece[], text: string, segment: Segment) => Piece[] = (_, t, seg) => piecesFromText(t, knownTags(seg, side)),
): Document {
  const segs = segmentsWith(doc, side);
  const ranges = segs.map((s) => [s[side]!.start, s[side]!.end] as [number, number]);
  const texts = splitEditedText(doc.text[side], ranges, text.normalize('NFC'));
  // The caller knows the file and adds its path to the error.
  if (!texts) throw new CalqueError('segmentsChanged', { path: '' });
  const laid = joinSegments(texts);
  const bySeg = new Map(segs.map((s, i) => [s, i]));
  // A segment (and a unit) the edit neither changed nor moved stays the same object: before the edit
  // in a 10 MB file, half of them, which a save need not copy.
  const units = doc.units.map((u) => {
    let moved = false;
    const segments = u.segments.map((s) => {
      const i = bySeg.get(s);
      if (i === undefined) return s;
      const [start, end] = laid.ranges[i]!;
      const old = s[side]!;
      const same = texts[i] === piecesText(old.content);
      if (same && start === old.start && end === old.end) return s;
      moved = true;
      return { ...s, [side]: { content: same ? old.content : toContent(old.content, texts[i]!, s), start, end } };
    });
    return moved ? { ...u, segments } : u;
  });
  return { ...doc, units, text: { ...doc.text, [side]: laid.text } };
}

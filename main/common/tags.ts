/**
 * Inline tags as ranges of a side's text (contract TagSpan), for the code that works on text: the checks
 * see tags masked (never a spelling error in "bx", a number in "{2}"), the metrics see the text without
 * them (blanked), the word diff keeps each one whole. Spans are sorted by start and never overlap.
 */
import type { TagSpan } from '../contract/api.js';

/** Stands for each character of a tag in masked text: not a letter, digit, space or punctuation mark. */
export const TAG_MASK = '\uFFFC';

/** The text with every tag's display replaced by as many TAG_MASK characters: offsets are unchanged. */
export function maskTags(text: string, spans: readonly Pick<TagSpan, 'start' | 'end'>[]): string {
  if (!spans.length) return text;
  let out = '';
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos || s.end > text.length) continue;
    out += text.slice(pos, s.start) + TAG_MASK.repeat(s.end - s.start);
    pos = s.end;
  }
  return out + text.slice(pos);
}

/**
 * The text without the tags' display text, each replaced by as many spaces: what HTER and chrF are
 * computed on. Spaces keep every offset (the metrics' segments stay where the editor's are), TER splits
 * words on them and chrF drops them, so a tag weighs nothing in either.
 */
export function blankTags(text: string, spans: readonly Pick<TagSpan, 'start' | 'end'>[]): string {
  if (!spans.length) return text;
  let out = '';
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos || s.end > text.length) continue;
    out += text.slice(pos, s.start) + ' '.repeat(s.end - s.start);
    pos = s.end;
  }
  return out + text.slice(pos);
}

/**
 * Whether [start, end) cuts a tag: it starts or ends strictly inside one, or lies within one. A range
 * that covers whole tags (a finding on a segment) does not.
 */
export function cutsTag(spans: readonly Pick<TagSpan, 'start' | 'end'>[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  // The first span ending after `start`: the only one `start` can be inside of or at.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < spans.length && spans[i]!.start < Math.max(end, start + 1); i++) {
    const s = spans[i]!;
    if (s.start < start || (s.start < end && end < s.end)) return true;
    if (start < end && start >= s.start && end <= s.end && (start > s.start || end < s.end)) return true;
  }
  return false;
}

/** An article's inline tags on both sides and the document segments to compare them by. */
export interface ArticleTags {
  source: readonly TagSpan[];
  target: readonly TagSpan[];
  /** Document segments present on both sides, in order, with their [start, end) in each text. */
  segments: readonly { id: string; source: [number, number]; target: [number, number] }[];
}

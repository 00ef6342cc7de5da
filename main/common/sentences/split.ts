import type { Sentence } from '../../contract/review.js';
import { splitParagraphs } from '../paragraphs.js';
import { abbreviationsFor, BEFORE_NUMBER, GERMAN_MONTHS, GERMAN_ORDINAL_LEAD } from './abbreviations.js';

/**
 * Sentence segmentation: Intl.Segmenter line by line (it is very slow on long strings in Node 20,
 * DESIGN.md), then repairs of what ICU gets wrong in news text: abbreviations and initials, German
 * ordinals, "No. 5", sentences that go on in lower case, closing quotes that ICU moves to the next
 * sentence, and ellipses before a capital. A line break always ends a sentence.
 */

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang || 'en', { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

/** A piece of a line: [start, end) relative to the line, untrimmed. */
export type Piece = [number, number];

const CLOSERS = /^[\s»”’"'）)\]】」』›]+/u;
const OPENERS_AND_SPACE = /^[\s«“‘"'(（[【「『‹]+/u;
/** Ellipsis then space then an upper-case letter (optionally after an opening quote): ICU does not split there. */
const ELLIPSIS_BREAK = /(?:…|\.\.\.)[»”’"')\]]*(\s+)(?=[«“‘"'(]?\p{Lu})/gu;

/** Last whitespace-separated token, without opening brackets or quotes. */
function lastToken(text: string): string {
  const m = /(\S+)\s*$/u.exec(text);
  return (m?.[1] ?? '').replace(OPENERS_AND_SPACE, '');
}

function firstWord(text: string): string {
  return /^\s*[«“‘"'(]?(\S*)/u.exec(text)?.[1] ?? '';
}

/** Whether the boundary between `left` and `right` (both from one line) is not a sentence end. */
function joins(left: string, right: string, lang: string, primary: string): boolean {
  const head = right.replace(OPENERS_AND_SPACE, '');
  if (head === '') return true;
  const first = head[0]!;
  // A sentence does not start in lower case, nor with ",;:" (ICU splits "“Really?” she asked").
  if (/[\p{Ll},;:]/u.test(first)) return true;
  const tok = lastToken(left.trimEnd());
  if (!tok.endsWith('.')) return false;
  const bare = tok.slice(0, -1).replace(/[«“‘"'(]/gu, '');
  if (abbreviationsFor(lang).has(bare)) return true;
  // Initials: "J. K. Rowling", "Luiz I. Lula".
  if (/^\p{Lu}$/u.test(bare)) return true;
  if (BEFORE_NUMBER.has(bare) && /\p{N}/u.test(first)) return true;
  if (primary === 'de' && /^\d{1,4}$/u.test(bare)) {
    const words = left.trimEnd().split(/\s+/u);
    const before = words[words.length - 2] ?? '';
    if (GERMAN_MONTHS.has(firstWord(head).replace(/[.,]$/u, '')) || GERMAN_ORDINAL_LEAD.has(before)) return true;
  }
  return false;
}

/** Lines longer than this are segmented window by window (ICU's time grows faster than a line's length). */
const WINDOW = 4000;
/** Breaks this close to a window's end may depend on text past it: the next window starts at the last break before. */
const MARGIN = 400;

/** ICU's sentence pieces of a line; a long line window by window, each window starting at a break ICU made. */
export function icuPieces(line: string, lang: string, firstWindow = WINDOW): Piece[] {
  const raw: Piece[] = [];
  const segmenter = segmenterFor(lang);
  let from = 0;
  let window = firstWindow;
  while (from < line.length) {
    const end = from + window >= line.length - MARGIN ? line.length : from + window;
    const pieces: Piece[] = [];
    for (const seg of segmenter.segment(line.slice(from, end))) pieces.push([from + seg.index, from + seg.index + seg.segment.length]);
    if (end === line.length) {
      raw.push(...pieces);
      break;
    }
    let kept = 0;
    while (kept < pieces.length && pieces[kept]![1] <= end - MARGIN) kept++;
    if (kept === 0) {
      window *= 2; // no break early enough in this window: look further
      continue;
    }
    raw.push(...pieces.slice(0, kept));
    from = pieces[kept - 1]![1];
    window = firstWindow;
  }
  return raw;
}

function segmentLine(line: string, lang: string, primary: string): Piece[] {
  const raw = icuPieces(line, lang);
  // ICU leaves a closing quote that follows a space ("« Bonjour. » Elle") at the start of the next piece.
  for (let k = 1; k < raw.length; k++) {
    const m = CLOSERS.exec(line.slice(raw[k]![0], raw[k]![1]));
    if (m && /\S/u.test(m[0])) {
      const cut = raw[k]![0] + m[0].trimEnd().length;
      raw[k - 1]![1] = cut;
      raw[k]![0] = cut;
    }
  }
  const merged: Piece[] = [];
  for (const p of raw) {
    const prev = merged[merged.length - 1];
    if (prev && joins(line.slice(prev[0], prev[1]), line.slice(p[0], p[1]), lang, primary)) prev[1] = p[1];
    else merged.push([p[0], p[1]]);
  }
  const out: Piece[] = [];
  for (const [s, e] of merged) {
    let from = s;
    for (const m of line.slice(s, e).matchAll(ELLIPSIS_BREAK)) {
      const cut = s + (m.index ?? 0) + m[0].length - m[1]!.length;
      out.push([from, cut]);
      from = cut;
    }
    out.push([from, e]);
  }
  return out;
}

/**
 * Sentences of `text` ("\n" line endings, NFC): [start, end) offsets into `text`, trimmed, with the
 * index of the paragraph each starts in. Chinese and Japanese end sentences at 。！？ (ICU does).
 */
export function splitSentences(text: string, lang: string): Sentence[] {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  const out: Sentence[] = [];
  for (const para of splitParagraphs(text)) {
    let lineStart = para.start;
    for (const line of para.text.split('\n')) {
      for (const [s, e] of segmentLine(line, lang, primary)) {
        const piece = line.slice(s, e);
        const lead = piece.length - piece.trimStart().length;
        const trail = piece.length - piece.trimEnd().length;
        if (lead === piece.length) continue;
        out.push({ start: lineStart + s + lead, end: lineStart + e - trail, paragraph: para.index });
      }
      lineStart += line.length + 1;
    }
  }
  return out;
}

/** The sentences' texts (a convenience for aligning and for tests). */
export function sentenceTexts(text: string, sentences: readonly Sentence[]): string[] {
  return sentences.map((s) => text.slice(s.start, s.end));
}

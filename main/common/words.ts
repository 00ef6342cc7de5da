/**
 * Word tokens for diffs and counts. Spaced languages: runs of letters, marks, numbers (with inner
 * apostrophes, hyphens and digit separators) and single punctuation marks. Chinese, Japanese and Thai
 * have no spaces: their words come from Intl.Segmenter, never single characters.
 */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** True for words, false for punctuation and symbols. */
  word: boolean;
}

const UNSPACED = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my']);

export function isUnspacedLanguage(lang: string): boolean {
  return UNSPACED.has(lang.toLowerCase().split('-')[0] ?? '');
}

const SPACED_TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’\-.,][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, s);
  }
  return s;
}

/** Tokenize one unit of text (a paragraph or sentence: Intl.Segmenter is slow on long strings). */
export function tokenize(text: string, lang: string, offset = 0): Token[] {
  const out: Token[] = [];
  if (isUnspacedLanguage(lang)) {
    for (const seg of segmenterFor(lang).segment(text)) {
      if (/^\s+$/u.test(seg.segment)) continue;
      out.push({ text: seg.segment, start: offset + seg.index, end: offset + seg.index + seg.segment.length, word: seg.isWordLike === true });
    }
    return out;
  }
  for (const m of text.matchAll(SPACED_TOKEN)) {
    const start = offset + (m.index ?? 0);
    out.push({ text: m[0], start, end: start + m[0].length, word: /[\p{L}\p{N}]/u.test(m[0]) });
  }
  return out;
}

/** Number of words (not punctuation) in a text, paragraph by paragraph. */
export function countWords(text: string, lang: string): number {
  let n = 0;
  for (const para of text.split('\n')) for (const t of tokenize(para, lang)) if (t.word) n++;
  return n;
}

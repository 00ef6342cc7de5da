import type { AlignmentLink, DocumentAlignment, Sentence } from '../../contract/review.js';
import { splitSentences } from '../sentences/split.js';
import { alignUnits, type AlignParams } from './dp.js';
import { contentLength } from './length.js';

export interface AlignOptions {
  sourceLang?: string;
  targetLang?: string;
  /** Tuning knobs (conformance and tests); the defaults were set by hand on a German–French gold set. */
  params?: Partial<AlignParams>;
  /** Per sentence: 1 when it starts a paragraph (a link whose sides disagree costs a little more). */
  sourceBreaks?: Uint8Array;
  targetBreaks?: Uint8Array;
  /** Up to this many cells the whole matrix is searched, above it a band (default 1,000,000). */
  fullMatrixCells?: number;
}

/**
 * Align two lists of sentences: every sentence of both lists is in exactly one link, links in order.
 * Language-independent today (anchors are numbers, names, cognates and marks); the languages are
 * accepted so that a language-pair lexicon can be added without changing callers.
 */
export function alignSentenceLists(src: readonly string[], tgt: readonly string[], opts: AlignOptions = {}): AlignmentLink[] {
  return alignUnits(src, tgt, { params: opts.params, sourceBreaks: opts.sourceBreaks, targetBreaks: opts.targetBreaks, fullMatrixCells: opts.fullMatrixCells });
}

/** Paragraph pairs whose lengths differ from the document's ratio by more than this factor do not correspond. */
const PARAGRAPH_RATIO_SLACK = 2.5;
/** Paragraphs shorter than this (content characters) are too short for their length ratio to mean anything. */
const SHORT_PARAGRAPH = 40;

function paragraphTexts(text: string, sentences: readonly Sentence[]): string[] {
  const out: string[] = [];
  for (const s of sentences) out[s.paragraph] = (out[s.paragraph] ?? '') + text.slice(s.start, s.end);
  return out;
}

/** Whether paragraph k of the source is the translation of paragraph k of the target, for every k. */
function paragraphsCorrespond(src: string[], tgt: string[]): boolean {
  if (src.length !== tgt.length || src.length < 2) return false;
  const ls = src.map((p) => contentLength(p ?? ''));
  const lt = tgt.map((p) => contentLength(p ?? ''));
  const ratio = lt.reduce((a, b) => a + b, 0) / Math.max(1, ls.reduce((a, b) => a + b, 0));
  return ls.every((l, k) => {
    const t = lt[k]!;
    if (l === 0 || t === 0) return l === t;
    if (l < SHORT_PARAGRAPH && t < SHORT_PARAGRAPH) return true;
    const r = t / l / ratio;
    return r < PARAGRAPH_RATIO_SLACK && r > 1 / PARAGRAPH_RATIO_SLACK;
  });
}

function breaks(sentences: readonly Sentence[]): Uint8Array {
  return Uint8Array.from(sentences, (s, k) => (k === 0 || sentences[k - 1]!.paragraph !== s.paragraph ? 1 : 0));
}

/**
 * Split both texts into sentences and align them. When the paragraphs correspond one to one, sentences
 * are aligned within each paragraph pair; otherwise (a dateline on its own paragraph in the source and
 * glued to the first sentence in the translation, paragraphs merged or split) across the whole
 * document, where a link whose sides disagree on starting a paragraph costs a little more.
 */
export function alignDocument(source: string, target: string, sourceLang: string, targetLang: string): DocumentAlignment {
  const src = splitSentences(source, sourceLang);
  const tgt = splitSentences(target, targetLang);
  const srcTexts = src.map((s) => source.slice(s.start, s.end));
  const tgtTexts = tgt.map((s) => target.slice(s.start, s.end));
  const sp = paragraphTexts(source, src);
  const tp = paragraphTexts(target, tgt);
  if (!paragraphsCorrespond(sp, tp)) {
    return { source: src, target: tgt, links: alignUnits(srcTexts, tgtTexts, { sourceBreaks: breaks(src), targetBreaks: breaks(tgt) }) };
  }
  const links: AlignmentLink[] = [];
  let i = 0;
  let j = 0;
  for (let k = 0; k < sp.length; k++) {
    let i2 = i;
    while (i2 < src.length && src[i2]!.paragraph === k) i2++;
    let j2 = j;
    while (j2 < tgt.length && tgt[j2]!.paragraph === k) j2++;
    for (const l of alignUnits(srcTexts.slice(i, i2), tgtTexts.slice(j, j2))) {
      links.push({ source: l.source.map((x) => x + i), target: l.target.map((y) => y + j) });
    }
    i = i2;
    j = j2;
  }
  return { source: src, target: tgt, links };
}

/** The same source sentence translated differently within the article, or elsewhere in the project. */
import type { CheckDefinition, RawFinding } from '../types.js';
import { qaMessage } from './util.js';

/** Normalised sentence for comparisons: NFC, single spaces, straight quotes. */
export function normaliseSentence(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').replace(/[“”„«»]/gu, '"').replace(/[‘’]/gu, "'").trim();
}

/** Sentences shorter than this (headings, "Yes.") legitimately translate in different ways. */
const MIN_WORDS = 4;

export const consistency: CheckDefinition = {
  id: 'qa.consistency',
  category: 'Fluency/Inconsistency',
  severity: 'minor',
  scope: 'document',
  run(ctx) {
    const out: RawFinding[] = [];
    const firstTarget = new Map<string, string>();
    for (const seg of ctx.segments) {
      if (!seg.source || !seg.target) continue;
      const src = normaliseSentence(seg.source);
      if (src.split(' ').length < MIN_WORDS) continue;
      const tgt = normaliseSentence(seg.target);
      const span = { start: seg.targetStart, end: seg.targetStart + seg.target.length };
      const earlier = firstTarget.get(src);
      if (earlier === undefined) firstTarget.set(src, tgt);
      else if (earlier !== tgt) {
        out.push({ ...span, message: qaMessage('inconsistentInArticle', { other: earlier }) });
        continue;
      }
      const elsewhere = (ctx.project.translations?.get(src) ?? ctx.project.translations?.get(seg.source) ?? []).filter((t) => t.articleId !== ctx.articleId);
      if (elsewhere.length && !elsewhere.some((t) => normaliseSentence(t.target) === tgt)) {
        out.push({ ...span, message: qaMessage('inconsistentInProject', { article: elsewhere[0]!.articleId, other: elsewhere[0]!.target }) });
      }
    }
    return out;
  },
};

/**
 * The other direction (Xbench's "target inconsistency"): two different source sentences of the article
 * rendered by the same translation, so one of them is probably mistranslated.
 */
export const targetConsistency: CheckDefinition = {
  id: 'qa.consistency-target',
  category: 'Fluency/Inconsistency',
  severity: 'minor',
  description: 'Two different source sentences with the same translation.',
  scope: 'document',
  run(ctx) {
    const out: RawFinding[] = [];
    const firstSource = new Map<string, string>();
    for (const seg of ctx.segments) {
      if (!seg.source || !seg.target) continue;
      const tgt = normaliseSentence(seg.target);
      if (tgt.split(' ').length < MIN_WORDS) continue;
      const src = normaliseSentence(seg.source);
      const earlier = firstSource.get(tgt);
      if (earlier === undefined) firstSource.set(tgt, src);
      // Sources that differ only in case or punctuation are the same sentence.
      else if (earlier.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') !== src.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')) {
        out.push({ start: seg.targetStart, end: seg.targetStart + seg.target.length, message: qaMessage('sameTargetOtherSource', { other: earlier }) });
      }
    }
    return out;
  },
};

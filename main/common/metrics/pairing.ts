import { diffArrays } from 'diff';
import type { AlignmentLink } from '../../contract/review.js';
import { alignSentenceLists, type AlignParams } from '../align/index.js';

import { isUnspacedLanguage, tokenize } from '../words.js';

/**
 * Aligner settings for a text against its own edited version, set by hand on sentence edits written
 * for tests/common/metrics-live.test.ts: merging two sentences costs more than across languages (a
 * same-language link without a merge is nearly free), so an edited sentence is not glued to its neighbour.
 */
const SAME_LANGUAGE: Partial<AlignParams> = { merge2: 1.5, merge3: 2 };

/** Baseline paragraphs `a` paired with current paragraphs `b` (either may be empty: a paragraph added or removed). */
export interface ParagraphPair {
  a: number[];
  b: number[];
  /** True when the texts are equal. */
  same: boolean;
}

/**
 * The same pairing as word-diff.ts's alignParagraphs (which is module-private there; this mirrors it
 * so metrics and the diff agree on segments): equal prefix and suffix, then the middle one to one
 * when both sides have as many paragraphs (edits in place), else by a diff of the paragraph texts,
 * each changed run kept together.
 */
export function pairParagraphs(a: readonly string[], b: readonly string[]): ParagraphPair[] {
  const out: ParagraphPair[] = [];
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  for (let i = 0; i < pre; i++) out.push({ a: [i], b: [i], same: true });
  const midA = a.length - pre - suf;
  const midB = b.length - pre - suf;
  if (midA === midB) {
    for (let i = pre; i < pre + midA; i++) out.push({ a: [i], b: [i], same: a[i] === b[i] });
  } else {
    const ids = new Map<string, number>();
    const id = (s: string) => ids.get(s) ?? (ids.set(s, ids.size), ids.size - 1);
    let ia = pre;
    let ib = pre;
    let run: ParagraphPair | null = null;
    for (const part of diffArrays(a.slice(pre, pre + midA).map(id), b.slice(pre, pre + midB).map(id))) {
      const n = part.count ?? part.value.length;
      if (part.removed || part.added) {
        run ??= { a: [], b: [], same: false };
        for (let k = 0; k < n; k++) {
          if (part.removed) run.a.push(ia++);
          else run.b.push(ib++);
        }
      } else {
        if (run) out.push(run);
        run = null;
        for (let k = 0; k < n; k++) out.push({ a: [ia++], b: [ib++], same: true });
      }
    }
    if (run) out.push(run);
  }
  for (let i = 0; i < suf; i++) out.push({ a: [a.length - suf + i], b: [b.length - suf + i], same: true });
  return out;
}

/**
 * Align the sentences of a baseline paragraph (or run of them) with those of its edited version.
 * Both sides are one language, so identical sentences are certain anchors: the equal prefix and
 * suffix are linked one to one without a search, and only the middle goes to the sentence aligner
 * (whose anchors, word prefixes, numbers and names, are shared words here).
 */
export function pairSentences(a: readonly string[], b: readonly string[], lang: string): AlignmentLink[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const out: AlignmentLink[] = [];
  for (let i = 0; i < pre; i++) out.push({ source: [i], target: [i] });
  const midA = a.slice(pre, a.length - suf);
  const midB = b.slice(pre, b.length - suf);
  const mid = midA.length === 1 && midB.length === 1 ? [{ source: [0], target: [0] }] : alignSentenceLists(midA, midB, { params: SAME_LANGUAGE });
  const words = (t: string) => contentWords(t, lang);
  for (const l of mid.flatMap((x) => peelUnrelated(x, midA, midB, words))) out.push({ source: l.source.map((i) => i + pre), target: l.target.map((j) => j + pre) });
  for (let i = 0; i < suf; i++) out.push({ source: [a.length - suf + i], target: [b.length - suf + i] });
  return out;
}

/** Lower-cased words long enough to mean something when shared (whole words from Intl.Segmenter in Chinese, Japanese, Thai). */
function contentWords(text: string, lang: string): Set<string> {
  const min = isUnspacedLanguage(lang) ? 2 : 4;
  return new Set(tokenize(text, lang).filter((t) => t.word && t.text.length >= min).map((t) => t.text.toLowerCase()));
}

/**
 * The aligner only counts anchors found on both sides, so a sentence added next to an edited one costs
 * nothing extra inside a merge and is glued to it. In one language a merged sentence must share a word
 * with the other side: one at either end of the merged side that shares none (and has words) was
 * added or removed, and becomes a link of its own.
 */
function peelUnrelated(link: AlignmentLink, a: readonly string[], b: readonly string[], words: (t: string) => Set<string>): AlignmentLink[] {
  const many = link.source.length > 1 ? 'source' : link.target.length > 1 ? 'target' : null;
  if (!many || !link.source.length || !link.target.length) return [link];
  const [mine, theirs, other] = many === 'source' ? [a, b, link.target] : [b, a, link.source];
  const otherWords = new Set(other.flatMap((k) => [...words(theirs[k]!)]));
  const unrelated = (k: number) => {
    const w = words(mine[k]!);
    return w.size > 0 && ![...w].some((x) => otherWords.has(x));
  };
  const side = [...link[many]];
  const before: number[] = [];
  const after: number[] = [];
  while (side.length > 1 && unrelated(side[0]!)) before.push(side.shift()!);
  while (side.length > 1 && unrelated(side[side.length - 1]!)) after.unshift(side.pop()!);
  if (!before.length && !after.length) return [link];
  const alone = (k: number): AlignmentLink => (many === 'source' ? { source: [k], target: [] } : { source: [], target: [k] });
  const kept: AlignmentLink = many === 'source' ? { source: side, target: link.target } : { source: link.source, target: side };
  return [...before.map(alone), kept, ...after.map(alone)];
}

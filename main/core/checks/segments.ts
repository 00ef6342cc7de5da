/**
 * The one place the engine gets its aligned segments from: sentences (main/common/sentences/split.ts)
 * aligned by main/common/align. Each paragraph pair (or group of corresponding paragraphs when the
 * counts differ) is split and aligned on its own and the result cached by its texts, so a keystroke
 * or an Enter re-aligns one paragraph, not the article; see alignForChecks.
 */
import type { SegmentGroups } from '../../contract/document.js';
import type { AlignmentLink, DocumentAlignment, Sentence } from '../../contract/review.js';
import { alignDocument, alignSentenceLists } from '../../common/align/index.js';
import { splitParagraphs } from '../../common/paragraphs.js';
import { splitSentences } from '../../common/sentences/split.js';
import { SEGMENT_SEPARATOR } from '../formats/segment-text.js';
import { paragraphGroups } from './paragraph-groups.js';
import type { SegmentView } from './types.js';

export interface Segmentation {
  alignment: DocumentAlignment;
  segments: SegmentView[];
}

interface PairAlignment {
  /** Sentences with offsets relative to the paragraph text. */
  source: Sentence[];
  target: Sentence[];
  links: AlignmentLink[];
}

/** Per paragraph pair, keyed by languages and texts; bounded so a long editing session does not grow it forever. */
const pairCache = new Map<string, PairAlignment>();
const PAIR_CACHE_LIMIT = 20_000;

function alignPair(src: string, tgt: string, sourceLang: string, targetLang: string): PairAlignment {
  const key = `${sourceLang}\u0000${targetLang}\u0000${src}\u0000${tgt}`;
  let hit = pairCache.get(key);
  if (!hit) {
    const source = splitSentences(src, sourceLang);
    const target = splitSentences(tgt, targetLang);
    const links = alignSentenceLists(
      source.map((s) => src.slice(s.start, s.end)),
      target.map((s) => tgt.slice(s.start, s.end)),
      { sourceLang, targetLang },
    );
    hit = { source, target, links };
    if (pairCache.size >= PAIR_CACHE_LIMIT) pairCache.clear();
    pairCache.set(key, hit);
  }
  return hit;
}

/** Sentences of a group of paragraphs and their alignment, offsets relative to each sentence's own paragraph. */
interface GroupAlignment {
  source: { sentence: Sentence; part: number }[];
  target: { sentence: Sentence; part: number }[];
  links: AlignmentLink[];
}

/** Several paragraphs on either side, aligned as one (cached like a pair); a link whose sides disagree on starting a paragraph costs more. */
function alignGroup(src: readonly string[], tgt: readonly string[], sourceLang: string, targetLang: string): GroupAlignment {
  const key = `${sourceLang}\u0000${targetLang}\u0000${src.join('\u0001')}\u0000${tgt.join('\u0001')}`;
  let hit = groupCache.get(key);
  if (!hit) {
    const split = (texts: readonly string[], lang: string) => texts.flatMap((t, part) => splitSentences(t, lang).map((sentence) => ({ sentence, part, text: t.slice(sentence.start, sentence.end) })));
    const s = split(src, sourceLang);
    const t = split(tgt, targetLang);
    const breaks = (xs: { part: number }[]) => Uint8Array.from(xs, (x, k) => (k === 0 || xs[k - 1]!.part !== x.part ? 1 : 0));
    const links = alignSentenceLists(
      s.map((x) => x.text),
      t.map((x) => x.text),
      { sourceLang, targetLang, sourceBreaks: breaks(s), targetBreaks: breaks(t) },
    );
    hit = { source: s.map(({ sentence, part }) => ({ sentence, part })), target: t.map(({ sentence, part }) => ({ sentence, part })), links };
    if (groupCache.size >= PAIR_CACHE_LIMIT) groupCache.clear();
    groupCache.set(key, hit);
  }
  return hit;
}
const groupCache = new Map<string, GroupAlignment>();

/**
 * The article's sentence alignment as the checks segment it: paragraph pairs (or, when the counts
 * differ, groups of corresponding paragraphs, paragraph-groups.ts) aligned and cached one by one;
 * the whole document at once when a paragraph has no counterpart.
 */
export function alignForChecks(source: string, target: string, sourceLang: string, targetLang: string): DocumentAlignment {
  const sp = splitParagraphs(source);
  const tp = splitParagraphs(target);
  const groups = sp.length === tp.length ? sp.map((_, k) => ({ source: [k], target: [k] })) : paragraphGroups(sp, tp, sourceLang, targetLang);
  if (!groups) return alignDocument(source, target, sourceLang, targetLang);
  const out: DocumentAlignment = { source: [], target: [], links: [] };
  for (const g of groups) {
    const i0 = out.source.length;
    const j0 = out.target.length;
    if (g.source.length === 1 && g.target.length === 1) {
      const [p, t] = [sp[g.source[0]!]!, tp[g.target[0]!]!];
      const pair = alignPair(p.text, t.text, sourceLang, targetLang);
      for (const s of pair.source) out.source.push({ start: s.start + p.start, end: s.end + p.start, paragraph: p.index });
      for (const s of pair.target) out.target.push({ start: s.start + t.start, end: s.end + t.start, paragraph: t.index });
      for (const l of pair.links) out.links.push({ source: l.source.map((x) => x + i0), target: l.target.map((y) => y + j0) });
      continue;
    }
    const ps = g.source.map((k) => sp[k]!);
    const ts = g.target.map((k) => tp[k]!);
    const group = alignGroup(ps.map((p) => p.text), ts.map((p) => p.text), sourceLang, targetLang);
    for (const { sentence: s, part } of group.source) out.source.push({ start: s.start + ps[part]!.start, end: s.end + ps[part]!.start, paragraph: ps[part]!.index });
    for (const { sentence: s, part } of group.target) out.target.push({ start: s.start + ts[part]!.start, end: s.end + ts[part]!.start, paragraph: ts[part]!.index });
    for (const l of group.links) out.links.push({ source: l.source.map((x) => x + i0), target: l.target.map((y) => y + j0) });
  }
  return out;
}

/** The pieces of a segmented text between its blank-line separators, with their offsets. */
function pieces(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (;;) {
    const at = text.indexOf(SEGMENT_SEPARATOR, start);
    if (at < 0) break;
    out.push([start, at]);
    start = at + SEGMENT_SEPARATOR.length;
  }
  out.push([start, text.length]);
  return out;
}

/** The index of the paragraph holding each offset (paragraph starts in order). */
function paragraphOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/**
 * Align group by group when the file says which segments correspond (subtitle cues paired by timing):
 * a cue with no partner gets a link with an empty side instead of pulling every later cue out of
 * line. Null when the texts no longer split into the segments the groups were made for.
 */
function alignGroups(source: string, target: string, sourceLang: string, targetLang: string, g: SegmentGroups): DocumentAlignment | null {
  const sp = pieces(source);
  const tp = pieces(target);
  if (sp.length !== g.source || tp.length !== g.target) return null;
  const sStarts = splitParagraphs(source).map((p) => p.start);
  const tStarts = splitParagraphs(target).map((p) => p.start);
  const out: DocumentAlignment = { source: [], target: [], links: [] };
  const span = (p: [number, number][], idx: number[]): [number, number] => (idx.length ? [p[idx[0]!]![0], p[idx[idx.length - 1]!]![1]] : [0, 0]);
  for (const group of g.groups) {
    const [s0, s1] = span(sp, group.source);
    const [t0, t1] = span(tp, group.target);
    const pair = alignPair(source.slice(s0, s1), target.slice(t0, t1), sourceLang, targetLang);
    const i0 = out.source.length;
    const j0 = out.target.length;
    for (const s of pair.source) out.source.push({ start: s.start + s0, end: s.end + s0, paragraph: paragraphOf(sStarts, s.start + s0) });
    for (const s of pair.target) out.target.push({ start: s.start + t0, end: s.end + t0, paragraph: paragraphOf(tStarts, s.start + t0) });
    for (const l of pair.links) out.links.push({ source: l.source.map((x) => x + i0), target: l.target.map((y) => y + j0) });
  }
  return out;
}

/**
 * Sentence-aligned segments of an article, in document order. `groups`: which segments of the two
 * files correspond, when the format knows (main/core/formats, `groupSegments`).
 */
export function buildSegments(source: string, target: string, sourceLang: string, targetLang: string, groups?: SegmentGroups): Segmentation {
  const alignment = (groups && alignGroups(source, target, sourceLang, targetLang, groups)) || alignForChecks(source, target, sourceLang, targetLang);
  // Where an empty (1–0) target side sits: before the next target sentence (one backward pass).
  const nextStart: number[] = [];
  let next = target.length;
  for (let k = alignment.links.length - 1; k >= 0; k--) {
    const first = alignment.links[k]!.target[0];
    if (first !== undefined) next = alignment.target[first]!.start;
    nextStart[k] = next;
  }
  const segments: SegmentView[] = alignment.links.map((link, index) => {
    const ss = link.source.map((i) => alignment.source[i]!);
    const ts = link.target.map((i) => alignment.target[i]!);
    const targetStart = ts[0]?.start ?? nextStart[index]!;
    return {
      index,
      source: ss.map((s) => source.slice(s.start, s.end)).join(' '),
      target: ts.length ? target.slice(ts[0]!.start, ts[ts.length - 1]!.end) : '',
      targetStart,
      sourceStart: ss[0]?.start ?? source.length,
      first: index === 0,
    };
  });
  return { alignment, segments };
}

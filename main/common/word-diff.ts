import { diffArrays } from 'diff';
import type { DiffStats } from '../contract/api.js';
import { splitParagraphs, type Paragraph } from './paragraphs.js';
import { maskTags } from './tags.js';
import { countWords, tokenize, type Token } from './words.js';

/** [start, end) of an inline tag in a text (contract TagSpan): one token of the diff, never a word. */
export interface TagRange {
  start: number;
  end: number;
}

/** The inline tags of each text, sorted by start. */
export interface DiffTags {
  baseline: readonly TagRange[];
  current: readonly TagRange[];
}

/**
 * Each paragraph's tags (those inside it, relative to its start), in one pass over both sorted lists:
 * a filter of every tag per paragraph is quadratic on a file with a tag in every segment.
 */
function tagsByParagraph(tags: readonly TagRange[] | undefined, paragraphs: readonly Paragraph[]): TagRange[][] {
  if (!tags?.length) return paragraphs.map(() => []);
  let k = 0;
  return paragraphs.map((p) => {
    while (k < tags.length && tags[k]!.start < p.start) k++;
    const out: TagRange[] = [];
    for (let j = k; j < tags.length && tags[j]!.start <= p.end; j++) if (tags[j]!.end <= p.end) out.push({ start: tags[j]!.start - p.start, end: tags[j]!.end - p.start });
    return out;
  });
}

/**
 * Tokens with each tag as one token: the tokens a tag's display text was cut into ("<", "b1", ">") are
 * replaced by one, whose text cannot equal a word's. `offset` is where `text` starts in the tokens' frame.
 */
function withTagTokens(tokens: Token[], text: string, tags: readonly TagRange[], offset = 0): Token[] {
  if (!tags.length) return tokens;
  const out: Token[] = [];
  let k = 0;
  for (const tag of tags) {
    const start = tag.start + offset;
    const end = tag.end + offset;
    while (k < tokens.length && tokens[k]!.end <= start) out.push(tokens[k++]!);
    while (k < tokens.length && tokens[k]!.start < end) k++;
    out.push({ text: `\u0000${text.slice(tag.start, tag.end)}`, start, end, word: false });
  }
  while (k < tokens.length) out.push(tokens[k++]!);
  return out;
}

/** A changed run of whole tokens: [start, end) in the baseline and in the current text. */
export interface WordChange {
  kind: 'inserted' | 'deleted' | 'replaced';
  baseline: [number, number];
  current: [number, number];
  /** Words (not punctuation) on each side of the change. */
  baselineWords: number;
  currentWords: number;
}

export interface WordDiff {
  stats: DiffStats;
  changes: WordChange[];
}

/** Above this many tokens a changed run of paragraphs is diffed paragraph by paragraph. */
const MAX_REGION_TOKENS = 4000;
/** Memo sizes: enough for a book's paragraphs, bounded so a long session cannot grow without limit. */
const MAX_MEMO = 20_000;

export type Step = { same: true; a: number; b: number } | { same: false; a: number[]; b: number[] };

/**
 * Which paragraphs of the two texts correspond: equal ones by prefix and suffix, then the middle one to
 * one when both sides have as many paragraphs (edits in place, the usual case), else by a diff of the
 * paragraph texts. Avoids a paragraph-level Myers diff over a book whose every paragraph was touched.
 */
export function alignParagraphs(a: string[], b: string[]): Step[] {
  const steps: Step[] = [];
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  for (let i = 0; i < pre; i++) steps.push({ same: true, a: i, b: i });
  const midA = a.length - pre - suf;
  const midB = b.length - pre - suf;
  if (midA === midB) {
    for (let i = pre; i < pre + midA; i++) steps.push(a[i] === b[i] ? { same: true, a: i, b: i } : { same: false, a: [i], b: [i] });
  } else {
    const ids = new Map<string, number>();
    const id = (s: string) => ids.get(s) ?? (ids.set(s, ids.size), ids.size - 1);
    const parts = diffArrays(a.slice(pre, pre + midA).map(id), b.slice(pre, pre + midB).map(id));
    let ia = pre;
    let ib = pre;
    let run: { a: number[]; b: number[] } | null = null;
    for (const part of parts) {
      const n = part.count ?? part.value.length;
      if (part.removed || part.added) {
        run ??= { a: [], b: [] };
        for (let k = 0; k < n; k++) {
          if (part.removed) run.a.push(ia++);
          else run.b.push(ib++);
        }
      } else {
        if (run) steps.push({ same: false, ...run });
        run = null;
        for (let k = 0; k < n; k++) steps.push({ same: true, a: ia++, b: ib++ });
      }
    }
    if (run) steps.push({ same: false, ...run });
  }
  const offA = a.length - suf;
  const offB = b.length - suf;
  for (let i = 0; i < suf; i++) steps.push({ same: true, a: offA + i, b: offB + i });
  return steps;
}

const wordCounts = new Map<string, number>();
/** Words of a paragraph, a tag's display text not counted ("<b1>" is no word). */
function wordsIn(text: string, lang: string, tags: readonly TagRange[] = []): number {
  const key = `${lang}\u0000${text}${tags.length ? `\u0001${JSON.stringify(tags)}` : ''}`;
  let n = wordCounts.get(key);
  if (n === undefined) {
    n = countWords(maskTags(text, tags), lang);
    if (wordCounts.size >= MAX_MEMO) wordCounts.clear();
    wordCounts.set(key, n);
  }
  return n;
}

/** Changes of one paragraph pair, relative to the paragraphs' starts; memoised for live recounts. */
const pairMemo = new Map<string, WordChange[]>();
function diffParagraphPair(a: string, b: string, lang: string, tagsA: readonly TagRange[], tagsB: readonly TagRange[]): WordChange[] {
  const key = `${lang}\u0000${a}\u0001${b}${tagsA.length || tagsB.length ? `\u0002${JSON.stringify([tagsA, tagsB])}` : ''}`;
  let changes = pairMemo.get(key);
  if (!changes) {
    changes = [];
    diffTokens(withTagTokens(tokenize(a, lang), a, tagsA), withTagTokens(tokenize(b, lang), b, tagsB), changes);
    if (pairMemo.size >= MAX_MEMO) pairMemo.clear();
    pairMemo.set(key, changes);
  }
  return changes;
}

function shift(c: WordChange, da: number, db: number): WordChange {
  return { ...c, baseline: [c.baseline[0] + da, c.baseline[1] + da], current: [c.current[0] + db, c.current[1] + db] };
}

/**
 * Word diff of two texts, unit by unit: paragraphs are matched first (unchanged ones cost nothing),
 * then each changed paragraph (or small run of them) is diffed on word tokens. Whole-document word
 * diffs grow with the square of the size (DESIGN.md, toolchain facts); per-unit diffs stay fast on
 * book-length text, and memoised pairs make a recount after one keystroke touch one paragraph.
 */
export function wordDiff(baseline: string, current: string, lang: string, tags?: DiffTags): WordDiff {
  const a = splitParagraphs(baseline);
  const b = splitParagraphs(current);
  const tagsA = tagsByParagraph(tags?.baseline, a);
  const tagsB = tagsByParagraph(tags?.current, b);
  const changes: WordChange[] = [];
  let baselineWords = 0;
  let words = 0;
  const diffRun = (pa: Paragraph[], pb: Paragraph[]) => {
    if (pa.length === 1 && pb.length === 1) {
      for (const c of diffParagraphPair(pa[0]!.text, pb[0]!.text, lang, tagsA[pa[0]!.index]!, tagsB[pb[0]!.index]!)) changes.push(shift(c, pa[0]!.start, pb[0]!.start));
      return;
    }
    const ta = pa.map((p) => withTagTokens(tokenize(p.text, lang, p.start), p.text, tagsA[p.index]!, p.start));
    const tb = pb.map((p) => withTagTokens(tokenize(p.text, lang, p.start), p.text, tagsB[p.index]!, p.start));
    const total = ta.reduce((n, t) => n + t.length, 0) + tb.reduce((n, t) => n + t.length, 0);
    if (total <= MAX_REGION_TOKENS) diffTokens(ta.flat(), tb.flat(), changes);
    else for (let k = 0; k < Math.max(ta.length, tb.length); k++) diffTokens(ta[k] ?? [], tb[k] ?? [], changes);
  };
  for (const step of alignParagraphs(
    a.map((p) => p.text),
    b.map((p) => p.text),
  )) {
    if (step.same) {
      // Same text; its tags may still differ (a tag the reader turned into text): count each side's own.
      baselineWords += wordsIn(a[step.a]!.text, lang, tagsA[step.a]);
      words += wordsIn(b[step.b]!.text, lang, tagsB[step.b]);
    } else {
      for (const i of step.a) baselineWords += wordsIn(a[i]!.text, lang, tagsA[i]);
      for (const i of step.b) words += wordsIn(b[i]!.text, lang, tagsB[i]);
      diffRun(
        step.a.map((i) => a[i]!),
        step.b.map((i) => b[i]!),
      );
    }
  }

  let inserted = 0;
  let deleted = 0;
  let replaced = 0;
  for (const c of changes) {
    const common = Math.min(c.baselineWords, c.currentWords);
    replaced += common;
    deleted += c.baselineWords - common;
    inserted += c.currentWords - common;
  }
  const changed = inserted + deleted + replaced;
  const editRate = baselineWords === 0 ? (changed > 0 ? 1 : 0) : Math.min(1, changed / baselineWords);
  return { stats: { inserted, deleted, replaced, changed, baselineWords, words, editRate }, changes };
}

function diffTokens(a: Token[], b: Token[], out: WordChange[]): void {
  let del: Token[] = [];
  let ins: Token[] = [];
  let ia = 0;
  let ib = 0;
  const emit = () => {
    if (!del.length && !ins.length) return;
    const anchorA = del.length ? del[0]!.start : (a[ia]?.start ?? a[a.length - 1]?.end ?? 0);
    const anchorB = ins.length ? ins[0]!.start : (b[ib]?.start ?? b[b.length - 1]?.end ?? 0);
    out.push({
      kind: del.length && ins.length ? 'replaced' : del.length ? 'deleted' : 'inserted',
      baseline: del.length ? [del[0]!.start, del[del.length - 1]!.end] : [anchorA, anchorA],
      current: ins.length ? [ins[0]!.start, ins[ins.length - 1]!.end] : [anchorB, anchorB],
      baselineWords: del.filter((t) => t.word).length,
      currentWords: ins.filter((t) => t.word).length,
    });
    del = [];
    ins = [];
  };
  if (!a.length || !b.length) {
    del = a;
    ins = b;
    emit();
    return;
  }
  const parts = diffArrays(
    a.map((t) => t.text),
    b.map((t) => t.text),
  );
  for (const part of parts) {
    const n = part.count ?? part.value.length;
    if (part.removed) {
      del.push(...a.slice(ia, ia + n));
      ia += n;
    } else if (part.added) {
      ins.push(...b.slice(ib, ib + n));
      ib += n;
    } else {
      emit();
      ia += n;
      ib += n;
    }
  }
  emit();
}

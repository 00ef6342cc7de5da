import { diffArrays } from 'diff';
import type { DiffStats } from '../contract/api.js';
import { splitParagraphs } from './paragraphs.js';
import { tokenize, type Token } from './words.js';

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

/**
 * Word diff of two texts, unit by unit: paragraphs are matched first (unchanged ones cost nothing),
 * then each changed run of paragraphs is diffed on word tokens. Whole-document word diffs grow with
 * the square of the size (DESIGN.md, toolchain facts); per-unit diffs stay fast on book-length text.
 */
export function wordDiff(baseline: string, current: string, lang: string): WordDiff {
  const a = splitParagraphs(baseline);
  const b = splitParagraphs(current);
  const changes: WordChange[] = [];
  let baselineWords = 0;
  let words = 0;
  const countTokens = (ts: Token[]) => ts.reduce((n, t) => n + (t.word ? 1 : 0), 0);

  const paraChanges = diffArrays(
    a.map((p) => p.text),
    b.map((p) => p.text),
  );
  let ia = 0;
  let ib = 0;
  let pendingA: Token[] = [];
  let pendingB: Token[] = [];
  const flush = () => {
    if (pendingA.length || pendingB.length) diffTokens(pendingA, pendingB, changes);
    pendingA = [];
    pendingB = [];
  };
  for (const part of paraChanges) {
    const n = part.count ?? part.value.length;
    if (part.removed) {
      for (let k = 0; k < n; k++, ia++) {
        const p = a[ia]!;
        const ts = tokenize(p.text, lang, p.start);
        baselineWords += countTokens(ts);
        pendingA.push(...ts);
      }
    } else if (part.added) {
      for (let k = 0; k < n; k++, ib++) {
        const p = b[ib]!;
        const ts = tokenize(p.text, lang, p.start);
        words += countTokens(ts);
        pendingB.push(...ts);
      }
    } else {
      flush();
      for (let k = 0; k < n; k++, ia++, ib++) {
        const c = countTokens(tokenize(a[ia]!.text, lang));
        baselineWords += c;
        words += c;
      }
    }
  }
  flush();

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
  const parts = diffArrays(
    a.map((t) => t.text),
    b.map((t) => t.text),
  );
  let ia = 0;
  let ib = 0;
  let del: Token[] = [];
  let ins: Token[] = [];
  const emit = () => {
    if (!del.length && !ins.length) return;
    const anchorA = del.length ? del[0]!.start : (a[ia]?.start ?? a[a.length - 1]?.end ?? 0);
    const anchorB = ins.length ? ins[0]!.start : (b[ib]?.start ?? b[b.length - 1]?.end ?? 0);
    const bw = del.filter((t) => t.word).length;
    const cw = ins.filter((t) => t.word).length;
    out.push({
      kind: del.length && ins.length ? 'replaced' : del.length ? 'deleted' : 'inserted',
      baseline: del.length ? [del[0]!.start, del[del.length - 1]!.end] : [anchorA, anchorA],
      current: ins.length ? [ins[0]!.start, ins[ins.length - 1]!.end] : [anchorB, anchorB],
      baselineWords: bw,
      currentWords: cw,
    });
    del = [];
    ins = [];
  };
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

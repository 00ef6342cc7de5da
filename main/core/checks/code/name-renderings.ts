/**
 * One source name rendered two ways in an article, whatever its words: no list of variants. Two kinds:
 *  - kept in the source's form in one sentence and translated in another ("Banque de France", later
 *    "Bank of France"; "the League", later "Lega"): a capitalised source word copied into one sentence's
 *    translation and absent from another's, whose translation has one new name in its place;
 *  - two English names that differ by a word or two ("Regional Court" / "District Court", "National
 *    Bureau of Statistics" / "State Statistics Bureau"), never in one sentence together, each standing only
 *    in sentences whose source has one shared term, and the differing word not explained by a source word
 *    of its own sentence (a cognate: "Constitutional" for "Constitucional" is another court).
 * The later rendering is reported. Linear in the article: indexes by word, each name compared only with
 * earlier names sharing a word (bounded).
 */
import { inEnglishList } from '../spelling/english-words.js';
import { fold, primaryLang } from '../qa/util.js';
import type { CheckContext, CheckDefinition, RawFinding } from '../types.js';
import { contentWords, STOP } from './term-consistency.js';
import { nameRuns, type NameRun } from './name-runs.js';
import { remembered } from './text-memo.js';

/** A source term in more sentences than this is a general word of the article, not a name. */
const MAX_TERM_SEGMENTS = 12;
/** Earlier names compared with one name, per shared word (keeps the check linear). */
const MAX_PER_WORD = 24;

type Report = (seg: number, run: NameRun, earlier: string, source: string) => void;

interface Seg {
  runs: NameRun[];
  /** Folded content words of the source → as written. */
  src: Map<string, string>;
  /** Folded words of the translation, and of the source as written (names included). */
  tgtWords: Set<string>;
  srcWords: Set<string>;
}

const wordsOf = (text: string) => new Set((text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map(fold));

/**
 * Per text, what the check derives from it (names, words): a document check runs on every update of the
 * editor, and deriving them again for every segment of a book would cost each keystroke. Bounded.
 */
const targetMemo = new Map<string, { runs: NameRun[]; words: Set<string> }>();
const sourceMemo = new Map<string, { words: Set<string>; names: Map<string, string>; runs: NameRun[] }>();
/** The target's names with offsets in the segment (the caller adds the segment's start) and its words. */
const targetOf = (text: string) => remembered(targetMemo, text, () => ({ runs: nameRuns(text), words: wordsOf(text) }));
const sourceOf = (text: string) => remembered(sourceMemo, text, () => ({ words: wordsOf(text), names: sourceNames(text), runs: nameRuns(text) }));

function push<K, V>(m: Map<K, V[]>, k: K, v: V): V[] {
  let l = m.get(k);
  if (!l) m.set(k, (l = []));
  l.push(v);
  return l;
}

/**
 * True when two names differ by at most one word on each side and share their head (last word, not an
 * acronym: "China's GDP" and "Full-year GDP" are no names) or two words ("Monetary Policy Committee" /
 * "Council"). When one holds the other, its extra word must be an English word ("Supreme People's Court"),
 * not a place ("Nanjing Intermediate People's Court" is another court).
 */
function variants(x: NameRun, y: NameRun): boolean {
  const a = x.words;
  const b = y.words;
  if (a.size < 2 || b.size < 2) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  if (a.size - shared > 1 || b.size - shared > 1 || (a.size === shared && b.size === shared)) return false;
  const head = x.head === y.head && !/^\p{Lu}+$/u.test(x.text.split(' ').at(-1)!);
  if (!head && shared < 2) return false;
  const extra = [...a].filter((w) => !b.has(w)).concat([...b].filter((w) => !a.has(w)));
  return a.size !== shared && b.size !== shared ? true : extra.every((w) => inEnglishList(w));
}

/** Two spellings of one word across languages: same first letter, three of the first letters in order ("Lega" / "League"). */
function cognate(a: string, b: string): boolean {
  if (a[0] !== b[0]) return false;
  const s = a.slice(0, 5);
  const t = b.slice(0, 6);
  const dp: number[] = new Array<number>(t.length + 1).fill(0);
  for (const c of s) {
    let prev = 0;
    for (let j = 1; j <= t.length; j++) {
      const keep = dp[j]!;
      dp[j] = c === t[j - 1] ? prev + 1 : Math.max(dp[j]!, dp[j - 1]!);
      prev = keep;
    }
  }
  return dp[t.length]! >= 3;
}

/** A word of `run` not in `other` has a look-alike among the source words (another name's translation). */
function explainedBySource(run: Set<string>, other: Set<string>, src: Set<string>, otherSrc: Set<string>): boolean {
  for (const w of run) {
    if (other.has(w) || w.length < 5) continue;
    for (const s of src) if (!otherSrc.has(s) && s.length >= 5 && s.slice(0, 4) === w.slice(0, 4)) return true;
  }
  return false;
}

export const nameRenderings: CheckDefinition = {
  id: 'mt.name-renderings',
  category: 'Terminology/Inconsistent use of terminology',
  severity: 'minor',
  description: 'One source name kept in one sentence and translated in another, or translated two ways.',
  scope: 'document',
  run(ctx: CheckContext) {
    const lang = primaryLang(ctx.sourceLang);
    const stop = STOP[lang];
    if (!stop || primaryLang(ctx.targetLang) !== 'en' || ctx.segments.length < 2) return [];
    const segs: Seg[] = ctx.segments.map((s) => {
      const t = targetOf(s.target);
      return { runs: t.runs, src: contentWords(s.source, lang, stop), tgtWords: t.words, srcWords: sourceOf(s.source).words };
    });
    const out: RawFinding[] = [];
    const flagged = new Set<number>();
    // Runs are in segment offsets: the segment's start makes them document offsets.
    const report: Report = (seg, run, earlier, source) => {
      const start = ctx.segments[seg]!.targetStart + run.start;
      if (flagged.has(start)) return;
      flagged.add(start);
      out.push({ start, end: start + run.text.length, message: { key: 'checks:termInconsistency', params: { text: run.text, earlier, source } }, fixes: [] });
    };
    // Built on the first pair of names that needs it: most articles have none, and it reads every word.
    let index: Map<string, number[]> | undefined;
    const termSegs = () => {
      if (!index) {
        index = new Map();
        segs.forEach((s, i) => s.src.forEach((_, w) => push(index!, w, i)));
      }
      return index;
    };
    if (lang !== 'zh') keptAndTranslated(ctx, segs, report);
    twoTranslations(segs, ctx.segments.map((x) => x.source), termSegs, report);
    return out;
  },
};

/** The one name of a translation that its source does not write as it is (the rendering of a source name). */
function newName(seg: Seg, source: string): NameRun | undefined {
  const fresh = seg.runs.filter((r) => r.words.size >= 2 && !source.includes(r.text));
  return fresh.length === 1 ? fresh[0] : undefined;
}

/** The capitalised words of a source text that do not open its sentences: names (folded → as written). */
function sourceNames(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}]{3,}/gu)) {
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    if (m.index === 0 || /[.!?:«»“”"„]\s*$|^\s*$/u.test(before) || /[.!?]["»”]?\s+$/u.test(before)) continue;
    out.set(fold(m[0]), m[0]);
  }
  return out;
}

/**
 * A capitalised source word copied into one sentence's translation and not into a later one's, whose
 * one new name looks like it (a cognate: "Banque" / "Bank", "Lega" / "League"): the name kept once and
 * translated once.
 */
function keptAndTranslated(ctx: CheckContext, segs: Seg[], report: Report): void {
  const names = ctx.segments.map((s) => sourceOf(s.source).names);
  const nameSegs = new Map<string, number[]>();
  names.forEach((ns, i) => ns.forEach((_, w) => push(nameSegs, w, i)));
  for (const [w, at] of nameSegs) {
    if (at.length < 2 || at.length > MAX_TERM_SEGMENTS) continue;
    const kept = at.map((i) => segs[i]!.tgtWords.has(w));
    const first = kept[0]!;
    const j = kept.findIndex((k) => k !== first);
    if (j < 0) continue;
    const a = at[0]!;
    const b = at[j]!;
    const written = names[a]!.get(w)!;
    // The same name in both sources ("Banque de France" twice; not "Marco Bianchi" and "San Marco").
    const around = (i: number) => {
      const run = sourceOf(ctx.segments[i]!.source).runs.find((r) => r.words.has(w));
      return run ? [...run.words].filter((x) => names[i]!.has(x)).join(' ') : '';
    };
    if (around(a) !== around(b)) continue;
    const looksLike = (r: NameRun) => !r.words.has(w) && [...r.words].some((x) => cognate(w, x));
    if (first) {
      // Kept at first, translated later: the later sentence's new name is reported.
      const run = newName(segs[b]!, ctx.segments[b]!.source);
      const keptRun = segs[a]!.runs.find((r) => r.words.has(w));
      if (run && looksLike(run)) report(b, run, keptRun?.text ?? written, written);
    } else {
      // Translated at first, kept later: the kept name is reported.
      const earlier = newName(segs[a]!, ctx.segments[a]!.source);
      const keptRun = segs[b]!.runs.find((r) => r.words.has(w));
      if (earlier && keptRun && looksLike(earlier)) report(b, keptRun, earlier.text, written);
    }
  }
}

/** Two English names differing by a word, from one shared source term. */
function twoTranslations(segs: Seg[], sources: readonly string[], termSegs: () => Map<string, number[]>, report: Report): void {
  const runSegs = new Map<string, number[]>();
  const byWord = new Map<string, { key: string; run: NameRun; text: string }[]>();
  // Only names of two words or more can be variants of each other.
  segs.forEach((s, i) => {
    for (const r of s.runs) {
      if (r.words.size < 2) continue;
      const key = r.key;
      const list = runSegs.get(key);
      if (list?.at(-1) === i) continue;
      push(runSegs, key, i);
      if (list) continue;
      for (const w of r.words) {
        const l = byWord.get(w) ?? [];
        if (!l.length) byWord.set(w, l);
        if (l.length < MAX_PER_WORD) l.push({ key, run: r, text: r.text });
      }
    }
  });
  segs.forEach((s, b) => {
    for (const y of s.runs) {
      if (y.words.size < 2) continue;
      const yKey = y.key;
      const ySegs = runSegs.get(yKey)!;
      if (ySegs[0] !== b || ySegs.length >= MAX_TERM_SEGMENTS) continue;
      const seen = new Set<string>();
      for (const w of y.words) {
        for (const x of byWord.get(w) ?? []) {
          if (x.key === yKey || seen.has(x.key)) continue;
          seen.add(x.key);
          const xSegs = runSegs.get(x.key)!;
          // Both names stand only where the source term does, which is in a few sentences at most.
          if (xSegs.length + ySegs.length > MAX_TERM_SEGMENTS || xSegs[0]! >= b || !variants(x.run, y) || xSegs.some((i) => ySegs.includes(i))) continue;
          const a = xSegs.filter((i) => i < b).at(-1)!;
          const term = sharedTerm(segs, sources, a, b, [...xSegs, ...ySegs], termSegs);
          if (!term) continue;
          if (explainedBySource(y.words, x.run.words, s.srcWords, segs[a]!.srcWords) || explainedBySource(x.run.words, y.words, segs[a]!.srcWords, s.srcWords)) continue;
          report(b, y, x.text, term);
          break;
        }
      }
    }
  });
}

/**
 * A source term of sentences a and b that is not copied into either translation and stands only in
 * sentences using one of the two names, while each of those sentences has it: the names' source.
 */
function sharedTerm(segs: Seg[], sources: readonly string[], a: number, b: number, named: number[], termSegs: () => Map<string, number[]>): string | undefined {
  const namedSet = new Set(named);
  for (const [w, written] of segs[b]!.src) {
    if (!segs[a]!.src.has(w) || segs[a]!.tgtWords.has(w) || segs[b]!.tgtWords.has(w)) continue;
    const at = termSegs().get(w)!;
    if (at.length > MAX_TERM_SEGMENTS || !at.every((i) => namedSet.has(i))) continue;
    if (named.every((i) => segs[i]!.src.has(w)) && sameLeftContext(sources[a]!, sources[b]!, written)) return written;
  }
  return undefined;
}

/**
 * In Chinese the shared word may be the tail of two different names (中级人民法院 / 最高人民法院: the
 * intermediate and the supreme court): the character before it must be the same in both sentences.
 */
function sameLeftContext(a: string, b: string, term: string): boolean {
  if (!/^\p{Script=Han}/u.test(term)) return true;
  const before = (s: string) => {
    const i = s.indexOf(term);
    const c = i > 0 ? s[i - 1]! : '';
    return /\p{Script=Han}/u.test(c) ? c : '';
  };
  return before(a) === before(b);
}

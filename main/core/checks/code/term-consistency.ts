/**
 * One source term rendered two ways in an article ("ley" as "law", then as "legislation"), found from the
 * source: a later sentence uses another member of a group of English alternatives (term-variants.json)
 * than an earlier one, the two source sentences share a content word, and that word stands only in
 * sentences whose translation uses the group, so it is the term and not a word that happens to recur.
 * Only where the source language has a stop list (source-stopwords.json): without one, shared function
 * words would pass for terms.
 */
import { tokenize } from '../../../common/words.js';
import { fold, primaryLang } from '../qa/util.js';
import type { CheckContext, CheckDefinition, RawFinding, SegmentView } from '../types.js';
import variants from './term-variants.json';
import stopwords from './source-stopwords.json';
import { remembered } from './text-memo.js';

/** News agencies credited in datelines ("(dpa)") recur in any sentences: never a term. */
const AGENCIES = stopwords.agencies.split(' ');
/** Per source language, the words never taken for a term (exported, with the helpers below, for the check's reference test). */
export const STOP: Record<string, Set<string>> = Object.fromEntries(
  Object.entries(stopwords).filter(([k]) => k !== 'description' && k !== 'agencies').map(([k, v]) => [k, new Set([...fold(v).split(/\s+/), ...AGENCIES])]),
);

/** Every written form (singular, plural) → the groups its base term belongs to, and the base term. */
export const FORMS = new Map<string, { base: string; groups: number[] }>();
variants.groups.forEach((group, g) => {
  for (const base of group) {
    const forms = [base, `${base}s`, `${base}es`, ...(/[^aeiou]y$/.test(base) ? [`${base.slice(0, -1)}ies`] : [])];
    for (const f of forms) {
      const e = FORMS.get(f) ?? { base, groups: [] };
      if (!FORMS.has(f)) FORMS.set(f, e);
      if (e.base === base && !e.groups.includes(g)) e.groups.push(g);
    }
  }
});
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TERMS = new RegExp(`(?<![\\p{L}-])(?:${[...FORMS.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}-])`, 'giu');

export interface Use {
  seg: number;
  base: string;
  start: number;
  end: number;
}

/** Elided articles and prepositions glued to their noun: "l’étude", "dell’acqua", "d’accord". */
const ELIDED = /^(?:[ldjmnstc]|qu|dell|dall|nell|sull|all|un)['’]/iu;

/**
 * One term in two inflections or in a compound: "Gesetz" and "Gesetzes", "étape" and "étapes",
 * "Gesetz" and "Heizungsgesetz" (German compounds end in their head).
 */
export function sameTerm(a: string, b: string, lang: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 5 || lang === 'zh') return false;
  if (lang === 'de' && long.endsWith(short)) return true;
  return long.startsWith(short) && long.length - short.length <= 2;
}

/** The source's content words: folded, not stop words, not numbers; names only in German (whose nouns are capitalised). */
export function contentWords(text: string, lang: string, stop: Set<string>): Map<string, string> {
  return remembered(wordsMemo, `${lang}\u0000${text}`, () => findContentWords(text, lang, stop));
}

/**
 * Per segment text, what this document check reads of it (its term uses, its source's content words):
 * the editor's session runs document checks on every update, and matching the term list over a whole
 * book took over a second each time. Bounded like the other per-text memos.
 */
const wordsMemo = new Map<string, Map<string, string>>();
const usesMemo = new Map<string, { base: string; start: number; end: number }[]>();

function findContentWords(text: string, lang: string, stop: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  const han = lang === 'zh';
  for (const t of tokenize(text, lang)) {
    const word = t.text.replace(ELIDED, '');
    if (!t.word || /\d/.test(word)) continue;
    if (han ? word.length < 2 : word.length < 3) continue;
    // A capital opening the sentence is no name ("L’étude", "Das Gesetz"); one inside it is, except in German.
    if (!han && lang !== 'de' && t.start > 0 && /^\p{Lu}/u.test(word)) continue;
    const w = fold(word);
    if (!stop.has(w) && !out.has(w)) out.set(w, word);
  }
  return out;
}

export function usesOf(segments: readonly SegmentView[]): Use[] {
  const out: Use[] = [];
  segments.forEach((s, seg) => {
    for (const u of remembered(usesMemo, s.target, () => termsIn(s.target))) out.push({ seg, base: u.base, start: s.targetStart + u.start, end: s.targetStart + u.end });
  });
  return out;
}

/** The term uses of one segment's translation, offsets within it. */
function termsIn(text: string): { base: string; start: number; end: number }[] {
  const out: { base: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(TERMS)) {
    const form = FORMS.get(m[0].toLowerCase());
    // "MP" and "EV" as acronyms only; "mp" is a unit.
    if (form && (form.base.length > 2 || /^\p{Lu}{2}/u.test(m[0]))) out.push({ base: form.base, start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/**
 * What every later use is compared with, worked out once per article: uses by base term, the bases each
 * segment's translation uses, the segments each source word stands in, and (memoised) whether a word
 * stands only in sentences whose translation uses a group. Comparing each use with every earlier one over
 * the whole article was cubic: 70 of the 80 s of checking a 200,000-word book.
 */
class ArticleTerms {
  readonly basesIn: Set<string>[];
  private readonly usesByBase = new Map<string, number[]>();
  private readonly segmentsWith = new Map<string, number[]>();
  private readonly onlyInGroup = new Map<string, boolean>();
  private readonly candidatesOf = new Map<string, { at: number; terms: string[] }[]>();

  constructor(
    readonly uses: readonly Use[],
    readonly words: readonly Map<string, string>[],
  ) {
    this.basesIn = words.map(() => new Set<string>());
    uses.forEach((u, i) => {
      this.basesIn[u.seg]!.add(u.base);
      const list = this.usesByBase.get(u.base) ?? [];
      if (!list.length) this.usesByBase.set(u.base, list);
      list.push(i);
    });
    words.forEach((ws, seg) => {
      for (const w of ws.keys()) {
        const list = this.segmentsWith.get(w) ?? [];
        if (!list.length) this.segmentsWith.set(w, list);
        list.push(seg);
      }
    });
  }

  /** The bases used in the article, other than `base`, that share a group with it, and the groups shared. */
  partners(base: string): { base: string; shared: number[] }[] {
    const groups = FORMS.get(base)!.groups;
    const out: { base: string; shared: number[] }[] = [];
    for (const other of this.usesByBase.keys()) {
      if (other === base) continue;
      const shared = groups.filter((g) => FORMS.get(other)!.groups.includes(g));
      if (shared.length) out.push({ base: other, shared });
    }
    return out;
  }

  /**
   * The uses of `base` (in article order) whose source sentence has words standing only in sentences
   * whose translation uses the groups `shared`, with those words in sentence order: the only candidates
   * for an earlier rendering, since the shared term must be such a word.
   */
  candidates(base: string, shared: readonly number[]): readonly { at: number; terms: string[] }[] {
    const key = `${shared.join(',')}\u0000${base}`;
    let list = this.candidatesOf.get(key);
    if (!list) {
      list = [];
      for (const at of this.usesByBase.get(base) ?? []) {
        const ws = [...this.words[this.uses[at]!.seg]!.keys()].filter((w) => this.standsOnlyInGroup(w, shared));
        if (ws.length) list.push({ at, terms: ws });
      }
      this.candidatesOf.set(key, list);
    }
    return list;
  }

  /** True when every source sentence holding `w` has a translation using a member of the groups `shared`. */
  private standsOnlyInGroup(w: string, shared: readonly number[]): boolean {
    const key = `${shared.join(',')}\u0000${w}`;
    let known = this.onlyInGroup.get(key);
    if (known === undefined) {
      const group = new Set(shared.flatMap((g) => variants.groups[g]!));
      known = (this.segmentsWith.get(w) ?? []).every((i) => [...this.basesIn[i]!].some((b) => group.has(b)));
      this.onlyInGroup.set(key, known);
    }
    return known;
  }
}

/**
 * The earlier use of another member of `later`'s group whose source sentence shares a term with later's
 * (same word, inflection or compound head), that term standing only in sentences whose translation uses
 * the group; of several, the first in the article.
 */
function earlierRendering(later: Use, article: ArticleTerms, partners: { base: string; shared: number[] }[], lang: string): { use: Use; source: string } | undefined {
  const { uses, words, basesIn } = article;
  const laterWords = words[later.seg]!;
  const near = (w: string) => laterWords.has(w) || [...laterWords.keys()].some((x) => sameTerm(x, w, lang));
  let best: { at: number; source: string } | undefined;
  for (const { base, shared } of partners) {
    if (basesIn[later.seg]!.has(base)) continue;
    // Each partner's candidates are in article order: its first match is its earliest.
    for (const { at, terms } of article.candidates(base, shared)) {
      const earlier = uses[at]!;
      if (earlier.seg >= later.seg || (best && at > best.at)) break;
      if (basesIn[earlier.seg]!.has(later.base)) continue;
      const term = terms.find(near);
      if (term) {
        best = { at, source: words[earlier.seg]!.get(term)! };
        break;
      }
    }
  }
  return best && { use: uses[best.at]!, source: best.source };
}

export const termInconsistency: CheckDefinition = {
  id: 'mt.term-inconsistency',
  category: 'Terminology/Inconsistent use of terminology',
  // A hint, outside the problem counts: right on 1 of 18 findings of the fresh blind corpus (holdout 5).
  severity: 'hint',
  description: 'One source term rendered two ways within the article.',
  scope: 'document',
  run(ctx: CheckContext) {
    const lang = primaryLang(ctx.sourceLang);
    // Not from Chinese: without word segmentation the shared "term" is often another word of both sentences
    // (测试 "test" taken as the source of "project" and "plans").
    const stop = lang === 'zh' ? undefined : STOP[lang];
    if (!stop || primaryLang(ctx.targetLang) !== 'en') return [];
    const uses = usesOf(ctx.segments);
    if (uses.length < 2) return [];
    const article = new ArticleTerms(uses, ctx.segments.map((s) => contentWords(s.source, lang, stop)));
    const partners = new Map<string, { base: string; shared: number[] }[]>();
    const out: RawFinding[] = [];
    const reported = new Set<number>();
    for (const later of uses) {
      if (reported.has(later.start)) continue;
      if (!partners.has(later.base)) partners.set(later.base, article.partners(later.base));
      const found = earlierRendering(later, article, partners.get(later.base)!, lang);
      if (!found) continue;
      reported.add(later.start);
      const text = ctx.target.slice(later.start, later.end);
      out.push({ start: later.start, end: later.end, message: { key: 'checks:termInconsistency', params: { text, earlier: found.use.base, source: found.source } }, fixes: [] });
    }
    return out;
  },
};

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

/** News agencies credited in datelines ("(dpa)") recur in any sentences: never a term. */
const AGENCIES = stopwords.agencies.split(' ');
const STOP: Record<string, Set<string>> = Object.fromEntries(
  Object.entries(stopwords).filter(([k]) => k !== 'description' && k !== 'agencies').map(([k, v]) => [k, new Set([...fold(v).split(/\s+/), ...AGENCIES])]),
);

/** Every written form (singular, plural) → the groups its base term belongs to, and the base term. */
const FORMS = new Map<string, { base: string; groups: number[] }>();
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

interface Use {
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
function contentWords(text: string, lang: string, stop: Set<string>): Map<string, string> {
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

function usesOf(segments: readonly SegmentView[]): Use[] {
  const out: Use[] = [];
  segments.forEach((s, seg) => {
    for (const m of s.target.matchAll(TERMS)) {
      const form = FORMS.get(m[0].toLowerCase());
      // "MP" and "EV" as acronyms only; "mp" is a unit.
      if (form && (form.base.length > 2 || /^\p{Lu}{2}/u.test(m[0]))) out.push({ seg, base: form.base, start: s.targetStart + m.index!, end: s.targetStart + m.index! + m[0].length });
    }
  });
  return out;
}

/**
 * The earlier use of another member of `later`'s group whose source sentence shares a term with later's
 * (same word, inflection or compound head), that term standing only in sentences whose translation uses the group.
 */
function earlierRendering(later: Use, uses: Use[], words: Map<string, string>[], basesIn: Set<string>[], lang: string): { use: Use; source: string } | undefined {
  const groups = FORMS.get(later.base)!.groups;
  for (const earlier of uses) {
    if (earlier.seg >= later.seg) break;
    if (earlier.base === later.base || basesIn[later.seg]!.has(earlier.base) || basesIn[earlier.seg]!.has(later.base)) continue;
    const shared = groups.filter((g) => FORMS.get(earlier.base)!.groups.includes(g));
    if (!shared.length) continue;
    const group = new Set(shared.flatMap((g) => variants.groups[g]!));
    const inGroup = (i: number) => [...basesIn[i]!].some((b) => group.has(b));
    const near = (ws: Map<string, string>, w: string) => ws.has(w) || [...ws.keys()].some((x) => sameTerm(x, w, lang));
    const term = [...words[earlier.seg]!.keys()].find((w) => near(words[later.seg]!, w) && words.every((ws, i) => !ws.has(w) || inGroup(i)));
    if (term) return { use: earlier, source: words[earlier.seg]!.get(term)! };
  }
  return undefined;
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
    const words = ctx.segments.map((s) => contentWords(s.source, lang, stop));
    const basesIn = ctx.segments.map((_, i) => new Set(uses.filter((u) => u.seg === i).map((u) => u.base)));
    const out: RawFinding[] = [];
    const reported = new Set<number>();
    for (const later of uses) {
      if (reported.has(later.start)) continue;
      const found = earlierRendering(later, uses, words, basesIn, lang);
      if (!found) continue;
      reported.add(later.start);
      const text = ctx.target.slice(later.start, later.end);
      out.push({ start: later.start, end: later.end, message: { key: 'checks:termInconsistency', params: { text, earlier: found.use.base, source: found.source } }, fixes: [] });
    }
    return out;
  },
};

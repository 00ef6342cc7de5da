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

/** The source's content words: folded, not stop words, not numbers; names only in German (whose nouns are capitalised). */
function contentWords(text: string, lang: string, stop: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  const han = lang === 'zh';
  for (const t of tokenize(text, lang)) {
    if (!t.word || /\d/.test(t.text)) continue;
    if (han ? t.text.length < 2 : t.text.length < 3) continue;
    if (!han && lang !== 'de' && /^\p{Lu}/u.test(t.text)) continue;
    const w = fold(t.text);
    if (!stop.has(w) && !out.has(w)) out.set(w, t.text);
  }
  return out;
}

function usesOf(segments: readonly SegmentView[]): Use[] {
  const out: Use[] = [];
  segments.forEach((s, seg) => {
    for (const m of s.target.matchAll(TERMS)) {
      const form = FORMS.get(m[0].toLowerCase());
      // "MP" and "EV" as acronyms only; "mp" is a unit.
      if (form && (form.base.length > 2 || m[0] === m[0].toUpperCase())) out.push({ seg, base: form.base, start: s.targetStart + m.index!, end: s.targetStart + m.index! + m[0].length });
    }
  });
  return out;
}

export const termInconsistency: CheckDefinition = {
  id: 'mt.term-inconsistency',
  category: 'Terminology/Inconsistent use of terminology',
  severity: 'minor',
  description: 'One source term rendered two ways within the article.',
  scope: 'document',
  run(ctx: CheckContext) {
    const lang = primaryLang(ctx.sourceLang);
    const stop = STOP[lang];
    if (!stop || primaryLang(ctx.targetLang) !== 'en') return [];
    const uses = usesOf(ctx.segments);
    if (uses.length < 2) return [];
    const words = ctx.segments.map((s) => contentWords(s.source, lang, stop));
    const basesIn = ctx.segments.map((_, i) => new Set(uses.filter((u) => u.seg === i).map((u) => u.base)));
    const out: RawFinding[] = [];
    const reported = new Set<number>();
    for (const later of uses) {
      const groups = FORMS.get(later.base)!.groups;
      const earlier = uses.find((u) => u.seg < later.seg && u.base !== later.base && FORMS.get(u.base)!.groups.some((g) => groups.includes(g)) && !basesIn[later.seg]!.has(u.base) && !basesIn[u.seg]!.has(later.base));
      if (!earlier || reported.has(later.start)) continue;
      const group = new Set(groups.filter((g) => FORMS.get(earlier.base)!.groups.includes(g)).flatMap((g) => variants.groups[g]!));
      const inGroup = (i: number) => [...basesIn[i]!].some((b) => group.has(b));
      const term = [...words[earlier.seg]!.keys()].find((w) => words[later.seg]!.has(w) && words.every((ws, i) => !ws.has(w) || inGroup(i)));
      if (!term) continue;
      reported.add(later.start);
      const text = ctx.target.slice(later.start, later.end);
      out.push({ start: later.start, end: later.end, message: { key: 'checks:termInconsistency', params: { text, earlier: earlier.base, source: words[later.seg]!.get(term)! } }, fixes: [] });
    }
    return out;
  },
};

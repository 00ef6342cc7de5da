import { MQM_CATEGORIES, MQM_SEVERITIES, type MqmCategory, type MqmSeverity } from '../../contract/review.js';

/**
 * The MQM typology as the WMT evaluations write it ("Accuracy/Mistranslation"): top level and sub
 * level, the i18n keys of each name (locales/<lng>/mqm.json), type-ahead filtering and severities.
 */

export interface CategoryParts {
  /** "Accuracy"; a category without a sub level ("Other", "Source error") is its own top level. */
  top: string;
  sub?: string;
}

export function splitCategory(category: string): CategoryParts {
  const slash = category.indexOf('/');
  return slash === -1 ? { top: category } : { top: category.slice(0, slash), sub: category.slice(slash + 1) };
}

/** The top levels in the order of MQM_CATEGORIES. */
export const MQM_TOP_LEVELS: readonly string[] = [...new Set(MQM_CATEGORIES.map((c) => splitCategory(c).top))];

export interface CategoryGroup {
  top: string;
  /** The categories under this top level (just [top] when it has no sub level). */
  categories: MqmCategory[];
}

/** The categories grouped by top level, for a two-level picker. */
export function categoryTree(): CategoryGroup[] {
  return MQM_TOP_LEVELS.map((top) => ({ top, categories: MQM_CATEGORIES.filter((c) => splitCategory(c).top === top) }));
}

export function isMqmCategory(s: string): s is MqmCategory {
  return (MQM_CATEGORIES as readonly string[]).includes(s);
}

/**
 * The key of a category name in the mqm namespace: "Accuracy/Addition" → "accuracy_addition",
 * "Locale convention" → "locale_convention", "Non-translation!" → "non_translation". The picker
 * shows `category.<key of top>` and `category.<key of the whole category>` (the sub level's name).
 */
export function categoryKey(category: string): string {
  return category
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Keys of a category's names: its top level and, when it has one, its sub level. */
export function categoryKeys(category: string): { top: string; sub?: string } {
  const { top, sub } = splitCategory(category);
  return sub === undefined ? { top: categoryKey(top) } : { top: categoryKey(top), sub: categoryKey(category) };
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

function words(s: string): string[] {
  return fold(s).split(/[\s/\-!:,.]+/u).filter(Boolean);
}

/**
 * Type-ahead over the category names. Works whatever the UI language: every word of the query must
 * start a word of the English name or of the localized label (when `label` is given), so "acc mis",
 * "mis" and "Fehlüb" (with a German label) all find Accuracy/Mistranslation. Case and accents are
 * ignored. Categories whose top level the query starts come first; otherwise typology order.
 */
export function matchCategories(query: string, label?: (category: MqmCategory) => string): MqmCategory[] {
  const q = words(query);
  if (q.length === 0) return [...MQM_CATEGORIES];
  const scored: { c: MqmCategory; rank: number; i: number }[] = [];
  MQM_CATEGORIES.forEach((c, i) => {
    const names = [words(c)];
    if (label) names.push(words(label(c)));
    let rank = Infinity;
    for (const w of names) {
      if (!q.every((t) => w.some((x) => x.startsWith(t)))) continue;
      rank = Math.min(rank, w[0]!.startsWith(q[0]!) ? 0 : 1);
    }
    if (rank !== Infinity) scored.push({ c, rank, i });
  });
  return scored.sort((a, b) => a.rank - b.rank || a.i - b.i).map((s) => s.c);
}

// ---------- severities ----------

/** Keys that set a severity while annotating (the number row, as in MQM tools: 0 neutral … 3 critical). */
export const SEVERITY_KEYS: Readonly<Record<string, MqmSeverity>> = { '0': 'neutral', '1': 'minor', '2': 'major', '3': 'critical' };

export function severityForKey(key: string): MqmSeverity | undefined {
  return Object.hasOwn(SEVERITY_KEYS, key) ? SEVERITY_KEYS[key] : undefined;
}

export function keyForSeverity(severity: MqmSeverity): string {
  return Object.entries(SEVERITY_KEYS).find(([, s]) => s === severity)![0];
}

/** "Minor" (as the WMT TSV writes it) → "minor"; undefined when it is not a severity of ours. */
export function parseSeverity(s: string): MqmSeverity | undefined {
  const lower = s.trim().toLowerCase();
  return (MQM_SEVERITIES as readonly string[]).includes(lower) ? (lower as MqmSeverity) : undefined;
}

/** "minor" → "Minor", as the WMT TSV and Google's MQM Viewer expect. */
export function severityLabel(severity: MqmSeverity): string {
  return severity[0]!.toUpperCase() + severity.slice(1);
}

/**
 * Runs rule packs (JSON, see ./README.md and ./format.ts): compiles each rule's token pattern or regex,
 * conditions and fix templates once, and turns them into CheckDefinitions the engine runs per segment.
 */
import { MQM_CATEGORIES, type Fix } from '../../../contract/review.js';
import { tokenize, type Token } from '../../../common/words.js';
import { monthDayText, weekdayDateText, type SimpleDate } from '../dates.js';
import type { CheckContext, CheckDefinition, CheckSeverity, RawFinding, SegmentView } from '../types.js';
import { CONDITION_KEYS, FIX_KEYS, RULE_KEYS, TOKEN_KEYS, type Condition, type FixSpec, type PackFile, type RuleSpec, type TableRow, type TokenSpec } from './format.js';
import { hitsAny, LiteralScanner, startsOf, type LiteralHits } from './literal-scan.js';
import { foldAsciiCase, matchPrefixes, requiredLiterals } from './prefilter.js';

export class PackError extends Error {}

export type WordLists = Record<string, readonly string[]>;

// ---------- tables (forEach) ----------

const PLACEHOLDER = /\$\{(\w+)\}/g;

function substitute(value: unknown, row: TableRow): unknown {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (m, k: string) => {
      const v = row[k];
      if (v === undefined) return m;
      return Array.isArray(v) ? v.join('|') : v;
    });
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const exact = typeof item === 'string' ? /^\$\{(\w+)\}$/.exec(item) : null;
      if (exact && Array.isArray(row[exact[1]!])) {
        out.push(...(row[exact[1]!] as string[]));
        continue;
      }
      // An object with a field that is exactly "${key}" of a list value expands to one object per item.
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const listField = Object.entries(item as Record<string, unknown>).find(([, v]) => typeof v === 'string' && /^\$\{(\w+)\}$/.test(v) && Array.isArray(row[v.slice(2, -1)]));
        if (listField) {
          for (const one of row[(listField[1] as string).slice(2, -1)] as string[]) out.push(substitute({ ...(item as object), [listField[0]]: one }, row));
          continue;
        }
      }
      out.push(substitute(item, row));
    }
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = substitute(v, row);
    return out;
  }
  return value;
}

export function expandRule(spec: RuleSpec): RuleSpec[] {
  if (!spec.forEach) return [spec];
  const { forEach, examples, ...rest } = spec;
  return forEach.map((row, i) => ({ ...(substitute(rest, row) as RuleSpec), examples: i === 0 ? examples : undefined }));
}

// ---------- validation ----------

function checkKeys(obj: object, allowed: Set<string>, where: string): void {
  for (const k of Object.keys(obj)) if (!allowed.has(k)) throw new PackError(`${where}: unknown key "${k}"`);
}

/** JavaScript's \b only knows ASCII letters ("\béxito" never matches): packs get a Unicode-aware one. */
const UNICODE_BOUNDARY = '(?:(?<=[\\p{L}\\p{N}_])(?![\\p{L}\\p{N}_])|(?<![\\p{L}\\p{N}_])(?=[\\p{L}\\p{N}_]))';

export function compileRegex(source: string, flags: string, where: string): RegExp {
  try {
    return new RegExp(source.replace(/(?<!\\)\\b/g, UNICODE_BOUNDARY), [...new Set(flags + 'u')].join(''));
  } catch (err) {
    throw new PackError(`${where}: bad regular expression: ${(err as Error).message}`);
  }
}

// ---------- word lists ----------

interface CompiledList {
  /** Entries as lower-case token texts, grouped by their first token. */
  byFirst: Map<string, string[][]>;
  /** Entries as normalised lower-case strings (for capture conditions). */
  all: Set<string>;
}

function compileList(entries: readonly string[]): CompiledList {
  const byFirst = new Map<string, string[][]>();
  const all = new Set<string>();
  for (const e of entries) {
    const toks = tokenize(e, 'en').map((t) => t.text.toLowerCase());
    if (!toks.length) continue;
    all.add(toks.join(' '));
    const list = byFirst.get(toks[0]!) ?? [];
    list.push(toks);
    byFirst.set(toks[0]!, list);
  }
  for (const l of byFirst.values()) l.sort((a, b) => b.length - a.length);
  return { byFirst, all };
}

// ---------- token patterns ----------

interface CompiledElement {
  /** Token counts this element can consume at position i (longest first); [] when it does not match. */
  lengths(toks: readonly Token[], i: number): number[];
  min: number;
  max: number;
  name?: string;
  /** Lower-case words one of which must occur for this element to match (for the quick pre-check). */
  literal?: Set<string>;
}

type TokenTest = (t: Token) => boolean;

function compileTokenTest(spec: TokenSpec, where: string, lists: Map<string, CompiledList>, standalone = true): TokenTest {
  checkKeys(spec, TOKEN_KEYS, where);
  const tests: TokenTest[] = [];
  if (spec.word !== undefined) {
    const words = (Array.isArray(spec.word) ? spec.word : [spec.word]).map((w) => (spec.caseSensitive ? w : w.toLowerCase()));
    const set = new Set(words);
    tests.push(spec.caseSensitive ? (t) => set.has(t.text) : (t) => set.has(t.text.toLowerCase()));
  }
  if (spec.regex !== undefined) {
    const re = compileRegex(spec.regex, spec.caseSensitive === false ? 'i' : '', where);
    tests.push((t) => re.test(t.text));
  }
  if (spec.cap) tests.push((t) => /^\p{Lu}/u.test(t.text));
  if (spec.lower) tests.push((t) => /^\p{Ll}/u.test(t.text));
  if (spec.number) tests.push((t) => /^\p{N}/u.test(t.text));
  if (spec.punct !== undefined && spec.punct !== false) {
    const chars = typeof spec.punct === 'string' ? spec.punct : null;
    tests.push((t) => !t.word && (chars === null || chars.includes(t.text)));
  }
  if (spec.not) {
    const inner = compileTokenTest(spec.not, `${where}.not`, lists);
    tests.push((t) => !inner(t));
  }
  if (spec.anyOf) {
    const inner = spec.anyOf.map((s, i) => compileTokenTest(s, `${where}.anyOf[${i}]`, lists));
    tests.push((t) => inner.some((f) => f(t)));
  }
  if (spec.list !== undefined && standalone) {
    const list = lists.get(spec.list);
    if (!list) throw new PackError(`${where}: unknown list "${spec.list}"`);
    tests.push((t) => list.byFirst.has(t.text.toLowerCase()));
  }
  if (spec.any) tests.push(() => true);
  if (!tests.length && spec.list === undefined) throw new PackError(`${where}: a token needs a test (word, list, regex, cap, lower, number, punct, any or not)`);
  return (t) => tests.every((f) => f(t));
}

function compileElement(spec: TokenSpec, lists: Map<string, CompiledList>, where: string): CompiledElement {
  const test = compileTokenTest(spec, where, lists, false);
  const [min, max] = spec.repeat ?? (spec.optional ? [0, 1] : [1, 1]);
  if (!(min >= 0 && max >= Math.max(1, min))) throw new PackError(`${where}: bad repeat [${min}, ${max}]`);
  let literal: Set<string> | undefined;
  if (spec.word !== undefined && !spec.caseSensitive) literal = new Set((Array.isArray(spec.word) ? spec.word : [spec.word]).map((w) => w.toLowerCase()));
  if (spec.list !== undefined) {
    const list = lists.get(spec.list);
    if (!list) throw new PackError(`${where}: unknown list "${spec.list}"`);
    literal = new Set(list.byFirst.keys());
    return {
      min,
      max,
      name: spec.name,
      literal,
      lengths(toks, i) {
        const first = toks[i];
        if (!first) return [];
        const cands = list.byFirst.get(first.text.toLowerCase());
        if (!cands) return [];
        const out: number[] = [];
        for (const entry of cands) {
          if (i + entry.length > toks.length) continue;
          let ok = true;
          for (let k = 0; k < entry.length && ok; k++) ok = toks[i + k]!.text.toLowerCase() === entry[k];
          // The whole entry must also pass the other tests on its first token (e.g. cap).
          if (ok && test(first)) out.push(entry.length);
        }
        return out;
      },
    };
  }
  return { min, max, name: spec.name, literal, lengths: (toks, i) => (i < toks.length && test(toks[i]!) ? [1] : []) };
}

interface Capture {
  start: number;
  end: number;
  text: string;
}

interface Match {
  start: number;
  end: number;
  caps: Map<string, Capture>;
}

function matchTokens(els: readonly CompiledElement[], toks: readonly Token[], at: number): { end: number; caps: Map<string, [number, number]> } | null {
  const caps = new Map<string, [number, number]>();
  function seq(ei: number, ti: number): number {
    if (ei === els.length) return ti;
    const el = els[ei]!;
    const rep = (count: number, pos: number): number => {
      if (count < el.max) {
        for (const len of el.lengths(toks, pos)) {
          const r = rep(count + 1, pos + len);
          if (r >= 0) return r;
        }
      }
      if (count >= el.min) {
        if (el.name) caps.set(el.name, [ti, pos]);
        const r = seq(ei + 1, pos);
        if (r >= 0) return r;
        if (el.name) caps.delete(el.name);
      }
      return -1;
    };
    return rep(0, ti);
  }
  const end = seq(0, at);
  return end > at ? { end, caps } : null;
}

// ---------- conditions ----------

interface SegmentData {
  text: string;
  tokens: Token[];
  /** The tokens' texts in lower case (computed once per segment, not once per rule). */
  lower: string[];
  words: Set<string>;
  /** The literals of every pack rule in the target as it is, case-folded, and in the folded source (on first use). */
  hits?: { version: number; raw?: LiteralHits; folded?: LiteralHits; source?: LiteralHits; sourceText?: string };
}

/** One scanner for the literals of every compiled pack (segment data is shared by the packs). */
const LITERALS = new LiteralScanner();

/** Where the literals occur in the target (`folded`: case-folded) or, with `side` 'source', in the folded source. */
function hitsOf(seg: SegmentData, kind: 'raw' | 'folded' | 'source', source = ''): LiteralHits {
  if (seg.hits?.version !== LITERALS.version) seg.hits = { version: LITERALS.version };
  const h = seg.hits;
  if (kind === 'raw') return (h.raw ??= LITERALS.scan(seg.text));
  if (kind === 'folded') return (h.folded ??= LITERALS.scan(foldAsciiCase(seg.text)));
  if (h.sourceText !== source) [h.source, h.sourceText] = [LITERALS.scan(foldAsciiCase(source)), source];
  return h.source!;
}

type CondFn = (m: Match, seg: SegmentData, source: string) => boolean;

function tokenAfter(seg: SegmentData, offset: number): Token | undefined {
  let lo = 0;
  let hi = seg.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seg.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return seg.tokens[lo];
}

function tokenBefore(seg: SegmentData, offset: number): Token | undefined {
  let lo = 0;
  let hi = seg.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seg.tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return seg.tokens[lo - 1];
}

const SENTENCE_START = /(?:^|[.!?…]["”’»)]?\s+|\n\s*|^\s*["“«‘(]|[.!?]\s+["“«‘(])$/u;

export function isSentenceStart(textBefore: string): boolean {
  return SENTENCE_START.test(textBefore) || textBefore.trim() === '';
}

function compileCondition(c: Condition, lists: Map<string, CompiledList>, where: string): CondFn {
  checkKeys(c, CONDITION_KEYS, where);
  if ('source' in c) {
    const re = compileRegex(c.source, 'i', where);
    return (_m, _s, src) => re.test(src);
  }
  if ('notSource' in c) {
    const re = compileRegex(c.notSource, 'i', where);
    return (_m, _s, src) => !re.test(src);
  }
  if ('before' in c || 'notBefore' in c) {
    const neg = 'notBefore' in c;
    const re = compileRegex(neg ? c.notBefore : (c as { before: string }).before, 'i', where);
    return (m, s) => re.test(s.text.slice(Math.max(0, m.start - 200), m.start)) !== neg;
  }
  if ('after' in c || 'notAfter' in c) {
    const neg = 'notAfter' in c;
    const re = compileRegex(neg ? c.notAfter : (c as { after: string }).after, 'i', where);
    return (m, s) => re.test(s.text.slice(m.end, m.end + 200)) !== neg;
  }
  if ('next' in c || 'notNext' in c) {
    const neg = 'notNext' in c;
    const test = compileTokenTest(neg ? c.notNext : (c as { next: TokenSpec }).next, where, lists);
    return (m, s) => {
      const t = tokenAfter(s, m.end);
      return (t !== undefined && test(t)) !== neg;
    };
  }
  if ('prev' in c || 'notPrev' in c) {
    const neg = 'notPrev' in c;
    const test = compileTokenTest(neg ? c.notPrev : (c as { prev: TokenSpec }).prev, where, lists);
    return (m, s) => {
      const t = tokenBefore(s, m.start);
      return (t !== undefined && test(t)) !== neg;
    };
  }
  if ('capture' in c) {
    const inList = c.in !== undefined ? lists.get(c.in) : undefined;
    const notInList = c.notIn !== undefined ? lists.get(c.notIn) : undefined;
    if ((c.in !== undefined && !inList) || (c.notIn !== undefined && !notInList)) throw new PackError(`${where}: unknown list`);
    const re = c.matches !== undefined ? compileRegex(c.matches, '', where) : null;
    const notRe = c.notMatches !== undefined ? compileRegex(c.notMatches, '', where) : null;
    return (m) => {
      const cap = m.caps.get(c.capture);
      const text = cap?.text ?? '';
      const key = tokenize(text, 'en').map((t) => t.text.toLowerCase()).join(' ');
      if (inList && !inList.all.has(key)) return false;
      if (notInList && notInList.all.has(key)) return false;
      if (re && !re.test(text)) return false;
      if (notRe && notRe.test(text)) return false;
      const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      if (c.minWords !== undefined && words < c.minWords) return false;
      if (c.maxWords !== undefined && words > c.maxWords) return false;
      return true;
    };
  }
  if ('notStartsWithListEntry' in c) {
    const list = lists.get(c.notStartsWithListEntry);
    if (!list) throw new PackError(`${where}: unknown list "${c.notStartsWithListEntry}"`);
    return (m, s) => {
      const i = s.tokens.findIndex((t) => t.start >= m.start);
      if (i < 0) return true;
      const cands = list.byFirst.get(s.tokens[i]!.text.toLowerCase()) ?? [];
      return !cands.some((e) => e.every((w, k) => s.tokens[i + k]?.text.toLowerCase() === w));
    };
  }
  if ('sentenceStart' in c) return (m, s) => isSentenceStart(s.text.slice(Math.max(0, m.start - 20), m.start)) === c.sentenceStart;
  throw new PackError(`${where}: unknown condition`);
}

// ---------- templates ----------

type TemplateFn = (args: string[], date: SimpleDate | undefined) => string | undefined;

const FUNCTIONS: Record<string, TemplateFn> = {
  weekdayDate: ([weekday, day], date) => (date && weekday && day ? weekdayDateText(date, weekday, Number(day)) : undefined),
  monthDay: ([day, month]) => (day && month ? monthDayText(Number(day), Number(month)) : undefined),
};

const TEMPLATE_PART = /\{\{\s*([^}]+?)\s*\}\}/g;

/** Fill a template; undefined when a function cannot answer (e.g. no document date), so the fix is dropped. */
export function fillTemplate(template: string, caps: Map<string, Capture>, whole: string, date: SimpleDate | undefined): string | undefined {
  let failed = false;
  const value = (name: string) => (name === '$0' ? whole : (caps.get(name)?.text ?? ''));
  const out = template.replace(TEMPLATE_PART, (_m, expr: string) => {
    const call = /^(\w+)\(([^)]*)\)$/.exec(expr);
    if (call) {
      const fn = FUNCTIONS[call[1]!];
      const r = fn?.(call[2]!.split(',').map((a) => value(a.trim())), date);
      if (r === undefined) failed = true;
      return r ?? '';
    }
    const [name, filter] = expr.split('|').map((s) => s.trim());
    const v = value(name!);
    if (filter === 'lower') return v.toLowerCase();
    if (filter === 'cap') return v.charAt(0).toUpperCase() + v.slice(1);
    if (filter === 'uncap') return v.charAt(0).toLowerCase() + v.slice(1);
    // "{{app|comma}}": the capture followed by a comma, or nothing when it is empty.
    if (filter === 'comma') return v ? `${v},` : '';
    return v;
  });
  return failed ? undefined : out;
}

function validateTemplate(template: string, where: string): void {
  for (const m of template.matchAll(TEMPLATE_PART)) {
    const call = /^(\w+)\(/.exec(m[1]!);
    if (call && !FUNCTIONS[call[1]!]) throw new PackError(`${where}: unknown template function "${call[1]}"`);
  }
}

// ---------- rules ----------

const NO_MATCH: Match = { start: 0, end: 0, caps: new Map() };
const NO_SEGMENT: SegmentData = { text: '', tokens: [], lower: [], words: new Set() };

interface CompiledRule {
  spec: RuleSpec;
  elements?: CompiledElement[];
  regex?: RegExp;
  conditions: CondFn[];
  /** Conditions on the source sentence alone: tested once per segment, at its first match. */
  sourceConditions: ((source: string) => boolean)[];
  /** Lower-case words, at least one of which the segment must contain before the rule is tried. */
  needs?: Set<string>;
  /** Derived from the regex: literals one of which the target text must contain for any match (see prefilter.ts). */
  literals?: { ids: number[]; folded: boolean };
  /** Derived from the regex: literals one of which every match starts with; a match is only tried where one occurs. */
  prefixes?: PrefixScan;
  /** Derived from the `source` conditions: for each, literals one of which the folded source must contain. */
  sourceLiterals: number[][];
}

function compileRule(spec: RuleSpec, lists: Map<string, CompiledList>, where: string): CompiledRule {
  checkKeys(spec, RULE_KEYS, where);
  if (!spec.id || !spec.message) throw new PackError(`${where}: id and message are required`);
  if (!(MQM_CATEGORIES as readonly string[]).includes(spec.category)) throw new PackError(`${where}: unknown MQM category "${spec.category}"`);
  if (!['hint', 'minor', 'major', 'critical'].includes(spec.severity)) throw new PackError(`${where}: severity must be hint, minor, major or critical`);
  if (!spec.tokens === !spec.regex) throw new PackError(`${where}: give either tokens or regex`);
  if (spec.needs !== undefined && (!Array.isArray(spec.needs) || spec.needs.some((w) => typeof w !== 'string' || /\s/.test(w)))) throw new PackError(`${where}: needs is a list of single words`);
  const needs = spec.needs?.length ? new Set(spec.needs.map((w) => w.toLowerCase())) : undefined;
  const conditions: CondFn[] = [];
  const sourceConditions: ((source: string) => boolean)[] = [];
  const sourceLiterals: number[][] = [];
  for (const [i, c] of (spec.when ?? []).entries()) {
    const fn = compileCondition(c, lists, `${where}.when[${i}]`);
    // Source conditions do not depend on the match: tested once per segment, not once per match.
    if ('source' in c || 'notSource' in c) sourceConditions.push((src) => fn(NO_MATCH, NO_SEGMENT, src));
    else conditions.push(fn);
    // A source condition that cannot hold rules the segment out before any scan (compiled with "i").
    const lits = 'source' in c ? requiredLiterals(c.source, true) : undefined;
    if (lits) sourceLiterals.push(lits.map((l) => LITERALS.id(l)));
  }
  for (const [i, f] of (spec.fixes ?? []).entries()) {
    checkKeys(f, FIX_KEYS, `${where}.fixes[${i}]`);
    if (typeof f.replace !== 'string') throw new PackError(`${where}.fixes[${i}]: replace is required`);
    validateTemplate(f.replace, `${where}.fixes[${i}]`);
  }
  if (spec.tokens) {
    const elements = spec.tokens.map((t, i) => compileElement(t, lists, `${where}.tokens[${i}]`));
    if (!elements.some((e) => e.min > 0)) throw new PackError(`${where}: a pattern needs at least one required token`);
    const firstRequired = elements.find((e) => e.min > 0 && e.literal);
    return { spec, elements, conditions, sourceConditions, sourceLiterals, needs: needs ?? firstRequired?.literal };
  }
  const folded = (spec.flags ?? '').includes('i');
  const strings = requiredLiterals(spec.regex!, folded);
  // One RegExp per rule (V8 parses each on construction and compiles it on first use): the sticky one
  // when the rule is tried at its prefixes only, the global one for matchAll otherwise.
  const starts = matchPrefixes(spec.regex!, folded);
  const regex = compileRegex(spec.regex!, (spec.flags ?? '') + (starts ? 'gdy' : 'gd'), where);
  return {
    spec,
    regex,
    conditions,
    sourceConditions,
    sourceLiterals,
    needs,
    literals: strings && { ids: strings.map((l) => LITERALS.id(l)), folded },
    prefixes: starts && { ids: starts.map((l) => LITERALS.id(l)), folded, sticky: regex },
  };
}

function* findMatches(rule: CompiledRule, seg: SegmentData): Generator<Match> {
  if (rule.elements) {
    const toks = seg.tokens;
    const first = rule.elements[0]!;
    for (let i = 0; i < toks.length; i++) {
      // Quick skip: a required literal first element must match this token.
      if (first.min > 0 && first.literal && !first.literal.has(seg.lower[i]!)) continue;
      const m = matchTokens(rule.elements, toks, i);
      if (!m) continue;
      const caps = new Map<string, Capture>();
      for (const [name, [a, b]] of m.caps) {
        if (b > a) {
          const start = toks[a]!.start;
          const end = toks[b - 1]!.end;
          caps.set(name, { start, end, text: seg.text.slice(start, end) });
        }
      }
      yield { start: toks[i]!.start, end: toks[m.end - 1]!.end, caps };
    }
    return;
  }
  for (const m of rule.prefixes ? matchesAtPrefixes(rule.prefixes, seg.text, seg) : seg.text.matchAll(rule.regex!)) {
    if (m[0] === '') continue;
    const caps = new Map<string, Capture>();
    const idx = (m as RegExpMatchArray & { indices?: { groups?: Record<string, [number, number] | undefined> } }).indices?.groups ?? {};
    for (const [name, range] of Object.entries(idx)) if (range) caps.set(name, { start: range[0], end: range[1], text: seg.text.slice(range[0], range[1]) });
    yield { start: m.index!, end: m.index! + m[0].length, caps };
  }
}

/** A pack regex (compiled from `source`) whose every match starts with one of some literals. */
export interface PrefixScan {
  ids: number[];
  folded: boolean;
  sticky: RegExp;
}

export function prefixScan(regex: RegExp, source: string): PrefixScan | undefined {
  const starts = matchPrefixes(source, regex.ignoreCase);
  return starts && { ids: starts.map((l) => LITERALS.id(l)), folded: regex.ignoreCase, sticky: regex.sticky ? regex : new RegExp(regex.source, regex.flags + 'y') };
}

/**
 * The matches `text.matchAll(regex)` finds: the sticky regex tried only where a prefix occurs, left to
 * right, each match ending the next try's reach as matchAll's scan does (a full scan tried the pattern
 * at every offset; tests/core/checks/literal-scan.test.ts compares the two).
 */
export function* matchesAtPrefixes(prefixes: PrefixScan, text: string, seg: Pick<SegmentData, 'text' | 'hits'> = { text }): Generator<RegExpExecArray> {
  const re = prefixes.sticky;
  let from = 0;
  for (const at of startsOf(hitsOf(seg as SegmentData, prefixes.folded ? 'folded' : 'raw'), prefixes.ids)) {
    if (at < from) continue;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) continue;
    from = m.index + Math.max(1, m[0].length);
    yield m;
  }
}

function buildFix(spec: FixSpec, m: Match, span: Capture, seg: SegmentData, base: number, date: SimpleDate | undefined): Fix | null {
  const region = spec.at ? m.caps.get(spec.at) : span;
  if (!region) return null;
  let text = fillTemplate(spec.replace, m.caps, span.text, date);
  if (text === undefined) return null;
  // Keep a sentence-initial capital: "The Egypt" → "Egypt", "This Tuesday (19)" → "On Tuesday, …".
  if (/^\p{Lu}/u.test(region.text) && /^\p{Ll}/u.test(text) && isSentenceStart(seg.text.slice(Math.max(0, region.start - 20), region.start))) {
    text = text.charAt(0).toUpperCase() + text.slice(1);
  }
  if (text === region.text) return null;
  const fix: Fix = { edits: [{ start: base + region.start, end: base + region.end, text }] };
  const label = spec.label ?? (text === '' ? 'checks:fixRemove' : undefined);
  if (label) fix.labelKey = label;
  return fix;
}

function runRule(rule: CompiledRule, seg: SegmentData, segment: SegmentView, ctx: CheckContext, defSeverity: CheckSeverity): RawFinding[] {
  const out: RawFinding[] = [];
  if (rule.spec.firstSegment && !segment.first) return out;
  if (rule.needs) {
    let any = false;
    for (const w of rule.needs) if (seg.words.has(w)) { any = true; break; }
    if (!any) return out;
  }
  if (rule.literals && !hitsAny(hitsOf(seg, rule.literals.folded ? 'folded' : 'raw'), rule.literals.ids)) return out;
  if (rule.sourceLiterals.length) {
    const src = hitsOf(seg, 'source', segment.source);
    for (const ids of rule.sourceLiterals) if (!hitsAny(src, ids)) return out;
  }
  let lastEnd = -1;
  let sourceOk: boolean | undefined; // tested once, at the first match: most segments have none
  for (const m of findMatches(rule, seg)) {
    if (m.start < lastEnd) continue;
    sourceOk ??= rule.sourceConditions.every((c) => c(segment.source));
    if (!sourceOk) return out;
    if (!rule.conditions.every((c) => c(m, seg, segment.source))) continue;
    const span = rule.spec.span ? m.caps.get(rule.spec.span) : { start: m.start, end: m.end, text: seg.text.slice(m.start, m.end) };
    if (!span) continue;
    lastEnd = m.end;
    const params: Record<string, string> = {};
    for (const [k, t] of Object.entries(rule.spec.params ?? {})) params[k] = fillTemplate(t, m.caps, span.text, ctx.documentDate) ?? '';
    const fixes: Fix[] = [];
    const seen = new Set<string>();
    for (const f of rule.spec.fixes ?? []) {
      const fix = buildFix(f, m, span, seg, segment.targetStart, ctx.documentDate);
      const key = fix && JSON.stringify(fix.edits);
      if (fix && !seen.has(key!)) {
        seen.add(key!);
        fixes.push(fix);
      }
    }
    const finding: RawFinding = { start: segment.targetStart + span.start, end: segment.targetStart + span.end, message: { key: rule.spec.message, params }, fixes };
    if (rule.spec.severity !== defSeverity) finding.severity = rule.spec.severity;
    out.push(finding);
  }
  return out;
}

/**
 * The segment the pack rules read last: the engine runs every check on one segment before the next, so
 * one entry serves all packs (a map of every segment's tokens and hits held 360 MB for a book).
 */
let last: { segment: SegmentView; lang: string; data: SegmentData } | null = null;

function dataOf(segment: SegmentView, lang: string): SegmentData {
  if (last?.segment === segment && last.lang === lang) return last.data;
  const tokens = tokenize(segment.target, lang);
  const lower = tokens.map((t) => t.text.toLowerCase());
  const words = new Set<string>();
  tokens.forEach((t, i) => t.word && words.add(lower[i]!));
  const data = { text: segment.target, tokens, lower, words };
  last = { segment, lang, data };
  return data;
}

/** Compile a pack into check definitions (one per rule id). Throws PackError naming the faulty place. */
export function compilePack(pack: PackFile, sharedLists: WordLists = {}): CheckDefinition[] {
  if (!pack || typeof pack.id !== 'string' || !Array.isArray(pack.rules)) throw new PackError('a pack needs "id" and "rules"');
  const lists = new Map<string, CompiledList>();
  for (const [name, entries] of Object.entries({ ...sharedLists, ...(pack.lists ?? {}) })) lists.set(name, compileList(entries));
  const byId = new Map<string, CompiledRule[]>();
  pack.rules.forEach((spec, i) => {
    for (const [j, one] of expandRule(spec).entries()) {
      const rule = compileRule(one, lists, `${pack.id}.rules[${i}]${spec.forEach ? `.forEach[${j}]` : ''}`);
      const list = byId.get(one.id) ?? [];
      list.push(rule);
      byId.set(one.id, list);
    }
  });
  return [...byId].map(([id, rules]) => {
    const first = rules[0]!.spec;
    const def: CheckDefinition = {
      id,
      category: first.category,
      severity: first.severity,
      description: rules.find((r) => r.spec.description)?.spec.description,
      sourceLangs: pack.sourceLangs,
      targetLangs: pack.targetLangs,
      scope: 'segment',
      run(ctx, segment) {
        if (!segment || !segment.target) return [];
        const seg = dataOf(segment, ctx.targetLang);
        const found: RawFinding[] = [];
        for (const r of rules) for (const f of runRule(r, seg, segment, ctx, first.severity)) found.push(f);
        // Alternative patterns of one rule may find the same span: keep one.
        found.sort((a, b) => a.start - b.start || b.end - a.end);
        return found.filter((f, i) => i === 0 || f.start >= found[i - 1]!.end);
      },
    };
    return def;
  });
}

/** Every example of a pack's rules, for tests. */
export function packExamples(pack: PackFile): { id: string; bad: NonNullable<RuleSpec['examples']>['bad']; good: NonNullable<RuleSpec['examples']>['good'] }[] {
  return pack.rules.filter((r) => r.examples).map((r) => ({ id: r.id, bad: r.examples!.bad ?? [], good: r.examples!.good ?? [] }));
}

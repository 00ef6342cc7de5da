/**
 * A Hunspell dictionary read the way Hunspell reads it: a word is correct when it is a dictionary stem,
 * or a stem plus affixes the stem's flags allow (one prefix, up to two suffixes). nspell instead expands
 * every stem into all its forms when it loads, which for Portuguese (dictionary-pt: 312,000 stems, 26,000
 * affix lines) and Italian (dictionary-it: verbs with hundreds of forms, twofold suffixes) did not finish
 * in minutes. This loads them in about a second. It answers correct/incorrect only: no suggestions.
 * Handles FLAG (single characters, UTF-8, long, num), PFX/SFX with cross products and continuation
 * classes, NEEDAFFIX, ONLYINCOMPOUND and FORBIDDENWORD; no compounding (neither dictionary uses it).
 */
import type { Speller } from './speller.js';

interface Affix {
  flag: string;
  /** Removed from the stem before `add` is added (Hunspell's "strip"). */
  strip: string;
  add: string;
  /** The stem's end (suffix) or start (prefix) must match; null = any. */
  condition: RegExp | null;
  /** Flags of this affixed form: further suffixes it takes (twofold suffixes), NEEDAFFIX. */
  continuation: string[];
  crossProduct: boolean;
}

export interface AffixDictionary {
  correct(word: string): boolean;
  add(word: string): void;
}

type FlagMode = 'char' | 'long' | 'num';

function splitFlags(value: string, mode: FlagMode): string[] {
  if (!value) return [];
  if (mode === 'long') return value.match(/../gu) ?? [];
  if (mode === 'num') return value.split(',').filter(Boolean);
  return [...value];
}

/** Hunspell conditions are regex character sets and literals: "[^aeiou]y", "ão", ".". */
function conditionRegex(condition: string, suffix: boolean): RegExp | null {
  if (!condition || condition === '.') return null;
  const escaped = condition.replace(/[\\^$*+?(){}|]/gu, (c) => (c === '^' ? c : `\\${c}`));
  return new RegExp(suffix ? `(?:${escaped})$` : `^(?:${escaped})`, 'u');
}

export function loadAffixDictionary(aff: string, dic: string): AffixDictionary {
  let mode: FlagMode = 'char';
  const options = new Map<string, string>();
  // By the whole of `add`: a word is looked up by each of its endings (beginnings), a few map reads.
  const suffixes = new Map<string, Affix[]>();
  const prefixes = new Map<string, Affix[]>();
  let longestSuffix = 0;
  let longestPrefix = 0;
  const crossFlags = new Set<string>();
  const lines = aff.split(/\r?\n/u);
  for (let i = 0; i < lines.length; i++) {
    const parts = lines[i]!.trim().split(/\s+/u);
    const kind = parts[0];
    if (kind === 'FLAG') mode = parts[1] === 'long' ? 'long' : parts[1] === 'num' ? 'num' : 'char';
    else if (kind === 'NEEDAFFIX' || kind === 'ONLYINCOMPOUND' || kind === 'FORBIDDENWORD') options.set(kind, parts[1] ?? '');
    else if ((kind === 'SFX' || kind === 'PFX') && parts.length === 4 && /^\d+$/u.test(parts[3]!)) {
      const flag = parts[1]!;
      const cross = parts[2] === 'Y';
      if (cross) crossFlags.add(`${kind}${flag}`);
      const count = Number(parts[3]);
      for (let k = 0; k < count && i + 1 < lines.length; k++) {
        const e = lines[++i]!.trim().split(/\s+/u);
        if (e[0] !== kind || e[1] !== flag) continue;
        const [addRaw = '0', cont = ''] = (e[3] ?? '0').split('/');
        const affix: Affix = {
          flag,
          strip: e[2] === '0' ? '' : (e[2] ?? ''),
          add: addRaw === '0' ? '' : addRaw,
          condition: conditionRegex(e[4] ?? '.', kind === 'SFX'),
          continuation: splitFlags(cont, mode),
          crossProduct: cross,
        };
        const table = kind === 'SFX' ? suffixes : prefixes;
        const list = table.get(affix.add) ?? [];
        list.push(affix);
        table.set(affix.add, list);
        if (kind === 'SFX') longestSuffix = Math.max(longestSuffix, affix.add.length);
        else longestPrefix = Math.max(longestPrefix, affix.add.length);
      }
    }
  }

  const stems = new Map<string, string[]>();
  const dicLines = dic.split(/\r?\n/u);
  for (let i = 1; i < dicLines.length; i++) {
    const line = dicLines[i]!;
    if (!line || line.startsWith('/') || line.startsWith('#')) continue;
    const entry = line.split(/[\t ]/u)[0]!;
    const slash = entry.search(/(?<!\\)\//u);
    const word = (slash < 0 ? entry : entry.slice(0, slash)).replace(/\\\//gu, '/');
    const flags = slash < 0 ? [] : splitFlags(entry.slice(slash + 1), mode);
    const known = stems.get(word);
    stems.set(word, known ? [...known, ...flags] : flags);
  }

  const NEEDAFFIX = options.get('NEEDAFFIX');
  const ONLYINCOMPOUND = options.get('ONLYINCOMPOUND');
  const FORBIDDEN = options.get('FORBIDDENWORD');

  /** The stem is in the dictionary with `flag` (and may stand as a base for an affix). */
  const stemHas = (stem: string, flag: string) => stems.get(stem)?.includes(flag) ?? false;
  /** The suffixes whose `add` ends the word (prefixes: starts it). */
  function* endingsOf(word: string): Generator<Affix> {
    for (let n = 0; n <= Math.min(longestSuffix, word.length); n++) yield* suffixes.get(word.slice(word.length - n)) ?? [];
  }
  function* beginningsOf(word: string): Generator<Affix> {
    for (let n = 0; n <= Math.min(longestPrefix, word.length); n++) yield* prefixes.get(word.slice(0, n)) ?? [];
  }

  const unsuffix = (word: string, a: Affix): string | null => {
    if (!word.endsWith(a.add) || word.length - a.add.length + a.strip.length < 1) return null;
    const stem = word.slice(0, word.length - a.add.length) + a.strip;
    return !a.condition || a.condition.test(stem) ? stem : null;
  };
  const unprefix = (word: string, a: Affix): string | null => {
    if (!word.startsWith(a.add) || word.length - a.add.length + a.strip.length < 1) return null;
    const stem = a.strip + word.slice(a.add.length);
    return !a.condition || a.condition.test(stem) ? stem : null;
  };
  const final = (a: Affix) => !NEEDAFFIX || !a.continuation.includes(NEEDAFFIX);

  /** word = stem + one or two suffixes; `extraFlag` (a prefix's flag) must also be on the stem. */
  const bySuffix = (word: string, extraFlag?: string): boolean => {
    for (const s2 of endingsOf(word)) {
      if (extraFlag && !s2.crossProduct) continue;
      const base = unsuffix(word, s2);
      if (base === null) continue;
      if (final(s2) && stemHas(base, s2.flag) && (!extraFlag || stemHas(base, extraFlag))) return true;
      // Twofold: base = stem + s1, where s1 allows s2 after it.
      for (const s1 of endingsOf(base)) {
        if (!s1.continuation.includes(s2.flag)) continue;
        const stem = unsuffix(base, s1);
        if (stem !== null && stemHas(stem, s1.flag) && (!extraFlag || stemHas(stem, extraFlag))) return true;
      }
    }
    return false;
  };

  const lookup = (word: string): boolean => {
    const flags = stems.get(word);
    if (flags) {
      if (FORBIDDEN && flags.includes(FORBIDDEN)) return false;
      if (!(NEEDAFFIX && flags.includes(NEEDAFFIX)) && !(ONLYINCOMPOUND && flags.includes(ONLYINCOMPOUND))) return true;
    }
    if (bySuffix(word)) return true;
    for (const p of beginningsOf(word)) {
      const rest = unprefix(word, p);
      if (rest === null) continue;
      if (final(p) && stemHas(rest, p.flag)) return true;
      if (p.crossProduct && bySuffix(rest, p.flag)) return true;
    }
    return false;
  };

  return {
    correct(word: string): boolean {
      if (lookup(word)) return true;
      // "Casa" at a sentence start, "CASA" in a heading.
      const lower = word.toLowerCase();
      if (lower !== word && (lookup(lower) || lookup(lower[0]!.toUpperCase() + lower.slice(1)))) return true;
      return false;
    },
    add(word: string): void {
      if (!stems.has(word)) stems.set(word, []);
    },
  };
}

/** Remembered answers per dictionary (news text repeats its words). */
const MAX_ANSWERS = 200_000;

/** A Speller over an affix dictionary: correct/incorrect with a memory of answers, no suggestions. */
export function lookupOnlySpeller(lang: string, dictionary: AffixDictionary, supplement: readonly string[] = []): Speller {
  for (const w of supplement) dictionary.add(w);
  const answers = new Map<string, boolean>();
  const correct = (word: string): boolean => {
    let ok = answers.get(word);
    if (ok === undefined) {
      ok = dictionary.correct(word);
      if (answers.size >= MAX_ANSWERS) answers.clear();
      answers.set(word, ok);
    }
    return ok;
  };
  return { lang, correct, suggest: () => [], suggestBy: () => [] };
}

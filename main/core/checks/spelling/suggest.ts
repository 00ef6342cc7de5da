/**
 * nspell's `suggest()` (nspell 2.1.5, lib/suggest.js, MIT © Titus Wormer) rewritten as a search that can
 * stop at a deadline and resume later with the same result. nspell's own call cannot be interrupted and
 * takes up to a few hundred ms for a word with no edit-distance-1 neighbour (a half-typed word), which
 * stalled the editor's per-keystroke check. The order of the candidates and their weights are nspell's,
 * so a finished search returns exactly what `suggest()` returns (tests/core/checks/qa-spelling.test.ts).
 */
import type nspell from 'nspell';
import { nearWordsOf, type NearWords } from './near-words.js';

/** The parts of an nspell instance the search reads (nspell keeps them as plain properties). */
interface SpellData {
  data: Record<string, string[] | undefined>;
  flags: Record<string, unknown> & { TRY: string[]; KEY: string[]; COMPOUNDMIN: number };
  conversion: { in: [RegExp, string][]; out: [RegExp, string][] };
  replacementTable: [string, string][];
  compoundRules: RegExp[];
}

type Casing = 'l' | 'u' | 's' | null;

const normalize = (value: string, patterns: [RegExp, string][]) => patterns.reduce((v, [from, to]) => v.replace(from, to), value);

function exactCase(value: string): 'l' | 'u' | null {
  return value === value.toLowerCase() ? 'l' : value === value.toUpperCase() ? 'u' : null;
}

function casing(value: string): Casing {
  const head = exactCase(value.charAt(0));
  const rest = value.slice(1);
  if (!rest) return head;
  const tail = exactCase(rest);
  if (head === tail) return head;
  return head === 'u' && tail === 'l' ? 's' : null;
}

function hasFlag(flags: SpellData['flags'], name: string, codes: string[] | undefined): boolean {
  return !!codes && name in flags && codes.indexOf(flags[name] as string) > -1;
}

function exact(sp: SpellData, value: string): boolean {
  const codes = sp.data[value];
  if (codes) return !hasFlag(sp.flags, 'ONLYINCOMPOUND', codes);
  return value.length >= sp.flags.COMPOUNDMIN && sp.compoundRules.some((rule) => rule.test(value));
}

/** nspell's `form()` without `all`: the known form of a candidate, or null. */
function form(sp: SpellData, value: string): string | null {
  let normal = value.trim();
  if (!normal) return null;
  normal = normalize(normal, sp.conversion.in);
  if (exact(sp, normal)) return hasFlag(sp.flags, 'FORBIDDENWORD', sp.data[normal]) ? null : normal;
  const ignore = (codes: string[] | undefined) => hasFlag(sp.flags, 'KEEPCASE', codes) || hasFlag(sp.flags, 'FORBIDDENWORD', codes);
  if (normal.toUpperCase() === normal) {
    const alternative = normal.charAt(0) + normal.slice(1).toLowerCase();
    if (ignore(sp.data[alternative])) return null;
    if (exact(sp, alternative)) return alternative;
  }
  const alternative = normal.toLowerCase();
  if (alternative !== normal) {
    if (ignore(sp.data[alternative])) return null;
    if (exact(sp, alternative)) return alternative;
  }
  return null;
}

const switchCase = (fragment: string) => {
  const first = fragment.charAt(0);
  return (first.toLowerCase() === first ? first.toUpperCase() : first.toLowerCase()) + fragment.slice(1);
};

/** How many pre-generated edits to check between two looks at the clock. */
const EDITS_PER_STEP = 64;

/**
 * One word's suggestion search. `run(deadline)` works until it finishes (returns the suggestions) or
 * `performance.now()` passes the deadline (returns null; the next call continues where it stopped).
 */
export class SuggestionSearch {
  private readonly sp: SpellData;
  private readonly value: string;
  private readonly currentCase: Casing;
  private readonly state = new Map<string, boolean>();
  private readonly weighted = new Map<string, number>();
  private readonly suggestions: string[] = [];
  private edits: string[] = [];
  private values: string[] = [];
  private firstLevel: string[] = [];
  private phase: 'edits' | 'values' | 'second' | 'done' = 'edits';
  private cursor = 0;
  // Edit distance 2: nspell expands firstLevel[previous, previous + size) per batch until a batch finds something.
  private previous = 0;
  private max = 0;
  private size = 0;
  private result: string[] | null = null;
  /** Skips lookups and expansions that cannot meet a word (same result, see near-words.ts). */
  private near: NearWords | null = null;
  private readonly group: readonly SpellData[];
  /** Set while expanding a word that has no word within one edit (see step()). */
  private blind = false;

  /** `group`: the dictionaries searched for the same word (they share one filter; `spell` among them). */
  constructor(spell: ReturnType<typeof nspell>, word: string, group: readonly ReturnType<typeof nspell>[] = [spell]) {
    this.sp = spell as unknown as SpellData;
    this.group = (group.includes(spell) ? group : [spell, ...group]) as unknown as SpellData[];
    this.value = normalize(word.trim(), this.sp.conversion.in);
    this.currentCase = casing(this.value);
    if (!this.value || spell.correct(this.value)) {
      this.result = [];
      this.phase = 'done';
      return;
    }
    this.prepare();
  }

  get done(): boolean {
    return this.result !== null;
  }

  /** The suggestions, or null when the deadline came first (call again to continue). */
  run(deadline = Infinity): string[] | null {
    while (this.result === null) {
      if (performance.now() >= deadline) return null;
      this.step();
    }
    return this.result;
  }

  /** The replacement table, keyboard neighbours, doubled letters and case variants (nspell's first part). */
  private prepare(): void {
    this.near = nearWordsOf(this.group);
    const value = this.value;
    const edits = this.edits;
    for (const [from, to] of this.sp.replacementTable) {
      let offset = value.indexOf(from);
      while (offset > -1) {
        edits.push(value.replace(from, to));
        offset = value.indexOf(from, offset + 1);
      }
    }
    for (let index = 0; index < value.length; index++) {
      const character = value.charAt(index);
      const before = value.slice(0, index);
      const after = value.slice(index + 1);
      const insensitive = character.toLowerCase();
      const upper = insensitive !== character;
      const added = new Set<string>();
      for (const group of this.sp.flags.KEY) {
        const position = group.indexOf(insensitive);
        if (position < 0) continue;
        for (let other = 0; other < group.length; other++) {
          if (other === position) continue;
          const c = group.charAt(other);
          if (added.has(c)) continue;
          added.add(c);
          edits.push(before + (upper ? c.toUpperCase() : c) + after);
        }
      }
    }
    // A forgotten or doubled letter, up to three "distances".
    let nextCharacter = value.charAt(0);
    const doubled = [''];
    let max = 1;
    let distance = 0;
    for (let index = 0; index < value.length; index++) {
      const character = nextCharacter;
      nextCharacter = value.charAt(index + 1);
      const replacement = character === nextCharacter ? '' : character + character;
      const count = doubled.length;
      for (let offset = 0; offset < count; offset++) {
        if (offset <= max) doubled.push(doubled[offset] + replacement);
        doubled[offset] += character;
      }
      if (++distance < 3) max = doubled.length;
    }
    edits.push(...doubled);

    const values = [value];
    const lower = value.toLowerCase();
    if (value === lower || this.currentCase === null) values.push(value.charAt(0).toUpperCase() + lower.slice(1));
    const upper = value.toUpperCase();
    if (value !== upper) values.push(upper);
    this.values = values;
  }

  /** One bounded piece of work: a slice of the edits, or one word's edit-distance-1 neighbours. */
  private step(): void {
    if (this.phase === 'edits') {
      const end = Math.min(this.edits.length, this.cursor + EDITS_PER_STEP);
      for (; this.cursor < end; this.cursor++) this.check(this.edits[this.cursor]!, true, this.firstLevel);
      if (this.cursor >= this.edits.length) [this.phase, this.cursor] = ['values', 0];
    } else if (this.phase === 'values') {
      const word = this.values[this.cursor++]!;
      // No word within one edit: the expansion only lengthens the list the second level reads, and
      // that reads at most its first `firstLevelNeeded` entries, so stop there without any lookups.
      this.blind = !this.near!.mayHaveNeighbour(word);
      this.expand(word, this.firstLevel);
      this.blind = false;
      if (this.cursor >= this.values.length) {
        this.phase = 'second';
        this.previous = 0;
        this.cursor = 0;
        this.max = Math.min(this.firstLevel.length, this.maxSecond());
        this.size = this.batchSize();
      }
    } else if (this.phase === 'second') {
      // Like nspell, look for suggestions only between batches.
      if (this.cursor === 0 && (this.suggestions.length || this.previous >= this.max)) return this.finish();
      const batchEnd = Math.min(this.previous + this.size, this.firstLevel.length);
      if (this.previous + this.cursor < batchEnd) {
        const word = this.firstLevel[this.previous + this.cursor]!;
        // With no word within one edit of it, expanding this candidate would find nothing and change no weight.
        if (this.near!.mayHaveNeighbour(word)) this.expand(word, null);
      }
      this.cursor++;
      if (this.previous + this.cursor >= batchEnd) {
        this.previous += this.size;
        this.cursor = 0;
      }
    }
  }

  /** nspell expands at most this many first-level candidates at distance 2... */
  private maxSecond(): number {
    return Math.max(15 - this.value.length, 3) ** 3;
  }

  /** ...in batches of this many. */
  private batchSize(): number {
    return Math.max((10 - this.value.length) ** 3, 1);
  }

  /** The second level reads firstLevel[0, max + size) at most (its last batch may run past max). */
  private firstLevelNeeded(): number {
    // Asked for every candidate of a blind expansion: computed once.
    return (this.needed ??= this.maxSecond() + this.batchSize());
  }

  private needed: number | undefined;

  private finish(): void {
    const weight = (w: string) => this.weighted.get(w) ?? 0;
    this.suggestions.sort((a, b) => {
      const wa = weight(a);
      const wb = weight(b);
      if (wa !== wb) return wa > wb ? -1 : 1;
      const ca = casing(a);
      const cb = casing(b);
      const byCase = ca === cb ? 0 : ca === this.currentCase ? -1 : cb === this.currentCase ? 1 : 0;
      return byCase || a.localeCompare(b);
    });
    const out: string[] = [];
    const seen = new Set<string>();
    for (const s of this.suggestions) {
      const suggestion = normalize(s, this.sp.conversion.out);
      const key = suggestion.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        out.push(suggestion);
      }
    }
    this.result = out;
    this.phase = 'done';
    // The candidate memory can hold hundreds of thousands of strings: free it.
    this.state.clear();
    this.weighted.clear();
    this.firstLevel = [];
    this.edits = [];
  }

  /** nspell's `generate` for one word: removals, swaps, insertions and replacements (with TRY letters). */
  private expand(word: string, result: string[] | null): void {
    const characters = this.sp.flags.TRY;
    // At the second level only words count (no list is built): most edits are skipped on their hash.
    const hashed = result === null;
    if (hashed) this.near!.loadBase(word);
    const n = word.length;
    let before = '';
    let character = '';
    let nextCharacter = word.charAt(0);
    let nextAfter = word;
    let nextNextAfter = word.slice(1);
    let nextUpper = nextCharacter.toLowerCase() !== nextCharacter;
    const currentCase = casing(word);
    /** The edit word[0, p) + x + word[q, n), as nspell generates it. */
    const edit = (p: number, x: string, q: number, tail: string) => {
      if (hashed && !this.near!.mayBeEdit(p, x, q)) return; // check() would find no word
      this.check(before + x + tail, false, result);
    };
    for (let position = 0; position <= word.length; position++) {
      if (this.blind && result!.length >= this.firstLevelNeeded()) return;
      before += character;
      const after = nextAfter;
      nextAfter = nextNextAfter;
      nextNextAfter = nextAfter.slice(1);
      character = nextCharacter;
      nextCharacter = word.charAt(position + 1);
      const upper = nextUpper;
      if (nextCharacter) nextUpper = nextCharacter.toLowerCase() !== nextCharacter;
      if (nextAfter && upper !== nextUpper) {
        this.check(before + switchCase(nextAfter), false, result);
        this.check(before + switchCase(nextCharacter) + switchCase(character) + nextNextAfter, false, result);
      }
      const next = Math.min(position + 1, n);
      edit(position, '', next, nextAfter);
      if (nextAfter) edit(position, nextCharacter + character, position + 2, nextNextAfter);
      for (let inject of characters) {
        if (upper && inject !== inject.toUpperCase()) {
          if (currentCase !== 's') {
            edit(position, inject, position, after);
            edit(position, inject, next, nextAfter);
          }
          inject = inject.toUpperCase();
        }
        edit(position, inject, position, after);
        edit(position, inject, next, nextAfter);
      }
    }
  }

  /**
   * nspell remembers a candidate only when it is a word (its memory holds null for the others, which
   * `state !== Boolean(state)` treats as unseen): an unknown candidate is looked up and added to the next
   * level's list again each time it is generated. We keep that (same batches, same result) and do not
   * store the unknown ones at all: the memory stays small, without long pauses to grow a huge map.
   */
  private check(value: string, double: boolean, result: string[] | null): void {
    if (this.blind) {
      if (result!.length < this.firstLevelNeeded()) result!.push(value);
      return;
    }
    let state = this.state.get(value);
    if (state === undefined) {
      result?.push(value);
      if (!this.near!.mayBeWord(value)) return; // form() would be null
      const corrected = form(this.sp, value);
      if (corrected === null) return;
      state = !hasFlag(this.sp.flags, 'NOSUGGEST', this.sp.data[corrected]);
      this.state.set(value, state);
      if (state) {
        this.weighted.set(value, double ? 10 : 0);
        this.suggestions.push(value);
      }
    }
    if (state) this.weighted.set(value, this.weighted.get(value)! + 1);
  }
}

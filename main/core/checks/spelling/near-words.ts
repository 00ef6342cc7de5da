/**
 * Bloom filters over a dictionary's words (lower case), and over those words and every word with one
 * letter deleted, so that the suggestion search can skip work that cannot find anything, without
 * changing its result:
 *  - `mayBeWord(s)`: false means no key of the dictionary has s's lower case, so nspell's `form(s)` is null;
 *  - `mayHaveNeighbour(f)`: false means no key lies within one edit (insertion, deletion, substitution,
 *    adjacent swap, case) of f, so expanding f at edit distance 2 would meet no word at all.
 * A Bloom filter answers "maybe" for some absent strings (well under 0.1 %: 48 to 96 bits and four probes
 * an entry; at 24 bits and two probes, 95 % of the candidates expanded at distance 2 met no word) and never "no" for a present one:
 * a wrong "maybe" costs time, never a suggestion. The search at distance 2 built ~900 strings per
 * first-level candidate and looked each up; most candidates of an unknown word have no word nearby.
 * Strings the filter cannot reason about (non-Latin letters whose lower case changes length, digits
 * where compound rules use digits, characters that the dictionary's input conversion rewrites, spaces)
 * answer "maybe", so the search does exactly what it did before.
 */

interface Dictionary {
  data: Record<string, unknown>;
  compoundRules: RegExp[];
  conversion: { in: [RegExp, string][] };
  flags: { TRY: string[] };
}

/** Lower-case code of each UTF-16 unit below 0x250, or -1 when the filter must answer "maybe". */
const LOWER = new Int32Array(0x250).fill(-1);

const KEY_SALT = 0x9e3779b1;
/** Each filter's size (a power of two at least this many bits an entry) and bits set per entry. */
const BITS_PER_ENTRY = 48;
const PROBES = 4;
/** Bits of one block: each probe's offset in it takes 9 bits of the hashes. */
const BLOCK_BITS = 512;
const NEAR_SALT = 0x85ebca6b;
const B = 0x01000193;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Whether every match of a compound rule contains a digit: once its optional and repeated groups are
 * removed, the rule is a plain sequence of groups, one of which holds only single digits
 * (en: "(?:0|…|9)*(?:1)(?:0th|1th|…)").
 */
function digitBound(rule: RegExp): boolean {
  const mandatory = rule.source.replace(/\(\?:[^()]*\)[*?]/g, '').replace(/^\^|\$$/g, '');
  return /^(?:\(\?:[^()*+?]*\))+$/.test(mandatory) && /\(\?:\d(?:\|\d)*\)/.test(mandatory);
}

/**
 * A blocked Bloom filter of 32-bit string hashes: an entry's PROBES bits lie in one block of 512 bits
 * (one or two cache lines), so adding or finding an entry touches memory once rather than PROBES times
 * (building the two filters of English took about a second). Sizes: see the top of the file.
 */
class HashFilter {
  private readonly bits: Uint32Array;
  /** The number of blocks less one (a power of two). */
  private readonly blocks: number;

  constructor(entries: number, private readonly salt: number) {
    let size = 1 << 20;
    while (size < entries * BITS_PER_ENTRY) size *= 2;
    this.bits = new Uint32Array(size / 32);
    // Block indices come from the low bits of a hash whose top 9 bits are an offset: at most 2^23 blocks.
    this.blocks = Math.min(size / BLOCK_BITS, 1 << 23) - 1;
  }

  /** The entry's PROBES bit positions: the block from a's low bits, the 9-bit offsets from b and a's top bits. */
  private probes(h: number): void {
    const a = fmix(h ^ this.salt);
    const b = fmix(h + this.salt + 0x6b43a9b5);
    const base = (a & this.blocks) * BLOCK_BITS;
    const at = this.at;
    at[0] = base + (b & 511);
    at[1] = base + ((b >>> 9) & 511);
    at[2] = base + ((b >>> 18) & 511);
    at[3] = base + (a >>> 23);
  }

  private readonly at = new Int32Array(PROBES);

  add(h: number): void {
    this.probes(h);
    for (const bit of this.at) this.bits[bit >>> 5]! |= 1 << (bit & 31);
  }

  has(h: number): boolean {
    this.probes(h);
    for (const bit of this.at) if (!(this.bits[bit >>> 5]! & (1 << (bit & 31)))) return false;
    return true;
  }
}

export class NearWords {
  /** The keys, for `mayBeWord` and `mayBeEdit` (smaller than `near`, so its probes miss the cache less). */
  private readonly keys: HashFilter;
  /** The keys and their one-letter deletions in one filter: `mayHaveNeighbour` probes it once per string. */
  private readonly near: HashFilter;
  private readonly lower: Int32Array;
  /** Scratch: the lower-case codes, prefix hashes and powers of one query. */
  private codes = new Int32Array(64);
  private pre = new Int32Array(65);
  private suf = new Int32Array(65);
  private pow = new Int32Array(65);

  /**
   * The filter of one dictionary, or of several searched for the same words (English is the American and
   * the British dictionary): a "no" for all of them is a "no" for each, so they can share one filter.
   * (Remembering its neighbour answers across a word's two searches raised the peak memory of 1,000
   * articles by up to 300 MB, for no clear gain in CPU: not done.)
   */
  constructor(dicts: Dictionary | readonly Dictionary[]) {
    const all = Array.isArray(dicts) ? (dicts as readonly Dictionary[]) : [dicts as Dictionary];
    const tables = all.map((d) => NearWords.lowerTable(d));
    // A character one dictionary cannot encode is unencodable for the shared filter.
    this.lower = tables[0]!.map((l, c) => (tables.every((t) => t[c] === l) ? l : -1));
    const keys = [...new Set(all.flatMap((d) => Object.keys(d.data)))];
    let entries = 0;
    for (const k of keys) entries += k.length + 1;
    this.keys = new HashFilter(keys.length, KEY_SALT);
    this.near = new HashFilter(entries, NEAR_SALT);
    for (const key of keys) {
      const n = this.load(key.toLowerCase());
      // A key the filter cannot encode is still a word: its queries fall back ("maybe") anyway,
      // since they contain the same unencodable characters.
      if (n < 0) continue;
      this.keys.add(this.hash(n, -1));
      this.near.add(this.hash(n, -1));
      for (let i = 0; i < n; i++) this.near.add(this.hash(n, i));
    }
  }

  /** The lower-case table for this dictionary: digits are unencodable when compound rules could use them. */
  private static lowerTable(dict: Dictionary): Int32Array {
    const table = LOWER.slice();
    for (let c = 0; c < table.length; c++) {
      const ch = String.fromCharCode(c);
      const lower = ch.toLowerCase();
      if (lower.length === 1 && !/[\s\p{N}]/u.test(ch) && c !== 0x130) table[c] = lower.charCodeAt(0);
    }
    // Characters that the input conversion rewrites (’ → ') are unencodable; a pattern that is not a
    // plain character makes every query "maybe".
    for (const [pattern] of dict.conversion.in) {
      const literal = pattern.source.length === 1 ? pattern.source.charCodeAt(0) : -1;
      if (literal < 0) return table.fill(-1);
      if (literal < table.length) table[literal] = -1;
    }
    // Candidates get letters from TRY: one the table cannot encode would put words outside the filter's reach.
    for (const c of dict.flags.TRY) if (c.length !== 1 || c.charCodeAt(0) >= table.length || table[c.charCodeAt(0)] === -1) return table.fill(-1);
    // A compound rule makes strings words that are no key; digits are unencodable, so only rules whose
    // every match holds a digit keep the filter exact.
    if (!dict.compoundRules.every(digitBound)) return table.fill(-1);
    return table;
  }

  /** Lower-cases `s` into `codes`; its length, or -1 when a character is unencodable. */
  private load(s: string): number {
    const n = s.length;
    if (n >= this.codes.length) {
      this.codes = new Int32Array(n * 2);
      this.pre = new Int32Array(n * 2 + 1);
      this.suf = new Int32Array(n * 2 + 1);
      this.pow = new Int32Array(n * 2 + 1);
    }
    const { codes, pre, pow, lower } = this;
    pow[0] = 1;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      const l = c < lower.length ? lower[c]! : -1;
      if (l < 0) return -1;
      codes[i] = l;
      pre[i + 1] = (Math.imul(pre[i]!, B) + l) | 0;
      pow[i + 1] = Math.imul(pow[i]!, B);
    }
    const suf = this.suf;
    suf[n] = 0;
    for (let i = n - 1; i >= 0; i--) suf[i] = (Math.imul(codes[i]!, pow[n - 1 - i]!) + suf[i + 1]!) | 0;
    return n;
  }

  /** Hash of the loaded string of length n with position `skip` deleted (-1: nothing deleted). */
  private hash(n: number, skip: number): number {
    const h = skip < 0 ? this.pre[n]! : (Math.imul(this.pre[skip]!, this.pow[n - 1 - skip]!) + this.suf[skip + 1]!) | 0;
    return h ^ Math.imul(skip < 0 ? n : n - 1, 0x27d4eb2d);
  }

  /** False only when no dictionary key has the lower case of `s`. */
  mayBeWord(s: string): boolean {
    const n = this.load(s);
    return n < 0 || this.keys.has(this.hash(n, -1));
  }

  /** The word `mayBeEdit` asks about, kept apart from the scratch of the other queries. */
  private base = { n: -1, pre: new Int32Array(65), suf: new Int32Array(65), pow: new Int32Array(65) };

  /** Makes `w` the word whose edits `mayBeEdit` asks about. */
  loadBase(w: string): void {
    const n = this.load(w);
    const b = this.base;
    b.n = n;
    if (n < 0) return;
    if (n + 1 > b.pre.length) b.pre = new Int32Array(n * 2 + 1);
    if (n + 1 > b.suf.length) b.suf = new Int32Array(n * 2 + 1);
    if (n + 1 > b.pow.length) b.pow = new Int32Array(n * 2 + 1);
    b.pre.set(this.pre.subarray(0, n + 1));
    b.suf.set(this.suf.subarray(0, n + 1));
    b.pow.set(this.pow.subarray(0, n + 1));
  }

  /**
   * `mayBeWord(w.slice(0, p) + x + w.slice(q))` for the base word w, without building the string: its
   * hash from the base's prefix and suffix hashes (the suggestion search asks this of every edit of
   * hundreds of candidates, and almost all answers are "no").
   */
  mayBeEdit(p: number, x: string, q: number): boolean {
    const { n, pre, suf, pow } = this.base;
    if (n < 0) return true;
    let h = pre[p]!;
    for (let i = 0; i < x.length; i++) {
      const c = x.charCodeAt(i);
      const l = c < this.lower.length ? this.lower[c]! : -1;
      if (l < 0) return true;
      h = (Math.imul(h, B) + l) | 0;
    }
    h = (Math.imul(h, pow[n - q]!) + suf[q]!) | 0;
    return this.keys.has(h ^ Math.imul(p + x.length + n - q, 0x27d4eb2d));
  }

  /** False only when no dictionary key is within one edit of `s` (case aside). */
  mayHaveNeighbour(s: string): boolean {
    const n = this.load(s);
    if (n < 0) return true;
    // s is a key or a key's deletion, or s less one letter is: a key within one edit, or a false "maybe".
    if (this.near.has(this.hash(n, -1))) return true;
    for (let i = 0; i < n; i++) if (this.near.has(this.hash(n, i))) return true;
    return false;
  }
}

const filters = new WeakMap<object, { dicts: readonly Dictionary[]; filter: NearWords }[]>();

/** The filter of loaded dictionaries searched together, built on first use (their words must not change afterwards). */
export function nearWordsOf(dicts: readonly Dictionary[]): NearWords {
  const list = filters.get(dicts[0]!) ?? [];
  let entry = list.find((e) => e.dicts.length === dicts.length && e.dicts.every((d, i) => d === dicts[i]));
  if (!entry) {
    entry = { dicts: [...dicts], filter: new NearWords(dicts) };
    list.push(entry);
    filters.set(dicts[0]!, list);
  }
  return entry.filter;
}

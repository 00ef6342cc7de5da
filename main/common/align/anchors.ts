/**
 * Anchors: what survives translation and lets two sentences be recognised as each other's
 * translation without a dictionary: numbers normalised across locales (1.200 = 1,200, 3,5 = 3.5),
 * names, acronyms and cognates (the first four letters of a word without accents and case, so
 * "offizielle" meets "officielle" and "Himalaya" meets "himalayens"), and the marks ? ! ( and quotes.
 * Each anchor is weighted by its rarity in the document (inverse document frequency), and anchors that
 * occur on only one side are dropped: they can never match, so they would only add noise.
 */

/**
 * Sentences as rows of (anchor id, count), with each row's total weight. The rows are slices of two
 * flat arrays (sentence k: [start[k], start[k + 1])): a hundred thousand small typed arrays per side
 * made the garbage collector's work grow faster than the document.
 */
export interface AnchorTable {
  /** weight of each anchor id */
  weight: Float64Array;
  /** anchor ids and counts (parallel arrays), row by row */
  ids: Int32Array;
  counts: Int32Array;
  /** where each sentence's row starts in ids/counts; length sentences + 1 */
  start: Int32Array;
  /** per sentence: sum of weight × count */
  total: Float64Array;
}

const PREFIX = 5;
const HAS_DIGIT = /\p{N}/u;

const normalized = new Map<string, string>();
/** Lower case without accents; memoised (words repeat, and NFD is slow). */
function normalizeWord(w: string): string {
  let n = normalized.get(w);
  if (n === undefined) {
    n = w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (normalized.size > 100_000) normalized.clear();
    normalized.set(w, n);
  }
  return n;
}

/**
 * An anchor key: a string, or, for a cognate or acronym key of one to five letters a–z, a small
 * integer (the same key either way, see letterCode), so that the commonest tokens are keyed without
 * building a string.
 */
type Key = string | number;

/** The anchor keys of one token (none, one or two); memoised, as words repeat across a document. */
const tokenKeyMemo = new Map<string, readonly Key[]>();
const NO_KEYS: readonly string[] = [];
const LETTER_KEY = /^[wa][a-z]{1,5}$/;

function tokenKeys(t: string): readonly Key[] {
  let keys = tokenKeyMemo.get(t);
  if (keys === undefined) {
    keys = computeTokenKeys(t).map((k) => (LETTER_KEY.test(k) ? letterCode(k, 1, k.length, k[0] === 'a' ? 1 : 0) : k));
    if (tokenKeyMemo.size > 100_000) tokenKeyMemo.clear();
    tokenKeyMemo.set(t, keys);
  }
  return keys;
}

function computeTokenKeys(t: string): readonly string[] {
  if (HAS_DIGIT.test(t)) {
    const out: string[] = [];
    // Digits only: separators differ by locale (1.200 / 1,200; 3,5 / 3.5), the digits do not.
    const digits = t.replace(/\D/gu, '').replace(/^0+(?=\d)/u, '');
    if (digits) out.push(`#${digits}`);
    // Letters glued to a number ("K2", "A320") still name something.
    const letters = t.replace(/[\p{N}.,'’]/gu, '');
    if (letters.length >= 2) out.push(`a${normalizeWord(letters)}`);
    return out;
  }
  if (t.length === 1 && !/\p{L}/u.test(t)) return [t === '?' || t === '¿' ? '?' : t === '!' || t === '¡' ? '!' : t === '(' || t === '（' ? '(' : '"'];
  if (/^\p{Lu}{2,3}$/u.test(t)) return [`a${t.toLowerCase()}`];
  // Scripts from Thai on (CJK, Hangul…) write no spaces: their runs are phrases, not words.
  if (t.length >= 4 && t.charCodeAt(0) < 0x0e00) return [`w${normalizeWord(t).slice(0, PREFIX)}`];
  return NO_KEYS;
}

/** Whether a code point is a letter or a digit (\p{L} or \p{N}); ASCII by hand, the rest looked up once. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const bmpClass = new Uint8Array(0x10000); // 0 not looked up yet, 1 no, 2 yes
const astralClass = new Map<number, boolean>();
function isWordChar(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || ((cp | 32) >= 97 && (cp | 32) <= 122);
  if (cp < 0x10000) {
    let c = bmpClass[cp]!;
    if (c === 0) bmpClass[cp] = c = WORD_CHAR.test(String.fromCharCode(cp)) ? 2 : 1;
    return c === 2;
  }
  let c = astralClass.get(cp);
  if (c === undefined) astralClass.set(cp, (c = WORD_CHAR.test(String.fromCodePoint(cp))));
  return c;
}

/** The end of the run of letters and digits starting at k. */
function wordEnd(text: string, k: number): number {
  while (k < text.length) {
    const cp = text.codePointAt(k)!;
    if (!isWordChar(cp)) break;
    k += cp > 0xffff ? 2 : 1;
  }
  return k;
}

const MARKS = new Set([...'?!¿¡(（«»“”„"'].map((c) => c.charCodeAt(0)));
/** Characters joining two runs of letters and digits into one token (1.200, 3,5, l'eau). */
const isJoiner = (c: number) => c === 46 || c === 44 || c === 39 || c === 0x2019;

/**
 * Calls `emit` with each token of the text, in order: runs of letters and digits joined by . , ' ’
 * (the regular expression [\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)* with the u flag) and the marks, scanned
 * by hand (that regular expression was a third of an alignment's time). A token of ASCII letters
 * only is passed by its bounds, to be keyed without slicing it out (most tokens are).
 */
function eachToken(text: string, emit: (token: string) => void, emitLetters: (start: number, end: number) => void): void {
  const len = text.length;
  let k = 0;
  while (k < len) {
    const cp = text.codePointAt(k)!;
    if (isWordChar(cp)) {
      let e = wordEnd(text, k + (cp > 0xffff ? 2 : 1));
      while (e + 1 < len && isJoiner(text.charCodeAt(e)) && isWordChar(text.codePointAt(e + 1)!)) e = wordEnd(text, e + 1);
      if (asciiLetters(text, k, e)) emitLetters(k, e);
      else emit(text.slice(k, e));
      k = e;
    } else {
      if (MARKS.has(cp)) emit(text[k]!);
      k += cp > 0xffff ? 2 : 1;
    }
  }
}

function asciiLetters(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** The integer form of the key `w` or `a` (tag 0 or 1) followed by text[start…end) in lower case (letters only, at most five). */
function letterCode(text: string, start: number, end: number, tag: number): number {
  let h = 0;
  for (let k = end - 1; k >= start; k--) h = h * 32 + ((text.charCodeAt(k) | 32) - 96);
  return (h * 8 + end - start) * 2 + tag;
}

/** What tokenKeys gives for a token of ASCII letters, from its bounds: a cognate key, an acronym key, or none (−1). */
function letterKey(text: string, start: number, end: number): number {
  const len = end - start;
  if (len >= 4) return letterCode(text, start, Math.min(end, start + PREFIX), 0);
  if (len < 2) return -1;
  for (let k = start; k < end; k++) if (text.charCodeAt(k) > 90) return -1;
  return letterCode(text, start, end, 1);
}

/** Rows of key numbers (sentence r: keys[start[r]…start[r + 1]]), keys numbered by first occurrence across calls with one `intern`. */
interface KeyRows {
  keys: Int32Array;
  start: Int32Array;
}

function keyRows(texts: readonly string[], intern: Map<Key, number>): KeyRows {
  const keys: number[] = [];
  const start = new Int32Array(texts.length + 1);
  const push = (key: Key) => {
    let id = intern.get(key);
    if (id === undefined) intern.set(key, (id = intern.size));
    keys.push(id);
  };
  const add = (t: string) => {
    const ks = tokenKeys(t);
    for (let k = 0; k < ks.length; k++) push(ks[k]!);
  };
  let text = '';
  const letters = (s: number, e: number) => {
    const key = letterKey(text, s, e);
    if (key >= 0) push(key);
  };
  texts.forEach((t, r) => {
    text = t;
    eachToken(text, add, letters);
    start[r + 1] = keys.length;
  });
  return { keys: Int32Array.from(keys), start };
}

/** In how many rows each key occurs. */
function documentFrequency(rows: KeyRows, size: number): Int32Array {
  const df = new Int32Array(size);
  const lastRow = new Int32Array(size).fill(-1);
  for (let r = 0; r + 1 < rows.start.length; r++) {
    for (let k = rows.start[r]!, e = rows.start[r + 1]!; k < e; k++) {
      const key = rows.keys[k]!;
      if (lastRow[key] !== r) {
        lastRow[key] = r;
        df[key]!++;
      }
    }
  }
  return df;
}

/**
 * Build both sides' anchor tables over a shared vocabulary of the anchors found on both sides. Anchor
 * ids are given in order of first occurrence in the source and a row lists its anchors in order of
 * first occurrence in the sentence, so that every sum over them adds in the same order.
 */
export function buildAnchors(source: readonly string[], target: readonly string[]): [AnchorTable, AnchorTable] {
  const intern = new Map<Key, number>();
  const src = keyRows(source, intern);
  const sourceKeys = intern.size;
  const tgt = keyRows(target, intern);
  const dfS = documentFrequency(src, intern.size);
  const dfT = documentFrequency(tgt, intern.size);
  const idOf = new Int32Array(intern.size).fill(-1);
  const weights: number[] = [];
  const n = source.length + target.length;
  for (let key = 0; key < sourceKeys; key++) {
    if (dfT[key] === 0) continue;
    idOf[key] = weights.length;
    weights.push(Math.max(0.1, Math.log(n / (dfS[key]! + dfT[key]!))));
  }
  const weight = Float64Array.from(weights);
  const slot = new Int32Array(weights.length).fill(-1);
  const table = (rows: KeyRows): AnchorTable => {
    const rowCount = rows.start.length - 1;
    const ids: number[] = [];
    const counts: number[] = [];
    const start = new Int32Array(rowCount + 1);
    const total = new Float64Array(rowCount);
    for (let r = 0; r < rowCount; r++) {
      const first = ids.length;
      for (let k = rows.start[r]!, e = rows.start[r + 1]!; k < e; k++) {
        const id = idOf[rows.keys[k]!]!;
        if (id < 0) continue;
        if (slot[id] === -1) {
          slot[id] = ids.length;
          ids.push(id);
          counts.push(1);
        } else counts[slot[id]!]!++;
      }
      let t = 0;
      for (let k = first; k < ids.length; k++) {
        t += weight[ids[k]!]! * counts[k]!;
        slot[ids[k]!] = -1;
      }
      total[r] = t;
      start[r + 1] = ids.length;
    }
    return { weight, ids: Int32Array.from(ids), counts: Int32Array.from(counts), start, total };
  };
  return [table(src), table(tgt)];
}

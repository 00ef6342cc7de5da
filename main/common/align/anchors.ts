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

const TOKEN = /[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*|[?!¿¡(（«»“”„"]/gu;
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

/** The anchor keys of one token (none, one or two); memoised, as words repeat across a document. */
const tokenKeyMemo = new Map<string, readonly string[]>();
const NO_KEYS: readonly string[] = [];

function tokenKeys(t: string): readonly string[] {
  let keys = tokenKeyMemo.get(t);
  if (keys === undefined) {
    keys = computeTokenKeys(t);
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

/** The anchor keys of one sentence (with repetitions). */
export function anchorKeys(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const keys = tokenKeys(m[0]);
    for (let k = 0; k < keys.length; k++) out.push(keys[k]!);
  }
  return out;
}

/** Build both sides' anchor tables over a shared vocabulary of the anchors found on both sides. */
export function buildAnchors(source: readonly string[], target: readonly string[]): [AnchorTable, AnchorTable] {
  const srcKeys = source.map(anchorKeys);
  const tgtKeys = target.map(anchorKeys);
  const df = (rows: string[][]) => {
    const m = new Map<string, number>();
    for (const row of rows) for (const k of new Set(row)) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const dfS = df(srcKeys);
  const dfT = df(tgtKeys);
  const ids = new Map<string, number>();
  const weights: number[] = [];
  const n = source.length + target.length;
  for (const [k, ds] of dfS) {
    const dt = dfT.get(k);
    if (dt === undefined) continue;
    ids.set(k, weights.length);
    weights.push(Math.max(0.1, Math.log(n / (ds + dt))));
  }
  const weight = Float64Array.from(weights);
  const table = (rows: string[][]): AnchorTable => {
    const idList: number[] = [];
    const countList: number[] = [];
    const start = new Int32Array(rows.length + 1);
    const total = new Float64Array(rows.length);
    const counts = new Map<number, number>();
    rows.forEach((row, r) => {
      counts.clear();
      for (const k of row) {
        const id = ids.get(k);
        if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      let t = 0;
      for (const [id, c] of counts) {
        idList.push(id);
        countList.push(c);
        t += weight[id]! * c;
      }
      total[r] = t;
      start[r + 1] = idList.length;
    });
    return { weight, ids: Int32Array.from(idList), counts: Int32Array.from(countList), start, total };
  };
  return [table(srcKeys), table(tgtKeys)];
}

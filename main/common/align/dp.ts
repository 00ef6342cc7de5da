import type { AlignmentLink } from '../../contract/review.js';
import { buildAnchors, type AnchorTable } from './anchors.js';
import { contentLength, lengthCost } from './length.js';

/**
 * Sentence alignment by dynamic programming over link shapes (1–1, 1–2, 2–1, 2–2, 1–3, 3–1, 2–3, 3–2,
 * 1–0, 0–1), in a band around the diagonal that widens until the best path no longer touches its
 * edge. A link's cost adds a Gale–Church length cost, the anchors the two sides do not share (a Dice
 * similarity over rarity-weighted anchors, see anchors.ts), and a prior per shape.
 */

export interface AlignParams {
  /** weight of the Gale–Church length cost */
  length: number;
  /** weight of (1 − anchor similarity), per sentence of the link */
  anchors: number;
  /** similarity assumed when neither side has an anchor */
  neutral: number;
  /** cost of leaving one sentence unaligned (1–0 or 0–1) */
  skip: number;
  /** extra cost of a link of 3, 4, 5 and more sentences (1–2 or 2–1; 2–2, 1–3 or 3–1; 2–3 or 3–2; …) */
  merge2: number;
  merge3: number;
  merge4: number;
  merge5: number;
  /** cost when a link starts with a sentence in lower case (it most likely continues the previous one) */
  continuation: number;
  /** cost per sentence of a merged side that shares no anchor with the other side although it has some */
  orphan: number;
  /** cost when one side of a link starts a paragraph and the other does not */
  paragraphMismatch: number;
  lengthVariance: number;
}

/** Set by coordinate search on align-defr-dev (German–French), rounded; see conformance/align.ts. */
export const DEFAULT_PARAMS: AlignParams = {
  length: 0.375,
  anchors: 1.6,
  neutral: 0.67,
  skip: 1.9,
  merge2: 1,
  merge3: 2,
  merge4: 3,
  merge5: 5,
  continuation: 1,
  orphan: 0.6,
  paragraphMismatch: 0.5,
  lengthVariance: 6.5,
};

const SHAPES: readonly (readonly [number, number])[] = [
  [1, 1], [1, 2], [2, 1], [2, 2], [1, 3], [3, 1], [2, 3], [3, 2], [1, 0], [0, 1],
];
const MAX_SPAN = 3;
const INITIAL_HALF_BAND = 24;
/**
 * When the best path touches the band's edge, the band first moves to follow that path (a long
 * document drifts from its length diagonal by about √(deleted sentences), so a fixed band had to grow
 * with the document, and alignment grew as n^1.5); only after this many moves does it widen.
 */
const MAX_RECENTER = 8;
/** Below this many cells the whole matrix is searched: a band could hide the best path without the path touching its edge. */
const FULL_DP_CELLS = 1_000_000;

export interface UnitOptions {
  params?: Partial<AlignParams>;
  /** Per sentence: 1 when it starts a paragraph (whole-document alignment across paragraphs). */
  sourceBreaks?: Uint8Array;
  targetBreaks?: Uint8Array;
}

/** Weighted anchors shared by source sentence i and target sentence j, for j in a window per i (one flat array). */
class OverlapCache {
  private readonly cells: Float64Array;
  private readonly from: Int32Array;
  private readonly offset: Int32Array;
  private readonly width: Int32Array;
  constructor(src: AnchorTable, tgt: AnchorTable, range: (i: number) => [number, number]) {
    const n = src.total.length;
    this.from = new Int32Array(n);
    this.offset = new Int32Array(n);
    this.width = new Int32Array(n);
    let size = 0;
    for (let i = 0; i < n; i++) {
      const [a, b] = range(i);
      this.from[i] = a;
      this.offset[i] = size;
      this.width[i] = Math.max(0, b - a);
      size += this.width[i]!;
    }
    this.cells = new Float64Array(size);
    const scratch = new Int32Array(src.weight.length);
    for (let i = 0; i < n; i++) {
      const s0 = src.start[i]!;
      const s1 = src.start[i + 1]!;
      if (s0 === s1) continue;
      for (let k = s0; k < s1; k++) scratch[src.ids[k]!] = src.counts[k]!;
      const a = this.from[i]!;
      const base = this.offset[i]! - a;
      for (let j = a, b = a + this.width[i]!; j < b; j++) {
        let s = 0;
        for (let k = tgt.start[j]!, e = tgt.start[j + 1]!; k < e; k++) {
          const id = tgt.ids[k]!;
          const c = scratch[id]!;
          if (c) s += src.weight[id]! * Math.min(c, tgt.counts[k]!);
        }
        this.cells[base + j] = s;
      }
      for (let k = s0; k < s1; k++) scratch[src.ids[k]!] = 0;
    }
  }
  get(i: number, j: number): number {
    const d = j - this.from[i]!;
    return d >= 0 && d < this.width[i]! ? this.cells[this.offset[i]! + d]! : 0;
  }
}

function prefix(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length + 1);
  for (let k = 0; k < values.length; k++) out[k + 1] = out[k]! + values[k]!;
  return out;
}

/** Align two lists of sentence texts; every index of both lists is in exactly one link, in order. */
export function alignUnits(source: readonly string[], target: readonly string[], options: UnitOptions = {}): AlignmentLink[] {
  const n = source.length;
  const m = target.length;
  if (n === 0 || m === 0) {
    return [...source.map((_, i) => ({ source: [i], target: [] })), ...target.map((_, j) => ({ source: [], target: [j] }))];
  }
  const p: AlignParams = { ...DEFAULT_PARAMS, ...options.params };
  const [srcA, tgtA] = buildAnchors(source, target);
  const lenS = prefix(source.map(contentLength));
  const lenT = prefix(target.map(contentLength));
  const totS = prefix(srcA.total);
  const totT = prefix(tgtA.total);
  const ratio = lenS[n]! > 0 && lenT[m]! > 0 ? lenT[m]! / lenS[n]! : 1;
  const lowerS = Uint8Array.from(source, startsLower);
  const lowerT = Uint8Array.from(target, startsLower);
  const sb = options.sourceBreaks;
  const tb = options.targetBreaks;

  // The band follows the length diagonal (where the target has covered the same share of its characters
  // as the source), which merges and splits do not move; it doubles when the path touches its edge.
  const center = new Int32Array(n + 1);
  for (let i = 0, j = 0; i <= n; i++) {
    const want = (lenS[i]! / Math.max(1, lenS[n]!)) * lenT[m]!;
    while (j < m && lenT[j + 1]! <= want) j++;
    center[i] = i === n ? m : j;
  }
  let half = INITIAL_HALF_BAND;
  let recentered = 0;
  for (;;) {
    const full = half >= Math.max(n, m) || (n + 1) * (m + 1) <= FULL_DP_CELLS;
    const loA = new Int32Array(n + 1);
    const hiA = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) {
      hiA[i] = full ? m : Math.min(m, center[i]! + half);
      // Keep consecutive rows overlapping so that every cell in the band is reachable.
      loA[i] = full ? 0 : Math.max(0, Math.min(center[i]! - half, i > 0 ? hiA[i - 1]! : 0));
    }
    loA[0] = 0;
    const lo = (i: number) => loA[i]!;
    const hi = (i: number) => hiA[i]!;
    const overlap = new OverlapCache(srcA, tgtA, (i) => [Math.max(0, lo(i) - MAX_SPAN), Math.min(m, hi(Math.min(n, i + MAX_SPAN)) + 1)]);

    const linkCost = (i: number, a: number, j: number, b: number): number => {
      if (a === 0 || b === 0) return p.skip * (a + b);
      let shared = 0;
      // A sentence with anchors that shares none with the other side was probably not merged into this link.
      let orphans = 0;
      for (let x = i; x < i + a; x++) {
        let row = 0;
        for (let y = j; y < j + b; y++) row += overlap.get(x, y);
        if (a > 1 && row === 0 && srcA.total[x]! > 0) orphans++;
        shared += row;
      }
      if (b > 1) {
        for (let y = j; y < j + b; y++) {
          let col = 0;
          for (let x = i; x < i + a; x++) col += overlap.get(x, y);
          if (col === 0 && tgtA.total[y]! > 0) orphans++;
        }
      }
      const weight = totS[i + a]! - totS[i]! + totT[j + b]! - totT[j]!;
      const sim = weight > 0 ? Math.min(1, (2 * shared) / weight) : p.neutral;
      const size = a + b;
      let c = p.length * lengthCost(lenS[i + a]! - lenS[i]!, lenT[j + b]! - lenT[j]!, ratio, p.lengthVariance) + (p.anchors * (1 - sim) * size) / 2;
      if (size === 3) c += p.merge2;
      else if (size === 4) c += p.merge3;
      else if (size === 5) c += p.merge4;
      else if (size > 5) c += p.merge5;
      if (lowerS[i] || lowerT[j]) c += p.continuation;
      c += p.orphan * orphans;
      if (sb && tb && sb[i] !== tb[j]) c += p.paragraphMismatch;
      return c;
    };

    // One flat array of costs and back pointers for the whole band, row i at [rowAt[i], rowAt[i + 1]).
    const rowLo = new Int32Array(n + 1);
    const rowAt = new Int32Array(n + 2);
    for (let i = 0; i <= n; i++) {
      rowLo[i] = lo(i);
      rowAt[i + 1] = rowAt[i]! + hi(i) - lo(i) + 1;
    }
    const cost = new Float64Array(rowAt[n + 1]!).fill(Infinity);
    const backAll = new Int8Array(rowAt[n + 1]!).fill(-1);
    for (let i = 0; i <= n; i++) {
      const a0 = rowLo[i]!;
      const b0 = hi(i);
      const at = rowAt[i]!;
      for (let j = a0; j <= b0; j++) {
        if (i === 0 && j === 0) {
          cost[at] = 0;
          continue;
        }
        let best = Infinity;
        let arg = -1;
        for (let s = 0; s < SHAPES.length; s++) {
          const [a, b] = SHAPES[s]!;
          const pi = i - a;
          const pj = j - b;
          if (pi < 0 || pj < 0) continue;
          const off = pj - rowLo[pi]!;
          if (off < 0 || off >= rowAt[pi + 1]! - rowAt[pi]!) continue;
          const base = cost[rowAt[pi]! + off]!;
          if (base === Infinity) continue;
          const c = base + linkCost(pi, a, pj, b);
          if (c < best) {
            best = c;
            arg = s;
          }
        }
        cost[at + j - a0] = best;
        backAll[at + j - a0] = arg;
      }
    }

    // Backtrack; note whether the path ran along the band's edge (then the band was too narrow).
    const links: AlignmentLink[] = [];
    let i = n;
    let j = m;
    let touched = false;
    while (i > 0 || j > 0) {
      const s = backAll[rowAt[i]! + j - rowLo[i]!]!;
      if (!full && ((lo(i) > 0 && j - lo(i) < 2) || (hi(i) < m && hi(i) - j < 2))) touched = true;
      const [a, b] = SHAPES[s]!;
      links.push({ source: range(i - a, a), target: range(j - b, b) });
      i -= a;
      j -= b;
    }
    if (!touched || full) return links.reverse();
    if (recentered < MAX_RECENTER) {
      recentered++;
      followPath(center, links, n);
    } else {
      recentered = 0;
      half *= 2;
    }
  }
}

/** Re-centres the band on a path (links in reverse order): per row, the middle of the columns the path visits there. */
function followPath(center: Int32Array, reversed: readonly AlignmentLink[], n: number): void {
  const minJ = new Int32Array(n + 1).fill(-1);
  const maxJ = new Int32Array(n + 1);
  let i = 0;
  let j = 0;
  const visit = () => {
    if (minJ[i] === -1) minJ[i] = j;
    maxJ[i] = j;
  };
  visit();
  for (let k = reversed.length - 1; k >= 0; k--) {
    const l = reversed[k]!;
    i += l.source.length;
    j += l.target.length;
    visit();
  }
  let last = 0;
  for (let r = 0; r <= n; r++) {
    if (minJ[r] !== -1) last = (minJ[r]! + maxJ[r]!) >> 1;
    center[r] = Math.max(last, r > 0 ? center[r - 1]! : 0);
  }
}

function startsLower(text: string): number {
  return /^[\s«“‘"'(]*\p{Ll}/u.test(text) ? 1 : 0;
}

function range(start: number, count: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < count; k++) out.push(start + k);
  return out;
}

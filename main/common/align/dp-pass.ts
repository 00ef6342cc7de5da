import type { AlignmentLink } from '../../contract/review.js';
import type { AnchorTable } from './anchors.js';
import type { AlignParams } from './dp.js';
import { lengthCost } from './length.js';
import { OverlapRing } from './overlap.js';

/** What a link's cost is made of, computed once per alignment (dp.ts). */
export interface LinkInputs {
  n: number;
  m: number;
  p: AlignParams;
  srcA: AnchorTable;
  tgtA: AnchorTable;
  /** prefix sums of content lengths and anchor weights */
  lenS: Float64Array;
  lenT: Float64Array;
  totS: Float64Array;
  totT: Float64Array;
  ratio: number;
  lowerS: Uint8Array;
  lowerT: Uint8Array;
  sb?: Uint8Array;
  tb?: Uint8Array;
}

/**
 * The band of rows a pass searches: given per row (the whole matrix, or around a centre found before),
 * or following the pass itself (centred, row after row, on the previous row's cheapest cell moved
 * along the length diagonal), so that a drifting path stays inside a narrow band in one pass.
 */
export type Band = { kind: 'rows'; lo: Int32Array; hi: Int32Array } | { kind: 'follow'; half: number; diagonal: Int32Array };

export interface PassResult {
  /** links in reverse order */
  reversed: AlignmentLink[];
  /** whether the path ran along the band's edge (then the band was too narrow) */
  touched: boolean;
}

const SHAPE_A = Int8Array.of(1, 1, 2, 2, 1, 3, 2, 3, 1, 0);
const SHAPE_B = Int8Array.of(1, 2, 1, 2, 3, 1, 3, 2, 0, 1);
export const MAX_SPAN = 3;
const NONE = new Float64Array(0);

/** One dynamic programme over the band; null when the band does not reach the last cell. */
export function dpPass(c: LinkInputs, band: Band, full: boolean): PassResult | null {
  const { n, m, p, srcA, tgtA, lenS, lenT, totS, totT, ratio, lowerS, lowerT, sb, tb } = c;
  const srcTotal = srcA.total;
  const tgtTotal = tgtA.total;
  const ring = new OverlapRing(srcA, tgtA, m);
  // rows[d]: overlaps of source row i − d (d = 1…3) with the target, for the row i being computed.
  const rows: Float64Array[] = [NONE, NONE, NONE, NONE];
  // win[dx * 4 + dy]: overlap of source i − dx with target j − dy, for the cell (i, j) being computed.
  const win = new Float64Array(16);
  let i = 0;
  let j = 0;

  const linkCost = (pi: number, a: number, pj: number, b: number): number => {
    if (a === 0 || b === 0) return p.skip * (a + b);
    let shared = 0;
    // A sentence with anchors that shares none with the other side was probably not merged into this link.
    let orphans = 0;
    for (let x = pi; x < pi + a; x++) {
      const w = (i - x) * 4 + j;
      let row = 0;
      for (let y = pj; y < pj + b; y++) row += win[w - y]!;
      if (a > 1 && row === 0 && srcTotal[x]! > 0) orphans++;
      shared += row;
    }
    if (b > 1) {
      for (let y = pj; y < pj + b; y++) {
        let col = 0;
        for (let x = pi; x < pi + a; x++) col += win[(i - x) * 4 + j - y]!;
        if (col === 0 && tgtTotal[y]! > 0) orphans++;
      }
    }
    const weight = totS[pi + a]! - totS[pi]! + totT[pj + b]! - totT[pj]!;
    const sim = weight > 0 ? Math.min(1, (2 * shared) / weight) : p.neutral;
    const size = a + b;
    let cost = p.length * lengthCost(lenS[pi + a]! - lenS[pi]!, lenT[pj + b]! - lenT[pj]!, ratio, p.lengthVariance) + (p.anchors * (1 - sim) * size) / 2;
    if (size === 3) cost += p.merge2;
    else if (size === 4) cost += p.merge3;
    else if (size === 5) cost += p.merge4;
    else if (size > 5) cost += p.merge5;
    if (lowerS[pi] || lowerT[pj]) cost += p.continuation;
    cost += p.orphan * orphans;
    if (sb && tb && sb[pi] !== tb[pj]) cost += p.paragraphMismatch;
    return cost;
  };

  // One flat array of costs and back pointers for the whole band, row i at [rowAt[i], rowAt[i + 1]).
  const rowLo = new Int32Array(n + 1);
  const rowHi = new Int32Array(n + 1);
  const rowAt = new Int32Array(n + 2);
  let capacity = band.kind === 'rows' ? band.hi.reduce((s, h, k) => s + h - band.lo[k]! + 1, 0) : (n + 1) * (2 * band.half + 2 * MAX_SPAN + 1);
  let cost = new Float64Array(capacity);
  let back = new Int8Array(capacity);
  const floor = shapeFloors(p);
  let center = 0;
  let bestJ = 0;
  for (i = 0; i <= n; i++) {
    let lo: number;
    let hi: number;
    if (band.kind === 'rows') {
      lo = band.lo[i]!;
      hi = band.hi[i]!;
    } else {
      if (i > 0) center = Math.max(center, bestJ + band.diagonal[i]! - band.diagonal[i - 1]!);
      hi = i === n ? m : Math.min(m, center + band.half);
      // Keep consecutive rows overlapping so that every cell in the band is reachable.
      lo = i === 0 ? 0 : Math.max(0, Math.min(center - band.half, rowHi[i - 1]!));
    }
    rowLo[i] = lo;
    rowHi[i] = hi;
    const at = rowAt[i]!;
    rowAt[i + 1] = at + hi - lo + 1;
    if (rowAt[i + 1]! > capacity) {
      capacity = Math.max(rowAt[i + 1]!, Math.ceil(capacity * 1.5));
      const grown = new Float64Array(capacity);
      grown.set(cost);
      cost = grown;
      const grownBack = new Int8Array(capacity);
      grownBack.set(back);
      back = grownBack;
    }
    const from = Math.max(0, lo - MAX_SPAN);
    for (let d = 1; d <= MAX_SPAN; d++) rows[d] = i - d >= 0 && hi > 0 ? ring.row(i - d, from, hi - 1) : NONE;
    let best = Infinity;
    for (j = lo; j <= hi; j++) {
      for (let dx = 1; dx <= MAX_SPAN && dx <= i; dx++) {
        const r = rows[dx]!;
        for (let dy = 1; dy <= MAX_SPAN && dy <= j; dy++) win[dx * 4 + dy] = r[j - dy]!;
      }
      if (i === 0 && j === 0) {
        cost[at] = 0;
        back[at] = -1;
        best = 0;
        bestJ = 0;
        continue;
      }
      let cellBest = Infinity;
      let arg = -1;
      for (let s = 0; s < 10; s++) {
        const a = SHAPE_A[s]!;
        const b = SHAPE_B[s]!;
        const pi = i - a;
        const pj = j - b;
        if (pi < 0 || pj < 0) continue;
        const off = pj - rowLo[pi]!;
        if (off < 0 || off >= rowAt[pi + 1]! - rowAt[pi]!) continue;
        const base = cost[rowAt[pi]! + off]!;
        // The shape's least possible cost cannot beat the best so far: skip the link's cost (exact, as
        // float addition of non-negative terms never decreases).
        if (base + floor[s]! >= cellBest) continue;
        const v = base + linkCost(pi, a, pj, b);
        if (v < cellBest) {
          cellBest = v;
          arg = s;
        }
      }
      cost[at + j - lo] = cellBest;
      back[at + j - lo] = arg;
      if (cellBest < best) {
        best = cellBest;
        bestJ = j;
      }
    }
  }
  if (rowHi[n] !== m || cost[rowAt[n]! + m - rowLo[n]!] === Infinity) return null;

  const reversed: AlignmentLink[] = [];
  let touched = false;
  j = m;
  i = n;
  while (i > 0 || j > 0) {
    const s = back[rowAt[i]! + j - rowLo[i]!]!;
    const lo = rowLo[i]!;
    const hi = rowHi[i]!;
    if (!full && ((lo > 0 && j - lo < 2) || (hi < m && hi - j < 2))) touched = true;
    const a = SHAPE_A[s]!;
    const b = SHAPE_B[s]!;
    reversed.push({ source: range(i - a, a), target: range(j - b, b) });
    i -= a;
    j -= b;
  }
  return { reversed, touched };
}

/**
 * Per shape, a lower bound of its link cost: its merge cost (the other terms are non-negative), or
 * −∞ for every shape when a parameter is negative (a tuning run may try one).
 */
function shapeFloors(p: AlignParams): Float64Array {
  const terms = [p.length, p.anchors, p.neutral, p.skip, p.merge2, p.merge3, p.merge4, p.merge5, p.continuation, p.orphan, p.paragraphMismatch];
  const merge = [0, 0, 0, p.merge2, p.merge3, p.merge4, p.merge5];
  return Float64Array.from(SHAPE_A, (a, s) => {
    if (terms.some((t) => t < 0) || p.neutral > 1) return -Infinity;
    const size = a + SHAPE_B[s]!;
    return a === 0 || SHAPE_B[s] === 0 ? p.skip * size : merge[size]!;
  });
}

function range(start: number, count: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < count; k++) out.push(start + k);
  return out;
}

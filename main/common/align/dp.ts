import type { AlignmentLink } from '../../contract/review.js';
import { buildAnchors } from './anchors.js';
import { dpPass, type Band, type LinkInputs } from './dp-pass.js';
import { contentLength } from './length.js';

/**
 * Sentence alignment by dynamic programming over link shapes (1–1, 1–2, 2–1, 2–2, 1–3, 3–1, 2–3, 3–2,
 * 1–0, 0–1), in a band that follows the path row by row (dp-pass.ts), moved or widened until the
 * best path no longer touches its edge. A link's cost adds a Gale–Church length cost, the anchors the two sides do not share (a Dice
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

const INITIAL_HALF_BAND = 24;
const FOLLOW_HALF_BAND = 12;
/**
 * When the best path of a band touches its edge, the band first moves to follow that path (a long
 * document drifts from its length diagonal by about √(deleted sentences)); only after this many moves
 * does it widen.
 */
const MAX_RECENTER = 8;
/** Below this many cells the whole matrix is searched: a band could hide the best path without the path touching its edge. */
const FULL_DP_CELLS = 1_000_000;

export interface UnitOptions {
  params?: Partial<AlignParams>;
  /** Per sentence: 1 when it starts a paragraph (whole-document alignment across paragraphs). */
  sourceBreaks?: Uint8Array;
  targetBreaks?: Uint8Array;
  /** Up to this many cells the whole matrix is searched (default FULL_DP_CELLS). */
  fullMatrixCells?: number;
}

function prefix(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length + 1);
  for (let k = 0; k < values.length; k++) out[k + 1] = out[k]! + values[k]!;
  return out;
}

/** Rows of a band of half-width `half` around `center`, consecutive rows overlapping so that every cell is reachable. */
function bandRows(center: Int32Array, half: number, m: number, full: boolean): Band {
  const n = center.length - 1;
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    hi[i] = full ? m : Math.min(m, center[i]! + half);
    lo[i] = full || i === 0 ? 0 : Math.max(0, Math.min(center[i]! - half, hi[i - 1]!));
  }
  return { kind: 'rows', lo, hi };
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
  const inputs: LinkInputs = {
    n,
    m,
    p,
    srcA,
    tgtA,
    lenS,
    lenT,
    totS: prefix(srcA.total),
    totT: prefix(tgtA.total),
    ratio: lenS[n]! > 0 && lenT[m]! > 0 ? lenT[m]! / lenS[n]! : 1,
    lowerS: Uint8Array.from(source, startsLower),
    lowerT: Uint8Array.from(target, startsLower),
    sb: options.sourceBreaks,
    tb: options.targetBreaks,
  };
  // The length diagonal: where the target has covered the same share of its characters as the source
  // (merges and splits do not move it).
  const center = new Int32Array(n + 1);
  for (let i = 0, j = 0; i <= n; i++) {
    const want = (lenS[i]! / Math.max(1, lenS[n]!)) * lenT[m]!;
    while (j < m && lenT[j + 1]! <= want) j++;
    center[i] = i === n ? m : j;
  }
  if ((n + 1) * (m + 1) <= (options.fullMatrixCells ?? FULL_DP_CELLS) || INITIAL_HALF_BAND >= Math.max(n, m)) {
    return dpPass(inputs, bandRows(center, 0, m, true), true)!.reversed.reverse();
  }
  // First a band that follows the path as it goes (one pass nearly always suffices: a band fixed
  // before the pass needed about √n/24 passes, and alignment grew as n^1.6); when that path touches
  // the edge, bands around it, then wider ones, until the path stays inside.
  const first = dpPass(inputs, { kind: 'follow', half: FOLLOW_HALF_BAND, diagonal: center }, false);
  if (first && !first.touched) return first.reversed.reverse();
  let half = INITIAL_HALF_BAND;
  let recentered = 0;
  if (first) {
    followPath(center, first.reversed, n);
    recentered++;
  }
  for (;;) {
    const full = half >= Math.max(n, m);
    const pass = dpPass(inputs, bandRows(center, half, m, full), full)!;
    if (!pass.touched || full) return pass.reversed.reverse();
    if (recentered < MAX_RECENTER) {
      recentered++;
      followPath(center, pass.reversed, n);
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

/**
 * Translation Edit Rate (Snover et al. 2006) exactly as TERCOM 0.10.0 computes it (TerScorer.java):
 * a beam-limited edit distance, then greedy block shifts, each shift chosen as TERCOM orders and
 * accepts them. Parity matters: HTER numbers are compared with published ones (conformance/ter.ts
 * reproduces all 2,000 mlqe-pe dev values). sacrebleu's port differs in its band and shift limits,
 * so this follows the Java code, quirks included (see the comments marked "TERCOM:").
 */
import type { TerBreakdown } from '../../contract/review.js';

export interface TerOptions {
  /** TERCOM lowercases both sides unless told otherwise (its -s flag). Default false. */
  caseSensitive?: boolean;
  /** Block shifts on (default). Off gives plain word edit distance with TERCOM's beam. */
  shifts?: boolean;
  /** Beam width of the edit distance (TERCOM -b, default 20). */
  beamWidth?: number;
  /** Maximum distance a block moves, in words (TERCOM -d, default 50). */
  maxShiftDistance?: number;
}

/** One block shift: hypothesis words [start, end] moved after position `newloc` (-1: to the front). */
export interface TerShift {
  start: number;
  end: number;
  newloc: number;
  words: string[];
}

export interface TerDetail extends TerBreakdown {
  /**
   * The final alignment after the shifts, one letter per step in TERCOM's own letters:
   * ' ' match, 'S' substitution, 'I' a hypothesis word the reference lacks, 'D' a reference word the
   * hypothesis lacks. TERCOM names them from the reference's side; the breakdown counts the editor's
   * actions on the hypothesis instead (see `insertions` below).
   */
  alignment: string;
  /** The hypothesis tokens after the shifts (lowercased unless case-sensitive). */
  shifted: string[];
  shiftList: TerShift[];
  /** Words moved by the shifts (TERCOM's "WdSh"). */
  shiftedWords: number;
}

const MAX_SHIFT_SIZE = 10;
const INF = 999999;
const MATCH = 1;
const SUB = 2;
const INS = 3; // TERCOM 'I': hypothesis word not in the reference
const DEL = 4; // TERCOM 'D': reference word not in the hypothesis
const LETTER = ['0', ' ', 'S', 'I', 'D'];

/**
 * Tokens as TERCOM reads a plain-text line (unnormalized): trimmed, then split on whitespace.
 * Java's `\s` and `trim` are ASCII-only, so a no-break space or U+3000 stays inside a token.
 */
export function terTokens(line: string): string[] {
  const trimmed = line.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  return trimmed === '' ? [] : trimmed.split(/[ \t\n\v\f\r]+/);
}

/** HTER of a count: edits / reference length capped at 1; TERCOM's conventions for an empty reference. */
export function terScore(edits: number, refLength: number): number {
  if (refLength <= 0) return edits > 0 ? 1 : 0;
  return Math.min(1, edits / refLength);
}

/** TER of a hypothesis (e.g. the machine translation) against a reference (e.g. its post-edit). */
export function ter(hyp: readonly string[], ref: readonly string[], opts: TerOptions = {}): TerBreakdown {
  const d = terDetail(hyp, ref, opts);
  return {
    insertions: d.insertions,
    deletions: d.deletions,
    substitutions: d.substitutions,
    shifts: d.shifts,
    edits: d.edits,
    refLength: d.refLength,
    score: d.score,
  };
}

/** Sum of per-segment breakdowns; the score is total edits over total reference words (TERCOM's "Total TER"), capped at 1. */
export function sumTer(parts: Iterable<TerBreakdown>): TerBreakdown {
  const t = { insertions: 0, deletions: 0, substitutions: 0, shifts: 0, edits: 0, refLength: 0, score: 0 };
  for (const p of parts) {
    t.insertions += p.insertions;
    t.deletions += p.deletions;
    t.substitutions += p.substitutions;
    t.shifts += p.shifts;
    t.edits += p.edits;
    t.refLength += p.refLength;
  }
  t.score = terScore(t.edits, t.refLength);
  return t;
}

/**
 * TER with its alignment. Counts are the editor's view of turning the hypothesis into the reference:
 * `insertions` = reference words missing from the hypothesis (TERCOM 'D'), `deletions` = hypothesis
 * words the reference lacks (TERCOM 'I'). TERCOM's .sum file labels these two the other way round.
 */
export function terDetail(hypIn: readonly string[], refIn: readonly string[], opts: TerOptions = {}): TerDetail {
  const norm = opts.caseSensitive ? (s: string) => s : (s: string) => s.toLowerCase();
  const hypWords = hypIn.map(norm);
  const refWords = refIn.map(norm);
  // TERCOM: an empty side is scored without alignment (TERnullstr).
  if (hypWords.length === 0 || refWords.length === 0) {
    const alignment = hypWords.length === 0 ? 'D'.repeat(refWords.length) : 'I'.repeat(hypWords.length);
    return finish(alignment, hypWords, refWords.length, []);
  }
  const ids = new Map<string, number>();
  const idOf = (w: string) => ids.get(w) ?? (ids.set(w, ids.size), ids.size - 1);
  const ref = Int32Array.from(refWords, idOf);
  let cur: Int32Array = Int32Array.from(hypWords, idOf);
  let curWords = hypWords;
  const beam = opts.beamWidth ?? 20;
  const maxDist = opts.shifts === false ? 0 : (opts.maxShiftDistance ?? 50);

  let align = minEditDist(cur, ref, beam);
  const shiftList: TerShift[] = [];
  if (maxDist > 0) {
    const rloc = buildWordMatches(cur, ref);
    for (;;) {
      const best = calcBestShift(cur, ref, rloc, align, beam, maxDist);
      if (!best) break;
      const { start, end, newloc } = best.shift;
      shiftList.push({ start, end, newloc, words: curWords.slice(start, end + 1) });
      curWords = performShift(curWords, best.shift);
      cur = best.shifted;
      align = best.align;
    }
  }
  let path = '';
  for (const op of align.path) path += LETTER[op];
  return finish(path, curWords, ref.length, shiftList);
}

function finish(alignment: string, shifted: string[], refLength: number, shiftList: TerShift[]): TerDetail {
  let insertions = 0;
  let deletions = 0;
  let substitutions = 0;
  for (const c of alignment) {
    if (c === 'D') insertions++;
    else if (c === 'I') deletions++;
    else if (c === 'S') substitutions++;
  }
  // Unit costs: the alignment's cost is its count of non-matches.
  const edits = insertions + deletions + substitutions + shiftList.length;
  return {
    insertions,
    deletions,
    substitutions,
    shifts: shiftList.length,
    edits,
    refLength,
    score: terScore(edits, refLength),
    alignment,
    shifted,
    shiftList,
    shiftedWords: shiftList.reduce((n, s) => n + s.end - s.start + 1, 0),
  };
}

// ---------- edit distance with TERCOM's beam ----------

interface Align {
  path: Uint8Array;
  edits: number;
}

// Reused between calls (the shift search runs hundreds of edit distances per sentence).
let S = new Int32Array(0);
let P = new Uint8Array(0);

/**
 * TERCOM's MinEditDist: column by column over the hypothesis, cells whose cost exceeds the previous
 * column's best diagonal cost by more than the beam width are dropped. Ties keep the first writer in
 * TERCOM's order (diagonal, then insertion, then deletion), which fixes the alignment the shift
 * search sees. All costs are 1 (match 0), as TERCOM's defaults.
 */
function minEditDist(hyp: Int32Array, ref: Int32Array, beam: number): Align {
  const R = ref.length;
  const H = hyp.length;
  const W = H + 1;
  const size = (R + 1) * W;
  if (S.length < size) {
    S = new Int32Array(size * 2);
    P = new Uint8Array(size * 2);
  }
  S.fill(-1, 0, size);
  P.fill(0, 0, size);
  S[0] = 0;
  let currentBest = INF;
  let lastBest = INF;
  let currentFirstGood = 0;
  let curLastGood = 0;
  for (let j = 0; j <= H; j++) {
    lastBest = currentBest;
    currentBest = INF;
    const firstGood = currentFirstGood;
    currentFirstGood = -1;
    let lastGood = curLastGood;
    curLastGood = -1;
    for (let i = firstGood; i <= R; i++) {
      if (i > lastGood) break;
      const score = S[i * W + j]!;
      if (score < 0) continue;
      if (j < H && score > lastBest + beam) continue;
      if (currentFirstGood === -1) currentFirstGood = i;
      if (i < R && j < H) {
        const k = (i + 1) * W + j + 1;
        if (ref[i] === hyp[j]) {
          const cost = score;
          if (S[k] === -1 || cost < S[k]!) {
            S[k] = cost;
            P[k] = MATCH;
          }
          if (cost < currentBest) currentBest = cost;
        } else {
          const cost = score + 1;
          if (S[k]! < 0 || cost < S[k]!) {
            S[k] = cost;
            P[k] = SUB;
            if (cost < currentBest) currentBest = cost;
          }
        }
      }
      curLastGood = i + 1;
      if (j < H) {
        const k = i * W + j + 1;
        const icost = score + 1;
        if (S[k]! < 0 || S[k]! > icost) {
          S[k] = icost;
          P[k] = INS;
        }
      }
      if (i < R) {
        const k = (i + 1) * W + j;
        const dcost = score + 1;
        if (S[k]! < 0 || S[k]! > dcost) {
          S[k] = dcost;
          P[k] = DEL;
          if (i >= lastGood) lastGood = i + 1;
        }
      }
    }
  }
  const rev: number[] = [];
  let i = R;
  let j = H;
  while (i > 0 || j > 0) {
    const op = P[i * W + j]!;
    rev.push(op);
    if (op === MATCH || op === SUB) {
      i--;
      j--;
    } else if (op === DEL) i--;
    else if (op === INS) j--;
    else throw new Error(`TER: broken edit-distance path at ${i},${j}`);
  }
  return { path: Uint8Array.from(rev.reverse()), edits: S[R * W + H]! };
}

// ---------- shifts ----------

interface Shift {
  start: number;
  end: number;
  /** Reference position the block is moved to align with (-1 for the front); kept for TERCOM parity. */
  moveto: number;
  newloc: number;
}

/** Reference phrases (of words that occur in the hypothesis) of up to 11 words → their start positions, ascending. */
function buildWordMatches(hyp: Int32Array, ref: Int32Array): Map<string, number[]> {
  const inHyp = new Set(hyp);
  const out = new Map<string, number[]>();
  for (let start = 0; start < ref.length; start++) {
    if (!inHyp.has(ref[start]!)) continue;
    let key = '';
    // TERCOM: `end - start <= MAX_SHIFT_SIZE` here, one word longer than the shifts it allows.
    for (let end = start; end < ref.length && end - start <= MAX_SHIFT_SIZE && inHyp.has(ref[end]!); end++) {
      key = end === start ? String(ref[end]) : `${key},${ref[end]}`;
      const starts = out.get(key);
      if (starts) starts.push(start);
      else out.set(key, [start]);
    }
  }
  return out;
}

/** Which hypothesis and reference words are wrong, and the hypothesis position each reference word aligns to. */
function alignErrors(path: Uint8Array, hypLength: number, refLength: number) {
  const herr = new Uint8Array(hypLength);
  const rerr = new Uint8Array(refLength);
  const ralign = new Int32Array(refLength);
  let h = -1;
  let r = -1;
  for (const op of path) {
    if (op === MATCH || op === SUB) {
      h++;
      r++;
      herr[h] = rerr[r] = op === SUB ? 1 : 0;
      ralign[r] = h;
    } else if (op === INS) {
      h++;
      herr[h] = 1;
    } else {
      r++;
      rerr[r] = 1;
      ralign[r] = h;
    }
  }
  return { herr, rerr, ralign };
}

/** TERCOM's GatherAllPossShifts: candidate shifts grouped by length - 1, in TERCOM's order. */
function gatherShifts(hyp: Int32Array, rloc: Map<string, number[]>, path: Uint8Array, refLength: number, maxDist: number): Shift[][] {
  const { herr, rerr, ralign } = alignErrors(path, hyp.length, refLength);
  const all: Shift[][] = Array.from({ length: MAX_SHIFT_SIZE + 1 }, () => []);
  for (let start = 0; start < hyp.length; start++) {
    const first = rloc.get(String(hyp[start]));
    if (!first) continue;
    // TERCOM: this first test is `start - ralign - 1 <= dist`, the later one `start - ralign <= dist`.
    if (!first.some((mt) => start !== ralign[mt] && ralign[mt]! - start <= maxDist && start - ralign[mt]! - 1 <= maxDist)) continue;
    let ok = true;
    let key = '';
    for (let end = start; ok && end < hyp.length && end < start + MAX_SHIFT_SIZE; end++) {
      key = end === start ? String(hyp[end]) : `${key},${hyp[end]}`;
      ok = false;
      const movetos = rloc.get(key);
      if (!movetos) continue;
      let anyHerr = false;
      for (let i = start; i <= end && !anyHerr; i++) if (herr[i]) anyHerr = true;
      if (!anyHerr) {
        // The block is already right where it is; a longer one may still need moving.
        ok = true;
        continue;
      }
      for (const moveto of movetos) {
        const ra = ralign[moveto]!;
        if (!(ra !== start && (ra < start || ra > end) && ra - start <= maxDist && start - ra <= maxDist)) continue;
        ok = true;
        let anyRerr = false;
        for (let i = 0; i <= end - start && !anyRerr; i++) if (rerr[moveto + i]) anyRerr = true;
        if (!anyRerr) continue;
        for (let roff = -1; roff <= end - start; roff++) {
          if (roff === -1 && moveto === 0) {
            all[end - start]!.push({ start, end, moveto: -1, newloc: -1 });
          } else if (start !== ralign[moveto + roff] && (roff === 0 || ralign[moveto + roff] !== ra)) {
            all[end - start]!.push({ start, end, moveto: moveto + roff, newloc: ralign[moveto + roff]! });
          }
        }
      }
    }
  }
  return all;
}

/** TERCOM's PerformShift, including its handling of a target inside the moved block. */
function performShift<T>(words: ArrayLike<T> & Iterable<T>, s: { start: number; end: number; newloc: number }): T[] {
  const { start, end, newloc } = s;
  const w = Array.from(words);
  const n = w.length;
  const range = (a: number, b: number) => w.slice(Math.max(0, a), Math.min(n, b + 1));
  if (newloc === -1) return [...range(start, end), ...range(0, start - 1), ...range(end + 1, n - 1)];
  if (newloc < start) return [...range(0, newloc), ...range(start, end), ...range(newloc + 1, start - 1), ...range(end + 1, n - 1)];
  if (newloc > end) return [...range(0, start - 1), ...range(end + 1, newloc), ...range(start, end), ...range(newloc + 1, n - 1)];
  // Moving inside itself.
  const stop = end + (newloc - start);
  return [...range(0, start - 1), ...range(end + 1, stop), ...range(start, end), ...range(stop + 1, n - 1)];
}

/**
 * TERCOM's CalcBestShift: try candidates from the longest block down, stop when no remaining length
 * can beat the best gain found; a zero-gain shift is taken when nothing better exists (TERCOM does).
 */
function calcBestShift(cur: Int32Array, ref: Int32Array, rloc: Map<string, number[]>, medAlign: Align, beam: number, maxDist: number) {
  const poss = gatherShifts(cur, rloc, medAlign.path, ref.length, maxDist);
  const curerr = medAlign.edits;
  let bestCost = 0;
  let bestAlign = medAlign;
  let best: { shift: Shift; shifted: Int32Array; align: Align } | null = null;
  for (let i = poss.length - 1; i >= 0; i--) {
    const maxfix = 2 * (1 + i);
    const stop = () => {
      const curfix = curerr - (bestCost + bestAlign.edits);
      return curfix > maxfix || (bestCost !== 0 && curfix === maxfix);
    };
    if (stop()) break;
    for (const shift of poss[i]!) {
      if (stop()) break;
      const shifted = Int32Array.from(performShift(cur, shift));
      const align = minEditDist(shifted, ref, beam);
      const gain = bestAlign.edits + bestCost - (align.edits + 1);
      if (gain > 0 || (bestCost === 0 && gain === 0)) {
        best = { shift, shifted, align };
        bestCost = 1;
        bestAlign = align;
      }
    }
  }
  return best;
}

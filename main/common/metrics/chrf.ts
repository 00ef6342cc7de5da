/**
 * chrF (Popović 2015) as sacrebleu 2.x computes it (sacrebleu/metrics/chrf.py, CHRF defaults):
 * character n-grams of order 1–6, no word n-grams, beta 2, whitespace removed, case kept, and
 * sacrebleu's "effective order" averaging (orders that one side is too short for are left out)
 * unless `epsSmoothing` asks for chrF++.py's epsilon smoothing.
 * Characters are Unicode code points, as Python's str indexes them (not UTF-16 units).
 */

export interface ChrfOptions {
  /** Character n-gram order (sacrebleu char_order, default 6). */
  charOrder?: number;
  /** Weight of recall over precision (default 2: chrF2). */
  beta?: number;
  /** Keep whitespace inside the n-grams (sacrebleu whitespace, default false). */
  whitespace?: boolean;
  /** Lowercase both sides first (default false). */
  lowercase?: boolean;
  /** chrF++.py / NLTK epsilon smoothing instead of effective-order averaging (default false). */
  epsSmoothing?: boolean;
}

/** Per order n = 1..charOrder: [hypothesis n-grams, reference n-grams, matched n-grams], flattened. */
export type ChrfStatistics = number[];

// Python's str.split() whitespace (str.isspace): wider than ASCII, not the same as JS \s (no U+FEFF, adds U+001C–U+001F, U+0085).
const PY_WHITESPACE = /[\t-\r\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu;

function ngramCounts(chars: string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= chars.length; i++) {
    const g = n === 1 ? chars[i]! : chars.slice(i, i + n).join('');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function charsOf(text: string, opts: ChrfOptions): string[] {
  let s = opts.lowercase ? text.toLowerCase() : text;
  if (!opts.whitespace) s = s.replace(PY_WHITESPACE, '');
  return Array.from(s);
}

/** Match statistics of one hypothesis against one reference (sacrebleu's _get_match_statistics per order). */
export function chrfStatistics(hypothesis: string, reference: string, opts: ChrfOptions = {}): ChrfStatistics {
  const order = opts.charOrder ?? 6;
  const hyp = charsOf(hypothesis, opts);
  const ref = charsOf(reference, opts);
  const stats: number[] = [];
  if (hypothesis === reference) {
    // Every n-gram matches itself: the counts without building them (an unchanged sentence costs little).
    for (let n = 1; n <= order; n++) {
      const c = Math.max(0, ref.length - n + 1);
      stats.push(c, c, c);
    }
    return stats;
  }
  for (let n = 1; n <= order; n++) {
    const h = ngramCounts(hyp, n);
    const r = ngramCounts(ref, n);
    let hypCount = 0;
    let match = 0;
    for (const [g, c] of h) {
      hypCount += c;
      const rc = r.get(g);
      if (rc !== undefined) match += Math.min(c, rc);
    }
    const refCount = Math.max(0, ref.length - n + 1);
    // sacrebleu: "Don't count hits if no reference exists for that n-gram" order.
    stats.push(r.size ? hypCount : 0, refCount, match);
  }
  return stats;
}

/** chrF (0–100) from statistics: one sentence's, or a corpus's summed (sacrebleu's _compute_f_score). */
export function chrfFromStatistics(stats: ChrfStatistics, opts: ChrfOptions = {}): number {
  const order = opts.charOrder ?? 6;
  const factor = (opts.beta ?? 2) ** 2;
  const eps = 1e-16;
  let score = 0;
  let effectiveOrder = 0;
  let avgPrec = 0;
  let avgRec = 0;
  for (let i = 0; i < order; i++) {
    const nHyp = stats[3 * i] ?? 0;
    const nRef = stats[3 * i + 1] ?? 0;
    const nMatch = stats[3 * i + 2] ?? 0;
    const prec = nHyp > 0 ? nMatch / nHyp : eps;
    const rec = nRef > 0 ? nMatch / nRef : eps;
    const denom = factor * prec + rec;
    score += denom > 0 ? ((1 + factor) * prec * rec) / denom : eps;
    if (nHyp > 0 && nRef > 0) {
      avgPrec += prec;
      avgRec += rec;
      effectiveOrder++;
    }
  }
  if (opts.epsSmoothing) return (100 * score) / order;
  if (effectiveOrder === 0) return 0;
  avgPrec /= effectiveOrder;
  avgRec /= effectiveOrder;
  if (avgPrec + avgRec === 0) return 0;
  return (100 * ((1 + factor) * avgPrec * avgRec)) / (factor * avgPrec + avgRec);
}

/** Element-wise sum of statistics (corpus chrF sums them before scoring). */
export function addChrfStatistics(into: ChrfStatistics, stats: ChrfStatistics): ChrfStatistics {
  for (let i = 0; i < stats.length; i++) into[i] = (into[i] ?? 0) + stats[i]!;
  return into;
}

/** Sentence-level chrF, 0–100 (sacrebleu sentence_chrf). */
export function sentenceChrf(hypothesis: string, reference: string, opts: ChrfOptions = {}): number {
  return chrfFromStatistics(chrfStatistics(hypothesis, reference, opts), opts);
}

/** Corpus-level chrF, 0–100 (sacrebleu corpus_chrf with one reference per line): statistics summed, then scored. */
export function corpusChrf(hypotheses: readonly string[], references: readonly string[], opts: ChrfOptions = {}): number {
  if (hypotheses.length !== references.length) throw new RangeError(`chrF: ${hypotheses.length} hypotheses but ${references.length} references`);
  const total: ChrfStatistics = new Array<number>(3 * (opts.charOrder ?? 6)).fill(0);
  hypotheses.forEach((h, i) => addChrfStatistics(total, chrfStatistics(h, references[i]!, opts)));
  return chrfFromStatistics(total, opts);
}

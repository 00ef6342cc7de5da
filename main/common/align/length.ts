/**
 * Gale & Church (1993) length cost: translated text keeps a roughly constant ratio of characters to
 * its source, with a variance that grows with the length. The cost is -log of the two-sided
 * probability of a deviation at least as large as the one observed.
 */

/** Variance of the target length per source character (Gale & Church measured 6.8 on their data). */
export const LENGTH_VARIANCE = 6.8;

/** Standard normal cumulative distribution (Abramowitz–Stegun 26.2.17, error < 7.5e-8). */
function phi(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989423 * Math.exp((-z * z) / 2);
  const p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return z > 0 ? 1 - p : p;
}

/** Cost of linking `ls` source characters to `lt` target characters when the expected ratio is `ratio`. */
export function lengthCost(ls: number, lt: number, ratio: number, variance = LENGTH_VARIANCE): number {
  if (ls === 0 && lt === 0) return 0;
  const mean = (ls + lt / ratio) / 2;
  const delta = (lt - ls * ratio) / Math.sqrt(Math.max(1, mean) * variance);
  const slot = Math.min(TABLE_SIZE - 1, Math.round(Math.abs(delta) * TABLE_STEPS));
  return COST_TABLE[slot]!;
}

/** −log of the two-sided tail, tabulated: the aligner asks for it millions of times on a long document. */
const TABLE_STEPS = 100;
const TABLE_SIZE = 12 * TABLE_STEPS;
const COST_TABLE = Float64Array.from({ length: TABLE_SIZE }, (_, k) => -Math.log(Math.max(2 * (1 - phi(k / TABLE_STEPS)), 1e-12)));

/** Characters that carry content: whitespace does not survive tokenisation or typography changes. */
export function contentLength(text: string): number {
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 0xa0) n++;
  }
  return n;
}

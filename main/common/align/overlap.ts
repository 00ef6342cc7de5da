import type { AnchorTable } from './anchors.js';

/**
 * Weighted anchors shared by source sentence x and target sentence y, for the three source rows a
 * link can reach back to, filled column by column as the dynamic programme asks for them. Each value
 * is computed once per row (the rows before were a flat matrix of the whole band, built before the
 * band of a row was known, which a band that follows the path cannot do).
 */
export class OverlapRing {
  /** Per slot: anchor counts of its source row, dense by anchor id. */
  private readonly scratch: Int32Array[];
  /** Per slot: values by target index (only [first requested, next) is valid). */
  readonly values: Float64Array[];
  private readonly rowOf = Int32Array.of(-1, -1, -1);
  private readonly next = new Int32Array(3);

  constructor(
    private readonly src: AnchorTable,
    private readonly tgt: AnchorTable,
    m: number,
  ) {
    this.scratch = [0, 1, 2].map(() => new Int32Array(src.weight.length));
    this.values = [0, 1, 2].map(() => new Float64Array(m + 1));
  }

  /** Makes values of row x valid from `from` (the first call for this row) through `to` (inclusive); returns them. */
  row(x: number, from: number, to: number): Float64Array {
    const slot = x % 3;
    const src = this.src;
    const scratch = this.scratch[slot]!;
    if (this.rowOf[slot] !== x) {
      const old = this.rowOf[slot]!;
      if (old >= 0) for (let k = src.start[old]!, e = src.start[old + 1]!; k < e; k++) scratch[src.ids[k]!] = 0;
      for (let k = src.start[x]!, e = src.start[x + 1]!; k < e; k++) scratch[src.ids[k]!] = src.counts[k]!;
      this.rowOf[slot] = x;
      this.next[slot] = from;
    }
    const values = this.values[slot]!;
    const empty = src.start[x] === src.start[x + 1];
    const tgt = this.tgt;
    for (let y = this.next[slot]!; y <= to; y++) {
      let s = 0;
      if (!empty) {
        for (let k = tgt.start[y]!, e = tgt.start[y + 1]!; k < e; k++) {
          const id = tgt.ids[k]!;
          const c = scratch[id]!;
          if (c) s += src.weight[id]! * Math.min(c, tgt.counts[k]!);
        }
      }
      values[y] = s;
    }
    if (to + 1 > this.next[slot]!) this.next[slot] = to + 1;
    return values;
  }
}

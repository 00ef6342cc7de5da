/**
 * Every occurrence of many ASCII strings in one pass over a text (Aho–Corasick). The pack rules'
 * pre-checks (prefilter.ts) ask of each segment whether it contains one of a rule's literals, and where
 * a rule's matches may start: with a hundred rules of dozens of literals each, one `includes` per
 * literal per segment cost more than the scan of the text once for all of them.
 */

/** The printable ASCII the literals are made of (prefilter.ts derives nothing else); any other character restarts the scan. */
const FIRST = 0x20;
const WIDTH = 0x7f - FIRST;

/** Where each literal occurs in one text: literal id → ascending start offsets (absent: nowhere). */
export type LiteralHits = Map<number, number[]>;

export class LiteralScanner {
  private readonly ids = new Map<string, number>();
  private readonly lengths: number[] = [];
  private next: Int32Array | null = null;
  private outputs: (number[] | null)[] = [];
  /** Changes with every new literal: hits of an older scan do not know the new ones. */
  version = 0;

  /** The id of a literal (registered once; the scanner is rebuilt on the next scan). */
  id(literal: string): number {
    if (!/^[\x20-\x7e]+$/.test(literal)) throw new Error(`not a printable ASCII literal: ${JSON.stringify(literal)}`);
    let id = this.ids.get(literal);
    if (id === undefined) {
      id = this.lengths.length;
      this.ids.set(literal, id);
      this.lengths.push(literal.length);
      this.next = null;
      this.version++;
    }
    return id;
  }

  /** The automaton: a trie of the literals whose missing transitions follow the failure links. */
  private build(): Int32Array {
    const children: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    for (const [literal, id] of this.ids) {
      let s = 0;
      for (let i = 0; i < literal.length; i++) {
        const c = literal.charCodeAt(i) - FIRST;
        let t = children[s]!.get(c);
        if (t === undefined) {
          t = children.length;
          children.push(new Map());
          own.push([]);
          children[s]!.set(c, t);
        }
        s = t;
      }
      own[s]!.push(id);
    }
    const next = new Int32Array(children.length * WIDTH);
    const fail = new Int32Array(children.length);
    const outputs: (number[] | null)[] = new Array(children.length).fill(null);
    const queue: number[] = [0];
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      const out = [...own[s]!, ...(s === 0 ? [] : (outputs[fail[s]!] ?? []))];
      outputs[s] = out.length ? out : null;
      for (let c = 0; c < WIDTH; c++) {
        const t = children[s]!.get(c);
        if (t === undefined) next[s * WIDTH + c] = s === 0 ? 0 : next[fail[s]! * WIDTH + c]!;
        else {
          fail[t] = s === 0 ? 0 : next[fail[s]! * WIDTH + c]!;
          next[s * WIDTH + c] = t;
          queue.push(t);
        }
      }
    }
    this.outputs = outputs;
    return next;
  }

  /** Every occurrence of every registered literal in `text`. */
  scan(text: string): LiteralHits {
    const next = (this.next ??= this.build());
    const { outputs, lengths } = this;
    const hits: LiteralHits = new Map();
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i) - FIRST;
      s = c >= 0 && c < WIDTH ? next[s * WIDTH + c]! : 0;
      const out = outputs[s];
      if (!out) continue;
      for (const id of out) {
        const at = i - lengths[id]! + 1;
        const list = hits.get(id);
        if (list) list.push(at);
        else hits.set(id, [at]);
      }
    }
    return hits;
  }
}

/** True when one of the literals occurs. */
export function hitsAny(hits: LiteralHits, ids: readonly number[]): boolean {
  for (const id of ids) if (hits.has(id)) return true;
  return false;
}

/** The ascending, distinct start offsets of the literals. */
export function startsOf(hits: LiteralHits, ids: readonly number[]): number[] {
  const lists: number[][] = [];
  for (const id of ids) {
    const l = hits.get(id);
    if (l) lists.push(l);
  }
  if (lists.length <= 1) return lists[0] ?? [];
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

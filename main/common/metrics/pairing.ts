import { diffArrays } from 'diff';

/** Baseline paragraphs `a` paired with current paragraphs `b` (either may be empty: a paragraph added or removed). */
export interface ParagraphPair {
  a: number[];
  b: number[];
  /** True when the texts are equal. */
  same: boolean;
}

/**
 * The same pairing as word-diff.ts's alignParagraphs (which is module-private there; this mirrors it
 * so metrics and the diff agree on segments): equal prefix and suffix, then the middle one to one
 * when both sides have as many paragraphs (edits in place), else by a diff of the paragraph texts,
 * each changed run kept together.
 */
export function pairParagraphs(a: readonly string[], b: readonly string[]): ParagraphPair[] {
  const out: ParagraphPair[] = [];
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  for (let i = 0; i < pre; i++) out.push({ a: [i], b: [i], same: true });
  const midA = a.length - pre - suf;
  const midB = b.length - pre - suf;
  if (midA === midB) {
    for (let i = pre; i < pre + midA; i++) out.push({ a: [i], b: [i], same: a[i] === b[i] });
  } else {
    const ids = new Map<string, number>();
    const id = (s: string) => ids.get(s) ?? (ids.set(s, ids.size), ids.size - 1);
    let ia = pre;
    let ib = pre;
    let run: ParagraphPair | null = null;
    for (const part of diffArrays(a.slice(pre, pre + midA).map(id), b.slice(pre, pre + midB).map(id))) {
      const n = part.count ?? part.value.length;
      if (part.removed || part.added) {
        run ??= { a: [], b: [], same: false };
        for (let k = 0; k < n; k++) {
          if (part.removed) run.a.push(ia++);
          else run.b.push(ib++);
        }
      } else {
        if (run) out.push(run);
        run = null;
        for (let k = 0; k < n; k++) out.push({ a: [ia++], b: [ib++], same: true });
      }
    }
    if (run) out.push(run);
  }
  for (let i = 0; i < suf; i++) out.push({ a: [a.length - suf + i], b: [b.length - suf + i], same: true });
  return out;
}

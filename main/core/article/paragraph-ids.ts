import type { Document } from '../../contract/document.js';
import { pairParagraphs } from '../../common/metrics/pairing.js';
import { tokenize } from '../../common/words.js';
import { formatById } from '../formats/registry.js';

/**
 * Stable segment ids for formats whose segments are paragraphs by position (plain text, Markdown):
 * read alone, a file numbers its paragraphs p1, p2…, so a paragraph inserted above would pass its
 * neighbours' states and annotations on to the wrong text. The baseline is never rewritten, so its
 * numbering is the fixed one: each paragraph of the translation takes the id of the baseline paragraph
 * it comes from (the paragraph pairing of the diff and metrics; within a changed run, by shared words;
 * a paragraph moved elsewhere, by its text), and a paragraph added after `pK` is `pK.1`, `pK.2`…
 * Since source paragraph K is translated by baseline paragraph K, source and translation still pair.
 */

/** Words in common (Dice) for an edited paragraph to keep its baseline's id inside a changed run. */
const SAME_PARAGRAPH = 0.5;
/** Beyond this many paragraph pairs a changed run is matched by text only (the similarity table is quadratic). */
const MAX_RUN_CELLS = 250_000;

// A free-text format (the file is its text) numbers its paragraphs by position; the others' units have ids of their own.
export const hasPositionalIds = (doc: Document): boolean => !!formatById(doc.format)?.capabilities.freeText && !doc.bilingual;

const paragraphsOf = (doc: Document) => doc.units.map((u) => {
  const side = u.segments[0]?.target;
  return side ? doc.text.target.slice(side.start, side.end) : '';
});

/** For each paragraph of `current`, the stable id (see above); `current` must be a positional-id document. */
export function stableParagraphIds(baseline: Document, current: Document, lang = 'und'): string[] {
  const base = paragraphsOf(baseline);
  const cur = paragraphsOf(current);
  const from = new Array<number>(cur.length).fill(-1);
  const taken = new Set<number>();
  const link = (j: number, i: number) => {
    from[j] = i;
    taken.add(i);
  };
  const pairs = pairParagraphs(base, cur);
  for (const pair of pairs) if (pair.same) pair.b.forEach((j, k) => link(j, pair.a[k]!));
  // A paragraph moved away from its place: the same text among the baseline paragraphs nobody took.
  const free = new Map<string, number[]>();
  base.forEach((t, i) => !taken.has(i) && free.set(t, [...(free.get(t) ?? []), i]));
  cur.forEach((t, j) => {
    const left = from[j] === -1 ? free.get(t) : undefined;
    if (left?.length) link(j, left.shift()!);
  });
  // Edited paragraphs: in place when the run has as many on both sides, else by shared words.
  for (const pair of pairs) {
    const a = pair.a.filter((i) => !taken.has(i));
    const b = pair.b.filter((j) => from[j] === -1);
    if (pair.a.length === pair.b.length) pair.b.forEach((j, k) => from[j] === -1 && !taken.has(pair.a[k]!) && link(j, pair.a[k]!));
    else if (a.length * b.length <= MAX_RUN_CELLS) for (const [j, i] of bySharedWords(a, b, base, cur, lang)) link(j, i);
  }
  const ids: string[] = [];
  let anchor = 'p0';
  let added = 0;
  for (let j = 0; j < cur.length; j++) {
    if (from[j]! >= 0) {
      anchor = baseline.units[from[j]!]!.id;
      added = 0;
      ids.push(anchor);
    } else ids.push(`${anchor}.${++added}`);
  }
  return ids;
}

/** Pairs (current, baseline) of a changed run in order, most words in common, each above SAME_PARAGRAPH. */
function bySharedWords(a: number[], b: number[], base: string[], cur: string[], lang: string): [number, number][] {
  const words = (s: string) => new Set(tokenize(s, lang).filter((t) => t.word).map((t) => t.text.toLowerCase()));
  const wa = a.map((i) => words(base[i]!));
  const wb = b.map((j) => words(cur[j]!));
  const sim = (x: number, y: number) => {
    let common = 0;
    for (const w of wa[x]!) if (wb[y]!.has(w)) common++;
    const d = (2 * common) / (wa[x]!.size + wb[y]!.size || 1);
    return d >= SAME_PARAGRAPH ? d : 0;
  };
  // Order-preserving best matching (a small DP over the run).
  const best = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let x = a.length - 1; x >= 0; x--) for (let y = b.length - 1; y >= 0; y--) best[x]![y] = Math.max(best[x + 1]![y]!, best[x]![y + 1]!, sim(x, y) ? sim(x, y) + best[x + 1]![y + 1]! : 0);
  const out: [number, number][] = [];
  for (let x = 0, y = 0; x < a.length && y < b.length; ) {
    const s = sim(x, y);
    if (s && best[x]![y] === s + best[x + 1]![y + 1]!) out.push([b[y++]!, a[x++]!]);
    else if (best[x]![y] === best[x + 1]![y]) x++;
    else y++;
  }
  return out;
}

/** `current` with its paragraphs' stable ids (the document unchanged for other formats). */
export function withStableIds(baseline: Document, current: Document, lang = 'und'): Document {
  if (!hasPositionalIds(current) || !hasPositionalIds(baseline)) return current;
  const ids = stableParagraphIds(baseline, current, lang);
  return { ...current, units: current.units.map((u, j) => ({ ...u, id: ids[j]!, segments: u.segments.map((s) => ({ ...s, id: ids[j]! })) })) };
}

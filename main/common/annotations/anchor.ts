import type { Annotation, TextEdit, TextQuote } from '../../contract/review.js';

/**
 * Keeping annotations on the words they were made on (DESIGN.md, "The project on disk"): spans are
 * moved through every edit, and re-found by their quote (W3C TextQuoteSelector) when the file
 * changed elsewhere. An annotation that cannot be placed is marked orphaned, never dropped.
 */

export type Side = Annotation['side'];

/** The quote of [start, end) with up to `context` code units either side. */
export function quoteAt(text: string, start: number, end: number, context = 32): TextQuote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
  };
}

/**
 * Where old offset `p` lands after `edits` (sorted, non-overlapping, old-text offsets).
 * `assoc` decides the ambiguous cases: +1 sticks to the text after p (an insertion at p goes before
 * it; a point inside a replaced range goes after the replacement), -1 to the text before it.
 */
function mapPos(p: number, edits: readonly TextEdit[], assoc: 1 | -1): number {
  let delta = 0;
  for (const e of edits) {
    if (e.start > p) break;
    const removed = e.end - e.start;
    if (e.end < p || (e.end === p && removed > 0)) {
      delta += e.text.length - removed;
      continue;
    }
    if (e.start === p && removed === 0) {
      // A pure insertion at p.
      if (assoc > 0) delta += e.text.length;
      continue;
    }
    if (e.start === p) break; // a range starting at p: p stays in front of it
    // Strictly inside a replaced range: the characters around p are gone.
    return e.start + delta + (assoc > 0 ? e.text.length : 0);
  }
  return p + delta;
}

/** How many characters of [start, end) no edit removes. */
function survivingChars(start: number, end: number, edits: readonly TextEdit[]): number {
  let gone = 0;
  for (const e of edits) gone += Math.max(0, Math.min(end, e.end) - Math.max(start, e.start));
  return end - start - gone;
}

/**
 * Move annotations of one side through the edits of one change (offsets in the old text,
 * non-overlapping). An insertion before a span shifts it; edits inside it grow or shrink it; an edit
 * that overlaps one end trims the span to the characters that survive. A span whose every character
 * is deleted becomes a collapsed span where it was, marked orphaned so that `reanchor` can look for
 * its quote later; it is never dropped. One that records MT words (`baseline`) moves onto their replacement instead. With `newText`, quotes of surviving spans are refreshed.
 */
export function mapThroughEdits(
  annotations: readonly Annotation[],
  edits: readonly TextEdit[],
  options: { side?: Side; newText?: string } = {},
): Annotation[] {
  const side = options.side ?? 'target';
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  return annotations.map((a) => {
    if (a.side !== side || sorted.length === 0) return a;
    if (a.start === a.end) {
      const at = mapPos(a.start, sorted, -1);
      return { ...a, start: at, end: at };
    }
    if (survivingChars(a.start, a.end, sorted) === 0) {
      if (a.baseline) {
        // MT words the editor corrected: the annotation moves onto what replaced them (baseline-span.ts then derives the exact span from the diff).
        const start = mapPos(a.start, sorted, -1);
        const end = Math.max(start, mapPos(a.end, sorted, 1));
        const moved: Annotation = { ...a, start, end };
        if (options.newText !== undefined) moved.quote = quoteAt(options.newText, start, end, contextLength(a.quote));
        return moved;
      }
      const at = mapPos(a.start, sorted, -1);
      return { ...a, start: at, end: at, orphaned: true };
    }
    const start = mapPos(a.start, sorted, 1);
    const end = Math.max(start, mapPos(a.end, sorted, -1));
    const moved: Annotation = { ...a, start, end };
    if (options.newText !== undefined && !a.orphaned) moved.quote = quoteAt(options.newText, start, end, contextLength(a.quote));
    return moved;
  });
}

function contextLength(q: TextQuote): number {
  return Math.max(32, q.prefix.length, q.suffix.length);
}

/** Length of the common suffix of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function withoutOrphanMark(a: Annotation): Annotation {
  if (!('orphaned' in a)) return a;
  const { orphaned: _dropped, ...rest } = a;
  return rest;
}

/**
 * Place an annotation in `text` (its side's current text). If the span still holds the quoted words
 * it stays. Otherwise every occurrence of the quote is a candidate, scored by how many characters of
 * its prefix and suffix still match around it (so small edits to the context are tolerated); the
 * best wins, and between equals the one nearest the old position. When the quote is nowhere, the
 * annotation is kept as orphaned with its offsets clamped to the text.
 */
export function reanchor(annotation: Annotation, text: string): Annotation {
  const { start, end, quote } = annotation;
  if (end <= text.length && text.slice(start, end) === quote.exact) {
    return withoutOrphanMark(annotation);
  }
  if (quote.exact === '') {
    // Nothing to look for: a point annotation just stays in range.
    const at = Math.min(start, text.length);
    return { ...withoutOrphanMark(annotation), start: at, end: at };
  }
  let best = -1;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (let i = text.indexOf(quote.exact); i !== -1; i = text.indexOf(quote.exact, i + 1)) {
    const before = text.slice(Math.max(0, i - quote.prefix.length), i);
    const after = text.slice(i + quote.exact.length, i + quote.exact.length + quote.suffix.length);
    const score = commonSuffix(before, quote.prefix) + commonPrefix(after, quote.suffix);
    const distance = Math.abs(i - start);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = i;
      bestScore = score;
      bestDistance = distance;
    }
  }
  if (best === -1) {
    const s = Math.min(start, text.length);
    return { ...annotation, start: s, end: Math.min(Math.max(end, s), text.length), orphaned: true };
  }
  const found = best + quote.exact.length;
  return { ...withoutOrphanMark(annotation), start: best, end: found, quote: quoteAt(text, best, found, contextLength(quote)) };
}

/** Re-anchor every annotation whose side's text is given; the others are returned unchanged. */
export function reanchorAll(annotations: readonly Annotation[], texts: Partial<Record<Side, string>>): Annotation[] {
  return annotations.map((a) => {
    const text = texts[a.side];
    return text === undefined ? a : reanchor(a, text);
  });
}

/** A random URL-safe id (128 bits); globalThis.crypto exists in Node 20 and in browsers. */
export function newAnnotationId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  // 16 bytes = 128 bits: 21 full 6-bit digits and 2 bits left over.
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += alphabet[(acc >> bits) & 63];
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += alphabet[(acc << (6 - bits)) & 63];
  return out;
}

const SIDE_ORDER: Record<Side, number> = { source: 0, target: 1 };

/** The stable order of annotation files: side (source first), start, end, created, id. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return (
    SIDE_ORDER[a.side] - SIDE_ORDER[b.side] ||
    a.start - b.start ||
    a.end - b.end ||
    (a.created < b.created ? -1 : a.created > b.created ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

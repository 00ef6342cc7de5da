import { markdownStructure, type MarkdownStructure, type Span } from './structure.js';

/**
 * A long Markdown file read in chunks cut where a new top-level block must start, each chunk's
 * structure kept by its text: a save after one edit parses the one chunk that changed instead of the
 * whole file again (micromark reads some hundreds of KB a second). A cut is a blank line followed by a
 * line at column 0 that cannot continue what came before: outside fenced code and multi-line HTML
 * blocks, and not before a line micromark would read differently at the start of a document (a
 * front matter fence). A reference link whose definition is in another chunk reads as text.
 */

/** Chunks are at least this long: each parse has a fixed cost. */
const CHUNK_CHARS = 16_000;
const MAX_CACHED = 2_000;

const cache = new Map<string, MarkdownStructure>();

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_OPEN = /^ {0,3}(?:<(script|pre|style|textarea)[\s>]|<!--)/i;
const HTML_CLOSE = /<\/(?:script|pre|style|textarea)>|-->/i;

/** Where the text may be cut: offsets of line starts that begin a new top-level block. */
export function chunkStarts(text: string): number[] {
  const starts = [0];
  let fence: string | null = null;
  let html = false;
  let blank = false;
  let last = 0;
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(at, end).replace(/\r$/, '');
    if (fence !== null) {
      const m = FENCE.exec(line);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = null;
    } else if (html) {
      if (HTML_CLOSE.test(line)) html = false;
    } else {
      const cutHere = blank && at - last >= CHUNK_CHARS && /^[^\s>|+-]/.test(line);
      if (cutHere) {
        starts.push(at);
        last = at;
      }
      const f = FENCE.exec(line);
      if (f) fence = f[1]!;
      else if (HTML_OPEN.test(line) && !HTML_CLOSE.test(line.slice(line.search(/</) + 4))) html = true;
    }
    blank = line.trim() === '';
    at = end + 1;
  }
  return starts;
}

export function chunkedStructure(text: string): MarkdownStructure {
  const starts = chunkStarts(text);
  if (starts.length === 1) return markdownStructure(text);
  const blocks: Span[] = [];
  const protectedSpans: Span[] = [];
  starts.forEach((start, i) => {
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    let s = cache.get(chunk);
    if (!s) {
      s = markdownStructure(chunk);
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(chunk, s);
    }
    for (const [a, b] of s.blocks) blocks.push([a + start, b + start]);
    for (const [a, b] of s.protectedSpans) protectedSpans.push([a + start, b + start]);
  });
  return { blocks, protectedSpans };
}

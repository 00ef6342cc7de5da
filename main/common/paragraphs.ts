/** A paragraph: a block of non-blank lines between blank lines, with its place in the text. */
export interface Paragraph {
  index: number;
  /** Offsets in the text (UTF-16 code units). */
  start: number;
  end: number;
  /** 1-based line numbers, inclusive (as Monaco counts). */
  startLine: number;
  endLine: number;
  text: string;
}

/** Split text ("\n" line endings) into paragraphs; blank lines separate them. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let cur: { start: number; startLine: number } | null = null;
  let lastEnd = 0;
  let lastLine = 0;
  lines.forEach((line, i) => {
    const blank = line.trim() === '';
    if (!blank && !cur) cur = { start: offset, startLine: i + 1 };
    if (!blank) {
      lastEnd = offset + line.length;
      lastLine = i + 1;
    }
    if (blank && cur) {
      out.push({ index: out.length, start: cur.start, end: lastEnd, startLine: cur.startLine, endLine: lastLine, text: text.slice(cur.start, lastEnd) });
      cur = null;
    }
    offset += line.length + 1;
  });
  if (cur) {
    const c = cur as { start: number; startLine: number };
    out.push({ index: out.length, start: c.start, end: lastEnd, startLine: c.startLine, endLine: lastLine, text: text.slice(c.start, lastEnd) });
  }
  return out;
}

/**
 * Paragraph numbers of offsets (1-based), as segment numbers in the gutter, the problems panel and the
 * project search show them: an offset between two paragraphs belongs to the one before.
 */
export function paragraphNumbering(text: string): (offset: number) => number {
  const starts = splitParagraphs(text).map((p) => p.start);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found + 1;
  };
}

/**
 * micromark, like most Markdown parsers, takes time that grows with the square of some shapes of input
 * (measured here: 8,000 characters of "*_" in one paragraph take 3 s, a 4,000-deep list overflows the
 * stack after 9 s, 1,000 lines each indented two spaces deeper never finish in a minute). Real articles
 * have none of these shapes; a file that has them is read as plain paragraphs (its text, no structure)
 * rather than freezing the app. The limits are far above what prose, lists and tables need.
 */

/** Emphasis, link and HTML delimiters in one paragraph (real prose has a few dozen). */
const MAX_DELIMITERS_PER_PARAGRAPH = 300;
/** Container markers (">", "-", "1.") and two-space indents at the start of a line. */
const MAX_NESTING = 32;
/** Table pipes in one line. */
const MAX_PIPES_PER_LINE = 256;

const DELIMITER = /[*_[\]<>!`~]/g;
const CONTAINERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;

/** Whether the text has a shape the structure parser cannot read in reasonable time. */
export function tooIntricate(text: string): boolean {
  let delimiters = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      delimiters = 0;
      continue;
    }
    delimiters += line.match(DELIMITER)?.length ?? 0;
    if (delimiters > MAX_DELIMITERS_PER_PARAGRAPH) return true;
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    const prefix = CONTAINERS.exec(line)?.[0] ?? '';
    const markers = prefix.match(/>|[-*+]|\d{1,9}[.)]/g)?.length ?? 0;
    if (markers + Math.floor(indent / 2) > MAX_NESTING) return true;
    if (line.length > MAX_PIPES_PER_LINE && (line.match(/\|/g)?.length ?? 0) > MAX_PIPES_PER_LINE) return true;
  }
  return false;
}

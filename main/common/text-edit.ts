/**
 * One edit between two versions of a text: what the editor sends to be checked instead of the whole
 * text (a book is 1.4 MB; a pause in typing changes a few words of it).
 */
export interface TextEdit {
  /** [start, end) of the old text, in UTF-16 units, replaced by `text`. */
  start: number;
  end: number;
  text: string;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The edit that turns `from` into `to`: everything between their common prefix and suffix (never splitting a surrogate pair). */
export function textEdit(from: string, to: string): TextEdit {
  const max = Math.min(from.length, to.length);
  let start = 0;
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  if (start > 0 && start < max && isHigh(from.charCodeAt(start - 1))) start--;
  let tail = 0;
  while (tail < max - start && from.charCodeAt(from.length - 1 - tail) === to.charCodeAt(to.length - 1 - tail)) tail++;
  if (tail > 0 && isLow(from.charCodeAt(from.length - tail))) tail--;
  return { start, end: from.length - tail, text: to.slice(start, to.length - tail) };
}

/** `base` with the edit applied; null when the edit does not fit it. */
export function applyTextEdit(base: string, edit: TextEdit): string | null {
  if (edit.start < 0 || edit.end < edit.start || edit.end > base.length) return null;
  return base.slice(0, edit.start) + edit.text + base.slice(edit.end);
}

import { decodeRaw, detectLineEnding, encodeRaw } from '../text/encoding.js';

/**
 * Writing a text-skeleton file (Markdown) back by position: the editor's text is the file decoded
 * to NFC with "\n" line endings and no final newline; only the span between the longest common
 * prefix and suffix of the old and new text is replaced in the original decoded file, so every byte
 * outside it stays as it was (mixed line endings, a non-NFC line elsewhere, the final newline).
 */
export function spliceTextFile(original: Uint8Array, newText: string): Uint8Array {
  const { raw, encoding } = decodeRaw(original);
  const lines = rawLines(raw);
  const oldText = lines.map((l) => l.text).join('\n');
  if (oldText === newText) return original;
  let prefix = 0;
  const max = Math.min(oldText.length, newText.length);
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  const from = toRaw(lines, prefix, 'start');
  const to = toRaw(lines, oldText.length - suffix, 'end');
  const replacement = newText.slice(from.text, newText.length - (oldText.length - to.text));
  const newline = detectLineEnding(raw);
  return encodeRaw(raw.slice(0, from.raw) + replacement.replace(/\n/g, newline) + raw.slice(to.raw), encoding);
}

/** One line of the raw file: its text as the editor sees it, where its content starts in raw and in text. */
interface RawLine {
  text: string;
  rawStart: number;
  rawEnd: number;
  textStart: number;
  /** The line's raw content is its text (already NFC): offsets inside it map one to one. */
  exact: boolean;
}

function rawLines(raw: string): RawLine[] {
  const out: RawLine[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let textStart = 0;
  const push = (end: number) => {
    const content = raw.slice(start, end);
    const text = content.normalize('NFC');
    out.push({ text, rawStart: start, rawEnd: end, textStart, exact: text === content });
    textStart += text.length + 1;
  };
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  // The final newline is not part of the editor's text: no empty last line for it.
  if (start < raw.length || out.length === 0) push(raw.length);
  return out;
}

/**
 * A text offset → a raw offset. Inside a line that NFC changed, the offset snaps to the line's start
 * (`start`) or end (`end`), so that line is rewritten whole and nothing outside it.
 */
function toRaw(lines: RawLine[], offset: number, bias: 'start' | 'end'): { text: number; raw: number } {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.textStart <= offset) lo = mid;
    else hi = mid - 1;
  }
  const line = lines[lo]!;
  const inLine = offset - line.textStart;
  if (line.exact) return { text: offset, raw: line.rawStart + inLine };
  return bias === 'start' ? { text: line.textStart, raw: line.rawStart } : { text: line.textStart + line.text.length, raw: line.rawEnd };
}

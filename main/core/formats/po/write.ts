import type { PoEntry, PoField } from './parse.js';

/** Where gettext's msgcat/msgmerge wrap lines by default (--width). */
export const PO_WIDTH = 79;

/** A string as a C literal's contents, as gettext writes it. */
export function escapePo(s: string): string {
  return s.replace(/[\\"\n\t\r\x07\b\f\v]/g, (c) => {
    switch (c) {
      case '\n': return '\\n';
      case '\t': return '\\t';
      case '\r': return '\\r';
      case '\x07': return '\\a';
      case '\b': return '\\b';
      case '\f': return '\\f';
      case '\v': return '\\v';
      default: return `\\${c}`;
    }
  });
}

/** Break an escaped string into lines as gettext does: after each `\n`, then at spaces to fit the width. */
function gettextLines(escaped: string, width: number): string[] {
  const pieces = escaped.split(/(?<=\\n)/);
  const out: string[] = [];
  for (const piece of pieces) {
    let rest = piece;
    while (rest.length + 2 > width) {
      // The last space that keeps the line (quotes included) within the width; gettext keeps the space at the end.
      const cut = rest.lastIndexOf(' ', width - 3);
      if (cut <= 0) break;
      out.push(rest.slice(0, cut + 1));
      rest = rest.slice(cut + 1);
    }
    if (rest) out.push(rest);
  }
  return out.length ? out : [''];
}

/**
 * The literals of an edited field, replacing [field.start, field.end). A field written on one line stays
 * on one line (files from tools that do not wrap stay unwrapped); a field the file wrapped is wrapped
 * again as msgmerge would write it (one line when it fits and holds no inner `\n`, else `""` and lines
 * broken after `\n` and at spaces), so a later msgmerge run over the file changes nothing more.
 */
export function fieldLiterals(field: PoField, value: string, newline: string): string {
  const escaped = escapePo(value);
  if (field.literals === 1) return `"${escaped}"`;
  const fits = field.column + escaped.length + 2 <= PO_WIDTH && !/\\n(?!$)/.test(escaped);
  if (fits) return `"${escaped}"`;
  return ['""', ...gettextLines(escaped, PO_WIDTH).map((l) => `"${l}"`)].join(newline);
}

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** The edit that sets or clears an entry's `fuzzy` flag, keeping its other flags and their line. */
export function fuzzyEdit(entry: PoEntry, fuzzy: boolean, newline: string, raw: string): TextEdit | null {
  if (entry.flags.includes('fuzzy') === fuzzy) return null;
  if (!fuzzy) {
    const line = entry.flagsLine!;
    const rest = entry.flags.filter((f) => f !== 'fuzzy');
    if (rest.length) return { start: line.start, end: line.end, text: `#, ${rest.join(', ')}` };
    // The whole line goes, with its line break.
    const after = raw.startsWith('\r\n', line.end) ? 2 : raw[line.end] === '\n' || raw[line.end] === '\r' ? 1 : 0;
    return { start: line.start, end: line.end + after, text: '' };
  }
  if (entry.flagsLine) return { start: entry.flagsLine.start, end: entry.flagsLine.end, text: `#, ${['fuzzy', ...entry.flags].join(', ')}` };
  const first = entry.msgctxt ?? entry.msgid;
  const at = entry.previousStart ?? first.start - first.column;
  return { start: at, end: at, text: `#, fuzzy${newline}` };
}

export function applyEdits(raw: string, edits: TextEdit[]): string {
  let out = raw;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

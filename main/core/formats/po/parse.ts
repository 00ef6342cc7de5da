import { CalqueError } from '../../../contract/api.js';
import { splitRawLines, type RawFileLine } from '../raw-lines.js';

/**
 * A gettext PO file read by position: every keyword's strings with the exact place they are written,
 * so a writer can replace one `msgstr` and keep every other byte (gettext-parser re-orders entries and
 * re-wraps at 76 columns; `pofile` drops `#|`). Obsolete entries (`#~`) are kept as they are, unread.
 */

/** One keyword and its string literals (`msgid "a" "b"` over several lines). */
export interface PoField {
  /** The value: literals joined, escapes undone. */
  value: string;
  /** [start, end) of the first literal's opening quote to the last literal's closing quote. */
  start: number;
  end: number;
  /** How many literals (continuation lines) the field is written in. */
  literals: number;
  /** The column of the first literal's quote (after `msgstr `). */
  column: number;
}

export interface PoEntry {
  /** 1-based line of the entry's first line, for messages. */
  line: number;
  /** Where the entry starts and its last line ends (before that line's break). */
  start: number;
  end: number;
  translatorComments: string[];
  extractedComments: string[];
  references: string[];
  flags: string[];
  /** The `#,` line, to rewrite flags in place. */
  flagsLine?: { start: number; end: number };
  /** Where the first `#|` line starts (a new `#, fuzzy` line goes before it, as gettext orders them). */
  previousStart?: number;
  previous: { msgctxt?: string; msgid?: string; msgidPlural?: string };
  msgctxt?: PoField;
  msgid: PoField;
  msgidPlural?: PoField;
  /** msgstr, or msgstr[0..n] for plurals. */
  msgstr: PoField[];
}

export interface PoFile {
  entries: PoEntry[];
}

const KEYWORD = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+/;

/** Undo a C string's escapes; an unknown escape keeps its character (gettext warns, we keep the text). */
function unescape(s: string): string {
  return s.replace(/\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))/g, (_, oct?: string, hex?: string, c?: string) => {
    if (oct) return String.fromCharCode(parseInt(oct, 8));
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    switch (c) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'a': return '\x07';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'v': return '\v';
      default: return c!;
    }
  });
}

/** A literal at `from` in `line`: returns its value and where it ends, or null when it is not closed. */
function literalAt(line: string, from: number): { value: string; end: number } | null {
  if (line.charCodeAt(from) !== 34 /* " */) return null;
  let i = from + 1;
  let escaped = false;
  for (;;) {
    const q = line.indexOf('"', i);
    if (q < 0) return null;
    // A quote after an odd number of backslashes is part of the string.
    let b = q - 1;
    while (b > from && line.charCodeAt(b) === 92 /* \ */) b--;
    if ((q - 1 - b) % 2 === 0) {
      i = q;
      break;
    }
    escaped = true;
    i = q + 1;
  }
  for (let k = i + 1; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c !== 32 && c !== 9) return null;
  }
  const body = line.slice(from + 1, i);
  return { value: escaped || body.includes('\\') ? unescape(body) : body, end: i + 1 };
}


const syntax = (path: string, line: number) => new CalqueError('poSyntax', { path, line });

/** Parse PO text. Throws `poSyntax` with the line for anything gettext itself would refuse. */
export function parsePo(raw: string, path: string): PoFile {
  const lines = splitRawLines(raw);
  const entries: PoEntry[] = [];
  let cur: Partial<PoEntry> & { translatorComments: string[]; extractedComments: string[]; references: string[]; flags: string[]; previous: PoEntry['previous']; msgstr: PoField[] } | null = null;
  let field: PoField | null = null;
  let prevKey: 'msgctxt' | 'msgid' | 'msgidPlural' | null = null;
  let lastLine = 0;

  const fresh = (l: RawFileLine) => ({ line: l.number, start: l.start, translatorComments: [], extractedComments: [], references: [], flags: [], previous: {}, msgstr: [] });
  const finish = () => {
    if (!cur) return;
    if (!cur.msgid) {
      // Comments with no entry after them (the end of the file, or before an obsolete entry): not an entry.
      if (cur.msgstr.length || cur.msgctxt) throw syntax(path, cur.line!);
      cur = null;
      return;
    }
    if (!cur.msgstr.length) throw syntax(path, lastLine);
    entries.push({ ...(cur as PoEntry), end: lines[lastLine - 1]!.start + lines[lastLine - 1]!.text.length });
    cur = null;
  };

  for (const l of lines) {
    const t = l.text;
    const trimmed = t.trim();
    if (trimmed === '') {
      field = null;
      continue;
    }
    if (trimmed.startsWith('#~')) {
      // An obsolete entry: kept byte for byte, never a segment.
      finish();
      field = null;
      continue;
    }
    if (trimmed.startsWith('#')) {
      // A comment after a msgstr starts the next entry.
      if (cur && cur.msgstr.length) finish();
      if (!cur) cur = fresh(l);
      field = null;
      const kind = trimmed[1];
      const body = trimmed.slice(2).trim();
      if (kind === '.') cur.extractedComments.push(body);
      else if (kind === ':') cur.references.push(body);
      else if (kind === ',') {
        cur.flags.push(...body.split(',').map((f) => f.trim()).filter(Boolean));
        cur.flagsLine = { start: l.start, end: l.start + t.length };
      } else if (kind === '|') {
        cur.previousStart ??= l.start;
        const m = /^(msgctxt|msgid_plural|msgid)\s+/.exec(body);
        const lit = m ? literalAt(body, m[0].length) : body.startsWith('"') ? literalAt(body, 0) : null;
        if (!lit) throw syntax(path, l.number);
        const key: 'msgctxt' | 'msgid' | 'msgidPlural' | null = m ? (m[1] === 'msgid_plural' ? 'msgidPlural' : (m[1] as 'msgctxt' | 'msgid')) : prevKey;
        if (!key) throw syntax(path, l.number);
        cur.previous[key] = (m ? '' : (cur.previous[key] ?? '')) + lit.value;
        prevKey = key;
      } else cur.translatorComments.push(trimmed.slice(1).replace(/^ /, ''));
      continue;
    }
    lastLine = l.number;
    const kw = KEYWORD.exec(t);
    if (kw) {
      const name = kw[1]!;
      const lit = literalAt(t, kw[0].length);
      if (!lit) throw syntax(path, l.number);
      field = { value: lit.value, start: l.start + kw[0].length, end: l.start + lit.end, literals: 1, column: kw[0].length };
      if (name === 'msgctxt' || name === 'msgid') {
        if (cur && (cur.msgstr.length || (name === 'msgctxt' && cur.msgid) || (name === 'msgid' && cur.msgid))) finish();
        if (!cur) cur = fresh(l);
        if (name === 'msgid' && cur.msgid) throw syntax(path, l.number);
        cur[name] = field;
      } else if (name === 'msgid_plural') {
        if (!cur?.msgid || cur.msgidPlural || cur.msgstr.length) throw syntax(path, l.number);
        cur.msgidPlural = field;
      } else {
        if (!cur?.msgid) throw syntax(path, l.number);
        const index = kw[2] === undefined ? -1 : Number(kw[2]);
        // msgstr for a singular entry, msgstr[0], [1]… in order for a plural one.
        if (cur.msgidPlural ? index !== cur.msgstr.length : index !== -1 || cur.msgstr.length) throw syntax(path, l.number);
        cur.msgstr.push(field);
      }
      continue;
    }
    if (trimmed.startsWith('"') && field) {
      const from = t.indexOf('"');
      const lit = literalAt(t, from);
      if (!lit) throw syntax(path, l.number);
      field.value += lit.value;
      field.end = l.start + lit.end;
      field.literals++;
      continue;
    }
    throw syntax(path, l.number);
  }
  finish();
  return { entries };
}

/** The header's fields ("Language: pt_BR\n…") by lower-case name. */
export function headerFields(header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of header.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) out.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return out;
}

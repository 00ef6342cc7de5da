import { decodeHTML, decodeHTMLAttribute } from 'entities';
import type { InlineTag, Piece } from '../../../contract/document.js';
import type { HtmlUnit, Item } from './structure.js';

/**
 * The smallest stretches of a unit's source that map to its text: a character reference ("&nbsp;",
 * "&#8212;"), a run of white space (shown as one space, as a browser shows it), a run of other
 * characters, or a tag. A save writes an atom it did not change as its original bytes, so an entity
 * or a no-break space the editor did not touch is never rewritten (MateCat#1623).
 */
export type Atom =
  | { kind: 'text'; start: number; end: number; raw: string; text: string; space: boolean }
  | { kind: 'tag'; start: number; end: number; raw: string; tag: InlineTag };

const TOKEN = /&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)|[ \t\n\r\f]+|[^& \t\n\r\f]+|&/g;

function textAtoms(raw: string, item: Extract<Item, { kind: 'text' }>): Atom[] {
  const source = raw.slice(item.start, item.end);
  const atoms: Atom[] = [];
  let decoded = '';
  for (const m of source.matchAll(TOKEN)) {
    const s = m[0];
    const start = item.start + m.index;
    const end = start + s.length;
    if (s[0] === '&' && s.length > 1) {
      const value = item.attribute ? decodeHTMLAttribute(s) : decodeHTML(s);
      decoded += value;
      atoms.push({ kind: 'text', start, end, raw: s, text: collapse(value, item.pre).normalize('NFC'), space: false });
    } else if (/^[ \t\n\r\f]/.test(s)) {
      decoded += s.replace(/\r\n?/g, '\n');
      atoms.push({ kind: 'text', start, end, raw: s, text: item.pre ? s.replace(/\r\n?/g, '\n') : ' ', space: true });
    } else {
      decoded += s.replace(/\r\n?/g, '\n');
      atoms.push({ kind: 'text', start, end, raw: s, text: s.replace(/\r\n?/g, '\n').normalize('NFC'), space: false });
    }
  }
  // parse5 decoded it otherwise (a NUL, <pre>'s first line break): the whole text is one atom.
  if (decoded !== item.value) return [{ kind: 'text', start: item.start, end: item.end, raw: source, text: collapse(item.value, item.pre).normalize('NFC'), space: false }];
  return atoms;
}

function collapse(s: string, pre: boolean): string {
  return pre ? s : s.replace(/[ \t\n\r\f]+/g, ' ');
}

/** A unit's atoms, white space at either end left out (it stays in the file around the segment). */
export function unitAtoms(raw: string, unit: HtmlUnit): Atom[] {
  const atoms: Atom[] = [];
  for (const item of unit.items) {
    if (item.kind === 'tag') atoms.push({ kind: 'tag', start: item.start, end: item.end, raw: raw.slice(item.start, item.end), tag: item.tag });
    else atoms.push(...textAtoms(raw, item));
  }
  let a = 0;
  let b = atoms.length;
  while (a < b && isSpace(atoms[a]!)) a++;
  while (b > a && isSpace(atoms[b - 1]!)) b--;
  return atoms.slice(a, b);
}

const isSpace = (a: Atom) => a.kind === 'text' && (a.space || a.text.trim() === '' && !a.text.includes('\u00a0'));

/** Atoms → the segment's pieces (adjacent text atoms joined). */
export function atomPieces(atoms: readonly Atom[]): Piece[] {
  const out: Piece[] = [];
  for (const a of atoms) {
    if (a.kind === 'tag') {
      out.push(a.tag);
      continue;
    }
    const last = out[out.length - 1];
    if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + a.text };
    else out.push({ kind: 'text', text: a.text });
  }
  return out;
}

import type { XmlElement, XmlNode } from './parse.js';

/**
 * Small helpers for reading a parsed tree and writing back by patches: a changed element's content
 * or attribute is replaced in the decoded text, and every other character stays as the file had it.
 */

/** A replacement of [start, end) of the decoded text. */
export interface Patch {
  start: number;
  end: number;
  text: string;
}

/** Apply non-overlapping patches (any order). */
export function applyPatches(raw: string, patches: readonly Patch[]): string {
  if (!patches.length) return raw;
  const sorted = [...patches].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let at = 0;
  for (const p of sorted) {
    if (p.start < at) throw new Error(`overlapping XML patches at ${p.start}`);
    out.push(raw.slice(at, p.start), p.text);
    at = p.end;
  }
  out.push(raw.slice(at));
  return out.join('');
}

/** How the file writes the characters it may leave unescaped, so new text is written the same way. */
export interface EscapeStyle {
  /** `>` as `&gt;` (Trados and most tools do; some readers break on either). */
  gt: boolean;
  /** `"` and `'` in text as `&quot;` / `&apos;`. */
  quot: boolean;
  apos: boolean;
}

export const DEFAULT_ESCAPES: EscapeStyle = { gt: true, quot: false, apos: false };

/**
 * The escape style of the file's own text (the raw text nodes as written): `>` stays escaped unless
 * the file writes it literally and never as `&gt;`; quotes are escaped when the file escapes them.
 */
export function escapeStyleOf(rawTexts: Iterable<string>): EscapeStyle {
  let literalGt = false;
  const style = { gt: false, quot: false, apos: false };
  for (const t of rawTexts) {
    if (t.includes('&gt;')) style.gt = true;
    else if (t.includes('>')) literalGt = true;
    if (t.includes('&quot;')) style.quot = true;
    if (t.includes('&apos;')) style.apos = true;
  }
  if (!literalGt) style.gt = true;
  return style;
}

export function escapeText(text: string, style: EscapeStyle = DEFAULT_ESCAPES): string {
  let s = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  if (style.gt) s = s.replace(/>/g, '&gt;');
  // "]]>" may never appear in text.
  else s = s.replace(/]]>/g, ']]&gt;');
  if (style.quot) s = s.replace(/"/g, '&quot;');
  if (style.apos) s = s.replace(/'/g, '&apos;');
  return s;
}

export function escapeAttribute(value: string, quote: '"' | "'" = '"'): string {
  const s = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
  return quote === '"' ? s.replace(/"/g, '&quot;') : s.replace(/'/g, '&apos;');
}

/** The children of `el` that are elements, optionally only those with this local name. */
export function childElements(el: XmlElement, local?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.type === 'element' && (local === undefined || c.local === local));
}

export function firstChild(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c): c is XmlElement => c.type === 'element' && c.local === local);
}

/** An attribute's value by qualified name ("id", "sdl:conf"), or by local name and namespace URI. */
export function attr(el: XmlElement, name: string, uri?: string): string | undefined {
  const a = uri === undefined ? el.attrs.find((x) => x.name === name) : el.attrs.find((x) => x.local === name && x.uri === uri);
  return a?.value;
}

/** The decoded text of an element and its descendants. */
export function textContent(node: XmlNode): string {
  if (node.type === 'text') return node.text;
  if (node.type !== 'element') return '';
  return node.children.map(textContent).join('');
}

/** Where an attribute is written in its element's start tag: the whole `name="value"` and the value inside the quotes. */
export interface AttributeRange {
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
  quote: '"' | "'";
}

export function attributeRange(raw: string, el: XmlElement, name: string): AttributeRange | undefined {
  const tag = raw.slice(el.start, el.openEnd);
  const re = /\s([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    if (m[1] !== name) continue;
    const start = el.start + m.index + 1;
    const end = el.start + m.index + m[0].length;
    return { start, end, valueStart: end - m[2]!.length + 1, valueEnd: end - 1, quote: m[2]![0] as '"' | "'" };
  }
  return undefined;
}

/**
 * A patch that sets an attribute (replacing its value, or adding it at the end of the start tag,
 * with the quote the tag already uses).
 */
export function setAttributePatch(raw: string, el: XmlElement, name: string, value: string): Patch {
  const at = attributeRange(raw, el, name);
  if (at) return { start: at.valueStart, end: at.valueEnd, text: escapeAttribute(value, at.quote) };
  const tag = raw.slice(el.start, el.openEnd);
  // The quote of the tag's last attribute, so the new one looks like its neighbours.
  const quote = (/=\s*(["'])[^"']*\1\s*\/?>$/.exec(tag)?.[1] ?? '"') as '"' | "'";
  const insertAt = el.openEnd - (el.selfClosing ? 2 : 1);
  // Keep "<x/>" or "<x />" spacing: add the attribute right after the last non-space of the tag.
  let pos = insertAt;
  while (pos > el.start && /\s/.test(raw[pos - 1]!)) pos--;
  return { start: pos, end: pos, text: ` ${name}=${quote}${escapeAttribute(value, quote)}${quote}` };
}

/** The whitespace that indents the line an element starts on ('' when something else precedes it on its line). */
export function indentOf(raw: string, el: XmlElement): string {
  let i = el.start;
  while (i > 0 && (raw[i - 1] === ' ' || raw[i - 1] === '\t')) i--;
  return i === 0 || raw[i - 1] === '\n' || raw[i - 1] === '\r' ? raw.slice(i, el.start) : '';
}

/** The line break the file uses right before an element's line ("\n" when none). */
export function lineBreakBefore(raw: string, el: XmlElement): string {
  let i = el.start;
  while (i > 0 && (raw[i - 1] === ' ' || raw[i - 1] === '\t')) i--;
  if (raw[i - 1] === '\n') return raw[i - 2] === '\r' ? '\r\n' : '\n';
  return raw[i - 1] === '\r' ? '\r' : '\n';
}

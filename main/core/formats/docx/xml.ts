import { CalqueError, MAX_FILE_BYTES } from '../../../contract/api.js';

/**
 * A safe, strict XML reader that records where every node sits in the decoded text, so a writer can
 * patch a few elements in place and keep every other byte as it was. The same interface and errors
 * as the shared reader the xliff work builds (main/core/formats/xml/parse.ts); this local one stands
 * in until that lands. Refused, each with its own CalqueError: a DOCTYPE (so no DTD, no external
 * entity and no entity expansion), any entity but XML's five, nesting deeper than `maxDepth`, and
 * anything not well-formed.
 */

export interface XmlAttribute {
  name: string;
  local: string;
  uri: string;
  value: string;
}

export interface XmlElement {
  type: 'element';
  name: string;
  local: string;
  uri: string;
  attrs: XmlAttribute[];
  children: XmlNode[];
  parent?: XmlElement;
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

export interface XmlText {
  type: 'text';
  text: string;
  start: number;
  end: number;
  cdata: boolean;
}

export interface XmlOther {
  type: 'comment' | 'pi';
  start: number;
  end: number;
}

export type XmlNode = XmlElement | XmlText | XmlOther;

export interface XmlDocument {
  raw: string;
  root: XmlElement;
}

export interface XmlLimits {
  maxDepth?: number;
  maxChars?: number;
}

export const XML_LIMITS = { maxDepth: 256, maxChars: MAX_FILE_BYTES } as const;

const NAME = /[A-Za-z_\u00C0-\uFFFF][\w.\-:\u00B7\u00C0-\uFFFF]*/y;
const ATTR = /\s*([A-Za-z_\u00C0-\uFFFF][\w.\-:\u00B7\u00C0-\uFFFF]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/y;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export function parseXml(raw: string, path: string, limits: XmlLimits = {}): XmlDocument {
  const maxDepth = limits.maxDepth ?? XML_LIMITS.maxDepth;
  const maxChars = limits.maxChars ?? XML_LIMITS.maxChars;
  if (raw.length > maxChars) throw new CalqueError('fileTooLarge', { path, size: raw.length, limit: maxChars });
  const fail = (at: number, reason: string) => {
    const before = raw.slice(0, at);
    const line = before.split('\n').length;
    return new CalqueError('xmlInvalid', { path, line, column: at - before.lastIndexOf('\n'), reason });
  };
  const stack: XmlElement[] = [];
  const nsStack: Map<string, string>[] = [new Map([['xml', XML_NS]])];
  let root: XmlElement | undefined;
  let i = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  const append = (node: XmlNode) => stack[stack.length - 1]?.children.push(node);
  while (i < raw.length) {
    const lt = raw.indexOf('<', i);
    const textEnd = lt === -1 ? raw.length : lt;
    if (textEnd > i) {
      const chunk = raw.slice(i, textEnd);
      if (stack.length) append({ type: 'text', text: decodeEntities(chunk, i, path, fail), start: i, end: textEnd, cdata: false });
      else if (chunk.trim()) throw fail(i, 'text outside the root element');
    }
    if (lt === -1) break;
    i = lt;
    if (raw.startsWith('<?', i)) {
      const end = raw.indexOf('?>', i + 2);
      if (end === -1) throw fail(i, 'unclosed processing instruction');
      append({ type: 'pi', start: i, end: end + 2 });
      i = end + 2;
    } else if (raw.startsWith('<!--', i)) {
      const end = raw.indexOf('-->', i + 4);
      if (end === -1) throw fail(i, 'unclosed comment');
      append({ type: 'comment', start: i, end: end + 3 });
      i = end + 3;
    } else if (raw.startsWith('<![CDATA[', i)) {
      const end = raw.indexOf(']]>', i + 9);
      if (end === -1 || !stack.length) throw fail(i, 'bad CDATA section');
      append({ type: 'text', text: raw.slice(i + 9, end), start: i, end: end + 3, cdata: true });
      i = end + 3;
    } else if (raw.startsWith('<!', i)) {
      if (/^<!DOCTYPE/i.test(raw.slice(i, i + 9))) throw new CalqueError('xmlDoctype', { path });
      throw fail(i, 'markup declaration');
    } else if (raw.charCodeAt(i + 1) === 0x2f) {
      NAME.lastIndex = i + 2;
      const m = NAME.exec(raw);
      const el = stack.pop();
      if (!m || !el || m[0] !== el.name) throw fail(i, `unexpected end tag ${m?.[0] ?? ''}`);
      const close = raw.indexOf('>', i);
      if (close === -1 || raw.slice(i + 2 + m[0].length, close).trim()) throw fail(i, 'bad end tag');
      el.closeStart = i;
      el.end = close + 1;
      nsStack.pop();
      i = close + 1;
    } else {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(raw);
      if (!m) throw fail(i, 'bad start tag');
      if (stack.length >= maxDepth) throw new CalqueError('xmlTooDeep', { path, limit: maxDepth });
      if (root && !stack.length) throw fail(i, 'a second root element');
      let p = i + 1 + m[0].length;
      const rawAttrs: { name: string; value: string }[] = [];
      for (;;) {
        ATTR.lastIndex = p;
        const a = ATTR.exec(raw);
        if (!a || a.index !== p) break;
        if (rawAttrs.some((x) => x.name === a[1])) throw fail(p, `attribute ${a[1]} twice`);
        rawAttrs.push({ name: a[1]!, value: decodeEntities(a[3] ?? a[4] ?? '', p, path, fail) });
        p = ATTR.lastIndex;
      }
      while (p < raw.length && /\s/.test(raw[p]!)) p++;
      const selfClosing = raw.startsWith('/>', p);
      if (!selfClosing && raw[p] !== '>') throw fail(p, 'bad start tag');
      const openEnd = p + (selfClosing ? 2 : 1);
      // A new scope only where the element declares namespaces; otherwise its parent's, shared.
      let ns = nsStack[nsStack.length - 1]!;
      for (const a of rawAttrs) {
        if (a.name !== 'xmlns' && !a.name.startsWith('xmlns:')) continue;
        if (ns === nsStack[nsStack.length - 1]) ns = new Map(ns);
        ns.set(a.name === 'xmlns' ? '' : a.name.slice(6), a.value);
      }
      const el: XmlElement = {
        type: 'element',
        name: m[0],
        local: '',
        uri: '',
        attrs: rawAttrs.length ? rawAttrs.map((a) => qualify(a.name, true, ns, a.value, i, fail)) : NO_ATTRS,
        children: [],
        start: i,
        openEnd,
        closeStart: openEnd,
        end: openEnd,
        selfClosing,
      };
      const q = qualify(m[0], false, ns, '', i, fail);
      el.local = q.local;
      el.uri = q.uri;
      const parent = stack[stack.length - 1];
      if (parent) {
        el.parent = parent;
        parent.children.push(el);
      } else root = el;
      if (!selfClosing) {
        stack.push(el);
        nsStack.push(ns);
      }
      i = openEnd;
    }
  }
  if (stack.length) throw fail(raw.length, `unclosed element ${stack[stack.length - 1]!.name}`);
  if (!root) throw new CalqueError('xmlInvalid', { path, line: 1, column: 1, reason: 'no root element' });
  return { raw, root };
}

const NO_ATTRS: XmlAttribute[] = [];

/** A qualified name's local part and namespace URI in scope (unprefixed attributes have none). */
function qualify(name: string, isAttr: boolean, ns: Map<string, string>, value: string, at: number, fail: (at: number, reason: string) => CalqueError): XmlAttribute {
  const c = name.indexOf(':');
  if (isAttr && name.startsWith('xmlns')) return { name, local: name, uri: '', value };
  const prefix = c === -1 ? '' : name.slice(0, c);
  if (c !== -1 && !ns.has(prefix)) throw fail(at, `unbound prefix ${prefix}`);
  return { name, local: c === -1 ? name : name.slice(c + 1), uri: c === -1 && isAttr ? '' : (ns.get(prefix) ?? ''), value };
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string, at: number, path: string, fail: (at: number, reason: string) => CalqueError): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(/&([^;&\s]{0,32});?/g, (whole, name: string, offset: number) => {
    if (!whole.endsWith(';')) throw fail(at + offset, 'bare &');
    if (name in NAMED) return NAMED[name]!;
    const num = /^#x([0-9a-fA-F]{1,6})$/.exec(name) ?? /^#([0-9]{1,7})$/.exec(name);
    if (num) {
      const code = parseInt(num[1]!, name[1] === 'x' ? 16 : 10);
      if (code > 0x10ffff || code === 0 || (code >= 0xd800 && code <= 0xdfff)) throw fail(at + offset, `bad character reference ${whole}`);
      return String.fromCodePoint(code);
    }
    throw new CalqueError('xmlEntity', { path, line: 0, entity: name });
  });
}

/** Escape text for element content. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape text for a double-quoted attribute value. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

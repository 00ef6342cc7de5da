import { CalqueError } from '../../../contract/api.js';

/**
 * A safe, strict XML reader that records where every node sits in the decoded text, so a writer can
 * patch a few elements in place and keep every other byte as it was. The same interface, limits and
 * errors as the shared reader (main/core/formats/xml/parse.ts, on saxes), which tests/core/formats/
 * docx/xml-parity.test.ts checks; kept for DOCX because a 300-page document.xml (2.8 MB) takes
 * about 0.5 s here and about 4 s through saxes. Refused, each with its own CalqueError: a DOCTYPE
 * (so no DTD, no external entity and no entity expansion), any entity but XML's five, nesting
 * deeper than `maxDepth`, and anything not well-formed.
 */

import { XML_LIMITS, type XmlAttribute, type XmlDocument, type XmlElement, type XmlLimits, type XmlNode } from '../xml/index.js';

export type { XmlAttribute, XmlDocument, XmlElement, XmlNode };

// A qualified name: NCName, optionally one colon and another NCName.
const NC = '[A-Za-z_\\u00C0-\\uFFFF][\\w.\\-\\u00B7\\u00C0-\\uFFFF]*';
const NAME = new RegExp(`${NC}(?::${NC})?(?![\\w.:\\-\\u00B7\\u00C0-\\uFFFF])`, 'y');
const ATTR = new RegExp(`\\s+(${NC}(?::${NC})?)\\s*=\\s*("([^"<]*)"|'([^'<]*)')`, 'y');
const XML_DECL = /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>$/;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

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
      NAME.lastIndex = i + 2;
      const target = NAME.exec(raw);
      if (!target || !/[\s?]/.test(raw[i + 2 + target[0].length] ?? '')) throw fail(i, 'bad processing instruction name');
      if (/^<\?xml[\s?]/i.test(raw.slice(i, i + 6)) && !(i <= 1 && !root && XML_DECL.test(raw.slice(i, end + 2)))) throw fail(i, 'bad XML declaration');
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
  if (isAttr && (name === 'xmlns' || name.startsWith('xmlns:'))) return { name, local: c === -1 ? name : name.slice(c + 1), uri: XMLNS_NS, value };
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

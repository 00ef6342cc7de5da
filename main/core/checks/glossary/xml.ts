/**
 * A small, safe XML reader for glossary files: elements, attributes, text, CDATA. The DOCTYPE is skipped
 * and never resolved (no external or custom entities: no XXE, no entity expansion bombs); only the five
 * predefined entities and numeric character references are decoded. Nesting deeper than
 * GLOSSARY_LIMITS.maxDepth is refused (glossaryTooDeep), and the walkers below are iterative.
 */
import { GLOSSARY_LIMITS, tooDeep } from './limits.js';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * The attributes of a start tag's body, in one pass (a regular expression backtracked quadratically over
 * a long run without "=": 42 s for 82 kB). Attributes without a quoted value are skipped.
 */
function readAttributes(body: string, from: number): Record<string, string> {
  const attrs: Record<string, string> = {};
  const n = body.length;
  let i = from;
  while (i < n) {
    while (i < n && (isSpace(body[i]) || body[i] === '/')) i++;
    const start = i;
    while (i < n && !isSpace(body[i]) && body[i] !== '=' && body[i] !== '/') i++;
    const name = body.slice(start, i);
    while (i < n && isSpace(body[i])) i++;
    if (body[i] !== '=') {
      if (i === start) i++;
      continue;
    }
    i++;
    while (i < n && isSpace(body[i])) i++;
    const quote = body[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = body.indexOf(quote, i + 1);
    if (end < 0) break;
    // "__proto__" would set the object's prototype: such an attribute is dropped.
    if (name && name !== '__proto__') attrs[name] = decodeEntities(body.slice(i + 1, end));
    i = end + 1;
  }
  return attrs;
}

export function parseXml(text: string, name = 'glossary'): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  const top = () => stack[stack.length - 1]!;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      top().children.push(decodeEntities(text.slice(i)));
      break;
    }
    if (lt > i) top().children.push(decodeEntities(text.slice(i, lt)));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      i = end < 0 ? text.length : end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      top().children.push(text.slice(lt + 9, end < 0 ? text.length : end));
      i = end < 0 ? text.length : end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (text.startsWith('<!', lt)) {
      // DOCTYPE, with an optional internal subset in brackets: skipped, never interpreted.
      let j = lt + 2;
      let depth = 0;
      while (j < text.length && !(text[j] === '>' && depth === 0)) {
        if (text[j] === '[') depth++;
        else if (text[j] === ']') depth--;
        j++;
      }
      i = j + 1;
    } else if (text[lt + 1] === '/') {
      const end = text.indexOf('>', lt);
      const tagName = text.slice(lt + 2, end < 0 ? text.length : end).trim();
      // Close up to the matching element (tolerates a missing end tag inside it).
      let at = stack.length - 1;
      while (at > 0 && stack[at]!.name !== tagName) at--;
      if (at > 0) stack.length = at;
      i = end < 0 ? text.length : end + 1;
    } else {
      const end = findTagEnd(text, lt);
      const raw = text.slice(lt + 1, end);
      const selfClosing = raw.endsWith('/');
      const body = selfClosing ? raw.slice(0, -1) : raw;
      const tagName = /^[^\s/>]+/.exec(body)?.[0] ?? '';
      const attrs = readAttributes(body, tagName.length);
      const el: XmlElement = { name: tagName, attrs, children: [] };
      top().children.push(el);
      if (!selfClosing) {
        if (stack.length > GLOSSARY_LIMITS.maxDepth) throw tooDeep(name);
        stack.push(el);
      }
      i = end + 1;
    }
  }
  return root;
}

/** The '>' that ends a start tag, skipping quoted attribute values. */
function findTagEnd(text: string, from: number): number {
  let quote = '';
  for (let j = from + 1; j < text.length; j++) {
    const c = text[j]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j;
  }
  return text.length;
}

/** Local name without a namespace prefix ("tbx:term" → "term"). */
export const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Elements named `name` below `node` (not inside one another), in document order. */
export function elements(node: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlNode[] = [...node.children].reverse();
  while (stack.length) {
    const c = stack.pop()!;
    if (typeof c === 'string') continue;
    if (localName(c.name) === name) out.push(c);
    else for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i]!);
  }
  return out;
}

export function textOf(node: XmlNode): string {
  if (typeof node === 'string') return node;
  let out = '';
  const stack: XmlNode[] = [...node.children].reverse();
  while (stack.length) {
    const c = stack.pop()!;
    if (typeof c === 'string') out += c;
    else for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i]!);
  }
  return out;
}

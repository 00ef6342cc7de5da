import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { CalqueError, MAX_FILE_BYTES } from '../../../contract/api.js';

/**
 * A safe, strict XML reader that records where every node sits in the decoded text, so a writer can
 * patch a few bytes in place and keep every other byte (entities, quotes, whitespace) as it was.
 *
 * Built on saxes (strict, well-formedness checking, namespaces). What it refuses, each with its own
 * CalqueError: a DOCTYPE (so no DTD, no external entity (XXE) and no entity expansion — billion laughs
 * needs a DTD), any entity but XML's five, nesting deeper than `maxDepth`, text longer than `maxChars`,
 * and anything that is not well-formed.
 */

export interface XmlAttribute {
  /** Qualified name as written ("sdl:conf"). */
  name: string;
  local: string;
  /** Namespace URI ('' when none). */
  uri: string;
  /** Decoded value. */
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
  /** [start, end) of the whole element in the decoded text; its start tag ends at `openEnd`. */
  start: number;
  openEnd: number;
  /** Start of the end tag (`openEnd` when self-closing: the element has no content). */
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

export interface XmlText {
  type: 'text';
  /** Decoded text (entities and character references resolved, line ends as XML normalises them). */
  text: string;
  start: number;
  end: number;
  cdata: boolean;
}

/** A comment or a processing instruction: kept in place, never interpreted. */
export interface XmlOther {
  type: 'comment' | 'pi';
  start: number;
  end: number;
}

export type XmlNode = XmlElement | XmlText | XmlOther;

export interface XmlDocument {
  /** The decoded text the offsets point into. */
  raw: string;
  root: XmlElement;
}

export interface XmlLimits {
  /** Deepest element nesting accepted. */
  maxDepth?: number;
  /** Longest decoded text accepted, UTF-16 units. */
  maxChars?: number;
}

export const XML_LIMITS = { maxDepth: 256, maxChars: MAX_FILE_BYTES } as const;

type Scope = Map<string, string>;
const XMLNS = 'http://www.w3.org/2000/xmlns/';
/** The two prefixes XML binds itself. */
const ROOT_SCOPE: Scope = new Map([
  ['xml', 'http://www.w3.org/XML/1998/namespace'],
  ['xmlns', XMLNS],
]);

/**
 * Parse `raw` (already decoded; see decodeRaw) into a tree with source offsets. `path` names the file
 * in errors. Throws only CalqueErrors: xmlDoctype, xmlEntity, xmlTooDeep, xmlInvalid, fileTooLarge.
 */
export function parseXml(raw: string, path: string, limits: XmlLimits = {}): XmlDocument {
  const maxDepth = limits.maxDepth ?? XML_LIMITS.maxDepth;
  const maxChars = limits.maxChars ?? XML_LIMITS.maxChars;
  if (raw.length > maxChars) throw new CalqueError('fileTooLarge', { path, size: raw.length, limit: maxChars });
  // Namespaces are resolved here rather than by saxes (xmlns: true halves its speed on big files).
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  const scopes: Scope[] = [ROOT_SCOPE];
  let root: XmlElement | undefined;
  // Every construct starts where the previous one ended: the only offsets saxes gives are ends.
  let mark = 0;
  const append = (node: XmlNode) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
  };

  parser.on('doctype', () => {
    throw new CalqueError('xmlDoctype', { path });
  });
  parser.on('xmldecl', () => {
    mark = parser.position;
  });
  parser.on('text', (text) => {
    // A text event fires on the "<" that ends it (or at the end of input, outside the root).
    const end = raw[parser.position - 1] === '<' ? parser.position - 1 : parser.position;
    if (stack.length) append({ type: 'text', text, start: mark, end, cdata: false });
    mark = end;
  });
  // saxes reports these before or after their closing delimiter: find it from the start instead.
  const through = (close: string, from: number) => raw.indexOf(close, from) + close.length;
  parser.on('cdata', (text) => {
    const end = through(']]>', mark + 9);
    append({ type: 'text', text, start: mark, end, cdata: true });
    mark = end;
  });
  parser.on('comment', () => {
    const end = through('-->', mark + 4);
    append({ type: 'comment', start: mark, end });
    mark = end;
  });
  parser.on('processinginstruction', () => {
    const end = through('?>', mark + 2);
    append({ type: 'pi', start: mark, end });
    mark = end;
  });
  parser.on('opentagstart', () => {
    if (stack.length >= maxDepth) throw new CalqueError('xmlTooDeep', { path, limit: maxDepth });
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const names = Object.keys(tag.attributes);
    let scope = scopes[scopes.length - 1]!;
    for (const name of names) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (scope === scopes[scopes.length - 1]) scope = new Map(scope);
        scope.set(name === 'xmlns' ? '' : name.slice(6), tag.attributes[name]!);
      }
    }
    scopes.push(scope);
    const [local, uri] = resolveName(tag.name, false, scope, parser, path);
    const el: XmlElement = {
      type: 'element',
      name: tag.name,
      local,
      uri,
      attrs: names.map((name) => {
        const [l, u] = name === 'xmlns' ? ['xmlns', XMLNS] : resolveName(name, true, scope, parser, path);
        return { name, local: l, uri: u, value: tag.attributes[name]! };
      }),
      children: [],
      start: mark,
      openEnd: parser.position,
      closeStart: parser.position,
      end: parser.position,
      selfClosing: !!tag.isSelfClosing,
    };
    const parent = stack[stack.length - 1];
    if (parent) {
      el.parent = parent;
      parent.children.push(el);
    } else root = el;
    stack.push(el);
    mark = parser.position;
  });
  parser.on('closetag', () => {
    const el = stack.pop()!;
    scopes.pop();
    if (!el.selfClosing) {
      el.closeStart = mark;
      el.end = parser.position;
    }
    mark = parser.position;
  });
  parser.on('error', (err) => {
    throw invalid(err.message, parser, raw, path);
  });
  try {
    parser.write(raw).close();
  } catch (err) {
    if (err instanceof CalqueError) throw err;
    throw invalid((err as Error).message, parser, raw, path);
  }
  if (!root) throw new CalqueError('xmlInvalid', { path, line: 1, column: 1, reason: 'no root element' });
  return { raw, root };
}

/** A qualified name → [local name, namespace URI]; unprefixed attributes are in no namespace. */
function resolveName(qname: string, isAttr: boolean, scope: Scope, parser: SaxesParser, path: string): [string, string] {
  const colon = qname.indexOf(':');
  if (colon === -1) return [qname, isAttr ? '' : (scope.get('') ?? '')];
  const prefix = qname.slice(0, colon);
  // Namespaces in XML: a QName has at most one colon, with a name on either side ("a:b:c" is not one).
  if (colon === 0 || colon === qname.length - 1 || qname.indexOf(':', colon + 1) !== -1) {
    throw new CalqueError('xmlInvalid', { path, line: parser.line, column: parser.column, reason: `not a qualified name: ${qname}` });
  }
  const uri = scope.get(prefix);
  if (uri === undefined) throw new CalqueError('xmlInvalid', { path, line: parser.line, column: parser.column, reason: `unbound namespace prefix: ${prefix}` });
  return [qname.slice(colon + 1), uri];
}

function invalid(message: string, parser: SaxesParser, raw: string, path: string): CalqueError {
  const reason = message.replace(/^(\S*:)?\d+:\d+: /, '');
  if (/^undefined entity/.test(reason)) {
    // saxes does not name it: it is the reference that ends where the parser stopped.
    const amp = raw.lastIndexOf('&', parser.position - 1);
    const entity = /^&([^;\s<&]{0,40})/.exec(raw.slice(amp, amp + 42))?.[1] ?? '';
    return new CalqueError('xmlEntity', { path, line: parser.line, entity });
  }
  return new CalqueError('xmlInvalid', { path, line: parser.line, column: parser.column, reason });
}

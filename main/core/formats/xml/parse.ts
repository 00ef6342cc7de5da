import { SaxesParser, type SaxesTagNS } from 'saxes';
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

/**
 * Parse `raw` (already decoded; see decodeRaw) into a tree with source offsets. `path` names the file
 * in errors. Throws only CalqueErrors: xmlDoctype, xmlEntity, xmlTooDeep, xmlInvalid, fileTooLarge.
 */
export function parseXml(raw: string, path: string, limits: XmlLimits = {}): XmlDocument {
  const maxDepth = limits.maxDepth ?? XML_LIMITS.maxDepth;
  const maxChars = limits.maxChars ?? XML_LIMITS.maxChars;
  if (raw.length > maxChars) throw new CalqueError('fileTooLarge', { path, size: raw.length, limit: maxChars });
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
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
  parser.on('opentag', (tag: SaxesTagNS) => {
    const el: XmlElement = {
      type: 'element',
      name: tag.name,
      local: tag.local,
      uri: tag.uri,
      attrs: Object.values(tag.attributes).map((a) => ({ name: a.name, local: a.local, uri: a.uri, value: a.value })),
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

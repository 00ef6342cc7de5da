import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { InlineTag } from '../../../contract/document.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** A piece of a unit in the file: text (decoded by parse5) or an inline tag's markup, with its place in the file. */
export type Item =
  | { kind: 'text'; start: number; end: number; value: string; pre: boolean; attribute: boolean; protected: boolean }
  | { kind: 'tag'; start: number; end: number; tag: InlineTag };

export interface HtmlUnit {
  /** Where the unit starts in the file (units are in this order). */
  start: number;
  items: Item[];
}

/** Phrasing elements: inside a block they are inline tags of its segment. */
const INLINE = new Set(
  'a abbr acronym b bdi bdo big br cite code data del dfn em font i img input ins kbd label mark q rp rt ruby s samp small span strike strong sub sup time tt u var wbr'.split(' '),
);
/** Never text to translate, and not walked into. */
const SKIPPED = new Set('script style template noscript textarea iframe object canvas svg math head select'.split(' '));
/** Inline elements whose content is code, kept out of the checks. */
const CODE = new Set(['code', 'kbd', 'samp', 'var']);
/** Inline elements without content (a standalone tag), or whose content is opaque inside a sentence. */
const STANDALONE = new Set(['br', 'img', 'input', 'wbr']);
/** Attributes that hold text to translate, on any element. */
const TEXT_ATTRIBUTES = ['alt', 'title', 'placeholder', 'aria-label'];
/** <meta name|property=…> whose content is text to translate. */
const TEXT_META = new Set(['description', 'og:title', 'og:description', 'twitter:title', 'twitter:description']);

/** The display text of a tag: its element name ("<b>", "</b>", "<br>"); comments "<!---->". */
function display(kind: InlineTag['kind'], name: string): string {
  return kind === 'close' ? `</${name}>` : `<${name}>`;
}

function notTranslated(el: Element): boolean {
  return el.attrs.some((a) => (a.name === 'translate' && a.value.trim().toLowerCase() === 'no') || (a.name === 'class' && /(^|\s)notranslate(\s|$)/.test(a.value)));
}

/**
 * The units of an HTML page, read with parse5's source locations: block elements (p, h1–h6, li,
 * td, th, blockquote, figcaption, title…) and text-holding attributes (alt, title, meta
 * description). Inline elements inside a block are tags of its segment. Nothing is serialised: the
 * writer replaces changed segments by position in the original text.
 */
export function htmlUnits(raw: string): HtmlUnit[] {
  const document = parse(raw, { sourceCodeLocationInfo: true });
  const units: HtmlUnit[] = [];
  const blockCache = new Map<Node, boolean>();
  let run: Item[] = [];
  let tagCount = 0;
  const flush = () => {
    // A unit is a contiguous stretch of the file: every byte of it is one of its items, so writing it
    // back loses nothing. Where the tree is not in file order (text foster-parented out of a table) or
    // a cloned element repeats markup, the run is cut there.
    let group: Item[] = [];
    const close = () => {
      if (group.some((i) => i.kind === 'text' && !i.protected && /\S/.test(i.value.replace(/\u00a0/g, '')))) units.push({ start: group[0]!.start, items: group });
      group = [];
    };
    for (const item of run) {
      const last = group[group.length - 1];
      if (last && item.start < last.end) continue;
      if (last && item.start !== last.end) close();
      group.push(item);
    }
    close();
    run = [];
    tagCount = 0;
  };
  const attributeUnits = (el: Element) => {
    const loc = el.sourceCodeLocation?.attrs;
    if (!loc) return;
    const meta = el.tagName === 'meta' && el.attrs.some((a) => (a.name === 'name' || a.name === 'property') && TEXT_META.has(a.value.trim().toLowerCase()));
    for (const a of el.attrs) {
      if (!(TEXT_ATTRIBUTES.includes(a.name) || (meta && a.name === 'content')) || !/\S/.test(a.value)) continue;
      const at = loc[a.name];
      if (!at) continue;
      const span = attributeValueSpan(raw, at.startOffset, at.endOffset);
      if (span) units.push({ start: span[0], items: [{ kind: 'text', start: span[0], end: span[1], value: a.value, pre: false, attribute: true, protected: false }] });
    }
  };

  /** Walk frames: an element to enter, or the closing of an inline element (its end tag). */
  type Frame = { node: Node; pre: boolean; prot: boolean; inline: boolean } | { close: Element; id: string } | { flush: true };
  const stack: Frame[] = [{ node: document, pre: false, prot: false, inline: false }];
  const childFrames = (parent: Node, pre: boolean, prot: boolean, inline: boolean) => {
    const kids = 'childNodes' in parent ? parent.childNodes : [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, pre, prot, inline });
  };
  while (stack.length) {
    const f = stack.pop()!;
    if ('flush' in f) {
      flush();
      continue;
    }
    if ('close' in f) {
      const end = f.close.sourceCodeLocation?.endTag;
      if (end) run.push({ kind: 'tag', start: end.startOffset, end: end.endOffset, tag: { kind: 'close', id: `${f.id}c`, partner: f.id, type: f.close.tagName, display: display('close', f.close.tagName), original: raw.slice(end.startOffset, end.endOffset) } });
      continue;
    }
    const { node, pre, prot, inline } = f;
    if (node.nodeName === '#text' && 'value' in node) {
      const loc = node.sourceCodeLocation;
      if (loc && (inline || run.length || /\S/.test(node.value))) run.push({ kind: 'text', start: loc.startOffset, end: loc.endOffset, value: node.value, pre, attribute: false, protected: prot });
      continue;
    }
    if (node.nodeName === '#comment') {
      // A comment inside a sentence is a standalone tag; between blocks it is skeleton.
      const loc = node.sourceCodeLocation;
      if ((inline || run.length) && loc) run.push(standalone(raw, loc.startOffset, loc.endOffset, '#comment', '<!---->', ++tagCount));
      continue;
    }
    if (!('tagName' in node)) {
      childFrames(node, pre, prot, inline);
      continue;
    }
    const el = node as Element;
    const name = el.tagName;
    const loc = el.sourceCodeLocation;
    if (name === 'head') {
      // The head's title and meta descriptions are units; the rest (scripts, styles, links) is skeleton.
      for (const kid of el.childNodes) {
        if (!('tagName' in kid)) continue;
        if (kid.tagName === 'title' && !notTranslated(kid)) stack.push({ node: kid, pre: false, prot: false, inline: false });
        else if (kid.tagName === 'meta') attributeUnits(kid);
      }
      continue;
    }
    const isInline = INLINE.has(name) && !hasBlock(el, blockCache);
    if (SKIPPED.has(name) || (!isInline && notTranslated(el))) {
      if ((inline || run.length) && loc) run.push(standalone(raw, loc.startOffset, loc.endOffset, name, `<${name}/>`, ++tagCount));
      continue;
    }
    if (!isInline) {
      // A block: what came before it in the parent is a unit of its own, and so is its content.
      flush();
      attributeUnits(el);
      // Its content is a unit that ends where the block ends: the flush frame runs after the children.
      stack.push({ flush: true });
      childFrames(el, pre || name === 'pre' || name === 'listing', prot, false);
      continue;
    }
    attributeUnits(el);
    const start = loc?.startTag;
    if (STANDALONE.has(name)) {
      if (loc) run.push(standalone(raw, loc.startOffset, loc.endOffset, name, `<${name}>`, ++tagCount));
      continue;
    }
    const id = `${++tagCount}`;
    const protectsContent = CODE.has(name) || notTranslated(el);
    const closes = !!loc?.endTag;
    if (start) {
      run.push({
        kind: 'tag',
        start: start.startOffset,
        end: start.endOffset,
        tag: { kind: 'open', id, ...(closes ? { partner: `${id}c` } : {}), type: name, ...(protectsContent ? { protectsContent: true } : {}), display: display('open', name), original: raw.slice(start.startOffset, start.endOffset) },
      });
    }
    if (start && closes) stack.push({ close: el, id });
    childFrames(el, pre, prot || protectsContent, true);
  }
  flush();
  return units.sort((a, b) => a.start - b.start);
}

function standalone(raw: string, start: number, end: number, type: string, shown: string, n: number): Item {
  return { kind: 'tag', start, end, tag: { kind: 'standalone', id: `${n}`, type, display: shown, original: raw.slice(start, end) } };
}

/** Whether an element holds a block (an <a> around a <div>): then it is not inline, and its tags are skeleton. */
function hasBlock(el: Element, cache: Map<Node, boolean>): boolean {
  const known = cache.get(el);
  if (known !== undefined) return known;
  const todo: Node[] = [...el.childNodes];
  let found = false;
  while (todo.length && !found) {
    const n = todo.pop()!;
    if (!('tagName' in n)) continue;
    if (SKIPPED.has(n.tagName)) continue;
    if (!INLINE.has(n.tagName)) found = true;
    else todo.push(...n.childNodes);
  }
  cache.set(el, found);
  return found;
}

/** The value inside an attribute's `name="value"` (quotes excluded), or null for an empty one. */
function attributeValueSpan(raw: string, start: number, end: number): [number, number] | null {
  const eq = raw.indexOf('=', start);
  if (eq < 0 || eq >= end) return null;
  let s = eq + 1;
  while (s < end && /\s/.test(raw[s]!)) s++;
  const q = raw[s];
  if (q === '"' || q === "'") return raw[end - 1] === q && end - 1 > s + 1 ? [s + 1, end - 1] : null;
  return s < end ? [s, end] : null;
}

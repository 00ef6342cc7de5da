import type { Patch } from './edit.js';
import { parseXml, XML_LIMITS, type XmlDocument, type XmlElement, type XmlNode } from './parse.js';

/**
 * The tree of a patched text without parsing all of it again: a writer that patched a few elements
 * of a large file (XLIFF units) gets the parse of the result from the parse it started from. A node
 * that ends before the first patched element keeps its offsets and is shared with the old tree (its
 * `parent` may be the old tree's, which has the same names, attributes and start); every other node
 * outside the patched elements is copied with its offsets shifted; each patched element is parsed
 * again from the new text, in the namespaces its ancestors declare. The old tree is never changed
 * (parses are shared by content). The result is the tree `parseXml(raw)` would give
 * (tests/core/formats/xliff/rebase.test.ts compares them).
 */
export interface SplicedXml {
  xml: XmlDocument;
  /** An element of the old tree outside the patched ones → the same element in the new tree (itself when shared). */
  moved(el: XmlElement): XmlElement;
  /** Each patched element → its new parse. */
  reparsed: Map<XmlElement, XmlElement>;
}

/**
 * `patched`: non-overlapping elements of `old` (none inside another) that contain every patch;
 * `raw`: `old.raw` with the patches applied. Throws what parseXml throws for a patched element that
 * is no longer well-formed XML.
 */
export function spliceXml(old: XmlDocument, raw: string, patches: readonly Patch[], patched: readonly XmlElement[], path: string): SplicedXml {
  const els = [...patched].sort((a, b) => a.start - b.start);
  // Each patched element's growth, and where its new text ends.
  const growth = els.map((el) => patches.filter((p) => p.start >= el.start && p.end <= el.end).reduce((n, p) => n + p.text.length - (p.end - p.start), 0));
  const before: number[] = [];
  els.reduce((sum, _, i) => ((before[i] = sum), sum + growth[i]!), 0);
  /** An offset outside the patched elements in the new text: the growth of those that end at or before it. */
  const shift = (at: number): number => {
    let lo = 0;
    let hi = els.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (els[mid]!.end <= at) lo = mid + 1;
      else hi = mid;
    }
    return at + (lo === 0 ? 0 : before[lo - 1]! + growth[lo - 1]!);
  };
  const index = new Map(els.map((el, i) => [el, i] as const));
  const first = els[0]?.start ?? Infinity;
  const last = els[els.length - 1]?.start ?? -Infinity;
  const copies = new Map<XmlElement, XmlElement>();
  const reparsed = new Map<XmlElement, XmlElement>();

  // Nodes are built as literals of parseXml's shapes, not spreads: this copies every node of a 10 MB
  // file on each save, and spreads cost several times as much (and give the objects other shapes).
  const copy = (node: XmlNode, parent: XmlElement | undefined): XmlNode => {
    // Before every patch nothing moved: on a save in the middle of a 10 MB file, half the tree.
    if (node.end <= first) return node;
    if (node.type === 'text') return { type: 'text', text: node.text, start: shift(node.start), end: shift(node.end), cdata: node.cdata };
    if (node.type !== 'element') return { type: node.type, start: shift(node.start), end: shift(node.end) };
    // Only an element within the patched ones' span can be one of them (saves a lookup per node).
    const i = node.start >= first && node.start <= last ? index.get(node) : undefined;
    if (i !== undefined) {
      const start = node.start + before[i]!;
      const fresh = reparse(node, raw.slice(start, node.end + before[i]! + growth[i]!), start, path);
      if (parent) fresh.parent = parent;
      reparsed.set(node, fresh);
      return fresh;
    }
    const el = element(node, parent, shift);
    copies.set(node, el);
    for (const c of node.children) el.children.push(copy(c, el));
    return el;
  };
  const root = copy(old.root, undefined) as XmlElement;
  return { xml: { raw, root }, moved: (el) => copies.get(el) ?? el, reparsed };
}

/** A copy of an element without its children, its offsets moved by `shift`, in parseXml's shape. */
function element(node: XmlElement, parent: XmlElement | undefined, shift: (at: number) => number): XmlElement {
  const el: XmlElement = {
    type: 'element',
    name: node.name,
    local: node.local,
    uri: node.uri,
    attrs: node.attrs,
    children: [],
    start: shift(node.start),
    openEnd: shift(node.openEnd),
    closeStart: shift(node.closeStart),
    end: shift(node.end),
    selfClosing: node.selfClosing,
  };
  if (parent) el.parent = parent;
  return el;
}

/** An element's new text parsed on its own, in its ancestors' namespaces and depth, offsets from `start`. */
function reparse(old: XmlElement, text: string, start: number, path: string): XmlElement {
  const scope = new Map<string, string>();
  let depth = 0;
  for (let a = old.parent; a; a = a.parent) {
    depth++;
    for (const at of a.attrs) {
      const prefix = at.name === 'xmlns' ? '' : at.name.startsWith('xmlns:') ? at.name.slice(6) : null;
      if (prefix !== null && !scope.has(prefix)) scope.set(prefix, at.value);
    }
  }
  const decls = [...scope].map(([p, uri]) => ` ${p ? `xmlns:${p}` : 'xmlns'}="${uri.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`).join('');
  const open = `<calque-splice${decls}>`;
  // The wrapper stands for the ancestors: one level where the file has `depth`.
  const doc = parseXml(`${open}${text}</calque-splice>`, path, { maxDepth: XML_LIMITS.maxDepth - depth + 1 });
  const el = doc.root.children.find((c): c is XmlElement => c.type === 'element');
  if (!el || doc.root.children.length !== 1) throw new Error('a spliced element is not one element');
  moveBy(el, start - open.length);
  delete el.parent;
  return el;
}

function moveBy(node: XmlNode, by: number): void {
  node.start += by;
  node.end += by;
  if (node.type !== 'element') return;
  node.openEnd += by;
  node.closeStart += by;
  for (const c of node.children) moveBy(c, by);
}

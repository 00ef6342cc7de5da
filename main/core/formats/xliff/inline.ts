import { CalqueError } from '../../../contract/api.js';
import type { InlineTag, Piece } from '../../../contract/document.js';
import { attr, escapeText, type EscapeStyle, type XmlElement, type XmlNode } from '../xml/index.js';

/**
 * Inline codes inside a source or target (XLIFF 1.2 and 2.x) ↔ the document's pieces. Each code
 * becomes an InlineTag whose `original` is its markup exactly as written, so writing a segment back
 * is its text escaped and its tags' markup verbatim. Displays are short and the same on both sides
 * of a unit: `<1>`…`</1>` for pairs, `{2}` for standalone codes, numbered per unit in order of first
 * appearance.
 */

/** Per unit: the display number each code id gets, and the tag kinds of XLIFF 2's originalData. */
export interface InlineContext {
  raw: string;
  numbers: Map<string, number>;
  /** XLIFF 1.2 Trados tag-defs: tag id → name (b, i, a…) for `type`. */
  tagNames?: Map<string, string>;
  path: string;
}

type Kind = InlineTag['kind'];

function numberFor(ctx: InlineContext, id: string): number {
  let n = ctx.numbers.get(id);
  if (n === undefined) {
    n = ctx.numbers.size + 1;
    ctx.numbers.set(id, n);
  }
  return n;
}

const display = (kind: Kind, n: number) => (kind === 'open' ? `<${n}>` : kind === 'close' ? `</${n}>` : `{${n}}`);

/** Elements whose content is text of the segment (the tag is a start and an end tag around it). */
const WRAPPING = new Set(['g', 'mrk', 'pc']);

function tag(kind: Kind, key: string, type: string, original: string, ctx: InlineContext, el?: XmlElement): InlineTag {
  const n = numberFor(ctx, key);
  const t: InlineTag = { kind, id: kind === 'close' ? `/${key}` : key, type, display: display(kind, n), original };
  if (el) {
    // XLIFF 2's permissions; absent means allowed.
    for (const p of ['canCopy', 'canDelete', 'canReorder'] as const) {
      const v = attr(el, p);
      if (v === 'no') t[p] = false;
    }
  }
  return t;
}

/** The text and codes of an element's content, in order. */
export function contentPieces(parent: XmlElement, ctx: InlineContext): Piece[] {
  const out: Piece[] = [];
  walk(parent.children, ctx, out, new Map());
  pairUp(out);
  return mergeText(out);
}

/**
 * `ordinals` numbers the codes that have no id (a 1.2 `<mrk>`, a comment) by kind within this side, so
 * the second `<mrk>` of the source and the second of the target share a display.
 */
function walk(nodes: readonly XmlNode[], ctx: InlineContext, out: Piece[], ordinals: Map<string, number>): void {
  const { raw } = ctx;
  const ordinal = (kind: string) => {
    const n = (ordinals.get(kind) ?? 0) + 1;
    ordinals.set(kind, n);
    return `${kind}#${n}`;
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push({ kind: 'text', text: node.text.normalize('NFC') });
      continue;
    }
    if (node.type !== 'element') {
      out.push(tag('standalone', ordinal(node.type), node.type, raw.slice(node.start, node.end), ctx));
      continue;
    }
    const el = node;
    const id = attr(el, 'id') ?? attr(el, 'mid') ?? attr(el, 'rid') ?? ordinal(el.local);
    const type = typeOf(el, ctx);
    if (WRAPPING.has(el.local) && !el.selfClosing) {
      out.push(tag('open', id, type, raw.slice(el.start, el.openEnd), ctx, el));
      walk(el.children, ctx, out, ordinals);
      out.push(tag('close', id, type, raw.slice(el.closeStart, el.end), ctx, el));
      continue;
    }
    const whole = raw.slice(el.start, el.end);
    switch (el.local) {
      case 'bpt':
      case 'bx':
      case 'sc':
      case 'sm':
        out.push(tag('open', attr(el, 'rid') ?? id, type, whole, ctx, el));
        break;
      case 'ept':
      case 'ex':
      case 'ec':
      case 'em': {
        const key = attr(el, 'rid') ?? attr(el, 'startRef') ?? id;
        out.push(tag('close', key, type, whole, ctx, el));
        break;
      }
      case 'it': {
        const pos = attr(el, 'pos');
        out.push(tag(pos === 'open' ? 'open' : pos === 'close' ? 'close' : 'standalone', id, type, whole, ctx, el));
        break;
      }
      default:
        // x, ph, cp, a self-closing g or mrk, or an element of another namespace: one opaque code.
        out.push(tag('standalone', id, type, whole, ctx, el));
    }
  }
}

function typeOf(el: XmlElement, ctx: InlineContext): string {
  if (el.local === 'mrk') return attr(el, 'mtype') ?? attr(el, 'type') ?? 'mrk';
  const id = attr(el, 'id');
  const named = id !== undefined ? ctx.tagNames?.get(id) : undefined;
  return named ?? attr(el, 'ctype') ?? attr(el, 'type') ?? el.local;
}

const CLOSING = new Set(['ept', 'ex', 'ec', 'em']);

/** Open and close halves in the same segment side name each other as partners. */
function pairUp(pieces: Piece[]): void {
  const opens = new Map<string, InlineTag>();
  for (const p of pieces) {
    if (p.kind === 'open') opens.set(p.id, p);
    else if (p.kind === 'close') {
      const open = opens.get(p.id.slice(1));
      if (open && !open.partner) {
        open.partner = p.id;
        p.partner = open.id;
        // An end code names no type of its own (`<ept>`, `<ec>`, `<em>`): it is its opening's.
        if (CLOSING.has(p.type)) p.type = open.type;
      }
    }
  }
}

function mergeText(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (p.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + p.text };
    else if (p.kind !== 'text' || p.text) out.push(p);
  }
  return out;
}

const START_TAG = /^<([^\s/>!?]+)[^>]*(?<!\/)>$/;
const END_TAG = /^<\/([^\s>]+)\s*>$/;

/**
 * The markup of a segment side: text escaped in the file's style, each code as it was written.
 * Refuses (xliffTagsUnpaired) content whose wrapping codes (`<g>`, `<pc>`, `<mrk>`) would not nest,
 * since that would not be XML; nothing is written then.
 */
export function piecesMarkup(pieces: readonly Piece[], style: EscapeStyle, newline: string, path: string): string {
  const open: { name: string; display: string }[] = [];
  let out = '';
  for (const p of pieces) {
    if (p.kind === 'text') {
      out += escapeText(p.text, style).replace(/\n/g, newline);
      continue;
    }
    const start = START_TAG.exec(p.original);
    const end = END_TAG.exec(p.original);
    if (start) open.push({ name: start[1]!, display: p.display });
    else if (end && open.pop()?.name !== end[1]) throw new CalqueError('xliffTagsUnpaired', { path, tag: p.display });
    out += p.original;
  }
  if (open.length) throw new CalqueError('xliffTagsUnpaired', { path, tag: open[open.length - 1]!.display });
  return out;
}

import type { XmlDocument, XmlElement, XmlNode } from './xml.js';

/**
 * One Word paragraph (`w:p`) as Calque sees it: the text across its runs, each piece knowing the run
 * and the wrappers (hyperlink, content control, tracked insertion…) it sits in, so an edited text can
 * be written back with every kept character's formatting; the things that are not text either as
 * inline tags the reviewer sees and places (footnote references, fields, drawings, breaks) or as
 * markers kept out of the text and anchored where they were (bookmarks, comment ranges, tracked
 * deletions).
 */

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Literal markup and ranges of the part's text (ranges are rendered through edits nested in them: text boxes). */
export type Markup = (string | readonly [number, number])[];

export interface Wrapper {
  /** Offset of the wrapper element in its part: identity. */
  key: number;
  name: string;
  open: string;
  close: string;
}

export interface Run {
  key: number;
  open: string;
  rPr: string;
}

export type Item =
  | { k: 'text'; text: string; wrappers: Wrapper[]; run: Run }
  | { k: 'tag'; id: string; type: string; display: string; markup: Markup; wrappers: Wrapper[] }
  /** Kept out of the text, written back where it was; `markup` null: dropped on a rewrite (proofing marks). */
  | { k: 'marker'; markup: Markup | null; wrappers: Wrapper[] };

export interface Revision {
  kind: 'insertion' | 'deletion' | 'move';
  author: string;
}

export interface ParagraphModel {
  element: XmlElement;
  /** Where the paragraph's content starts (after `w:pPr`): a rewrite keeps everything before it. */
  contentStart: number;
  items: Item[];
  revisions: Revision[];
  /** Ids of the comments anchored in the paragraph. */
  comments: string[];
}

// Not a type guard on purpose: a false answer must not narrow the node to a non-element.
const isW = (n: XmlNode | undefined, local: string): boolean => n?.type === 'element' && n.uri === W_NS && n.local === local;
const attr = (el: XmlElement, local: string) => el.attrs.find((a) => a.local === local && (a.uri === W_NS || a.uri === ''))?.value;

/** Wrappers whose content is more paragraph content; the child named here is their properties, part of the opening. */
const WRAPPERS: Record<string, string | null> = { hyperlink: null, smartTag: 'smartTagPr', customXml: 'customXmlPr', ins: null, moveTo: null, dir: null, bdo: null };
/** Paragraph-level elements kept out of the text. */
const MARKERS = new Set(['bookmarkStart', 'bookmarkEnd', 'commentRangeStart', 'commentRangeEnd', 'moveFromRangeStart', 'moveFromRangeEnd', 'moveToRangeStart', 'moveToRangeEnd', 'permStart', 'permEnd', 'del', 'moveFrom', 'customXmlInsRangeStart', 'customXmlInsRangeEnd', 'customXmlDelRangeStart', 'customXmlDelRangeEnd']);
/** Run content kept out of the text (reference marks Word numbers itself, deleted text). */
const RUN_MARKERS = new Set(['footnoteRef', 'endnoteRef', 'annotationRef', 'separator', 'continuationSeparator', 'commentReference', 'delText', 'delInstrText']);
const RUN_DROPPED = new Set(['lastRenderedPageBreak']);
const CHARS: Record<string, string> = { tab: '\t', noBreakHyphen: '\u2011', softHyphen: '\u00ad' };
const TAG_TYPES: Record<string, string> = { footnoteReference: 'footnote', endnoteReference: 'endnote', br: 'break', cr: 'break', drawing: 'image', pict: 'image', object: 'object', sym: 'symbol', fldChar: 'field', instrText: 'field', fldSimple: 'field', oMath: 'math', oMathPara: 'math', AlternateContent: 'object' };

export function parseParagraph(doc: XmlDocument, p: XmlElement): ParagraphModel {
  const raw = doc.raw;
  const slice = (s: number, e: number) => raw.slice(s, e);
  const items: Item[] = [];
  const revisions: Revision[] = [];
  const comments: string[] = [];
  let tagCount = 0;
  const pPr = p.children.find((c) => isW(c, 'pPr')) as XmlElement | undefined;
  const contentStart = pPr ? pPr.end : p.openEnd;

  const tag = (type: string, markup: Markup, wrappers: Wrapper[]) => {
    tagCount++;
    items.push({ k: 'tag', id: `t${tagCount}`, type, display: `<${tagCount}/>`, markup, wrappers });
  };
  /** The markup of a run holding one child: the run's start tag and properties, the child, the end tag. */
  const runWith = (r: XmlElement, rPr: string, child: [number, number]): Markup => [slice(r.start, r.openEnd) + rPr, child, '</w:r>'];

  const walk = (nodes: XmlNode[], wrappers: Wrapper[]) => {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      if (n.type === 'text') continue;
      if (n.type !== 'element') {
        items.push({ k: 'marker', markup: [[n.start, n.end]], wrappers });
        continue;
      }
      if (n.uri === W_NS && n.local === 'pPr') continue;
      if (isW(n, 'r')) {
        // A complex field (fldChar begin … end) over several runs is one tag: its code is no text.
        if (n.children.some((c) => isW(c, 'fldChar') && attr(c as XmlElement, 'fldCharType') === 'begin')) {
          const end = fieldEnd(nodes, i);
          if (end > i) {
            tag('field', [[n.start, (nodes[end] as XmlElement).end]], wrappers);
            i = end;
            continue;
          }
        }
        run(n, wrappers);
        continue;
      }
      if (n.uri === W_NS && n.local in WRAPPERS && !n.selfClosing) {
        if (n.local === 'ins' || n.local === 'moveTo') revisions.push({ kind: n.local === 'ins' ? 'insertion' : 'move', author: attr(n, 'author') ?? '' });
        const prName = WRAPPERS[n.local];
        const pr = prName ? (n.children.find((c) => isW(c, prName)) as XmlElement | undefined) : undefined;
        const w: Wrapper = { key: n.start, name: n.local, open: slice(n.start, pr ? pr.end : n.openEnd), close: slice(n.closeStart, n.end) };
        walk(
          n.children.filter((c) => c !== pr),
          [...wrappers, w],
        );
        continue;
      }
      if (isW(n, 'sdt')) {
        const content = n.children.find((c) => isW(c, 'sdtContent')) as XmlElement | undefined;
        if (content && !content.selfClosing) {
          const w: Wrapper = { key: n.start, name: 'sdt', open: slice(n.start, content.openEnd), close: slice(content.closeStart, n.end) };
          walk(content.children, [...wrappers, w]);
        } else items.push({ k: 'marker', markup: [[n.start, n.end]], wrappers });
        continue;
      }
      if (n.uri === W_NS && MARKERS.has(n.local)) {
        if (n.local === 'del' || n.local === 'moveFrom') revisions.push({ kind: n.local === 'del' ? 'deletion' : 'move', author: attr(n, 'author') ?? '' });
        if (n.local === 'commentRangeStart') comments.push(attr(n, 'id') ?? '');
        items.push({ k: 'marker', markup: [[n.start, n.end]], wrappers });
        continue;
      }
      if (isW(n, 'proofErr')) {
        items.push({ k: 'marker', markup: null, wrappers });
        continue;
      }
      const type = n.uri === MC_NS || n.uri === W_NS || n.local.startsWith('oMath') ? TAG_TYPES[n.local] : undefined;
      if (type) tag(type, [[n.start, n.end]], wrappers);
      else items.push({ k: 'marker', markup: [[n.start, n.end]], wrappers });
    }
  };

  const run = (r: XmlElement, wrappers: Wrapper[]) => {
    const rPrEl = r.children.find((c) => isW(c, 'rPr')) as XmlElement | undefined;
    const rPr = rPrEl ? slice(rPrEl.start, rPrEl.end) : '';
    const info: Run = { key: r.start, open: r.selfClosing ? '<w:r>' : slice(r.start, r.openEnd), rPr };
    let text = '';
    const flush = () => {
      if (text) items.push({ k: 'text', text, wrappers, run: info });
      text = '';
    };
    for (const c of r.children) {
      if (c.type !== 'element') continue;
      if (c === rPrEl) continue;
      if (c.uri === W_NS && c.local === 't') {
        for (const t of c.children) if (t.type === 'text') text += t.text;
        continue;
      }
      if (c.uri === W_NS && c.local in CHARS) {
        text += CHARS[c.local];
        continue;
      }
      // A plain line break is a line break in the text; a second in a row would make a blank line, which
      // separates paragraphs in the editor's text: that one (and page or column breaks) is a tag.
      if (isW(c, 'br') && !attr(c, 'type') && !(text || lastText(items, info)).endsWith('\n') && c.attrs.length === 0) {
        text += '\n';
        continue;
      }
      if (c.uri === W_NS && RUN_DROPPED.has(c.local)) continue;
      flush();
      if (c.uri === W_NS && RUN_MARKERS.has(c.local)) {
        if (c.local === 'commentReference') comments.push(attr(c, 'id') ?? '');
        items.push({ k: 'marker', markup: runWith(r, rPr, [c.start, c.end]), wrappers });
      } else tag(TAG_TYPES[c.local] ?? 'code', runWith(r, rPr, [c.start, c.end]), wrappers);
    }
    flush();
  };

  walk(p.children, []);
  return { element: p, contentStart, items, revisions, comments: [...new Set(comments)] };
}

function lastText(items: Item[], run: Run): string {
  const last = items[items.length - 1];
  return last?.k === 'text' && last.run === run ? last.text : last?.k === 'text' ? last.text : '';
}

/** The index of the run holding the fldChar "end" that closes the field begun in nodes[i], or -1. */
function fieldEnd(nodes: XmlNode[], i: number): number {
  let depth = 0;
  for (let j = i; j < nodes.length; j++) {
    const n = nodes[j]!;
    if (n.type !== 'element') continue;
    if (!isW(n, 'r')) {
      if (!isW(n, 'proofErr') && !isW(n, 'bookmarkStart') && !isW(n, 'bookmarkEnd')) return -1;
      continue;
    }
    for (const c of n.children) {
      if (!isW(c, 'fldChar')) continue;
      const t = attr(c as XmlElement, 'fldCharType');
      if (t === 'begin') depth++;
      if (t === 'end' && --depth === 0) return j;
    }
  }
  return -1;
}

/** The paragraph's text as the editor shows it (tags by their display text). */
export function paragraphText(model: ParagraphModel): string {
  return model.items.map((it) => (it.k === 'text' ? it.text : it.k === 'tag' ? it.display : '')).join('');
}

/** Every `w:p` of a part in document order, except those in a markup-compatibility fallback (a copy of the choice). */
export function paragraphsOf(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (el: XmlElement) => {
    if (el.uri === MC_NS && el.local === 'Fallback') return;
    if (el.uri === W_NS && el.local === 'p') out.push(el);
    for (const c of el.children) if (c.type === 'element') visit(c);
  };
  visit(root);
  return out;
}

export { attr as wAttr, isW };

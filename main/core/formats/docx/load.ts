import { createHash } from 'node:crypto';
import type { Document, InlineTag, Piece, Side, Unit } from '../../../contract/document.js';
import { joinSegments } from '../segment-text.js';
import { openPackage, readPart, type DocxPackage } from './package.js';
import { paragraphsOf, paragraphText, parseParagraph, wAttr, type ParagraphModel } from './paragraph.js';
import { renderMarkup } from './rewrite.js';
import type { XmlDocument, XmlElement } from './xml.js';

/** A Word document read into paragraphs: what the reader, the writer and the tracked export share. */
export interface LoadedDocx {
  pkg: DocxPackage;
  parts: Map<string, XmlDocument>;
  /** Paragraphs with text, in reading order, each with its unit id. */
  paragraphs: { id: string; part: string; model: ParagraphModel }[];
  comments: Map<string, { author: string; text: string }>;
}

/**
 * A few packages read lately, by content: one open or save reads the same bytes several times (the
 * translation, its baseline, the save's base), and a long document costs hundreds of milliseconds.
 * What is cached is never changed by its users.
 */
const recent = new Map<string, LoadedDocx>();
const RECENT = 4;

export function loadDocx(bytes: Uint8Array, path: string): LoadedDocx {
  const key = createHash('sha256').update(bytes).digest('hex');
  const hit = recent.get(key);
  if (hit) {
    recent.delete(key);
    recent.set(key, hit);
    return hit;
  }
  const loaded = readDocx(bytes, path);
  recent.set(key, loaded);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return loaded;
}

function readDocx(bytes: Uint8Array, path: string): LoadedDocx {
  const pkg = openPackage(bytes, path);
  const parts = new Map<string, XmlDocument>();
  const paragraphs: LoadedDocx['paragraphs'] = [];
  for (const story of pkg.stories) {
    const xml = readPart(pkg, story.name);
    parts.set(story.name, xml);
    paragraphsOf(xml.root).forEach((p, i) => {
      const model = parseParagraph(xml, p);
      if (model.items.some((it) => it.k === 'text' && it.text.trim())) paragraphs.push({ id: `${story.short}:${i + 1}`, part: story.name, model });
    });
  }
  return { pkg, parts, paragraphs, comments: pkg.comments ? readComments(readPart(pkg, pkg.comments)) : new Map() };
}

function readComments(xml: XmlDocument): LoadedDocx['comments'] {
  const out: LoadedDocx['comments'] = new Map();
  for (const c of xml.root.children) {
    if (c.type !== 'element' || c.local !== 'comment') continue;
    const text = paragraphsOf(c)
      .map((p) => paragraphText(parseParagraph(xml, p)).replace(/<\d+\/>/g, '').trim())
      .filter(Boolean)
      .join('\n');
    out.set(wAttr(c, 'id') ?? '', { author: wAttr(c, 'author') ?? '', text });
  }
  return out;
}


/** Text and tags of a paragraph as segment content; adjacent text items become one piece. */
export function contentOf(raw: string, model: ParagraphModel): Piece[] {
  const out: Piece[] = [];
  for (const it of model.items) {
    if (it.k === 'text') {
      const last = out[out.length - 1];
      if (last?.kind === 'text') last.text += it.text;
      else out.push({ kind: 'text', text: it.text });
    } else if (it.k === 'tag') {
      const tag: InlineTag = { kind: 'standalone', id: it.id, type: it.type, display: it.display, original: renderMarkup(raw, it.markup) };
      out.push(tag);
    }
  }
  return out.map((p) => (p.kind === 'text' ? { ...p, text: p.text.normalize('NFC') } : p));
}

/** Notes the editor is shown for a paragraph: its Word comments, and the revisions already in it. */
function notesOf(model: ParagraphModel, comments: LoadedDocx['comments']): string[] {
  const notes: string[] = [];
  for (const id of model.comments) {
    const c = comments.get(id);
    if (c) notes.push(`${c.author || 'Comment'}: ${c.text}`);
  }
  if (model.revisions.length) {
    const count = (k: string) => model.revisions.filter((r) => r.kind === k).length;
    const authors = [...new Set(model.revisions.map((r) => r.author).filter(Boolean))].join(', ');
    // Insertions are shown as text, deletions are not; both stay in the file as they are.
    notes.push(`Tracked changes in the file${authors ? ` (${authors})` : ''}: ${count('insertion')} inserted, ${count('deletion')} deleted, ${count('move')} moved; insertions are shown, deletions are not, both are kept.`);
  }
  return notes;
}

export function documentOf(loaded: LoadedDocx, side: Side): Document {
  const contents = loaded.paragraphs.map((p) => contentOf(loaded.parts.get(p.part)!.raw, p.model));
  const laid = joinSegments(contents.map((c) => c.map((p) => (p.kind === 'text' ? p.text : p.display)).join('')));
  const units: Unit[] = loaded.paragraphs.map((p, i) => {
    const [start, end] = laid.ranges[i]!;
    const notes = notesOf(p.model, loaded.comments);
    return { id: p.id, kind: 'paragraph', segments: [{ id: p.id, [side]: { content: contents[i]!, start, end } }], ...(notes.length ? { notes } : {}) };
  });
  return {
    format: 'docx',
    bilingual: false,
    side,
    units,
    text: { source: side === 'source' ? laid.text : '', target: side === 'target' ? laid.text : '' },
    file: { encoding: 'utf-8', lineEnding: '\n', finalNewline: false },
  };
}

export type { XmlElement };

import type { Document, Piece } from '../../../contract/document.js';
import { contentOf, loadDocx, type LoadedDocx } from './load.js';
import { patchPart, repackage, type PartEdit } from './patch.js';
import type { Markup, ParagraphModel } from './paragraph.js';
import { diffParagraph, serializeOps, type RewriteOptions } from './rewrite.js';
import { samePieces } from '../tag-pieces.js';

/** A paragraph's new XML: its start tag and properties as they were, the new content, its end tag. */
export function rewriteParagraph(raw: string, model: ParagraphModel, content: readonly Piece[], render: (m: Markup) => string, opts: Omit<RewriteOptions, 'render'> = {}): string {
  const p = model.element;
  const ops = diffParagraph(model, content, raw);
  return raw.slice(p.start, model.contentStart) + serializeOps(ops, { ...opts, render }) + raw.slice(p.closeStart, p.end);
}

/** Edits by part for the paragraphs whose content differs from the file's. */
export function paragraphEdits(loaded: LoadedDocx, contentFor: (id: string) => readonly Piece[] | undefined, opts: (id: string) => Omit<RewriteOptions, 'render'> = () => ({})): Map<string, PartEdit[]> {
  const edits = new Map<string, PartEdit[]>();
  for (const para of loaded.paragraphs) {
    const content = contentFor(para.id);
    const raw = loaded.parts.get(para.part)!.raw;
    const o = opts(para.id);
    if (!content || (samePieces(contentOf(raw, para.model), content) && !o.anchors?.length)) continue;
    const el = para.model.element;
    const list = edits.get(para.part) ?? [];
    list.push({ start: el.start, end: el.end, build: (render) => rewriteParagraph(raw, para.model, content, render, o) });
    edits.set(para.part, list);
  }
  return edits;
}

/** The save: the original package with only the changed paragraphs rewritten; nothing changed, the same bytes. */
export function writeDocx(doc: Document, original: Uint8Array): Uint8Array {
  const loaded = loadDocx(original, 'document');
  const side = doc.side ?? 'target';
  const byId = new Map(doc.units.map((u) => [u.id, u.segments[0]?.[side]?.content] as const));
  const edits = paragraphEdits(loaded, (id) => byId.get(id));
  if (!edits.size) return original;
  const parts = new Map([...edits].map(([name, list]) => [name, patchPart(loaded.parts.get(name)!.raw, list)] as const));
  return repackage(loaded, parts);
}

/**
 * Inline tags between the document model and the editor's text (FORMATS.md, "Inline tags"). A segment's
 * text in Document.text is its pieces laid out, each tag contributing its display text; this is the one
 * place that says where those tags are (for the view, the checks, the diff and the metrics), and the one
 * place that turns an edited segment text back into pieces, so a tag the editor kept is written back as
 * the tag (its original markup), never as text.
 */
import type { TagSpan } from '../../contract/api.js';
import type { Document, InlineTag, Piece, Segment, Side } from '../../contract/document.js';
import type { ArticleTags } from '../../common/tags.js';

/** Every tag of one side of the document, in text order, with its [start, end) in Document.text[side]. */
export function tagSpans(doc: Document, side: Side): TagSpan[] {
  // Documents are never changed in place, and an article's list row, view and save each ask for the
  // same document's tags (17,000 segments in a 10 MB XLIFF): made once per document and side. Each
  // caller gets its own array (to sort or extend); the spans in it are shared, never to be changed.
  const known = spansOf.get(doc)?.[side];
  if (known) return known.slice();
  const out: TagSpan[] = [];
  for (const unit of doc.units) for (const seg of unit.segments) out.push(...segmentTagSpans(seg, side));
  spansOf.set(doc, { ...spansOf.get(doc), [side]: out.slice() });
  return out;
}

const spansOf = new WeakMap<Document, { source?: readonly TagSpan[]; target?: readonly TagSpan[] }>();

/** The tags of one segment side, in document offsets. */
export function segmentTagSpans(seg: Segment, side: Side): TagSpan[] {
  const s = seg[side];
  if (!s) return [];
  const out: TagSpan[] = [];
  let pos = s.start;
  for (const p of s.content) {
    if (p.kind === 'text') {
      pos += p.text.length;
      continue;
    }
    out.push(spanOf(p, seg.id, pos));
    pos += p.display.length;
  }
  return out;
}

function spanOf(tag: InlineTag, segment: string, start: number): TagSpan {
  const { kind, id, partner, type, display, canCopy, canDelete, canReorder } = tag;
  return {
    start,
    end: start + display.length,
    segment,
    id,
    kind,
    type,
    display,
    ...(partner !== undefined ? { partner } : {}),
    ...(canCopy !== undefined ? { canCopy } : {}),
    ...(canDelete !== undefined ? { canDelete } : {}),
    ...(canReorder !== undefined ? { canReorder } : {}),
  };
}

/**
 * The tags an edited segment side may contain: its own, then (for the translation) the source's that it
 * lacks (the segment's source side, or the source file's `partnerTags`), since the editor inserts
 * source tags into the translation (the insert-tag key, a fix).
 */
export function knownTags(seg: Segment, side: Side): InlineTag[] {
  const own = (seg[side]?.content ?? []).filter((p): p is InlineTag => p.kind !== 'text');
  if (side === 'source') return own;
  const ids = new Set(own.map((t) => t.id));
  const out = [...own];
  for (const p of [...(seg.source?.content ?? []), ...(seg.partnerTags ?? [])]) {
    if (p.kind === 'text' || ids.has(p.id)) continue;
    ids.add(p.id);
    out.push(p);
  }
  return out;
}

/**
 * A monolingual translation file with its source file's tags as each segment's `partnerTags`, so a
 * source tag inserted into the translation is saved as that tag (a bilingual file has them already).
 * Only where both files list the same segments in the same order.
 */
export function withPartnerTags(target: Document, source: Document): Document {
  if (target.bilingual || source === target) return target;
  const src = source.units.flatMap((u) => u.segments.filter((s) => s.source));
  const tgt = target.units.flatMap((u) => u.segments.filter((s) => s.target));
  if (src.length !== tgt.length || src.some((s, i) => tgt[i]!.id !== s.id)) return target;
  const tagsOf = new Map(src.map((s) => [s.id, s.source!.content.filter((p): p is InlineTag => p.kind !== 'text')]));
  if (![...tagsOf.values()].some((t) => t.length)) return target;
  return { ...target, units: target.units.map((u) => ({ ...u, segments: u.segments.map((s) => (tagsOf.get(s.id)?.length ? { ...s, partnerTags: tagsOf.get(s.id)! } : s)) })) };
}

/**
 * An edited segment text as pieces again: wherever the display text of a known tag stands, that tag
 * (each at most once: ids are unique in a segment side); everything else, `<x>`-like text included, is
 * text. At one position the longest display wins ("<b10>" before "<b1>"), and the segment's own tags
 * before the source's.
 */
export function piecesFromText(text: string, known: readonly InlineTag[]): Piece[] {
  if (!text) return [];
  if (!known.length) return [{ kind: 'text', text }];
  const unused = [...known].map((t, order) => ({ t, order })).sort((a, b) => b.t.display.length - a.t.display.length || a.order - b.order);
  const firsts = new Set(known.map((t) => t.display.charCodeAt(0)));
  const out: Piece[] = [];
  let textStart = 0;
  let i = 0;
  while (i < text.length) {
    const k = !firsts.has(text.charCodeAt(i)) ? -1 : unused.findIndex(({ t }) => t.display.length > 0 && text.startsWith(t.display, i));
    if (k === -1) {
      i++;
      continue;
    }
    const tag = unused.splice(k, 1)[0]!.t;
    if (i > textStart) out.push({ kind: 'text', text: text.slice(textStart, i) });
    out.push(tag);
    i += tag.display.length;
    textStart = i;
  }
  if (textStart < text.length) out.push({ kind: 'text', text: text.slice(textStart) });
  return out;
}

/**
 * Tags of the source document's source side and the target document's target side (one bilingual file
 * read twice, or two files). Segments are compared where both sides list the same segments in the
 * same order (two monolingual files of different structure are not compared tag by tag); undefined
 * when neither side has a tag.
 */
export function articleTags(source: Document, target: Document): ArticleTags | undefined {
  const sourceTags = tagSpans(source, 'source');
  const targetTags = tagSpans(target, 'target');
  if (!sourceTags.length && !targetTags.length) return undefined;
  const src = source.units.flatMap((u) => u.segments.filter((s) => s.source));
  const tgt = target.units.flatMap((u) => u.segments.filter((s) => s.target));
  const byId = new Map(tgt.map((s) => [s.id, s]));
  const sameShape = src.length === tgt.length && src.every((s, i) => tgt[i]!.id === s.id);
  const segments = (source.bilingual || sameShape ? src : [])
    .filter((s) => byId.has(s.id))
    .map((s) => {
      const t = byId.get(s.id)!.target!;
      return { id: s.id, source: [s.source!.start, s.source!.end] as [number, number], target: [t.start, t.end] as [number, number] };
    });
  return { source: sourceTags, target: targetTags, segments };
}

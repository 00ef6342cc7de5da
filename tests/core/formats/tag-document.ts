/**
 * Synthetic segmented documents with inline tags, for tests that need tags before (or without) a real
 * tagged format: laid out as a segmented format lays them out (segment-text.ts).
 */
import type { Document, InlineTag, Piece, Segment } from '../../../main/contract/document.js';
import { piecesText } from '../../../main/contract/document.js';
import { joinSegments } from '../../../main/core/formats/segment-text.js';

export const open = (id: string, extra: Partial<InlineTag> = {}): InlineTag => ({ kind: 'open', id, partner: `${id}c`, type: 'bold', display: `<${id}>`, original: `<g id="${id}">`, ...extra });
export const close = (id: string, extra: Partial<InlineTag> = {}): InlineTag => ({ kind: 'close', id: `${id}c`, partner: id, type: 'bold', display: `</${id}>`, original: '</g>', ...extra });
export const ph = (id: string, extra: Partial<InlineTag> = {}): InlineTag => ({ kind: 'standalone', id, type: 'x', display: `<${id}/>`, original: `<x id="${id}"/>`, ...extra });

/** Pieces from a compact list: strings are text, objects are tags. */
export const pieces = (...items: (string | InlineTag)[]): Piece[] => items.map((x) => (typeof x === 'string' ? { kind: 'text' as const, text: x } : x));

/** A bilingual document of one segment per unit, source and target pieces given per segment. */
export function tagDocument(segments: { id: string; source: Piece[]; target: Piece[] }[]): Document {
  const src = joinSegments(segments.map((s) => piecesText(s.source)));
  const tgt = joinSegments(segments.map((s) => piecesText(s.target)));
  return {
    format: 'test-tags',
    bilingual: true,
    units: segments.map((s, i) => {
      const seg: Segment = {
        id: s.id,
        source: { content: s.source, start: src.ranges[i]![0], end: src.ranges[i]![1] },
        target: { content: s.target, start: tgt.ranges[i]![0], end: tgt.ranges[i]![1] },
      };
      return { id: s.id, kind: 'unit', segments: [seg] };
    }),
    text: { source: src.text, target: tgt.text },
    file: { encoding: 'utf-8', lineEnding: '\n', finalNewline: true },
  };
}

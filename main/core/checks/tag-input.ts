/**
 * The checks' view of an article's inline tags, from its documents: every tag of each side and the
 * segments the tag check compares. Built here only, for the editor's checks, the counts and the CLI.
 */
import type { Document } from '../../contract/document.js';
import { tagSpans } from '../formats/inline-tags.js';
import { segmentsWith } from '../formats/segment-text.js';
import type { CheckTags } from './types.js';

/**
 * Tags of the source document's source side and the target document's target side (one bilingual file
 * read twice, or two files). Segments are compared where both sides list the same segments in the
 * same order (two monolingual files of different structure are not compared tag by tag); undefined
 * when neither side has a tag.
 */
export function checkTagsOf(source: Document, target: Document): CheckTags | undefined {
  const sourceTags = tagSpans(source, 'source');
  const targetTags = tagSpans(target, 'target');
  if (!sourceTags.length && !targetTags.length) return undefined;
  const src = segmentsWith(source, 'source');
  const tgt = segmentsWith(target, 'target');
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

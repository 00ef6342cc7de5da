import { CalqueError } from '../../../contract/api.js';
import type { Document, Side } from '../../../contract/document.js';
import { piecesText } from '../../../contract/document.js';
import type { FileFormat } from '../registry.js';
import { joinSegments, segmentsWith, splitEditedText } from '../segment-text.js';
import { documentOf, loadDocx } from './load.js';
import { piecesFromText } from './tagged-text.js';
import { writeDocx } from './write.js';

/**
 * Word documents (.docx): one unit per paragraph with text (body, tables, text boxes, footnotes,
 * endnotes, headers, footers), a monolingual side of a pair like a .txt file. Tracked changes and
 * comments already in the file are shown (as text and notes) and kept. Saving rewrites only the
 * paragraphs whose text changed and copies every other byte of the package.
 */
export const docx: FileFormat = {
  id: 'docx',
  extensions: ['docx', 'docm', 'dotx'],
  bilingual: false,
  capabilities: { inlineTags: true, segmentStates: false, notes: true, freeText: false },
  read(bytes, ctx) {
    return documentOf(loadDocx(bytes, ctx.path), ctx.side ?? 'target');
  },
  write(doc, original) {
    return writeDocx(doc, original);
  },
  withText(doc, side, text) {
    return withTaggedText(doc, side, text);
  },
};

/** The document with one side's text replaced, each changed segment's tags found again by their display. */
export function withTaggedText(doc: Document, side: Side, text: string): Document {
  const segs = segmentsWith(doc, side);
  const ranges = segs.map((s) => [s[side]!.start, s[side]!.end] as [number, number]);
  const texts = splitEditedText(doc.text[side], ranges, text.normalize('NFC'));
  if (!texts) throw new CalqueError('segmentsChanged', { path: '' });
  const laid = joinSegments(texts);
  const index = new Map(segs.map((s, i) => [s, i]));
  const units = doc.units.map((u) => ({
    ...u,
    segments: u.segments.map((s) => {
      const i = index.get(s);
      if (i === undefined) return s;
      const [start, end] = laid.ranges[i]!;
      const old = s[side]!.content;
      const content = texts[i] === piecesText(old) ? old : piecesFromText(texts[i]!, old);
      return { ...s, [side]: { content, start, end } };
    }),
  }));
  return { ...doc, units, text: { ...doc.text, [side]: laid.text } };
}

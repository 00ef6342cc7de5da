import type { FileFormat } from '../registry.js';
import { withSegmentText } from '../segment-text.js';
import { documentOf, loadDocx } from './load.js';
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
    // Each changed paragraph's text read back into pieces, its tags found again by their display.
    return withSegmentText(doc, side, text);
  },
};

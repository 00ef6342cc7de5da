import type { Document, Side } from '../../contract/document.js';
import { splitParagraphs } from '../../common/paragraphs.js';
import { decodeText, encodeText } from '../text/encoding.js';
import type { FileFormat } from './registry.js';

/**
 * Formats whose skeleton is the file itself (plain text, and Markdown while it is reviewed as text):
 * the side's text is the decoded file, one unit per paragraph (blank lines between), ids by position.
 * Writing encodes the text in the file's own encoding, line endings and final newline.
 */
export function textFormat(id: string, extensions: readonly string[]): FileFormat {
  return {
    id,
    extensions,
    bilingual: false,
    capabilities: { inlineTags: false, segmentStates: false, notes: false, freeText: true },
    read(bytes, ctx) {
      const { text, format } = decodeText(bytes, ctx.path);
      return textDocument(id, ctx.side ?? 'target', text, format);
    },
    write(doc, original) {
      const text = doc.text[doc.side ?? 'target'];
      // Reading gives one line ending throughout: the file's own bytes stay when its text did not change
      // (a file with mixed line ends is not rewritten by a save without an edit).
      if (original && unchanged(original, text)) return original;
      return encodeText(text, doc.file);
    },
    withText(doc, side, text) {
      return textDocument(id, side, text.normalize('NFC'), doc.file);
    },
  };
}

function unchanged(original: Uint8Array, text: string): boolean {
  try {
    return decodeText(original, '').text === text;
  } catch {
    return false;
  }
}

function textDocument(format: string, side: Side, text: string, file: Document['file']): Document {
  const units = splitParagraphs(text).map((p) => {
    const id = `p${p.index + 1}`;
    return { id, kind: 'paragraph' as const, segments: [{ id, [side]: { content: [{ kind: 'text' as const, text: p.text }], start: p.start, end: p.end } }] };
  });
  return { format, bilingual: false, side, units, text: { source: side === 'source' ? text : '', target: side === 'target' ? text : '' }, file };
}

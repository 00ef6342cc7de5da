import type { Document, Side } from '../../contract/document.js';
import { splitParagraphs } from '../../common/paragraphs.js';
import { decodeText, encodeText } from '../text/encoding.js';
import type { FileFormat } from './registry.js';
import { spliceTextFile } from './text-splice.js';

/**
 * Formats whose skeleton is the file itself (plain text, and Markdown while it is reviewed as text):
 * the side's text is the decoded file, one unit per paragraph (blank lines between), ids by position.
 * Writing replaces the edited span in the original file (text-splice.ts); a new file is encoded in the
 * document's encoding, line ending and final newline.
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
      // Reading gives one line ending throughout; writing replaces only the span the edit changed in the
      // file's own text, so the other lines keep their endings (a file with mixed ones stays mixed).
      if (original?.length && decodes(original)) return spliceTextFile(original, text);
      return encodeText(text, doc.file);
    },
    withText(doc, side, text) {
      return textDocument(id, side, text.normalize('NFC'), doc.file);
    },
  };
}

/** A file that is no longer text (an unreadable baseline) is written afresh, not spliced. */
function decodes(original: Uint8Array): boolean {
  try {
    decodeText(original, '');
    return true;
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

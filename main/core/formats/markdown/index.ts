import { CalqueError, MAX_FILE_BYTES } from '../../../contract/api.js';
import type { Document, Side, Unit } from '../../../contract/document.js';
import { decodeText } from '../../text/encoding.js';
import type { FileFormat } from '../registry.js';
import { spliceTextFile } from '../text-splice.js';
import { splitParagraphs } from '../../../common/paragraphs.js';
import { tooIntricate } from './limits.js';
import { chunkedStructure } from './chunks.js';
import type { MarkdownStructure } from './structure.js';

/**
 * Markdown by structure. The editor's text is still the file itself (freeText): Markdown is written
 * to be edited as text, and a reviewer fixing a sentence next to a link or an emphasis keeps full
 * control of the markup, where a segmented view would hide it or turn it into tags. The structure
 * gives the units (headings, paragraphs, list items, quotes, table cells) and the protected spans
 * (code, inline code, HTML, front matter, URLs and link targets) that the checks skip. Saving
 * replaces only the span that changed in the original bytes.
 */
export const markdown: FileFormat = {
  id: 'markdown',
  extensions: ['md', 'markdown'],
  bilingual: false,
  capabilities: { inlineTags: false, segmentStates: false, notes: false, freeText: true },
  read(bytes, ctx) {
    if (bytes.length > MAX_FILE_BYTES) throw new CalqueError('fileTooLarge', { path: ctx.path, size: bytes.length, limit: MAX_FILE_BYTES });
    const { text, format } = decodeText(bytes, ctx.path);
    return markdownDocument(ctx.side ?? 'target', text, format);
  },
  write(doc, original) {
    return spliceTextFile(original, doc.text[doc.side ?? 'target']);
  },
  withText(doc, side, text) {
    return markdownDocument(side, text.normalize('NFC'), doc.file);
  },
};

/**
 * The structures of the last texts read: the editor's check and its save read the same text again
 * (micromark reads mixed Markdown at some tens of KB a second here, so a parse is worth keeping).
 */
const recent = new Map<string, MarkdownStructure>();
const RECENT = 4;

function structureOf(text: string): MarkdownStructure {
  let hit = recent.get(text);
  if (hit) return hit;
  // A text the parser cannot read in time (limits.ts) is its paragraphs, without protected spans.
  hit = tooIntricate(text) ? { blocks: splitParagraphs(text).map((p): [number, number] => [p.start, p.end]), protectedSpans: [] } : chunkedStructure(text);
  recent.set(text, hit);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return hit;
}

function markdownDocument(side: Side, text: string, file: Document['file']): Document {
  const { blocks, protectedSpans } = structureOf(text);
  const units = blocks.map(([start, end], i): Unit => {
    const id = `p${i + 1}`;
    return { id, kind: 'paragraph', segments: [{ id, [side]: { content: [{ kind: 'text', text: text.slice(start, end) }], start, end } }] };
  });
  return {
    format: 'markdown',
    bilingual: false,
    side,
    units,
    text: { source: side === 'source' ? text : '', target: side === 'target' ? text : '' },
    protectedRanges: { [side]: protectedSpans },
    file,
  };
}

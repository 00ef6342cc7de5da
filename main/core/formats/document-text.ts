import type { Document, Side } from '../../contract/document.js';
import type { TagSpan } from '../../contract/api.js';
import { tagSpans } from './inline-tags.js';
import { formatForPath } from './registry.js';

/**
 * The document as it would be with the editor's text on one side (unsaved edits), to name segments
 * in it. A text that cannot be mapped onto the file's segments gives the document as it is.
 */
export function documentWithText(path: string, doc: Document, side: Side, text: string): Document {
  if (doc.text[side] === text) return doc;
  try {
    return formatForPath(path).withText(doc, side, text);
  } catch {
    return doc;
  }
}

/** The inline tags of a side's text as the editor has it (unsaved edits re-split as saving would). */
export function tagSpansOfText(path: string, doc: Document, side: Side, text: string): TagSpan[] {
  return tagSpans(documentWithText(path, doc, side, text), side);
}

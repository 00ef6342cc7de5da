import type { Document, Side } from '../../contract/document.js';
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

import { textFormat } from '../text-document.js';

/** Plain text: paragraphs between blank lines. */
export const plainText = textFormat('plain-text', ['txt']);

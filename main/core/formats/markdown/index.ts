import { textFormat } from '../text-document.js';

/** Markdown, reviewed as its raw text for now (issue 10 reads it by structure). */
export const markdown = textFormat('markdown', ['md', 'markdown']);

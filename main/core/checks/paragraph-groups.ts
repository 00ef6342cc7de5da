/**
 * When source and translation have different numbers of paragraphs (Enter pressed twice splits one,
 * a paragraph joined to the next), the paragraphs are first aligned with each other, as units, and
 * the sentences then within each group of corresponding paragraphs: a paragraph split by the editor
 * re-aligns that group, not the whole document (whose every sentence alignment is cached by text).
 * When a paragraph has no counterpart (one side dropped or added one), the caller aligns the whole
 * document at once, as a grouping would then guess.
 */
import type { AlignmentLink } from '../../contract/review.js';
import { alignSentenceLists } from '../../common/align/index.js';
import type { Paragraph } from '../../common/paragraphs.js';

export interface ParagraphGroup {
  source: number[];
  target: number[];
}

/** Above this many paragraph pairs a band is searched: the grouping runs again on every edit while the counts differ. */
const FULL_MATRIX_CELLS = 40_000;

/** Corresponding groups of paragraphs, in order; null when a paragraph of either side has no counterpart. */
export function paragraphGroups(source: readonly Paragraph[], target: readonly Paragraph[], sourceLang: string, targetLang: string): ParagraphGroup[] | null {
  const links: AlignmentLink[] = alignSentenceLists(
    source.map((p) => p.text),
    target.map((p) => p.text),
    { sourceLang, targetLang, fullMatrixCells: FULL_MATRIX_CELLS },
  );
  return links.every((l) => l.source.length > 0 && l.target.length > 0) ? links : null;
}

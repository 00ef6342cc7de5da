import type { DiffStats } from '../../main/contract/api';
import type { TextEdit } from '../../main/common/text-edit';
import type { DiffTags, WordChange, WordDiff } from '../../main/common/word-diff';

/**
 * A word diff as it crosses from word-diff.worker.ts to the page: the counts, and the changes in flat
 * arrays (transferred, not copied). A book has thousands of changes; cloning as many small objects with
 * nested arrays cost the page more than rebuilding them from six numbers each.
 */
export interface ChangeTable {
  /** Per change: kind code (KINDS), baseline start, end, current start, end, baseline words, current words. */
  data: Int32Array;
}

const KINDS: readonly WordChange['kind'][] = ['inserted', 'deleted', 'replaced'];
const FIELDS = 7;

export function toChangeTable(changes: readonly WordChange[]): ChangeTable {
  const data = new Int32Array(changes.length * FIELDS);
  // Field by field: an array literal per change was a tenth of the worker's time for a book.
  changes.forEach((c, i) => {
    const k = i * FIELDS;
    data[k] = KINDS.indexOf(c.kind);
    data[k + 1] = c.baseline[0];
    data[k + 2] = c.baseline[1];
    data[k + 3] = c.current[0];
    data[k + 4] = c.current[1];
    data[k + 5] = c.baselineWords;
    data[k + 6] = c.currentWords;
  });
  return { data };
}

export function fromChangeTable({ data }: ChangeTable): WordChange[] {
  const out = new Array<WordChange>(data.length / FIELDS);
  for (let i = 0, k = 0; k < data.length; i++, k += FIELDS) {
    out[i] = { kind: KINDS[data[k]!]!, baseline: [data[k + 1]!, data[k + 2]!], current: [data[k + 3]!, data[k + 4]!], baselineWords: data[k + 5]!, currentWords: data[k + 6]! };
  }
  return out;
}

/** Messages between ChangesContribution (through WordDiffWorker) and word-diff.worker.ts. */
export type WordDiffRequest =
  | { type: 'init'; baseline: string; lang: string }
  /** The text to diff, whole or as one edit of the text of the last request (a book is 1.2 MB: cloning it cost the page 9 ms a pause). */
  | { type: 'diff'; seq: number; text: string | TextEdit; tags: DiffTags };

export type WordDiffReply = { type: 'diff'; seq: number; stats: DiffStats; table: ChangeTable };

/**
 * The reply as the page uses it. The changes are rebuilt when first read: after a pause in typing only
 * the counts are shown, and rebuilding a book's changes at every pause cost the page 8 ms each time.
 */
export function replyDiff(reply: WordDiffReply): WordDiff {
  let changes: WordChange[] | null = null;
  return {
    stats: reply.stats,
    get changes() {
      return (changes ??= fromChangeTable(reply.table));
    },
  };
}

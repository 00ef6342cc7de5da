import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../main/common/word-diff';
import { fromChangeTable, replyDiff, toChangeTable } from '../../renderer/review/word-diff-protocol';

const BASELINE = 'The heavy rains of the last days left 30 dead in Recife.\n\nThe city hall declared a calamity state.\n\nSchools stay closed.';
const EDITED = 'The heavy rain of recent days left 31 people dead in Recife.\n\nThe city declared a state of calamity.\n\nSchools stay closed until Monday.';

describe('the word diff as the worker sends it to the page', () => {
  it('keeps every change of the diff: kind, both places and both word counts', () => {
    const diff = wordDiff(BASELINE, EDITED, 'en');
    expect(new Set(diff.changes.map((c) => c.kind))).toEqual(new Set(['inserted', 'deleted', 'replaced']));
    expect(fromChangeTable(toChangeTable(diff.changes))).toEqual(diff.changes);
  });

  it('gives the page the counts and the changes the page would have worked out itself', () => {
    const diff = wordDiff(BASELINE, EDITED, 'en');
    expect(replyDiff({ type: 'diff', seq: 1, stats: diff.stats, table: toChangeTable(diff.changes) })).toEqual(diff);
  });

  it('an unchanged text has no changes', () => {
    expect(fromChangeTable(toChangeTable(wordDiff(BASELINE, BASELINE, 'en').changes))).toEqual([]);
  });
});

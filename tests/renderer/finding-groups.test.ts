import { describe, expect, it } from 'vitest';
import type { Finding } from '../../main/contract/review';
import { fixAllEdits, groupRows, ignoreItems, searchRows, segmentNumbering, sortRows, type FindingRow } from '../../renderer/review/finding-groups';

const TEXT = 'Teh cat saw teh dog.\n\nThe 3 dogs ran.\n\nTeh end.';

function at(text: string, word: string, from = 0): [number, number] {
  const i = TEXT.indexOf(word, from);
  if (i < 0) throw new Error(word);
  void text;
  return [i, i + word.length];
}

function finding(rule: string, word: string, from = 0, over: Partial<Finding> = {}): Finding {
  const [start, end] = at(TEXT, word, from);
  return { rule, category: 'Fluency/Spelling', severity: 'minor', side: 'target', start, end, text: word, message: { key: 'm' }, fixes: [{ edits: [{ start, end, text: word.replace(/^[Tt]eh/, (m) => (m[0] === 'T' ? 'The' : 'the')) }] }], ...over };
}

const FINDINGS: Finding[] = [
  finding('qa.spelling', 'teh', 0),
  finding('qa.spelling', 'Teh', 0),
  finding('qa.numbers', '3', 0, { severity: 'major', category: 'Accuracy/Mistranslation', fixes: [] }),
  finding('qa.spelling', 'Teh', 30),
];
const rows: FindingRow[] = FINDINGS.map((f, index) => ({ f, index }));

describe('grouping the problems panel', () => {
  it('groups by rule and by rule and word, with counts, the gravest severity and how many can be fixed', () => {
    const byRule = groupRows(sortRows(rows, 'position'), 'rule');
    expect(byRule.map((g) => [g.rule, g.rows.length, g.fixable, g.severity])).toEqual([
      ['qa.spelling', 3, 3, 'minor'],
      ['qa.numbers', 1, 0, 'major'],
    ]);
    const byWord = groupRows(sortRows(rows, 'position'), 'word');
    expect(byWord.map((g) => [g.text, g.rows.map((r) => r.index)])).toEqual([
      ['Teh', [1, 3]],
      ['teh', [0]],
      ['3', [2]],
    ]);
  });

  it('sorts by position, severity or rule, and searches text, rule and message without case or accents', () => {
    expect(sortRows(rows, 'position').map((r) => r.index)).toEqual([1, 0, 2, 3]);
    expect(sortRows(rows, 'severity').map((r) => r.index)).toEqual([2, 1, 0, 3]);
    expect(sortRows(rows, 'rule').map((r) => r.index)).toEqual([2, 1, 0, 3]);
    expect(searchRows(rows, 'TEH', () => '').map((r) => r.index)).toEqual([0, 1, 3]);
    expect(searchRows(rows, 'numbers', () => '').map((r) => r.index)).toEqual([2]);
    expect(searchRows(rows, 'numero', (f) => (f.rule === 'qa.numbers' ? 'Número diferente' : '')).map((r) => r.index)).toEqual([2]);
  });

  it('records each rule and word once for "ignore all"', () => {
    expect(ignoreItems(FINDINGS)).toEqual([
      { rule: 'qa.spelling', text: 'teh' },
      { rule: 'qa.spelling', text: 'Teh' },
      { rule: 'qa.numbers', text: '3' },
    ]);
  });
});

describe('fix all', () => {
  it('takes the first fix of every finding as one sorted list of edits, leaving out one that overlaps', () => {
    const overlapping = finding('en.other', 'Teh cat', 0, { fixes: [{ edits: [{ start: 0, end: 7, text: 'A cat' }] }] });
    const { edits, applied } = fixAllEdits([FINDINGS[3]!, overlapping, FINDINGS[0]!, FINDINGS[1]!, FINDINGS[2]!]);
    expect(applied).toBe(3);
    let out = TEXT;
    for (const e of [...edits].reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    expect(out).toBe('The cat saw the dog.\n\nThe 3 dogs ran.\n\nThe end.');
    expect(edits.every((e, i) => i === 0 || edits[i - 1]!.end <= e.start)).toBe(true);
  });

  it('never fixes the source', () => {
    expect(fixAllEdits([{ ...FINDINGS[0]!, side: 'source' }]).applied).toBe(0);
  });
});

describe('segment numbers', () => {
  it('numbers paragraphs from 1 as the gutter does, offsets between them belonging to the one before', () => {
    const n = segmentNumbering(TEXT);
    expect([n(0), n(at(TEXT, '3')[0]), n(TEXT.indexOf('\n\n') + 1), n(TEXT.length)]).toEqual([1, 2, 1, 3]);
  });
});

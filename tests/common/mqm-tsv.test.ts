import { describe, expect, it } from 'vitest';
import { MQM_HEADER, mqmRow } from '../helpers/mqm-rows.js';
import { formatTsv, parseTsv, segmentScores, stripMarkers, systemScores } from '../../main/common/mqm/tsv.js';


const SAMPLE = [
  MQM_HEADER,
  mqmRow('sysA', 'tale', '1', '1', 'r1', 'The baker sold bread.', 'O padeiro <v>vendeu</v> pães.', 'Accuracy/Mistranslation', 'Major', 'tense'),
  mqmRow('sysA', 'tale', '1', '1', 'r1', 'The baker sold bread.', 'O padeiro vendeu pães<v>.</v>', 'Fluency/Punctuation', 'Minor', ''),
  mqmRow('sysA', 'tale', '2', '2', 'r1', 'It was <v>very</v> warm.', 'Estava quente.', 'Accuracy/Omission', 'Minor', ''),
  mqmRow('sysA', 'tale', '3', '3', 'r2', 'Then it rained.', 'Depois choveu.', 'No-error', 'No-error', ''),
  mqmRow('sysB', 'tale', '1', '1', 'r1', 'The baker sold bread.', 'O padeiro vendia pão.', 'No-error', 'No-error', ''),
  mqmRow('sysB', 'tale', '1', '1', 'r2', 'The baker sold bread.', 'O padeiro vendia <v>pão</v>.', 'Style/Awkward', 'Minor', ''),
  '',
].join('\n');

describe('parseTsv', () => {
  it('reads rows, strips the markers and places the span on its side', () => {
    const { rows, problems } = parseTsv(SAMPLE);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(6);
    const first = rows[0]!;
    expect(first.target).toBe('O padeiro vendeu pães.');
    expect(first.target.slice(first.span!.start, first.span!.end)).toBe('vendeu');
    expect(first.span!.side).toBe('target');
    expect(first.comment).toBe('tense');
    expect(first.line).toBe(2);
    const omission = rows[2]!;
    expect(omission.span!.side).toBe('source');
    expect(omission.source.slice(omission.span!.start, omission.span!.end)).toBe('very');
    expect(rows[3]!.span).toBeUndefined();
  });

  it('reports malformed rows with their line numbers and reasons', () => {
    const bad = [
      MQM_HEADER,
      mqmRow('s', 'd', '1', '1', 'r', 'a', 'b', 'Other', 'Minor'), // 9 fields
      mqmRow('s', 'd', 'x', '1', 'r', 'a', 'b', 'Other', 'Minor', ''),
      mqmRow('s', 'd', '1', '2', 'r', 'a', 'b', 'Other', 'Terrible', ''),
      mqmRow('s', 'd', '1', '3', 'r', 'a', 'b</v> c <v>', 'Other', 'Minor', ''),
      mqmRow('s', 'd', '1', '4', 'r', 'a', '<v>b</v> <v>c</v>', 'Other', 'Minor', ''),
      mqmRow('s', 'd', '1', '5', 'r', 'a', 'ok', 'Other', 'Minor', ''),
    ].join('\n');
    const { rows, problems } = parseTsv(bad);
    expect(rows.map((r) => r.segId)).toEqual([5]);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6]);
    expect(problems[0]!.reason).toMatch(/9 fields, expected 10/);
    expect(problems[1]!.reason).toMatch(/doc_id is not an integer/);
    expect(problems[2]!.reason).toMatch(/unknown severity "Terrible"/);
    expect(problems[3]!.reason).toMatch(/unbalanced/);
    expect(problems[4]!.reason).toMatch(/2 <v> spans/);
  });

  it('repairs an unclosed <v> at the end of a field, with a warning', () => {
    const { rows, problems, warnings } = parseTsv([MQM_HEADER, mqmRow('s', 'd', '1', '1', 'r', 'Why?', 'Warum<v>?', 'Fluency/Punctuation', 'Minor', '')].join('\n'));
    expect(problems).toEqual([]);
    expect(warnings.map((w) => w.line)).toEqual([2]);
    expect(rows[0]!.target.slice(rows[0]!.span!.start)).toBe('?');
  });

  it('refuses a file without the required header', () => {
    const { problems } = parseTsv('a\tb\n1\t2\n');
    expect(problems[0]!.line).toBe(1);
    expect(problems[0]!.reason).toMatch(/system/);
  });

  it('accepts files without a comment column and CRLF line ends', () => {
    const noComment = ['system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity', mqmRow('s', 'd', '1', '1', 'r', 'a', 'b', 'No-error', 'No-error')].join('\r\n');
    const parsed = parseTsv(noComment);
    expect(parsed.problems).toEqual([]);
    expect(parsed.hasComment).toBe(false);
    expect(parsed.rows[0]!.severity).toBe('No-error');
  });
});

describe('stripMarkers', () => {
  it('keeps text without markers as it is', () => {
    expect(stripMarkers('plain')).toEqual({ text: 'plain' });
  });
});

describe('scores', () => {
  it('sums per rater and segment, averages raters, and ranks systems lowest first', () => {
    const segs = segmentScores(parseTsv(SAMPLE).rows);
    const a1 = segs.find((s) => s.system === 'sysA' && s.segId === 1)!;
    expect(a1.penalty).toBeCloseTo(5.1, 10);
    const b1 = segs.find((s) => s.system === 'sysB' && s.segId === 1)!;
    expect(b1.raters).toBe(2);
    expect(b1.penalty).toBe(0.5);
    const systems = systemScores(segs);
    expect(systems.map((s) => s.system)).toEqual(['sysB', 'sysA']);
    expect(systems[1]!.segments).toBe(3);
    expect(systems[1]!.score).toBeCloseTo((5.1 + 1 + 0) / 3, 10);
  });

  it('keeps segments of different documents apart even when their seg_id is the same', () => {
    const text = [MQM_HEADER, mqmRow('s', 'd1', '1', '1', 'r', 'a', '<v>b</v>', 'Other', 'Major', ''), mqmRow('s', 'd2', '1', '1', 'r', 'c', 'd', 'No-error', 'No-error', '')].join('\n');
    const segs = segmentScores(parseTsv(text).rows);
    expect(segs.map((s) => s.penalty)).toEqual([5, 0]);
    expect(systemScores(segs)[0]!.score).toBe(2.5);
  });
});

describe('formatTsv', () => {
  it('writes rows that parse back to the same rows', () => {
    const { rows } = parseTsv(SAMPLE);
    const again = parseTsv(formatTsv(rows.map(({ line: _line, ...r }) => r)));
    expect(again.problems).toEqual([]);
    expect(again.rows.map(({ line: _l, ...r }) => r)).toEqual(rows.map(({ line: _l, ...r }) => r));
  });

  it('replaces tabs and line breaks inside fields so the row stays one line', () => {
    const out = formatTsv([{ system: 's', doc: 'd', docId: 1, segId: 1, rater: 'r', source: 'a\tb', target: 'c\nd', category: 'Other', severity: 'Minor', comment: 'x\ty' }]);
    const parsed = parseTsv(out);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]!.target).toBe('c d');
  });
});

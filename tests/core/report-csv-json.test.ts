import { describe, expect, it } from 'vitest';
import { MQM_SEVERITIES } from '../../main/contract/review.js';
import { annotationsCsv, ANNOTATION_COLUMNS, csvCell, segmentsCsv, SEGMENT_COLUMNS } from '../../main/core/report/csv.js';
import { renderJson } from '../../main/core/report/json.js';
import { REPORT_FORMAT_VERSION } from '../../main/core/report/model.js';
import { fixtureProject, MALICIOUS_COMMENT } from './report-fixture.js';

/** A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const m = /^[^,\r\n"]*/.exec(text.slice(i))![0];
      field = m;
      i += m.length;
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`bad character at ${i}: ${JSON.stringify(text[i])}`);
  }
  return rows;
}

describe('csvCell', () => {
  it('quotes fields with commas, quotes or line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses text that a spreadsheet would run as a formula, but not our own numbers', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd']) expect(csvCell(evil).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('annotationsCsv and segmentsCsv', () => {
  const report = fixtureProject();

  it('has one record per annotation, orphaned included, and round-trips comments', () => {
    const rows = parseCsv(annotationsCsv(report));
    expect(rows[0]).toEqual([...ANNOTATION_COLUMNS]);
    const total = report.articles.reduce((n, a) => n + a.annotations.length + a.orphaned.length, 0);
    expect(rows).toHaveLength(1 + total);
    const col = (name: (typeof ANNOTATION_COLUMNS)[number]) => ANNOTATION_COLUMNS.indexOf(name);
    const evil = rows.find((r) => r[col('comment')] === MALICIOUS_COMMENT)!;
    expect(evil).toBeDefined();
    expect(evil[col('span')]).toBe('quay');
    // "quay" is in the fourth segment of the harbour article (1-based in the CSV, as in the HTML).
    const seg = report.articles[0]!.segments.find((s) => s.after.includes('quay'))!;
    expect(evil[col('segment')]).toBe(String(seg.index + 1));
    const orphan = rows.find((r) => r[col('orphaned')] === 'true')!;
    expect(orphan[col('segment')]).toBe('');
  });

  it('has one record per segment with its metrics', () => {
    const rows = parseCsv(segmentsCsv(report));
    expect(rows[0]).toEqual([...SEGMENT_COLUMNS]);
    const segments = report.articles.flatMap((a) => a.segments);
    expect(rows).toHaveLength(1 + segments.length);
    const col = (name: (typeof SEGMENT_COLUMNS)[number]) => SEGMENT_COLUMNS.indexOf(name);
    rows.slice(1).forEach((r, k) => {
      expect(Number(r[col('hter')])).toBe(segments[k]!.hter.score);
      expect(r[col('after')]).toBe(segments[k]!.after);
      expect(r[col('edited')]).toBe(String(segments[k]!.before !== segments[k]!.after));
    });
  });
});

describe('renderJson', () => {
  const report = fixtureProject();

  it('is versioned and carries the whole model', () => {
    const text = renderJson(report);
    expect(text.startsWith(`{\n  "formatVersion": ${REPORT_FORMAT_VERSION},\n  "name": `)).toBe(true);
    expect(JSON.parse(text)).toEqual({ formatVersion: REPORT_FORMAT_VERSION, ...report });
  });

  it('writes keys in a stable order whatever order the object was built in', () => {
    const reversed = JSON.parse(JSON.stringify(report), (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as typeof report;
    expect(renderJson(reversed)).toBe(renderJson(report));
    const severities = Object.keys((JSON.parse(renderJson(reversed)) as typeof report).totals.annotations.bySeverity);
    expect(severities).toEqual([...MQM_SEVERITIES]);
  });
});

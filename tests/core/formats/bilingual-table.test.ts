import { describe, expect, it } from 'vitest';
import { CalqueError } from '../../../main/contract/api.js';
import { bilingualTable as table } from '../../../main/core/formats/bilingual-table/index.js';
import { splitEditedText, joinSegments } from '../../../main/core/formats/segment-text.js';

const enc = (s: string, bom = false) => Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(s, 'utf8')]);

/** The byte ranges where two buffers differ, as [start, endInA, endInB] after a common prefix and suffix. */
function changedSpan(a: Uint8Array, b: Uint8Array): { prefix: number; a: string; b: string } {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { prefix: p, a: Buffer.from(a.subarray(p, a.length - s)).toString('utf8'), b: Buffer.from(b.subarray(p, b.length - s)).toString('utf8') };
}

const TSV = 'id\tsource (pt-BR)\ttarget (en)\tstatus\r\n1\tA chuva parou.\tThe rain stopped.\tDraft\r\n2\t"Ele disse: ""sim""\r\ne saiu."\tHe said "yes"\tDraft\r\n3\tSem tradução.\t\tNew\r\n';
const CSV = '\ufeffSegment ID,Source,Target\n10,"Recife, PE",Recife; PE\n11,Uma frase.,"A sentence, with a comma."\n';

describe('bilingual table format', () => {
  it('reads header names, languages, quoted fields with quotes and line breaks, CRLF', () => {
    const doc = table.read(enc(TSV), { path: 'r/story.tsv' });
    expect(doc.bilingual).toBe(true);
    expect([doc.sourceLang, doc.targetLang]).toEqual(['pt-BR', 'en']);
    expect(doc.units.map((u) => u.id)).toEqual(['1', '2', '3']);
    expect(doc.text.source).toBe('A chuva parou.\n\nEle disse: "sim"\ne saiu.\n\nSem tradução.');
    expect(doc.text.target).toBe('The rain stopped.\n\nHe said "yes"\n\n');
    const seg = doc.units[1]!.segments[0]!;
    expect(doc.text.source.slice(seg.source!.start, seg.source!.end)).toBe('Ele disse: "sim"\ne saiu.');
    expect(doc.file).toEqual({ encoding: 'utf-8', lineEnding: '\r\n', finalNewline: true });
  });

  it('reads a CSV with a BOM and a "Segment ID" header; languages left to the project', () => {
    const doc = table.read(enc(CSV.slice(1), true), { path: 'x.csv' });
    expect(doc.file.encoding).toBe('utf-8-bom');
    expect(doc.sourceLang).toBeUndefined();
    expect(doc.units.map((u) => u.id)).toEqual(['10', '11']);
    expect(doc.text.target).toBe('Recife; PE\n\nA sentence, with a comma.');
  });

  it('without a header, three columns are id, source, target; columns named by language tags work too', () => {
    const plain = table.read(enc('a1\tUm.\tOne.\na2\tDois.\tTwo.'), { path: 'x.tsv' });
    expect(plain.units.map((u) => u.id)).toEqual(['a1', 'a2']);
    expect(plain.text.source).toBe('Um.\n\nDois.');
    const tagged = table.read(enc('es;en\nHola.;Hello.\n'), { path: 'x.csv' });
    expect([tagged.sourceLang, tagged.targetLang]).toEqual(['es', 'en']);
    expect(tagged.units.map((u) => u.id)).toEqual(['row2']);
  });

  it('a one-column file is refused with a clear error', () => {
    expect(() => table.read(enc('just text\nmore text\n'), { path: 'x.csv' })).toThrow(expect.objectContaining({ code: 'tableColumnsMissing' }));
  });

  for (const [name, bytes, path] of [
    ['TSV with CRLF and quotes', enc(TSV), 'x.tsv'],
    ['CSV with BOM', enc(CSV.slice(1), true), 'x.csv'],
    ['UTF-16 LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\tsource\ttarget\n1\tUm\tOne', 'utf16le')]), 'x.tsv'],
  ] as const) {
    it(`${name}: no edit writes the same bytes`, () => {
      const doc = table.read(bytes, { path });
      expect(Buffer.from(table.write(table.withText(doc, 'target', doc.text.target), bytes))).toEqual(Buffer.from(bytes));
    });
  }

  it('one edited cell changes only that cell’s bytes', () => {
    const bytes = enc(TSV);
    const doc = table.read(bytes, { path: 'x.tsv' });
    const edited = table.withText(doc, 'target', doc.text.target.replace('The rain stopped.', 'The rain has stopped.'));
    const out = table.write(edited, bytes);
    expect(changedSpan(bytes, out)).toEqual({ prefix: TSV.indexOf('The rain stopped.') + 'The rain '.length, a: '', b: 'has ' });
    expect(table.read(out, { path: 'x.tsv' }).text.target).toBe('The rain has stopped.\n\nHe said "yes"\n\n');
  });

  it('a changed cell is quoted when it must be, keeps its quotes and line breaks; an empty cell is filled', () => {
    const bytes = enc(TSV);
    const doc = table.read(bytes, { path: 'x.tsv' });
    const text = 'The rain stopped.\n\nHe said "yes"\nand left.\n\nNo translation.';
    const out = Buffer.from(table.write(table.withText(doc, 'target', text), bytes)).toString('utf8');
    expect(out).toBe(TSV.replace('He said "yes"', '"He said ""yes""\r\nand left."').replace('Sem tradução.\t\tNew', 'Sem tradução.\tNo translation.\tNew'));
    expect(table.read(enc(out), { path: 'x.tsv' }).text.target).toBe(text);
  });

  it('a row missing its target cell gets one appended, other rows untouched', () => {
    const src = 'id,source,target\n1,Um.\n2,Dois.,Two.\n';
    const doc = table.read(enc(src), { path: 'x.csv' });
    const out = Buffer.from(table.write(table.withText(doc, 'target', 'One, first.\n\nTwo.'), enc(src))).toString('utf8');
    expect(out).toBe('id,source,target\n1,Um.,"One, first."\n2,Dois.,Two.\n');
  });

  it('removing the blank line between two rows is refused, not written into the wrong cells', () => {
    const doc = table.read(enc(TSV), { path: 'x.tsv' });
    expect(() => table.withText(doc, 'target', doc.text.target.replace('stopped.\n\nHe', 'stopped. He'))).toThrow(CalqueError);
  });
});

describe('mapping edited text back onto segments', () => {
  const { text, ranges } = joinSegments(['Um.', 'Dois\n\ncom linha.', '', 'Quatro.']);
  it('edits inside one segment, at its edges, or in several segments at once', () => {
    expect(splitEditedText(text, ranges, text)).toEqual(['Um.', 'Dois\n\ncom linha.', '', 'Quatro.']);
    expect(splitEditedText(text, ranges, text.replace('Um.', 'Um!'))).toEqual(['Um!', 'Dois\n\ncom linha.', '', 'Quatro.']);
    expect(splitEditedText(text, ranges, text.replace('\n\n\n\n', '\n\nTrês.\n\n'))).toEqual(['Um.', 'Dois\n\ncom linha.', 'Três.', 'Quatro.']);
    expect(splitEditedText(text, ranges, 'Um?' + text.slice(3).replace('Quatro.', 'Quatro?'))).toEqual(['Um?', 'Dois\n\ncom linha.', '', 'Quatro?']);
    expect(splitEditedText(text, ranges, text + ' fim')).toEqual(['Um.', 'Dois\n\ncom linha.', '', 'Quatro. fim']);
  });
  it('a removed or added separator across segments is refused', () => {
    expect(splitEditedText(text, ranges, text.replace('Um.\n\n', 'Um. '))).toBeNull();
    expect(splitEditedText(text, ranges, text.replace('Um.\n\nDois', 'Um.\n\nDois').replace('Um.\n\n', 'Um. ').replace('Quatro', 'Cinco'))).toBeNull();
  });
  it('a blank line typed inside one segment stays in it', () => {
    expect(splitEditedText(text, ranges, text.replace('Um.\n\nDois', 'Um.\n\nX\n\nY Dois'))).toEqual(['Um.', 'X\n\nY Dois\n\ncom linha.', '', 'Quatro.']);
  });
});

describe('mapping a replace-all over a long table', () => {
  const rows = Array.from({ length: 8000 }, (_, i) => `Row ${i} has the heavy rain in it.`);
  const { text, ranges } = joinSegments(rows);
  it('maps every row (the cut at blank lines, without a diff of the whole text)', () => {
    expect(splitEditedText(text, ranges, text.replaceAll('heavy', 'strong'))).toEqual(rows.map((r) => r.replace('heavy', 'strong')));
  });
  it('still refuses a merge of two rows among the edits', () => {
    expect(splitEditedText(text, ranges, text.replaceAll('heavy', 'strong').replace('it.\n\nRow 5 ', 'it. Row 5 '))).toBeNull();
  });
});


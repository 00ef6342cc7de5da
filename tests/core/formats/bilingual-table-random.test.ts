/**
 * Seeded random tables (quotes, delimiters, CR/LF/CRLF inside and between rows, empty cells, ragged
 * rows, BOM): reading never fails except with a CalqueError; writing with no edit gives the same
 * bytes; editing one target cell changes only the bytes of that field.
 */
import { describe, expect, it } from 'vitest';
import { CalqueError } from '../../../main/contract/api.js';
import { bilingualTable as table } from '../../../main/core/formats/bilingual-table/index.js';

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

const PIECES = ['a', 'Olá', ' ', '"', ',', '\t', ';', '\n', '\r\n', '\r', 'é', 'e\u0301', '“x”', '😀', ''];

function randomCell(r: () => number): string {
  let s = '';
  for (let i = Math.floor(r() * 5); i > 0; i--) s += PIECES[Math.floor(r() * PIECES.length)]!;
  return s;
}

function quoteIfNeeded(v: string, d: string, r: () => number): string {
  return /["\r\n]/.test(v) || v.includes(d) || r() < 0.2 ? `"${v.replace(/"/g, '""')}"` : v;
}

function randomTable(r: () => number, d: string): string {
  const eol = ['\n', '\r\n'][Math.floor(r() * 2)]!;
  const rows = [['id', 'source', 'target', 'note'].join(d)];
  for (let i = Math.floor(r() * 6) + 1; i > 0; i--) {
    const width = r() < 0.15 ? 2 : 4;
    const cells = [`u${i}`, randomCell(r), randomCell(r), randomCell(r)].slice(0, width);
    rows.push(cells.map((c) => quoteIfNeeded(c, d, r)).join(d));
  }
  return (r() < 0.3 ? '\ufeff' : '') + rows.join(eol) + (r() < 0.5 ? eol : '');
}

describe('bilingual table, random inputs', () => {
  it('2,000 seeded tables round-trip byte for byte, and one edited cell changes only its field', () => {
    const r = rng(20261203);
    let edited = 0;
    for (let n = 0; n < 2000; n++) {
      const d = n % 2 ? '\t' : ',';
      const raw = randomTable(r, d);
      const bytes = Buffer.from(raw, 'utf8');
      const path = d === '\t' ? 'x.tsv' : 'x.csv';
      let doc;
      try {
        doc = table.read(bytes, { path });
      } catch (err) {
        expect(err).toBeInstanceOf(CalqueError);
        continue;
      }
      expect(Buffer.from(table.write(table.withText(doc, 'target', doc.text.target), bytes)).equals(bytes)).toBe(true);
      const segs = doc.units.map((u) => u.segments[0]!.target!);
      if (!segs.length) continue;
      const k = Math.floor(r() * segs.length);
      const seg = segs[k]!;
      const text = doc.text.target.slice(0, seg.start) + 'New, "text"' + doc.text.target.slice(seg.end);
      const out = Buffer.from(table.write(table.withText(doc, 'target', text), bytes));
      const back = table.read(out, { path });
      // Every other cell reads as before, the edited one as typed.
      expect(back.units.map((u) => u.id)).toEqual(doc.units.map((u) => u.id));
      back.units.forEach((u, i) => {
        const was = doc.units[i]!.segments[0]!;
        const now = u.segments[0]!;
        expect(back.text.source.slice(now.source!.start, now.source!.end)).toBe(doc.text.source.slice(was.source!.start, was.source!.end));
        expect(back.text.target.slice(now.target!.start, now.target!.end)).toBe(i === k ? 'New, "text"' : doc.text.target.slice(was.target!.start, was.target!.end));
      });
      // Outside one contiguous span the bytes are the original's.
      let p = 0;
      while (p < bytes.length && bytes[p] === out[p]) p++;
      let s = 0;
      while (s < bytes.length - p && s < out.length - p && bytes[bytes.length - 1 - s] === out[out.length - 1 - s]) s++;
      const replaced = out.subarray(p, out.length - s).toString('utf8');
      expect(replaced.length).toBeLessThanOrEqual('"New, ""text"""'.length + d.length * 3);
      edited++;
    }
    expect(edited).toBeGreaterThan(1500);
  });
});

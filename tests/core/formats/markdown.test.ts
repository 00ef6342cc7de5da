import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../main/core/checks/engine.js';
import { markdown } from '../../../main/core/formats/markdown/index.js';
import { encodeRaw } from '../../../main/core/text/encoding.js';
import { changedByteSpan } from '../../helpers/byte-diff.js';

const FIXTURE = fs.readFileSync(join(import.meta.dirname, 'fixtures/markdown-article.md'));
const read = (bytes: Uint8Array, side: 'source' | 'target' = 'target') => markdown.read(bytes, { path: `a.${side === 'source' ? 'pt' : 'en'}.md`, side });
const save = (bytes: Uint8Array, text: string) => {
  const doc = read(bytes);
  return markdown.write(markdown.withText(doc, 'target', text), bytes);
};

describe('Markdown by structure', () => {
  it('units are the prose blocks, without heading markers, list bullets or table pipes', () => {
    const doc = read(FIXTURE);
    const texts = doc.units.map((u) => piecesOf(doc, u.segments[0]!));
    expect(texts).toEqual([
      'Night trains return to the Alps',
      'The first sleeper service in **eleven years** left Zurich at 21:40 on Sunday,\ncarrying 312 passengers toward Graz.',
      '"We sold out the first week in four hours," said the operator\'s spokesperson.',
      'How to book',
      'Open the [booking page](https://tickets.example.org/night?route=zrh-grz "Book") and pick a date.',
      'Enter the code `ALPS2026` at checkout.',
      'Read the [conditions][terms] before you pay.',
      'Couchettes from 49 euros',
      'Private cabins from 129 euros',
      'Route', 'Departure', 'Price',
      'Zurich – Graz', '21:40', '49 €',
      'Vienna – Bregenz', '22:15', '59 €',
      '![A sleeper carriage at dawn](images/carriage.jpg "Carriage")',
      'See www.example.org/night for the timetable.',
    ]);
    expect(doc.units.map((u) => u.id).slice(0, 3)).toEqual(['p1', 'p2', 'p3']);
  });

  it('code, inline code, HTML, front matter, URLs and link or image targets are protected; link text and alt text are not', () => {
    const doc = read(FIXTURE);
    const text = doc.text.target;
    const spans = doc.protectedRanges!.target!.map(([s, e]) => text.slice(s, e));
    expect(spans[0]).toMatch(/^---\ntitle: .*\n---$/s);
    expect(spans).toContain('(https://tickets.example.org/night?route=zrh-grz "Book")');
    expect(spans).toContain('`ALPS2026`');
    expect(spans).toContain('[terms]');
    expect(spans).toContain('![');
    expect(spans).toContain('](images/carriage.jpg "Carriage")');
    expect(spans.some((s) => s.startsWith('```sh\ncurl'))).toBe(true);
    expect(spans).toContain('<div class="ad">Advertisement</div>');
    expect(spans).toContain('www.example.org/night');
    expect(spans).toContain('[terms]: https://tickets.example.org/terms');
    const prose = ['booking page', 'conditions', 'A sleeper carriage at dawn', 'eleven years'];
    for (const p of prose) {
      const at = text.indexOf(p);
      expect(doc.protectedRanges!.target!.some(([s, e]) => s < at + p.length && at < e), p).toBe(false);
    }
  });

  it('open and save with no edit gives the same bytes, whatever the line endings, BOM or normalisation', () => {
    const variants = [
      FIXTURE,
      Buffer.from(FIXTURE.toString('utf8').replace(/\n/g, '\r\n')),
      encodeRaw(FIXTURE.toString('utf8'), 'utf-8-bom'),
      encodeRaw(FIXTURE.toString('utf8'), 'utf-16le'),
      // Mixed line endings and a decomposed (NFD) line: both kept as they are.
      Buffer.from('# Cafe\u0301\r\n\nUm.\r\nDois.\n\n\n'),
    ];
    for (const bytes of variants) {
      const doc = read(bytes);
      expect(Buffer.from(markdown.write(doc, bytes))).toEqual(Buffer.from(bytes));
      expect(Buffer.from(save(bytes, doc.text.target))).toEqual(Buffer.from(bytes));
    }
  });

  it('one edit changes only its own bytes (CRLF file, the rest keeps its line endings)', () => {
    const bytes = Buffer.from(FIXTURE.toString('utf8').replace(/\n/g, '\r\n'));
    const text = read(bytes).text.target;
    const edited = text.replace('toward Graz.', 'towards Graz, Austria.');
    const out = Buffer.from(save(bytes, edited));
    const span = changedByteSpan(bytes, out);
    const at = bytes.indexOf('toward Graz.');
    expect(span.start).toBeGreaterThanOrEqual(at);
    expect(span.oldEnd).toBeLessThanOrEqual(at + 'toward Graz.'.length);
    expect(out.toString('utf8')).toContain('towards Graz, Austria.\r\n');
    expect(read(out).text.target).toBe(edited);
  });

  it('an edit on a decomposed line rewrites that line only; a new paragraph gets the file\'s line ending', () => {
    const bytes = Buffer.from('# Cafe\u0301\r\n\r\nUm.\n');
    const text = read(bytes).text.target;
    expect(text).toBe('# Café\n\nUm.');
    const out = Buffer.from(save(bytes, '# Cafés\n\nUm.\n\nDois.'));
    expect(out.toString('utf8')).toBe('# Cafés\r\n\r\nUm.\r\n\r\nDois.\n');
  });

  it('checks report a misspelling or a number in prose, not the same inside code, URLs or front matter', () => {
    const src = Buffer.from('---\nyear: 2024\n---\n\nExecute `npm install 42` e abra https://exemplo.org/recieve.\n\n```\nconst recieve = 7;\n```\n\nO preço é 30 euros.\n');
    const tgt = Buffer.from('---\nyear: 2025\n---\n\nRun `npm instal 43` and open https://example.org/recieve.\n\n```\nconst recieve = 8;\n```\n\nThe price is 31 euros; we recieve it.\n');
    const s = read(src, 'source');
    const t = read(tgt, 'target');
    const input = { source: s.text.source, target: t.text.target, sourceLang: 'pt', targetLang: 'en' };
    const prot = { source: s.protectedRanges!.source!, target: t.protectedRanges!.target! };
    const found = runChecks({ ...input, protected: prot }).map((f) => `${f.rule}:${f.side}:${f.text}`);
    expect(found).toEqual(['qa.numbers:target:31', 'qa.spelling:target:recieve']);
    // Every finding is in the last paragraph, the only prose with problems.
    const last = t.text.target.indexOf('The price');
    expect(runChecks({ ...input, protected: prot }).filter((f) => f.side === 'target').every((f) => f.start >= last)).toBe(true);
    // Without the ranges the same texts give findings inside code, URLs and front matter: the test can fail.
    const bare = runChecks(input).map((f) => `${f.rule}:${f.side}:${f.text}`);
    expect(bare).toEqual(expect.arrayContaining(['qa.numbers:target:2025', 'qa.numbers:target:43', 'qa.numbers:target:8']));
  });
});

function piecesOf(doc: ReturnType<typeof read>, seg: ReturnType<typeof read>['units'][number]['segments'][number]): string {
  return doc.text.target.slice(seg.target!.start, seg.target!.end);
}

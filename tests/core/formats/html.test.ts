import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InlineTag } from '../../../main/contract/document.js';
import { runChecks } from '../../../main/core/checks/engine.js';
import { html } from '../../../main/core/formats/html/index.js';
import { formatForPath } from '../../../main/core/formats/registry.js';
import { encodeRaw } from '../../../main/core/text/encoding.js';
import { changedByteSpan } from '../../helpers/byte-diff.js';

const FIXTURE = fs.readFileSync(join(import.meta.dirname, 'fixtures/news-article.html'));
const read = (bytes: Uint8Array, side: 'source' | 'target' = 'target') => html.read(bytes, { path: 'story.en.html', side });
const save = (bytes: Uint8Array, text: string) => Buffer.from(html.write(html.withText(read(bytes), 'target', text), bytes));
const segmentTexts = (text: string) => text.split('\n\n');

describe('HTML by structure', () => {
  it('is the format of .html and .htm files, one side of a pair, with inline tags', () => {
    expect(formatForPath('news/story.pt.html').id).toBe('html');
    expect(formatForPath('story.htm')).toMatchObject({ bilingual: false, capabilities: { inlineTags: true, freeText: false } });
  });

  it('units are the title, text attributes and block elements; head, scripts, styles, comments and translate="no" blocks are not text', () => {
    const doc = read(FIXTURE);
    const texts = segmentTexts(doc.text.target);
    expect(texts).toEqual([
      'Harbour cranes return to Porto & Leixões',
      'The port\'s new cranes arrive after a two\u2011year wait.',
      'Main menu',
      '<a>Home</a>',
      '<a>Economy</a>',
      'Economy news',
      'Harbour cranes return to Porto',
      'By <span>Calque Newsroom</span>\u00a0·\u00a03\u00a0December\u00a02026',
      'The first of four <b>electric cranes</b> reached the port of Leixões on Tuesday, two years after the order was placed.<br> The cranes cost €\u00a038 million in total.',
      'Two cranes on a barge at dawn',
      'The cranes arrived on a barge from <i>Rotterdam</i>.',
      '“We can now unload the largest ships,” said the port’s director.',
      'Run <code>curl https://api.example.org/v1/cranes?id=42</code> to see the live feed at <a>the live page</a>.',
      'Crane', 'Lift (t)', 'North', '65',
      '© 2026 Porto Daily',
    ]);
    for (const noise of ['<script', 'dataLayer', 'font-family', 'site header', 'sentense', '&nbsp;', 'href', 'class=']) expect(doc.text.target).not.toContain(noise);
    expect(doc.units.every((u) => u.segments[0]!.target!.start < u.segments[0]!.target!.end)).toBe(true);
  });

  it('inline elements are paired tags with partner ids and their markup kept opaque', () => {
    const doc = read(FIXTURE);
    const seg = doc.units.find((u) => doc.text.target.slice(u.segments[0]!.target!.start).startsWith('Run '))!.segments[0]!.target!;
    const tags = seg.content.filter((p): p is InlineTag => p.kind !== 'text');
    expect(tags.map((t) => [t.kind, t.display, t.original])).toEqual([
      ['open', '<code>', '<code>'],
      ['close', '</code>', '</code>'],
      ['open', '<a>', '<a href="https://example.org/live?a=1&amp;b=2">'],
      ['close', '</a>', '</a>'],
    ]);
    expect(tags[0]!.partner).toBe(tags[1]!.id);
    expect(tags[1]!.partner).toBe(tags[0]!.id);
    expect(tags[0]!.protectsContent).toBe(true);
    expect(new Set(tags.map((t) => t.id)).size).toBe(4);
    const br = doc.units.flatMap((u) => u.segments[0]!.target!.content).find((p) => p.kind === 'standalone' && p.type === 'br');
    expect(br).toMatchObject({ display: '<br>', original: '<br>' });
  });

  it('tags, code and translate="no" content are protected; prose is not', () => {
    const doc = read(FIXTURE);
    const text = doc.text.target;
    const spans = doc.protectedRanges!.target!.map(([s, e]) => text.slice(s, e));
    expect(spans).toContain('<code>curl https://api.example.org/v1/cranes?id=42</code>');
    expect(spans).toContain('<span>Calque Newsroom</span>');
    expect(spans).toContain('<b>');
    expect(spans).not.toContain('electric cranes');
  });

  it('open and save with no edit gives the same bytes (CRLF, BOM, UTF-16)', () => {
    for (const bytes of [FIXTURE, Buffer.from(FIXTURE.toString('utf8').replace(/\r\n/g, '\n')), encodeRaw(FIXTURE.toString('utf8'), 'utf-8-bom'), encodeRaw(FIXTURE.toString('utf8'), 'utf-16le')]) {
      const doc = read(bytes);
      expect(Buffer.from(html.write(doc, bytes))).toEqual(Buffer.from(bytes));
      expect(save(bytes, doc.text.target)).toEqual(Buffer.from(bytes));
    }
  });

  it('an edit changes only its own bytes; the entities and no-break spaces it did not touch stay as they were', () => {
    const text = read(FIXTURE).text.target;
    const edited = text.replace('The cranes cost €\u00a038 million', 'The cranes cost €\u00a039 million');
    const out = save(FIXTURE, edited);
    const span = changedByteSpan(FIXTURE, out);
    expect(FIXTURE.subarray(span.start, span.oldEnd).toString()).toBe('8');
    expect(out.subarray(span.start, span.newEnd).toString()).toBe('9');
    expect(out.toString()).toContain('&euro;&nbsp;39 million');
    expect(read(out).text.target).toBe(edited);
  });

  it('text typed with markup characters is escaped; a deleted tag pair goes, the others keep their markup', () => {
    const text = read(FIXTURE).text.target;
    const edited = text.replace('of four <b>electric cranes</b> reached', 'of 4 < 5 & electric cranes reached');
    const out = save(FIXTURE, edited).toString();
    expect(out).toContain('<p>The first of 4 &lt; 5 &amp; electric cranes reached the port of Leix&otilde;es on\r\n       Tuesday');
    expect(read(Buffer.from(out)).text.target).toBe(edited);
  });

  it('a tag moved inside its segment keeps its original markup', () => {
    const text = read(FIXTURE).text.target;
    const edited = text.replace('to see the live feed at <a>the live page</a>.', 'to see <a>the live page</a> with the feed.');
    const out = save(FIXTURE, edited).toString();
    expect(out).toContain('to see <a href="https://example.org/live?a=1&amp;b=2">the live page</a> with the feed.</p>');
  });

  it('an alt attribute and the paragraph around it are both written when both change', () => {
    const bytes = Buffer.from('<p>See <img alt="A &quot;cat&quot;" src="c.png"> here &amp; now.</p>');
    const text = read(bytes).text.target;
    expect(segmentTexts(text)).toEqual(['See <img> here & now.', 'A "cat"']);
    const out = save(bytes, 'See <img> there & now.\n\nA "dog"').toString();
    expect(out).toBe('<p>See <img alt="A &quot;dog&quot;" src="c.png"> there &amp; now.</p>');
  });

  it('an edit that removes the blank line between two segments is refused', () => {
    const text = read(FIXTURE).text.target;
    expect(() => html.withText(read(FIXTURE), 'target', text.replace('Crane\n\nLift', 'Crane Lift'))).toThrow(expect.objectContaining({ code: 'segmentsChanged' }));
  });

  it('checks find problems in prose, not in code, tags or translate="no" content', () => {
    const src = Buffer.from('<p>Corra <code>make 42</code> agora.</p><p>Custa 30 euros, diz <span translate="no">Acme 7</span>.</p>');
    const tgt = Buffer.from('<p>Run <code>make 43</code> now.</p><p>It costs 31 euros, says <span translate="no">Acme 8</span>.</p>');
    const s = read(src, 'source');
    const t = read(tgt, 'target');
    const input = { source: s.text.source, target: t.text.target, sourceLang: 'pt', targetLang: 'en' };
    const found = runChecks({ ...input, protected: { source: s.protectedRanges!.source!, target: t.protectedRanges!.target! } });
    expect(found.map((f) => `${f.rule}:${f.side}:${f.text}`)).toEqual(['qa.numbers:target:31']);
    expect(runChecks(input).map((f) => f.text)).toEqual(expect.arrayContaining(['43', '8']));
  });
});

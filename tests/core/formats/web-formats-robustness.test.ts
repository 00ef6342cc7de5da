/** HTML and Markdown against random edits and bad files: only the edited segment’s bytes change, only CalqueErrors are thrown (mutated files: fuzz-short.test.ts). */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CalqueError, MAX_FILE_BYTES } from '../../../main/contract/api.js';
import type { Document } from '../../../main/contract/document.js';
import { html } from '../../../main/core/formats/html/index.js';
import { markdown } from '../../../main/core/formats/markdown/index.js';
import type { FileFormat } from '../../../main/core/formats/registry.js';
import { decodeRaw } from '../../../main/core/text/encoding.js';
import { rng } from '../../../conformance/format-fuzz.js';

const fixture = (name: string) => fs.readFileSync(join(import.meta.dirname, 'fixtures', name));
const HTML = fixture('news-article.html');
const MD = fixture('markdown-article.md');
const ALPHABET = ['a', 'Z', ' ', 'é', '\u00a0', '<', '>', '&', '"', "'", '—', '😀', '&amp;', '*', '`', '[', ']'];

/** A random edit inside one segment of the document's text (no line breaks: they would be new segments). */
function randomEdit(doc: Document, rand: () => number): { text: string; segment: number } {
  const segs = doc.units.flatMap((u) => u.segments.map((s) => s.target!));
  const segment = Math.floor(rand() * segs.length);
  const { start, end } = segs[segment]!;
  let text = doc.text.target;
  const a = start + Math.floor(rand() * (end - start + 1));
  const b = Math.min(end, a + Math.floor(rand() * 6));
  let insert = '';
  for (let k = Math.floor(rand() * 5); k > 0; k--) insert += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  text = text.slice(0, a) + insert + text.slice(b);
  return { text, segment };
}

/** [start, end) in the decoded original where a segment's source lies, from the format's own reader. */
function sourceSpans(format: FileFormat, bytes: Buffer, doc: Document): [number, number][] {
  // Markdown: the text is the file (LF, no BOM in the fixture), so segment offsets are file offsets.
  if (format.id === 'markdown') return doc.units.map((u) => [u.segments[0]!.target!.start, u.segments[0]!.target!.end]);
  // HTML: each segment's source is between the markers put around it by an edit of that segment alone.
  return doc.units.map((u) => {
    const s = u.segments[0]!.target!;
    const t = doc.text.target;
    const marked = t.slice(0, s.start) + '\u2402' + t.slice(s.start, s.end) + '\u2403' + t.slice(s.end);
    const out = decodeRaw(format.write(format.withText(doc, 'target', marked), bytes)).raw;
    return [out.indexOf('\u2402'), out.indexOf('\u2403') - 1];
  });
}

describe.each([
  ['html', html, HTML],
  ['markdown', markdown, MD],
] as const)('%s', (_name, format, bytes) => {
  it('300 seeded random edits of one segment each: only that segment\'s bytes change, and the file reads back', () => {
    const doc = format.read(bytes, { path: 'x' });
    const spans = sourceSpans(format, bytes, doc);
    const raw = decodeRaw(bytes).raw;
    const rand = rng(7);
    for (let i = 0; i < 300; i++) {
      const { text, segment } = randomEdit(doc, rand);
      const out = decodeRaw(format.write(format.withText(doc, 'target', text), bytes)).raw;
      // The file is what it was before the segment's source and after it, with anything in between.
      const [s, e] = spans[segment]!;
      const kept = out.startsWith(raw.slice(0, s)) && out.endsWith(raw.slice(e)) && out.length >= s + raw.length - e;
      expect(kept, `edit ${i} of segment ${segment}`).toBe(true);
      const again = format.read(Buffer.from(out), { path: 'x' });
      // Every other segment reads back as it was.
      const others = (d: Document) => d.units.map((u) => d.text.target.slice(u.segments[0]!.target!.start, u.segments[0]!.target!.end)).filter((_, k) => k !== segment);
      if (again.units.length === doc.units.length) expect(others(again)).toEqual(others(doc));
    }
  });

  it('a binary file, invalid UTF-8 and a file over the size limit get their messages', () => {
    const expectCode = (b: Uint8Array, code: string) => {
      let err: unknown;
      try {
        format.read(b, { path: 'bad' });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(CalqueError);
      expect((err as CalqueError).code).toBe(code);
    };
    expectCode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'binaryFile');
    expectCode(Buffer.from([0x3c, 0x70, 0x3e, 0xc3, 0x28]), 'invalidEncoding');
    expectCode(Buffer.alloc(MAX_FILE_BYTES + 1, 0x61), 'fileTooLarge');
  });
});

describe('shapes parsers choke on are read gracefully', () => {
  it('deeply nested and misnested HTML reads, and its text round-trips', () => {
    const deep = Buffer.from('<div>'.repeat(20_000) + '<p>Deep <b>text <i>here</b> now</i>.</p>' + '<b>'.repeat(5_000) + 'end');
    const t0 = performance.now();
    const doc = html.read(deep, { path: 'deep.html' });
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(doc.text.target).toContain('Deep <b>text <i>here</b> now</i>.');
    expect(Buffer.from(html.write(doc, deep))).toEqual(deep);
    const edited = html.write(html.withText(doc, 'target', doc.text.target.replace('Deep', 'Very deep')), deep);
    expect(Buffer.from(edited).toString()).toContain('<p>Very deep <b>text <i>here</b> now</i>.</p>');
  });

  it('Markdown nested 5,000 deep or with thousands of delimiters in a paragraph reads as paragraphs, fast', () => {
    for (const text of ['> '.repeat(5_000) + 'quote', '- '.repeat(5_000) + 'item', '*_'.repeat(20_000), '['.repeat(50_000) + 'x']) {
      const t0 = performance.now();
      const doc = markdown.read(Buffer.from(text), { path: 'x.md' });
      expect(performance.now() - t0).toBeLessThan(1_000);
      expect(doc.units).toHaveLength(1);
      expect(Buffer.from(markdown.write(doc, Buffer.from(text)))).toEqual(Buffer.from(text));
    }
  });
});

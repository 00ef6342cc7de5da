import { describe, expect, it } from 'vitest';
import { FORMATS, formatForExtension, formatForPath, isSupportedPath } from '../../main/core/formats/registry.js';
import { encodeText } from '../../main/core/text/encoding.js';

describe('format registry', () => {
  it('plain text and Markdown are registered by extension, case-insensitively', () => {
    expect(formatForExtension('txt')?.id).toBe('plain-text');
    expect(formatForExtension('MD')?.id).toBe('markdown');
    expect(formatForExtension('markdown')?.id).toBe('markdown');
    expect(formatForExtension('docx')).toBeUndefined();
  });

  it('finds the format of a path by its last extension', () => {
    expect(formatForPath('news/story.pt-BR.md').id).toBe('markdown');
    expect(formatForPath('C:\\work\\story.en.txt').id).toBe('plain-text');
    expect(formatForPath('.calque/baselines/noext').id).toBe('plain-text');
    expect(formatForPath('review/story.TSV').id).toBe('bilingual-table');
    expect(isSupportedPath('a/b.csv')).toBe(true);
    expect(isSupportedPath('a/b.docx')).toBe(false);
    expect(isSupportedPath('noext')).toBe(false);
  });

  it('each format declares its extensions once, whether it is bilingual, and its capabilities', () => {
    const exts = FORMATS.flatMap((f) => f.extensions);
    expect(new Set(exts).size).toBe(exts.length);
    expect(FORMATS.map((f) => [f.id, f.bilingual, f.capabilities.freeText])).toEqual([
      ['plain-text', false, true],
      ['markdown', false, true],
      ['bilingual-table', true, false],
      ['po', true, false],
      ['srt', false, false],
      ['vtt', false, false],
      ['html', false, false],
    ]);
  });

  it('every text format reads what it writes, unchanged', () => {
    const text = '# Título\n\nUm parágrafo com acentuação.\n\nOutro — com “aspas”.';
    for (const f of FORMATS.filter((x) => !x.bilingual && x.capabilities.freeText)) {
      const bytes = encodeText(text, { encoding: 'utf-8-bom', lineEnding: '\r\n', finalNewline: true });
      const doc = f.read(bytes, { path: `x.${f.extensions[0]}` });
      expect(doc.text.target).toBe(text);
      expect(doc.file).toEqual({ encoding: 'utf-8-bom', lineEnding: '\r\n', finalNewline: true });
      expect(f.write(doc, bytes)).toEqual(bytes);
      // One unit per paragraph, ids by position, offsets into the text (Markdown's heading without its marker).
      expect(doc.units.map((u) => [u.id, text.slice(u.segments[0]!.target!.start, u.segments[0]!.target!.end)])).toEqual([
        ['p1', f.id === 'markdown' ? 'Título' : '# Título'],
        ['p2', 'Um parágrafo com acentuação.'],
        ['p3', 'Outro — com “aspas”.'],
      ]);
    }
  });

  it('a text file edited through its document keeps encoding, line endings and final newline', () => {
    const f = formatForPath('a.md');
    const bytes = encodeText('Um.\n\nDois.', { encoding: 'utf-16le', lineEnding: '\r\n', finalNewline: false });
    const doc = f.read(bytes, { path: 'a.md', side: 'source' });
    expect(doc.text.source).toBe('Um.\n\nDois.');
    const edited = f.withText(doc, 'source', 'Um.\n\nDois e três.\n\nQuatro.');
    expect(edited.units).toHaveLength(3);
    expect(Buffer.from(f.write(edited, bytes))).toEqual(Buffer.from(encodeText('Um.\n\nDois e três.\n\nQuatro.', doc.file)));
  });
});

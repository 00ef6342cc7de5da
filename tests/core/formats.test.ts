import { describe, expect, it } from 'vitest';
import { FORMATS, formatForExtension, formatForPath } from '../../main/core/text/formats.js';

describe('document formats', () => {
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
  });

  it('every format reads what it writes, unchanged', () => {
    const text = '# Título\n\nUm parágrafo com acentuação.\n\nOutro — com “aspas”.';
    for (const f of FORMATS) {
      const bytes = f.write(text, { encoding: 'utf-8-bom', lineEnding: '\r\n', finalNewline: true });
      const back = f.read(bytes, `x.${f.extensions[0]}`);
      expect(back.text).toBe(text);
      expect(back.format).toEqual({ encoding: 'utf-8-bom', lineEnding: '\r\n', finalNewline: true });
      expect(f.write(back.text, back.format)).toEqual(bytes);
    }
  });
});

/** A large file is parsed once per content: a save's reads of the file, its baseline and the result share one document. */
import { describe, expect, it, vi } from 'vitest';
import { xliff } from '../../main/core/formats/xliff/index.js';
import { readSide } from '../../main/core/text/read-text-file.js';

/** About 400 KB of XLIFF 1.2: above the size from which documents are kept. */
function bigXliff(): string {
  const units = Array.from({ length: 3000 }, (_, i) => `<trans-unit id="u${i}"><source>A ponte ${i} reabre na semana que vem, disse a prefeitura.</source><target>The bridge ${i} reopens next week, the city said.</target></trans-unit>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="pt" target-language="en" original="x"><body>${units.join('\n')}</body></file></xliff>\n`;
}

describe('readSide', () => {
  it('reads the same large bytes once (a fresh copy too), other bytes anew, and gives each side its text', () => {
    const bytes = Buffer.from(bigXliff());
    const read = vi.spyOn(xliff, 'read');
    const a = readSide(bytes, 'big.xlf', 'target');
    const b = readSide(Buffer.from(bytes), 'big.xlf', 'source');
    expect(read).toHaveBeenCalledTimes(1);
    expect(b.doc).toBe(a.doc);
    expect(b.text).toBe(a.doc.text.source);
    const other = Buffer.from(bytes.toString('utf8').replaceAll('bridge', 'viaduc'));
    expect(readSide(other, 'big.xlf', 'target').text).toContain('viaduc');
    expect(read).toHaveBeenCalledTimes(2);
    read.mockRestore();
  });
});

import { describe, expect, it } from 'vitest';
import { plainText } from '../../../main/core/formats/plain-text/index.js';

// Found by the format fuzz (conformance/format-fuzz.ts): a lone CR among CRLFs became CRLF on a save with no edit.
describe('plain text saves', () => {
  const mixed = Buffer.from('One line.\r\n\rTwo\rthree.\n\nFour.\r\n', 'utf8');

  it('keeps a file with mixed line endings byte for byte when nothing was edited', () => {
    const doc = plainText.read(mixed, { path: 'a.txt' });
    expect(Buffer.from(plainText.write(doc, mixed)).equals(mixed)).toBe(true);
  });

  it('writes an edit in the file’s line ending', () => {
    const doc = plainText.read(mixed, { path: 'a.txt' });
    const out = Buffer.from(plainText.write(plainText.withText(doc, 'target', doc.text.target.replace('Four', 'Five')), mixed)).toString('utf8');
    expect(out).toContain('Five.\r\n');
  });
});

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

  it('an edit changes only its own bytes: the other lines keep their CR, LF or CRLF', () => {
    const doc = plainText.read(mixed, { path: 'a.txt' });
    const out = Buffer.from(plainText.write(plainText.withText(doc, 'target', doc.text.target.replace('Two', 'Deux')), mixed)).toString('utf8');
    expect(out).toBe('One line.\r\n\rDeux\rthree.\n\nFour.\r\n');
    const added = Buffer.from(plainText.write(plainText.withText(doc, 'target', doc.text.target.replace('three.', 'three.\n\nAnd more.')), mixed)).toString('utf8');
    // The inserted lines' breaks are new: in the file's dominant ending (CRLF); the old LF pair stays.
    expect(added).toBe('One line.\r\n\rTwo\rthree.\n\nAnd more.\r\n\r\nFour.\r\n');
  });
});

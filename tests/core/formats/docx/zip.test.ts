import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CalqueError } from '../../../../main/contract/api.js';
import { createZip, openZip, readEntry, writeZip, ZIP_LIMITS } from '../../../../main/core/formats/docx/zip.js';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof CalqueError) return `${err.code}:${String(err.params.reason ?? '')}`;
    throw err;
  }
  return 'no error';
}

/** Patch the declared uncompressed size of the first entry (central and local headers): a lying bomb. */
function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const v = new DataView(out.buffer);
  v.setUint32(22, size, true);
  for (let i = out.length - 22; i >= 0; i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      const cd = v.getUint32(i + 16, true);
      v.setUint32(cd + 24, size, true);
      break;
    }
  }
  return out;
}

describe('zip layer', () => {
  it('reads back what it wrote, entry by entry', () => {
    const zip = createZip([
      { name: 'a.xml', data: enc('<a>hello</a>') },
      { name: 'dir/b.txt', data: enc('b'.repeat(5000)) },
    ]);
    const archive = openZip(zip, 'x.docx');
    expect(archive.entries.map((e) => e.name)).toEqual(['a.xml', 'dir/b.txt']);
    expect(dec(readEntry(archive.entries[0]!, 'x.docx'))).toBe('<a>hello</a>');
    expect(dec(readEntry(archive.entries[1]!, 'x.docx'))).toBe('b'.repeat(5000));
  });

  it('copies the raw bytes of every entry it does not replace', () => {
    const zip = createZip([
      { name: 'keep1', data: enc('one') },
      { name: 'change', data: enc('two') },
      { name: 'keep2', data: enc('three') },
    ]);
    const archive = openZip(zip, 'x');
    const again = writeZip(archive, new Map([['change', enc('TWO!')]]));
    const re = openZip(again, 'x');
    expect(re.entries.map((e) => dec(readEntry(e, 'x')))).toEqual(['one', 'TWO!', 'three']);
    expect(Buffer.from(re.entries[0]!.record).equals(Buffer.from(archive.entries[0]!.record))).toBe(true);
    expect(Buffer.from(re.entries[2]!.record).equals(Buffer.from(archive.entries[2]!.record))).toBe(true);
    // Writing with nothing replaced gives the same bytes.
    expect(Buffer.from(writeZip(archive, new Map())).equals(Buffer.from(zip))).toBe(true);
  });

  it('refuses what is not a zip, with the reason', () => {
    expect(codeOf(() => openZip(enc('plain text, not a zip at all'), 'x'))).toBe('zipInvalid:no zip signature');
    const zip = createZip([{ name: 'a', data: enc('aaaa') }]);
    expect(codeOf(() => openZip(zip.subarray(0, zip.length - 10), 'x'))).toMatch(/^zipInvalid:/);
    const corrupt = zip.slice();
    corrupt[32] = corrupt[32]! ^ 0xff; // inside the deflated data
    expect(codeOf(() => readEntry(openZip(corrupt, 'x').entries[0]!, 'x'))).toMatch(/^zipInvalid:/);
  });

  it('refuses a zip bomb by its declared ratio, before inflating', () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const zip = createZip([{ name: 'bomb.xml', data: zeros }]);
    expect(zip.length).toBeLessThan(100_000);
    expect(codeOf(() => openZip(zip, 'x'))).toBe('zipTooLarge:bomb.xml: compression ratio');
  });

  it('refuses a bomb whose headers lie about its size, while inflating', () => {
    const zip = lieAboutSize(createZip([{ name: 'bomb.xml', data: new Uint8Array(20 * 1024 * 1024) }]), 1000);
    const archive = openZip(zip, 'x');
    expect(codeOf(() => readEntry(archive.entries[0]!, 'x'))).toBe('zipTooLarge:bomb.xml: more bytes than declared');
  });

  it('limits the number of entries and the total size', () => {
    const many = createZip(Array.from({ length: 12 }, (_, i) => ({ name: `f${i}`, data: enc('x') })));
    expect(codeOf(() => openZip(many, 'x', { ...ZIP_LIMITS, maxEntries: 10 }))).toBe('zipTooLarge:12 entries (limit 10)');
    const big = createZip([
      { name: 'a', data: enc('a'.repeat(600)) },
      { name: 'b', data: enc('b'.repeat(600)) },
    ]);
    expect(codeOf(() => openZip(big, 'x', { ...ZIP_LIMITS, maxTotalBytes: 1000 }))).toBe('zipTooLarge:1200 bytes in all');
  });

  it('keeps a stored entry stored when it replaces it', () => {
    // A hand-made archive with one stored entry (method 0), as some tools write mimetype files.
    const deflated = createZip([{ name: 'a', data: enc('abc') }]);
    const archive = openZip(deflated, 'x');
    archive.entries[0] = { ...archive.entries[0]!, method: 0 };
    const again = openZip(writeZip(archive, new Map([['a', enc('stored text')]])), 'x');
    expect(again.entries[0]!.method).toBe(0);
    expect(dec(readEntry(again.entries[0]!, 'x'))).toBe('stored text');
    expect(deflateSync(enc('x')).length).toBeGreaterThan(0);
  });
});

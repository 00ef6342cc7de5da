/**
 * The short seeded run of each format's fuzzer (the long ones, 10,000 inputs per format, are
 * `npm run conformance format-fuzz`, `npm run conformance docx-fuzz` and `npm run stress xliff`; the
 * XLIFF stress fuzzer's short run is xliff/fuzz.test.ts). Every mutated input reads or is refused with
 * a CalqueError, an input that reads saves unchanged byte for byte and takes an edit, none is a hang.
 */
import { describe, expect, it } from 'vitest';
import { fuzzDocx } from '../../../conformance/docx-fuzz.js';
import { FUZZ_SEEDS, formatOfRow, fuzzFormat, HANG_MS } from '../../../conformance/format-fuzz.js';

const RUNS = 300;

describe('short seeded fuzz of every format', () => {
  it.each(Object.keys(FUZZ_SEEDS))('%s: 300 mutated inputs, only CalqueErrors, unchanged saves identical, no hang', (id) => {
    const r = fuzzFormat(formatOfRow(id)!, FUZZ_SEEDS[id]!(), RUNS, 6);
    expect(r.crashes).toEqual([]);
    expect(r.hangs).toBe(0);
    expect(r.identical).toBe(r.read);
    expect(r.slowest).toBeLessThan(HANG_MS);
    // Inputs that read are saved and edited too (most mutations of XML are refused, fewer of text formats).
    expect(r.read).toBeGreaterThan(RUNS / 30);
    // Markdown reads about 30 KB a second here: 300 inputs take tens of seconds on the shared machine.
  }, 180_000);

  it('docx: 150 mutated packages and parts, only CalqueErrors, no hang', () => {
    const s = fuzzDocx(150, 6);
    expect(s.crashes).toEqual([]);
    expect(s.hangs).toBe(0);
    expect(s.written).toBeGreaterThan(15);
    expect(Object.keys(s.refused).length).toBeGreaterThan(0);
  });
});

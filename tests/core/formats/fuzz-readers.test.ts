/**
 * Seeded fuzz of the PO, SRT and WebVTT readers: 10,000 mutated inputs per format (bytes flipped,
 * inserted, deleted, duplicated, truncated, with the formats' own syntax mixed in). Every input either
 * reads or fails with a CalqueError (never another exception), none takes long enough to be a hang,
 * and every input that reads is written back byte for byte; every fifth takes a random edit or refuses it.
 */
import { describe, expect, it } from 'vitest';
import { CalqueError } from '../../../main/contract/api.js';
import type { FileFormat } from '../../../main/core/formats/registry.js';
import { po } from '../../../main/core/formats/po/index.js';
import { srt, vtt } from '../../../main/core/formats/subtitles/index.js';
import { PO } from './po-fixture.js';
import { rng } from './seeded.js';
import { SRT_PT, VTT } from './subtitle-fixtures.js';

const TOKENS = ['"', '\\', '\n', '\r\n', '\r', '\n\n', ' ', '#', '#|', '#, fuzzy', 'msgid ', 'msgstr ', 'msgstr[1] ', 'msgid_plural ', 'msgctxt ', '-->', ' --> ', '00:00:01,000', '00:01.000', 'NOTE', 'STYLE', 'WEBVTT', '\u0000', '\ufeff', 'é', '😀', '\\x', '\\0'];
/** An input that takes longer than this is a hang (each is a few hundred bytes). */
const HANG_MS = 2000;

function mutate(r: () => number, base: Buffer): Buffer {
  let b = Buffer.from(base);
  for (let n = 1 + Math.floor(r() * 4); n > 0; n--) {
    const at = Math.floor(r() * (b.length + 1));
    const op = Math.floor(r() * 6);
    if (op === 0 && b.length) b[Math.min(at, b.length - 1)] = Math.floor(r() * 256);
    else if (op === 1) b = Buffer.concat([b.subarray(0, at), Buffer.from(TOKENS[Math.floor(r() * TOKENS.length)]!, 'utf8'), b.subarray(at)]);
    else if (op === 2) b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + Math.floor(r() * 40)))]);
    else if (op === 3) {
      const len = Math.floor(r() * 60);
      b = Buffer.concat([b.subarray(0, at), b.subarray(at, at + len), b.subarray(at)]);
    } else if (op === 4) b = b.subarray(0, at);
    else b = Buffer.concat([b.subarray(0, at), Buffer.from([Math.floor(r() * 128)]), b.subarray(at)]);
  }
  return b;
}

function fuzz(format: FileFormat, seed: Buffer, path: string, runs: number) {
  const r = rng(seed.length * 7919 + runs);
  let read = 0;
  let slowest = 0;
  for (let n = 0; n < runs; n++) {
    const bytes = mutate(r, seed);
    const t0 = performance.now();
    try {
      const doc = format.read(bytes, { path });
      read++;
      expect(Buffer.from(format.write(doc, bytes)).equals(bytes)).toBe(true);
      if (n % 5) continue; // an edit on every fifth input that reads (the diff is the slow part)
      const side = doc.bilingual ? 'target' : (doc.side ?? 'target');
      const text = doc.text[side];
      const at = Math.floor(r() * (text.length + 1));
      try {
        const edited = format.withText(doc, side, text.slice(0, at) + 'x' + text.slice(at));
        format.read(format.write(edited, bytes), { path });
      } catch (err) {
        if (!(err instanceof CalqueError)) throw err;
      }
    } catch (err) {
      if (!(err instanceof CalqueError)) throw new Error(`input ${n} of ${path}: ${String(err)}\n${JSON.stringify(bytes.toString('latin1'))}`);
    }
    slowest = Math.max(slowest, performance.now() - t0);
  }
  return { read, slowest };
}

describe('reader fuzz (seeded)', () => {
  for (const [format, seed, path] of [
    [po, Buffer.from(PO, 'utf8'), 'fuzz.po'],
    [srt, Buffer.from(SRT_PT, 'utf8'), 'fuzz.srt'],
    [vtt, Buffer.from(VTT, 'utf8'), 'fuzz.vtt'],
  ] as const) {
    it(`${format.id}: 10,000 mutated inputs, only CalqueErrors, no hang`, () => {
      const { read, slowest } = fuzz(format, seed, path, 10_000);
      expect(slowest).toBeLessThan(HANG_MS);
      // The mutations are small enough that many inputs still read: the writer is exercised too.
      expect(read).toBeGreaterThan(1000);
    }, 120_000);
  }
});

/**
 * Format fuzzing: seeded mutations of each format's fixtures through its reader, and for what reads,
 * an edit of one segment through withText and write and the result read back. Passes when nothing
 * throws anything but a CalqueError (the user's message) and no single input takes over HANG_MS.
 * `npm run conformance format-fuzz` runs FUZZ_RUNS inputs per format; a unit test runs a few hundred.
 */
import { readFileSync } from 'node:fs';
import { seededRandom } from '../stress/random.js';
import { CalqueError } from '../main/contract/api.js';
import type { FileFormat } from '../main/core/formats/registry.js';
import { formatById } from '../main/core/formats/registry.js';
import type { PartResult } from './eval-data.js';

/** Seeds per format id: fixtures of the unit tests (tests/core/formats/fixtures). */
export const FUZZ_SEEDS: Record<string, string[]> = {
  html: ['tests/core/formats/fixtures/news-article.html'],
  markdown: ['tests/core/formats/fixtures/markdown-article.md'],
  // `npm run stress xliff` runs XLIFF-shaped mutations with stricter checks (unchanged save byte-identical).
  xliff: ['trados.sdlxliff', 'memoq.mqxliff', 'phrase.mxliff', 'plain-1.2.xlf', 'v2.xlf'].map((f) => `tests/fixtures/xliff/${f}`),
};
export const FUZZ_RUNS = 10_000;
export const HANG_MS = 2_000;

/** The project's one seeded generator (stress/random.ts), as a bare function. */
export const rng = (seed: number): (() => number) => seededRandom(seed).next;

/** Markup-shaped fragments spliced in: broken tags, entities, fences, deep nesting, binary. */
const FRAGMENTS = ['<', '>', '</', '<b>', '</b>', '<p>', '</p>', '<a href="x">', '&', '&amp', '&#', '&#x1F600;', '&nbsp;', '&notit;', '<!--', '-->', '<script>', '</script>', '<![CDATA[', '```', '`', '---\n', '\n\n', '\r\n', '\r', '|', '](', '![', '[', ']', '*', '_', '\u0000', '\uFFFD', '\uD800', '<table><td>', '<svg><title>', '<code>', 'translate="no"', '"', "'", '\u00a0', '<pre>\n', '<div>'.repeat(200), '> '.repeat(100), '- '.repeat(100)];

/** One mutation of `seed`: 1–4 edits (insert a fragment, delete, duplicate, flip a byte, truncate). */
export function mutate(seed: Buffer, rand: () => number): Buffer {
  let b = seed;
  const edits = 1 + Math.floor(rand() * 4);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(rand() * (b.length + 1));
    const kind = Math.floor(rand() * 5);
    if (kind === 0) b = Buffer.concat([b.subarray(0, at), Buffer.from(FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]!), b.subarray(at)]);
    else if (kind === 1) b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + Math.floor(rand() * 64)))]);
    else if (kind === 2) {
      const len = Math.floor(rand() * 200);
      b = Buffer.concat([b.subarray(0, at), b.subarray(at, at + len), b.subarray(at)]);
    } else if (kind === 3 && b.length) {
      b = Buffer.from(b);
      b[Math.min(at, b.length - 1)] = Math.floor(rand() * 256);
    } else b = b.subarray(0, at);
  }
  return b;
}

export interface FuzzResult {
  inputs: number;
  read: number;
  refused: number;
  crashes: { input: number; error: string }[];
  slowest: number;
}

/** Reads `runs` mutations of the seeds; what reads gets one segment edited, written and read back. */
export function fuzzFormat(format: FileFormat, seeds: Buffer[], runs: number, seed = 1): FuzzResult {
  const rand = rng(seed);
  const out: FuzzResult = { inputs: 0, read: 0, refused: 0, crashes: [], slowest: 0 };
  for (let i = 0; i < runs; i++) {
    const input = mutate(seeds[i % seeds.length]!, rand);
    const t0 = performance.now();
    try {
      const doc = format.read(input, { path: `fuzz.${format.extensions[0]}` });
      out.read++;
      const text = doc.text.target;
      const units = doc.units.flatMap((u) => u.segments.map((s) => s.target!).filter(Boolean));
      const seg = units[Math.floor(rand() * units.length)];
      if (seg) {
        const at = seg.start + Math.floor(rand() * (seg.end - seg.start + 1));
        const edited = text.slice(0, at) + FRAGMENTS[Math.floor(rand() * 20)]!.replace(/\n/g, ' ') + text.slice(at);
        const written = format.write(format.withText(doc, 'target', edited), input);
        format.read(written, { path: `fuzz.${format.extensions[0]}` });
      }
    } catch (err) {
      if (err instanceof CalqueError) out.refused++;
      else out.crashes.push({ input: i, error: String((err as Error)?.stack ?? err).slice(0, 400) });
    }
    out.inputs++;
    out.slowest = Math.max(out.slowest, performance.now() - t0);
  }
  return out;
}

export async function run(): Promise<PartResult> {
  let passed = true;
  for (const [id, paths] of Object.entries(FUZZ_SEEDS)) {
    const format = formatById(id);
    if (!format) continue;
    const t0 = performance.now();
    const r = fuzzFormat(format, paths.map((p) => readFileSync(p)), FUZZ_RUNS);
    const ok = r.crashes.length === 0 && r.slowest < HANG_MS;
    passed &&= ok;
    console.log(`  ${id}: ${r.inputs} inputs, ${r.read} read, ${r.refused} refused with a message, ${r.crashes.length} crashes, slowest ${r.slowest.toFixed(0)} ms, ${((performance.now() - t0) / 1000).toFixed(1)} s ${ok ? 'ok' : 'FAILED'}`);
    for (const c of r.crashes.slice(0, 5)) console.log(`    input ${c.input}: ${c.error}`);
  }
  return { ran: true, passed };
}

/**
 * Format fuzzing: seeded mutations of each format's fixtures through its reader, and for what reads,
 * an edit of one segment through withText and write and the result read back. Passes when nothing
 * throws anything but a CalqueError (the user's message) and no single input takes over HANG_MS.
 * `npm run conformance format-fuzz` runs FUZZ_RUNS inputs per format; tests/core/formats/fuzz-short.test.ts
 * runs a few hundred of each.
 */
import { readFileSync } from 'node:fs';
import { seededRandom } from '../stress/random.js';
import { CalqueError } from '../main/contract/api.js';
import type { FileFormat } from '../main/core/formats/registry.js';
import { formatById } from '../main/core/formats/registry.js';
import type { PartResult } from './eval-data.js';
import { PO } from '../tests/core/formats/po-fixture.js';
import { SRT_EN, SRT_PT, VTT } from '../tests/core/formats/subtitle-fixtures.js';

const files = (...paths: string[]) => (): Buffer[] => paths.map((p) => readFileSync(new URL(`../${p}`, import.meta.url)));

/** Seeds per format id (a row per XLIFF dialect: `xliff:trados` is the xliff format on Trados seeds): fixtures of the unit tests. */
export const FUZZ_SEEDS: Record<string, () => Buffer[]> = {
  'plain-text': () => [...files('samples/news/flood-recife.en.txt')(), Buffer.from('\ufeffOne line.\r\n\r\nTwo, with\r\na break.\r\n', 'utf8')],
  html: files('tests/core/formats/fixtures/news-article.html'),
  markdown: files('tests/core/formats/fixtures/markdown-article.md'),
  // `npm run stress xliff` runs XLIFF-shaped mutations with stricter checks (edits read back).
  'xliff:trados': files('tests/fixtures/xliff/trados.sdlxliff'),
  'xliff:memoq': files('tests/fixtures/xliff/memoq.mqxliff'),
  'xliff:phrase': files('tests/fixtures/xliff/phrase.mxliff'),
  'xliff:1.2': files('tests/fixtures/xliff/plain-1.2.xlf'),
  'xliff:2.x': files('tests/fixtures/xliff/v2.xlf'),
  po: () => [Buffer.from(PO, 'utf8')],
  srt: () => [Buffer.from(SRT_PT, 'utf8'), Buffer.from(SRT_EN.replace('The boats', '<i>The boats</i>'), 'utf8')],
  vtt: () => [Buffer.from(VTT, 'utf8')],
  'bilingual-table': () => [Buffer.from('id\tsource\ttarget\n1\tUm "gato".\tOne "cat".\n2\t"Dois\nlinhas"\tTwo\n', 'utf8'), Buffer.from('\ufeffSegment ID,pt,en\r\n1,"A, b",A b\r\n', 'utf8')],
};
export const FUZZ_RUNS = 10_000;
export const HANG_MS = 2_000;

/** The project's one seeded generator (stress/random.ts), as a bare function. */
export const rng = (seed: number): (() => number) => seededRandom(seed).next;

/** Markup-shaped fragments spliced in: broken tags, entities, fences, deep nesting, binary. */
const FRAGMENTS = ['"', '\\', '#|', '#, fuzzy', 'msgid ', 'msgstr ', 'msgstr[1] ', 'msgid_plural ', 'msgctxt ', '-->', ' --> ', '00:00:01,000', '00:01.000', '<00:02.000>', 'NOTE', 'STYLE', 'WEBVTT', '<v A>', '</v>', '<c.x>', '</c>', '\t', ',', '\ufeff', '<', '>', '</', '<b>', '</b>', '<p>', '</p>', '<a href="x">', '&', '&amp', '&#', '&#x1F600;', '&nbsp;', '&notit;', '<!--', '-->', '<script>', '</script>', '<![CDATA[', '```', '`', '---\n', '\n\n', '\r\n', '\r', '|', '](', '![', '[', ']', '*', '_', '\u0000', '\uFFFD', '\uD800', '<table><td>', '<svg><title>', '<code>', 'translate="no"', '"', "'", '\u00a0', '<pre>\n', '<div>'.repeat(200), '> '.repeat(100), '- '.repeat(100)];

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

/** The format a seed row is read with: `xliff:trados` → xliff. */
export const formatOfRow = (row: string): FileFormat | undefined => formatById(row.split(':')[0]!);

export interface FuzzResult {
  inputs: number;
  read: number;
  refused: number;
  /** Inputs that read and, saved with no edit, gave the same bytes (every one that reads must). */
  identical: number;
  /** Inputs slower than HANG_MS. */
  hangs: number;
  crashes: { input: number; error: string }[];
  slowest: number;
}

/** Reads `runs` mutations of the seeds; what reads gets one segment edited, written and read back. */
export function fuzzFormat(format: FileFormat, seeds: Buffer[], runs: number, seed = 1): FuzzResult {
  const rand = rng(seed);
  const out: FuzzResult = { inputs: 0, read: 0, refused: 0, identical: 0, hangs: 0, crashes: [], slowest: 0 };
  for (let i = 0; i < runs; i++) {
    const input = mutate(seeds[i % seeds.length]!, rand);
    const t0 = performance.now();
    try {
      const doc = format.read(input, { path: `fuzz.${format.extensions[0]}` });
      out.read++;
      // Open and save with no edit: the same bytes.
      if (!Buffer.from(format.write(doc, input)).equals(input)) throw new Error('saved with no edit, the file changed');
      out.identical++;
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
    const ms = performance.now() - t0;
    out.slowest = Math.max(out.slowest, ms);
    if (ms > HANG_MS) out.hangs++;
  }
  return out;
}

export async function run(): Promise<PartResult> {
  let passed = true;
  const runs = Number(process.env.CALQUE_FUZZ_COUNT ?? FUZZ_RUNS);
  for (const [id, seeds] of Object.entries(FUZZ_SEEDS)) {
    const format = formatOfRow(id);
    if (!format) continue;
    const t0 = performance.now();
    const r = fuzzFormat(format, seeds(), runs);
    const ok = r.crashes.length === 0 && r.hangs === 0 && r.identical === r.read;
    passed &&= ok;
    console.log(
      `  ${id}: ${r.inputs} inputs, ${r.read} read (${r.identical} saved unchanged byte for byte), ${r.refused} refused with a message, ${r.crashes.length} crashes, ${r.hangs} hangs (> ${HANG_MS} ms; slowest ${r.slowest.toFixed(0)} ms), ${((performance.now() - t0) / 1000).toFixed(1)} s ${ok ? 'ok' : 'FAILED'}`,
    );
    for (const c of r.crashes.slice(0, 5)) console.log(`    input ${c.input}: ${c.error}`);
  }
  return { ran: true, passed };
}

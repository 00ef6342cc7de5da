/**
 * Seeded fuzzing of the DOCX reader and writer: mutated packages (bytes of the zip) and mutated parts
 * (the XML of document.xml, footnotes and comments, re-zipped), each read; what reads is edited and
 * written and read again. A crash is any error that is not a CalqueError; a hang is an input slower
 * than HANG_MS. Target: 0 of each.
 */
import { CalqueError } from '../main/contract/api.js';
import { seededRandom } from '../stress/random.js';
import { docx } from '../main/core/formats/docx/index.js';
import { createZip, openZip, readEntry } from '../main/core/formats/docx/zip.js';
import { buildDocx, richDocx } from '../tests/helpers/docx-fixture.js';
import type { PartResult } from './eval-data.js';

const HANG_MS = 2000;

/** The project's one seeded generator (stress/random.ts), as a bare function. */
export const prng = (seed: number): (() => number) => seededRandom(seed).next;

const SNIPPETS = [
  '<w:p>', '</w:p>', '<w:r>', '</w:r>', '<w:t>', '</w:t>', '<w:t xml:space="preserve"> x </w:t>', '<w:br/>', '<w:tab/>', '&amp;', '&lt;', '&#x1F600;', '&#0;', '&bogus;', '&',
  '<!DOCTYPE x [<!ENTITY e "e">]>', '<![CDATA[ y ]]>', '<!-- c -->', '<?pi x?>', '<w:fldChar w:fldCharType="begin"/>', '<w:fldChar w:fldCharType="end"/>',
  '<w:ins w:id="1" w:author="F">', '</w:ins>', '<w:del w:id="2" w:author="F"><w:r><w:delText>d</w:delText></w:r></w:del>', '<w:hyperlink r:id="rId9">', '</w:hyperlink>',
  '<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>', '<mc:AlternateContent><mc:Choice><w:r><w:t>c</w:t></w:r></mc:Choice><mc:Fallback><w:p/></mc:Fallback></mc:AlternateContent>',
  '<w:bookmarkStart w:id="9" w:name="b"/>', '<w:commentRangeStart w:id="5"/>', '<x:y>', 'xmlns:w="urn:other"', '"', "'", '>', '<', '/>', '\u0000', '\uFFFE', '\uD800',
];

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, n: number) => Math.floor(r() * n);

function mutateText(r: Rand, s: string): string {
  let out = s;
  for (let k = 1 + int(r, 4); k > 0; k--) {
    const at = int(r, out.length + 1);
    const len = int(r, 40);
    switch (int(r, 5)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + len);
        break;
      case 1:
        out = out.slice(0, at) + pick(r, SNIPPETS) + out.slice(at);
        break;
      case 2:
        out = out.slice(0, at) + out.slice(at, at + len).repeat(2 + int(r, 3)) + out.slice(at + len);
        break;
      case 3: {
        const b = int(r, out.length + 1);
        out = out.slice(0, Math.min(at, b)) + out.slice(Math.max(at, b), Math.max(at, b) + len) + out.slice(Math.min(at, b) + len);
        break;
      }
      default:
        out = out.slice(0, at) + String.fromCharCode(int(r, 0x3000)) + out.slice(at + 1);
    }
  }
  return out;
}

function mutateBytes(r: Rand, b: Uint8Array): Uint8Array {
  const out = b.slice();
  switch (int(r, 3)) {
    case 0:
      for (let k = 1 + int(r, 8); k > 0; k--) out[int(r, out.length)] = int(r, 256);
      return out;
    case 1:
      return out.subarray(0, int(r, out.length));
    default: {
      const at = int(r, out.length);
      const extra = new Uint8Array(1 + int(r, 64)).map(() => int(r, 256));
      const grown = new Uint8Array(out.length + extra.length);
      grown.set(out.subarray(0, at));
      grown.set(extra, at);
      grown.set(out.subarray(at), at + extra.length);
      return grown;
    }
  }
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The seeds' parts, to mutate one and zip again. */
function partsOf(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  return openZip(bytes, 'seed').entries.map((e) => ({ name: e.name, data: readEntry(e, 'seed') }));
}

export interface FuzzStats {
  inputs: number;
  read: number;
  written: number;
  /** Inputs that read and, saved with no edit, gave the same bytes. */
  identical: number;
  refused: Record<string, number>;
  crashes: { input: number; error: string }[];
  hangs: number;
  slowestMs: number;
}

export function fuzzDocx(count: number, seed = 20261203): FuzzStats {
  const r = prng(seed);
  const seeds = [richDocx(), buildDocx({ body: '<w:p><w:r><w:t>One two.</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' })].map((b) => ({ bytes: b, parts: partsOf(b) }));
  const stats: FuzzStats = { inputs: 0, read: 0, written: 0, identical: 0, refused: {}, crashes: [], hangs: 0, slowestMs: 0 };
  for (let i = 0; i < count; i++) {
    const s = pick(r, seeds);
    let input: Uint8Array;
    if (r() < 0.3) input = mutateBytes(r, s.bytes);
    else {
      const target = pick(
        r,
        s.parts.filter((p) => p.name.endsWith('.xml')),
      );
      input = createZip(s.parts.map((p) => (p === target ? { name: p.name, data: enc.encode(mutateText(r, dec.decode(p.data))) } : p)));
    }
    stats.inputs++;
    const t0 = performance.now();
    try {
      const doc = docx.read(input, { path: 'fuzz.docx' });
      stats.read++;
      // Open and save with no edit: the same bytes.
      if (!Buffer.from(docx.write(doc, input)).equals(Buffer.from(input))) throw new Error('saved with no edit, the file changed');
      stats.identical++;
      const text = doc.text.target;
      const at = int(r, text.length + 1);
      const edited = docx.withText(doc, 'target', text.slice(0, at) + pick(r, ['x', ' new words ', '<1/>', '&', '']) + text.slice(at));
      const out = docx.write(edited, input);
      docx.read(out, { path: 'fuzz-out.docx' });
      stats.written++;
    } catch (err) {
      if (err instanceof CalqueError) stats.refused[err.code] = (stats.refused[err.code] ?? 0) + 1;
      else stats.crashes.push({ input: i, error: String((err as Error)?.stack ?? err).slice(0, 400) });
    }
    const ms = performance.now() - t0;
    stats.slowestMs = Math.max(stats.slowestMs, ms);
    if (ms > HANG_MS) stats.hangs++;
  }
  return stats;
}

export async function run(): Promise<PartResult> {
  const count = Number(process.env.CALQUE_FUZZ_COUNT ?? 10_000);
  const t0 = performance.now();
  const s = fuzzDocx(count);
  console.log(`  ${s.inputs} mutated inputs in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${s.read} read (${s.identical} saved unchanged byte for byte), ${s.written} edited, written and read again`);
  console.log(`  refused: ${Object.entries(s.refused).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  crashes: ${s.crashes.length}, hangs (> ${HANG_MS} ms): ${s.hangs}, slowest input ${s.slowestMs.toFixed(0)} ms`);
  for (const c of s.crashes.slice(0, 5)) console.log(`  crash on input ${c.input}: ${c.error}`);
  return { ran: true, passed: s.crashes.length === 0 && s.hangs === 0 && s.identical === s.read };
}

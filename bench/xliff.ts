/**
 * A 10 MB XLIFF (Trados SDLXLIFF: seg-source sentences, inline tags, states) read into a Document and
 * saved after one edit, at the format level and through the service (open the article, save it).
 * Goals from issue 10: open under 2 s, save under 1 s. The named baseline for reading is saxes alone
 * parsing the same text with no handlers (the floor any reader on it pays).
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { xliff } from '../main/core/formats/xliff/index.js';
import { CalqueService } from '../main/core/service.js';
import { record } from './baseline.js';

const WORDS = ['the', 'river', 'rose', 'two', 'metres', 'overnight', 'and', 'schools', 'closed', 'in', 'city', 'council', 'said', 'that', 'bridge', 'would', 'reopen', 'next', 'week'];

/** About `bytes` of SDLXLIFF: units of two sentences, one with a bold tag, states varying. */
export function generateSdlxliff(bytes: number): string {
  const head = '<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0"><file original="big.docx" datatype="x-sdlfilterframework2" source-language="pt-BR" target-language="en-US"><header><tag-defs xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"><tag id="pt1"><bpt name="cf">&lt;cf bold=&quot;True&quot;&gt;</bpt><ept name="cf">&lt;/cf&gt;</ept></tag></tag-defs></header><body>\n';
  const parts = [head];
  let size = head.length;
  const confs = ['Draft', 'Translated', 'ApprovedTranslation', 'ApprovedSignOff'];
  for (let i = 0; size < bytes; i++) {
    const w = (k: number, n: number) => Array.from({ length: n }, (_, j) => WORDS[(i * 7 + k * 3 + j) % WORDS.length]).join(' ');
    const s1 = `${w(1, 14)} &amp; ${w(2, 6)}.`;
    const s2 = `<g id="pt1">${w(3, 3)}</g> ${w(4, 16)} &gt; ${w(5, 4)}.`;
    const t1 = `${w(6, 14)} &amp; ${w(7, 6)}.`;
    const t2 = `<g id="pt1">${w(8, 3)}</g> ${w(9, 16)} &gt; ${w(10, 4)}.`;
    const unit = `<trans-unit id="u${i}"><source>${s1} ${s2}</source><seg-source><mrk mtype="seg" mid="${2 * i + 1}">${s1}</mrk> <mrk mtype="seg" mid="${2 * i + 2}">${s2}</mrk></seg-source><target><mrk mtype="seg" mid="${2 * i + 1}">${t1}</mrk> <mrk mtype="seg" mid="${2 * i + 2}">${t2}</mrk></target><sdl:seg-defs><sdl:seg id="${2 * i + 1}" conf="${confs[i % 4]}" origin="mt"/><sdl:seg id="${2 * i + 2}" conf="${confs[(i + 1) % 4]}"/></sdl:seg-defs></trans-unit>\n`;
    parts.push(unit);
    size += unit.length;
  }
  parts.push('</body></file></xliff>\n');
  return parts.join('');
}

/** Wall time and this process's CPU time: on the shared 2-core machine the wall time includes waiting for a core. */
function time<T>(fn: () => T): [number, T, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  const c = process.cpuUsage(c0);
  return [performance.now() - t0, out, (c.user + c.system) / 1000];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[number, T, number]> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await fn();
  const c = process.cpuUsage(c0);
  return [performance.now() - t0, out, (c.user + c.system) / 1000];
}

const ms = (wall: number, cpu: number) => `${wall.toFixed(0).padStart(6)} ms (CPU ${cpu.toFixed(0)} ms)`;

export async function bench(): Promise<void> {
  console.log('\n== XLIFF: a 10 MB SDLXLIFF ==');
  const text = generateSdlxliff(10 * 1024 * 1024);
  const bytes = new TextEncoder().encode(text);
  // Warm the JIT on a small file first, as a long-running app is.
  const small = new TextEncoder().encode(generateSdlxliff(200_000));
  xliff.write(xliff.read(small, { path: 'w' }), small);

  const [saxesMs, , saxesCpu] = time(() => new SaxesParser({ position: true }).write(text).close());
  const [readMs, doc, readCpu] = time(() => xliff.read(bytes, { path: 'big.sdlxliff' }));
  const segments = doc.units.reduce((n, u) => n + u.segments.length, 0);
  const at = doc.text.target.indexOf('bridge', Math.floor(doc.text.target.length / 2));
  const edited = doc.text.target.slice(0, at) + 'viaduct' + doc.text.target.slice(at + 'bridge'.length);
  const [saveMs, out, saveCpu] = time(() => xliff.write(xliff.withText(doc, 'target', edited), bytes));
  if (out.length !== bytes.length + 1) throw new Error('the save changed more than the one word');
  console.log(`  ${(bytes.length / 1048576).toFixed(1)} MB, ${doc.units.length.toLocaleString('en')} units, ${segments.toLocaleString('en')} segments`);
  record('xliff.read-10mb-cpu-ms', readCpu);
  record('xliff.saxes-10mb-cpu-ms', saxesCpu);
  record('xliff.save-10mb-cpu-ms', saveCpu);
  console.log(`  read (bytes → Document):        ${ms(record('xliff.read-10mb-ms', readMs), readCpu)}   goal 2,000 ms; baseline saxes alone on the same text ${ms(record('xliff.saxes-10mb-ms', saxesMs), saxesCpu)}: ${(readCpu / saxesCpu).toFixed(2)}× its CPU`);
  console.log(`  save one edited word:           ${ms(record('xliff.save-10mb-ms', saveMs), saveCpu)}   goal 1,000 ms (withText + write, the file's parse reused)`);

  // Through the service, as the app does: list, open (baseline capture, word diff), save.
  const root = fs.mkdtempSync(join(tmpdir(), 'calque-bench-xliff-'));
  try {
    fs.mkdirSync(join(root, '.calque'));
    fs.writeFileSync(join(root, '.calque/project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt-BR', target: 'en-US' }] }));
    fs.writeFileSync(join(root, 'big.sdlxliff'), bytes);
    const service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
    await service.openProject({});
    const [openMs, view, openCpu] = await timeAsync(() => service.getArticle({ id: 'big.sdlxliff' }));
    const [serviceSaveMs, , serviceSaveCpu] = await timeAsync(() => service.saveArticle({ id: view.id, text: view.target.text.replace('bridge', 'viaduct'), expectedRevision: view.revision }));
    service.dispose();
    record('xliff.service-open-10mb-cpu-ms', openCpu);
    record('xliff.service-save-10mb-cpu-ms', serviceSaveCpu);
    console.log(`  service getArticle (first open): ${ms(record('xliff.service-open-10mb-ms', openMs), openCpu)}   (baseline capture, word diff of the stats)`);
    console.log(`  service saveArticle:             ${ms(record('xliff.service-save-10mb-ms', serviceSaveMs), serviceSaveCpu)}   (locks, checks, word diff of the stats)`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- silence`: issue 12's "the server never freezes", one `calque serve` per workload,
 * each probed with a trivial request (hostInfo) every 10 ms from a thread of its own (bench/serve-probe.ts:
 * the bench's main thread parses the big replies) while it opens and
 * completely checks: a 200,000-word book, an article of 1,000,000 short lines (what an MQM import
 * makes), and a short article with a 100,000-term TBX glossary. Prints the longest gap per workload
 * (goal 50 ms), the server's CPU time and its peak memory (RSS, all threads). A workload that does not
 * finish in CALQUE_BENCH_MAX_S (default 180) is reported unfinished, with the gap so far.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { against, record } from './baseline.js';
import { cpuMs, gapProbeThread, rssSampler, startServe, writeBookProject } from './serve-probe.js';

const MAX_MS = Number(process.env.CALQUE_BENCH_MAX_S ?? 180) * 1000;
const row = (name: string, value: string, note: string) => console.log(`${name.padEnd(44)} ${value.padStart(12)}   ${note}`);

function project(prefix: string, files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(root, '.calque'));
  writeFileSync(join(root, '.calque', 'project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

function millionLines(): string {
  const lines = (word: string) => Array.from({ length: 1_000_000 }, (_, i) => `${word} ${i}.`).join('\n') + '\n';
  return project('calque-bench-lines-', { 'lines.pt.txt': lines('Linha'), 'lines.en.txt': lines('Line') });
}

function bigGlossary(): string {
  const terms = Array.from({ length: 100_000 }, (_, i) => `<termEntry><langSet xml:lang="pt"><tig><term>termo${i}</term></tig></langSet><langSet xml:lang="en"><tig><term>term${i}</term></tig></langSet></termEntry>`);
  const root = project('calque-bench-glossary-', { 'a.pt.txt': 'O governo termo7 anunciou o plano termo99999.\n', 'a.en.txt': 'The government announced the term7 plan.\n' });
  writeFileSync(join(root, '.calque', 'glossary.tbx'), `<martif><text><body>\n${terms.join('\n')}\n</body></text></martif>\n`);
  return root;
}

interface Checked {
  pending?: boolean;
  findings: unknown[];
}

/** Opens `id` and checks it to the end while the probe runs; the longest gap and the server's CPU time. */
async function workload(name: string, key: string, root: string, id: string): Promise<void> {
  const serve = await startServe(root);
  const rss = rssSampler(serve.pid);
  const probe = gapProbeThread(serve);
  await probe.ready;
  const cpu0 = cpuMs(serve.pid);
  const t0 = performance.now();
  let status = 'done';
  try {
    await serve.call('openProject', {});
    const run = (async () => {
      const view = await serve.call<{ target: { text: string } }>('getArticle', { id });
      let checked = await serve.call<Checked>('checkArticle', { id, text: view.target.text });
      while (checked.pending) checked = await serve.call<Checked>('checkArticle', { id, text: view.target.text });
      return `${checked.findings.length} findings`;
    })();
    const cap = new Promise<string>((r) => setTimeout(() => r('unfinished'), MAX_MS).unref());
    status = await Promise.race([run.catch((err: unknown) => `failed: ${(err as Error).message.slice(0, 120)}`), cap]);
  } finally {
    await probe.stop();
    const wall = performance.now() - t0;
    const cpu = cpuMs(serve.pid) - cpu0;
    rss.stop();
    serve.stop();
    rmSync(root, { recursive: true, force: true });
    row(name, `${probe.worst().toFixed(0)} ms`, `longest hostInfo gap, goal 50 ms; ${against(`${key}-gap-ms`, record(`${key}-gap-ms`, probe.worst()))}`);
    row('  open + complete check', `${(wall / 1000).toFixed(1)} s`, `${status}; server CPU ${(cpu / 1000).toFixed(1)} s (all threads); ${probe.answered()} probes answered, ${probe.over50()} over 50 ms; at most ${probe.worstCpu()} ms of request-thread CPU within one gap; RSS peak ${rss.peak().toFixed(0)} MB`);
  }
}

export async function bench(): Promise<void> {
  console.log(`\n== serve: silence under heavy work (load average ${loadavg()[0]!.toFixed(1)}) ==`);
  const only = (process.env.CALQUE_BENCH_SILENCE ?? 'book,lines,glossary').split(',');
  if (only.includes('book')) await workload('200,000-word book', 'silence.book', writeBookProject('calque-bench-silence-').root, 'book.txt');
  if (only.includes('lines')) await workload('1,000,000-line article', 'silence.lines', millionLines(), 'lines.txt');
  if (only.includes('glossary')) await workload('100,000-term TBX glossary, short article', 'silence.glossary', bigGlossary(), 'a.txt');
}

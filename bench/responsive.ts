/**
 * `npm run bench -- responsive`: `calque serve` with a 200,000-word book, over its HTTP API (no
 * browser): the longest time the server leaves a trivial request (hostInfo) unanswered while the book is
 * opened and first checked, edited, checked again and saved (issue 12: aim 50 ms); the first check's
 * time, an edit's check and a save; server CPU time and memory (CPU time is what stays comparable
 * on the shared machine, where wall times stretch with the load average, printed alongside).
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { against, record } from './baseline.js';
import { cpuMs, gapProbe, rssMb, rssSampler, startServe, writeBookProject } from './serve-probe.js';

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
const row = (name: string, value: string, note: string) => console.log(`${name.padEnd(44)} ${value.padStart(12)}   ${note}`);
const show = (name: string, key: string, ms: number, goal?: string) => row(name, fmt(ms), `${goal ? `goal ${goal}; ` : ''}${against(key, record(key, ms))}`);

interface Checked {
  pending?: boolean;
  findings: unknown[];
}

export async function bench(): Promise<void> {
  console.log(`\n== serve: a 200,000-word book over the HTTP API (load average ${loadavg()[0]!.toFixed(1)}) ==`);
  const { root } = writeBookProject('calque-bench-serve-');
  const serve = await startServe(root);
  const rss = rssSampler(serve.pid);
  const probe = gapProbe(() => serve.call('hostInfo', {}));
  try {
    const cpu0 = cpuMs(serve.pid);
    let t = performance.now();
    const view = await serve.call<{ revision: string; target: { text: string } }>('getArticle', { id: 'book.txt' });
    show('open the book (getArticle)', 'serve.open-ms', performance.now() - t);
    // The editor's first check, asked again while fixes are pending, as the page does.
    t = performance.now();
    let checked = await serve.call<Checked>('checkArticle', { id: 'book.txt', text: view.target.text });
    while (checked.pending) checked = await serve.call<Checked>('checkArticle', { id: 'book.txt', text: view.target.text });
    show('first complete check of the book (wall)', 'serve.first-check-ms', performance.now() - t);
    show('  server CPU time until then, all threads', 'serve.first-check-cpu-ms', cpuMs(serve.pid) - cpu0);
    const edited = view.target.text.replace(/\n$/, ' And the river rose again.\n');
    t = performance.now();
    await serve.call('checkArticle', { id: 'book.txt', text: edited });
    show("an edit's check", 'serve.edit-check-ms', performance.now() - t);
    t = performance.now();
    await serve.call('saveArticle', { id: 'book.txt', text: edited, expectedRevision: view.revision });
    show('save', 'serve.save-ms', performance.now() - t, '200 ms');
    await new Promise((r) => setTimeout(r, 3000)); // what the save queued in the background
    // The probe stops before the idle window: its 500 hostInfo answers were most of the "idle" CPU.
    await probe.stop();
    show('longest unanswered hostInfo, whole run', 'serve.longest-gap-ms', probe.worst(), '50 ms');
    row('  hostInfo requests answered', String(probe.answered()), '');
    const cpuBusy = cpuMs(serve.pid);
    await new Promise((r) => setTimeout(r, 5000));
    show('server CPU time in 5 s idle, nothing asked', 'serve.idle-cpu-ms', cpuMs(serve.pid) - cpuBusy, '0');
    row('server memory (RSS) at the end', `${rssMb(serve.pid).toFixed(0)} MB`, `goal 300 MB; ${against('serve.rss-mb', record('serve.rss-mb', rssMb(serve.pid)))}`);
    row('server memory (RSS), peak', `${rss.peak().toFixed(0)} MB`, against('serve.rss-peak-mb', record('serve.rss-peak-mb', rss.peak())));
  } finally {
    await probe.stop();
    rss.stop();
    serve.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

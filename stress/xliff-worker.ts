/** Runs one fuzzed XLIFF through stress/xliff-fuzz.ts's tryXliff in a worker, so the watchdog can stop a hang. */
import { parentPort } from 'node:worker_threads';
import { tryXliff } from './xliff-fuzz.js';

parentPort!.postMessage({ ready: true });
parentPort!.on('message', (t: { id: number; name: string; text: string }) => {
  parentPort!.postMessage({ id: t.id, ...tryXliff(new TextEncoder().encode(t.text), t.name) });
});

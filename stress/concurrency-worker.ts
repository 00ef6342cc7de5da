/**
 * One process of a concurrency run (tests/core/article/two-processes.test.ts, `npm run stress -- concurrency`):
 * opens the project like `calque serve` does and hammers one article. Prints one JSON line with what
 * it did, so the parent can prove that nothing was lost.
 *
 *   node --import tsx stress/concurrency-worker.ts <root> <mode> <article id> <count> <tag> [<barrier dir>]
 *   mode: save | bigsave (200 kB texts, each accepted save printed at once) | time | annotate | words
 * With a barrier folder, the worker writes `ready-<tag>` there once the project is open and starts
 * only when `go` appears, so the processes really run at the same time.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { CalqueError } from '../main/contract/api.js';
import type { Annotation } from '../main/contract/review.js';
import { CalqueService } from '../main/core/service.js';

const [root, mode, id, countArg, tag, barrier] = process.argv.slice(2) as [string, string, string, string, string, string | undefined];
const count = Number(countArg);
/** Length of the filler of `bigsave` texts. */
const BIG = 200_000;

function annotation(n: number): Annotation {
  const now = new Date().toISOString();
  return { id: `${tag}-${n}`, side: 'target', start: 0, end: 1, quote: { exact: 'T', prefix: '', suffix: '' }, category: 'Fluency/Grammar', severity: 'minor', comment: `${tag} ${n}`, created: now, modified: now };
}

async function main(): Promise<void> {
  const service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  await service.openProject({});
  if (barrier) {
    fs.writeFileSync(join(barrier, `ready-${tag}`), '');
    while (!fs.existsSync(join(barrier, 'go'))) await new Promise((r) => setTimeout(r, 5));
  }
  const accepted: { expected: string; revision: string }[] = [];
  let conflicts = 0;
  let errors = 0;
  for (let i = 0; i < count; i++) {
    try {
      if (mode === 'save' || mode === 'bigsave') {
        const disk = await service.readDisk({ id });
        const text = mode === 'save' ? `${tag} ${i} ${disk.text.length}` : `${tag} ${i} ${'x'.repeat(BIG)}`;
        const res = await service.saveArticle({ id, text, expectedRevision: disk.revision });
        accepted.push({ expected: disk.revision, revision: res.revision });
        // Confirmed to the caller: a kill after this line must not lose it.
        if (mode === 'bigsave') process.stdout.write(`A ${i} ${res.revision}\n`);
      } else if (mode === 'time') {
        await service.recordEditingTime({ id, segments: { s: 1 } });
      } else if (mode === 'annotate') {
        const { annotations } = await service.getAnnotations({ id });
        await service.saveAnnotations({ id, annotations: [...annotations, annotation(i)], base: annotations.map((a) => a.id) });
      } else if (mode === 'words') {
        await service.addToWordList({ word: `w${tag}${String.fromCharCode(97 + (i % 26))}${i}` });
      }
    } catch (err) {
      if (err instanceof CalqueError && err.code === 'conflict') conflicts++;
      else {
        errors++;
        process.stderr.write(`${String(err)}\n`);
      }
    }
  }
  service.dispose();
  process.stdout.write(JSON.stringify({ tag, accepted, conflicts, errors }) + '\n');
}

void main();

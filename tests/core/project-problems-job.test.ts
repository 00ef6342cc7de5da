import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalqueEvents } from '../../main/contract/api.js';
import { projectProblems } from '../../main/core/checks/project-problems.js';
import type { PairedArticle } from '../../main/core/project/pairing.js';
import { CalqueService } from '../../main/core/service.js';
import { writeProject } from '../helpers/project.js';

let tmp: string;
let service: CalqueService;
const files: Record<string, string> = { '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }) };
for (let i = 0; i < 6; i++) Object.assign(files, { [`a${i}.pt.txt`]: 'O rio subiu.\n', [`a${i}.en.txt`]: 'The the river rose.\n' });

beforeEach(async () => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-problems-job-'));
  service = new CalqueService({ root: writeProject(join(tmp, 'p'), files), host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  await service.openProject({});
});
afterEach(() => {
  service.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The job's events until it ends. */
function jobEnd(): { events: CalqueEvents['job'][]; ended: Promise<CalqueEvents['job']> } {
  const events: CalqueEvents['job'][] = [];
  const ended = new Promise<CalqueEvents['job']>((resolve) =>
    service.on((name, payload) => {
      if (name !== 'job') return;
      const j = payload as CalqueEvents['job'];
      events.push(j);
      if (j.state !== 'running') resolve(j);
    }),
  );
  return { events, ended };
}

describe('the project problems as a job (progress, cancel)', { timeout: 60_000 }, () => {
  it('reports progress article by article and answers the same groups as the direct call', async () => {
    const { events, ended } = jobEnd();
    const { jobId } = await service.startProjectProblems({});
    expect(await ended).toMatchObject({ jobId, state: 'finished', done: 6, total: 6 });
    expect(events.filter((e) => e.state === 'running').map((e) => e.done)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await service.projectProblemsResult({ jobId })).toEqual(await service.projectProblems({}));
  });

  it('cancel stops the run: no further article is checked and no result is kept', async () => {
    const { ended } = jobEnd();
    const { jobId } = await service.startProjectProblems({});
    await service.cancelJob({ jobId });
    const end = await ended;
    expect(end.state).toBe('cancelled');
    expect(end.done).toBeLessThan(6);
    await expect(service.projectProblemsResult({ jobId })).rejects.toMatchObject({ code: 'unknownJob' });
  });

  it('the core run checks no article after the cancel flag is set', async () => {
    const job = { cancelled: false };
    let checked = 0;
    const checks = {
      problemsOnDisk: async () => {
        if (++checked === 2) job.cancelled = true;
        return { findings: [], target: '' };
      },
    };
    const list = Array.from({ length: 5 }, (_, i) => ({ id: `a${i}.txt` }) as PairedArticle);
    const res = await projectProblems(checks as never, list, job);
    expect(checked).toBe(2);
    expect(res.articles).toBe(2);
  });
});

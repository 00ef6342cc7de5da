import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalqueEvents } from '../../main/contract/api.js';
import { main } from '../../main/cli/index.js';
import { existingExportTargets, exportAllFiles } from '../../main/core/export/export-all.js';
import { CalqueService } from '../../main/core/service.js';
import { captureCli } from '../helpers/cli-io.js';

const io = captureCli('calque-export-');
let root: string;
let out: string;

beforeEach(() => {
  root = join(io.dir, 'project');
  out = join(io.dir, 'somewhere-else'); // a folder outside any project
  fs.mkdirSync(join(root, 'news'), { recursive: true });
  fs.writeFileSync(join(root, 'a.pt.txt'), 'O gato dorme.\n');
  fs.writeFileSync(join(root, 'a.en.txt'), 'The cat sleeps.\n');
  fs.writeFileSync(join(root, 'news/b.pt.txt'), 'O cão come.\n');
  fs.writeFileSync(join(root, 'news/b.en.txt'), 'The dog eats.\n');
  // The direction is the user's (a pt/en pair of names alone is a question, and nothing exports before it is answered).
  fs.mkdirSync(join(root, '.calque'), { recursive: true });
  fs.writeFileSync(join(root, '.calque/project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }));
  fs.mkdirSync(join(out, 'news'), { recursive: true });
  fs.writeFileSync(join(out, 'news/b.en.txt'), 'MY OWN FILE');
  fs.writeFileSync(join(out, 'unrelated.txt'), 'keep');
});

describe('export never silently replaces files in the output folder', () => {
  let service: CalqueService;
  afterEach(() => service?.dispose());

  it('API: lists what would be replaced and writes nothing; with overwrite it replaces', async () => {
    service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
    await service.openProject({});
    const asked = await service.exportAll({ outDir: out });
    expect(asked).toEqual({ jobId: '', outDir: out, wouldReplace: ['news/b.en.txt'] });
    expect(fs.readFileSync(join(out, 'news/b.en.txt'), 'utf8')).toBe('MY OWN FILE');
    expect(fs.existsSync(join(out, 'a.en.txt'))).toBe(false);

    const events: CalqueEvents['job'][] = [];
    service.on((name, payload) => name === 'job' && events.push(payload as CalqueEvents['job']));
    const started = await service.exportAll({ outDir: out, overwrite: true });
    expect(started.jobId).not.toBe('');
    await expect.poll(() => events.find((e) => e.state !== 'running')?.state).toBe('finished');
    expect(fs.readFileSync(join(out, 'news/b.en.txt'), 'utf8')).toBe('The dog eats.\n');
    expect(fs.readFileSync(join(out, 'unrelated.txt'), 'utf8')).toBe('keep');
  });

  it('a file that appears after the check stops the export instead of being replaced', async () => {
    const fresh = join(io.dir, 'fresh');
    const files = [
      { from: join(root, 'a.en.txt'), rel: 'a.en.txt' },
      { from: join(root, 'news/b.en.txt'), rel: 'news/b.en.txt' },
    ];
    expect(await existingExportTargets(files, fresh)).toEqual([]);
    fs.mkdirSync(join(fresh, 'news'), { recursive: true });
    fs.writeFileSync(join(fresh, 'news/b.en.txt'), 'arrived meanwhile');
    const states: { state: string; code?: string }[] = [];
    await exportAllFiles(files, fresh, { cancelled: false }, (_d, _t, state, error) => states.push({ state, ...(error ? { code: error.code } : {}) }));
    expect(states.at(-1)).toEqual({ state: 'failed', code: 'exportWouldOverwrite' });
    expect(fs.readFileSync(join(fresh, 'news/b.en.txt'), 'utf8')).toBe('arrived meanwhile');
  });

  it('CLI: refuses with the list and exit code 1; --overwrite replaces', async () => {
    expect(await main(['export', root, '--out', out])).toBe(1);
    expect(io.err).toContain('news/b.en.txt');
    expect(io.err).toContain('--overwrite');
    expect(fs.readFileSync(join(out, 'news/b.en.txt'), 'utf8')).toBe('MY OWN FILE');
    expect(fs.existsSync(join(out, 'a.en.txt'))).toBe(false);

    expect(await main(['export', root, '--out', out, '--overwrite'])).toBe(0);
    expect(fs.readFileSync(join(out, 'news/b.en.txt'), 'utf8')).toBe('The dog eats.\n');
    expect(fs.readFileSync(join(out, 'a.en.txt'), 'utf8')).toBe('The cat sleeps.\n');
  });
});

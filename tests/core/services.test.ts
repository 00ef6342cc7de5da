import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalqueEvents } from '../../main/contract/api.js';
import type { Annotation } from '../../main/contract/review.js';
import { mergeAnnotations } from '../../main/core/article/annotation-store.js';
import { BaselineStore } from '../../main/core/article/baseline-store.js';
import { REVIEW_FORMAT_VERSION, ReviewStore } from '../../main/core/article/review-store.js';
import { exportAllFiles } from '../../main/core/export/export-all.js';
import { JobService } from '../../main/core/jobs/job-service.js';
import { FileLocks } from '../../main/core/platform/file-lock.js';
import { removeStaleTempFiles } from '../../main/core/platform/temp-files.js';
import { ConfigService } from '../../main/core/project/config-service.js';
import { rejectsWith } from '../helpers/errors.js';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(join(tmpdir(), 'calque-services-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const ann = (id: string, modified: string): Annotation => ({ id, side: 'target', start: 0, end: 1, quote: { exact: 'a', prefix: '', suffix: '' }, category: 'Other', severity: 'minor', comment: modified, created: '2026-01-01T00:00:00Z', modified });

describe('mergeAnnotations', () => {
  it('keeps what others added, drops what this editor deleted, and the later edit of a shared one wins', () => {
    const disk = [ann('shared', '2026-01-02T00:00:00Z'), ann('theirs', '2026-01-01T00:00:00Z'), ann('deleted', '2026-01-01T00:00:00Z')];
    const mine = [ann('shared', '2026-01-01T12:00:00Z'), ann('new', '2026-01-03T00:00:00Z')];
    const merged = mergeAnnotations(disk, mine, ['shared', 'deleted']);
    expect(merged.map((a) => `${a.id}@${a.modified}`).sort()).toEqual(['new@2026-01-03T00:00:00Z', 'shared@2026-01-02T00:00:00Z', 'theirs@2026-01-01T00:00:00Z']);
  });

  it('without a base the editor list replaces the file (callers that do not merge)', () => {
    expect(mergeAnnotations([ann('x', '2026-01-01T00:00:00Z')], [], undefined)).toEqual([]);
  });
});

describe('BaselineStore', () => {
  it('captures once and never rewrites; replace keeps the old one as a backup', async () => {
    const store = new BaselineStore(root, new FileLocks(root));
    expect(await store.capture('news/a.txt', Buffer.from('first'))).toMatchObject({ captured: true });
    const again = await store.capture('news/a.txt', Buffer.from('second'));
    expect(again.captured).toBe(false);
    expect(Buffer.from(again.bytes).toString()).toBe('first');
    const backup = await store.replace('news/a.txt', Buffer.from('third'));
    expect(fs.readFileSync(backup!, 'utf8')).toBe('first');
    expect(backup!.startsWith(join(root, '.calque/backups/baselines/news/a.txt.'))).toBe(true);
    expect(Buffer.from((await store.read('news/a.txt'))!).toString()).toBe('third');
  });

  it('refuses ids that leave the baselines folder', () => {
    const store = new BaselineStore(root, new FileLocks(root));
    expect(() => store.path('../../outside')).toThrow();
  });
});

describe('ReviewStore', () => {
  it('parallel updates of one review from separate store instances all land (the lock, not the instance)', async () => {
    const stores = [new ReviewStore(root, new FileLocks(root)), new ReviewStore(root, new FileLocks(root))];
    await Promise.all(Array.from({ length: 40 }, (_, i) => stores[i % 2]!.update('a.txt', (r) => ({ editingMs: { ...r.editingMs, s: (r.editingMs.s ?? 0) + 1 } }))));
    expect((await stores[0]!.read('a.txt')).editingMs.s).toBe(40);
    expect(JSON.parse(fs.readFileSync(stores[0]!.reviewPath('a.txt'), 'utf8')).formatVersion).toBe(REVIEW_FORMAT_VERSION);
  });

  it('a damaged file is reported with its reason and refused for updates, unchanged', async () => {
    const store = new ReviewStore(root, new FileLocks(root));
    fs.mkdirSync(join(root, '.calque/reviews'), { recursive: true });
    fs.writeFileSync(store.reviewPath('a.txt'), '{"status": "done", "editingMs": {"s": -5}}');
    const { problem } = await store.inspect('a.txt');
    expect(problem?.code).toBe('reviewUnreadable');
    await rejectsWith(store.update('a.txt', { status: 'done' }), 'reviewUnreadable');
    expect(fs.readFileSync(store.reviewPath('a.txt'), 'utf8')).toBe('{"status": "done", "editingMs": {"s": -5}}');
  });
});

describe('ConfigService.refresh', () => {
  it('picks up a hand edit without reopening the project', async () => {
    const config = new ConfigService(root, new FileLocks(root));
    await config.update((c) => ({ ...c, pairs: [{ source: 'pt', target: 'en' }] }));
    fs.writeFileSync(config.path, JSON.stringify({ formatVersion: 1, pairs: [{ source: 'es', target: 'en' }], wordList: ['Olinda'] }));
    expect((await config.refresh()).config).toMatchObject({ pairs: [{ source: 'es', target: 'en' }], wordList: ['Olinda'] });
  });

  it('reads the file again only when its stamp (inode, size, mtime) changed, and always when it did', async () => {
    const config = new ConfigService(root, new FileLocks(root));
    const write = (lang: string) => fs.writeFileSync(config.path, JSON.stringify({ formatVersion: 1, pairs: [{ source: lang, target: 'en' }] }));
    const mtime = new Date('2026-01-01T00:00:00Z'); // whole seconds: utimes keeps them exactly
    fs.mkdirSync(join(root, '.calque'), { recursive: true });
    write('pt');
    fs.utimesSync(config.path, mtime, mtime);
    const first = (await config.refresh()).config;
    expect(first.pairs).toEqual([{ source: 'pt', target: 'en' }]);
    // The same size and mtime: the settings in memory are used as they are, the file is not parsed again.
    write('es');
    fs.utimesSync(config.path, mtime, mtime);
    expect((await config.refresh()).config).toBe(first);
    // Touched: read again.
    fs.utimesSync(config.path, mtime, new Date(mtime.getTime() + 2000));
    expect((await config.refresh()).config.pairs).toEqual([{ source: 'es', target: 'en' }]);
  });
});

describe('JobService', () => {
  it('reports progress as job events and cancels between steps', async () => {
    const events: CalqueEvents['job'][] = [];
    const jobs = new JobService((e) => events.push(e));
    const files = Array.from({ length: 50 }, (_, i) => {
      fs.writeFileSync(join(root, `f${i}.txt`), `file ${i}`);
      return { from: join(root, `f${i}.txt`), rel: `f${i}.txt` };
    });
    const out = join(root, 'out');
    const id = jobs.start((job, progress) => exportAllFiles(files, out, job, progress));
    await new Promise((r) => setImmediate(r));
    expect(jobs.cancel(id)).toEqual({ cancelled: true });
    for (let i = 0; i < 100 && !events.some((e) => e.state !== 'running'); i++) await new Promise((r) => setTimeout(r, 5));
    const last = events[events.length - 1]!;
    expect(last.state).toBe('cancelled');
    expect(last.done).toBeLessThan(50);
    expect(fs.readdirSync(out)).toHaveLength(last.done);
    expect(() => jobs.cancel(id)).toThrow(); // ended jobs are forgotten
  });

  it('export refuses a translation that became a symlink', async () => {
    fs.writeFileSync(join(root, 'secret'), 'secret');
    fs.symlinkSync(join(root, 'secret'), join(root, 'a.en.txt'));
    const events: CalqueEvents['job'][] = [];
    await exportAllFiles([{ from: join(root, 'a.en.txt'), rel: 'a.en.txt' }], join(root, 'out'), { cancelled: false }, (done, total, state, error) => events.push({ jobId: '', done, total, state, ...(error ? { error } : {}) }));
    expect(events[events.length - 1]).toMatchObject({ state: 'failed', error: { code: 'symlinkRefused', params: { path: 'a.en.txt' } } });
  });
});

describe('removeStaleTempFiles', () => {
  it('removes only old files with Calque’s temp name', async () => {
    const old = Date.now() - 3_600_000;
    for (const n of ['.x.txt.calque-0123456789ab.tmp', '.x.txt.calque-0123456789ab.tmp.keep', 'x.calque-0123456789ab.tmp', '.x.txt.calque-short.tmp']) {
      fs.writeFileSync(join(root, n), '');
      fs.utimesSync(join(root, n), old / 1000, old / 1000);
    }
    const removed = await removeStaleTempFiles([root], 60_000);
    expect(removed).toEqual([join(root, '.x.txt.calque-0123456789ab.tmp')]);
    expect(fs.readdirSync(root).sort()).toEqual(['.x.txt.calque-0123456789ab.tmp.keep', '.x.txt.calque-short.tmp', 'x.calque-0123456789ab.tmp']);
  });
});

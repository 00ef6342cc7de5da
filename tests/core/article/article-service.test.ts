import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArticleFile, assertUnchanged } from '../../../main/core/article/article-files.js';
import { CalqueService } from '../../../main/core/service.js';
import { rejectsWith } from '../../helpers/errors.js';
import { PT_EN_PROJECT, writeProject } from '../../helpers/project.js';

let tmp: string;
let root: string;
const services: CalqueService[] = [];

beforeEach(() => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-article-'));
  root = writeProject(join(tmp, 'project'), PT_EN_PROJECT);
});
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function openService(extra: { backgroundChecks?: boolean; tempFileMaxAgeMs?: number } = {}): Promise<CalqueService> {
  const s = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000, ...extra });
  services.push(s);
  await s.openProject({});
  return s;
}
const reviewFile = () => join(root, '.calque/reviews/a.txt.json');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a file replaced by another program during a save', () => {
  it('is noticed right before the rename: a new inode, or the same inode with other contents and the old time', async () => {
    const abs = join(root, 'a.en.txt');
    const read = await readArticleFile(root, abs, 'a.en.txt', 'target');
    await expect(assertUnchanged(root, abs, 'a.txt', read)).resolves.toBeUndefined();
    // Replaced by rename with identical bytes (an editor's own atomic save): another file now.
    fs.writeFileSync(join(root, 'other'), 'The cat sleep.\n');
    fs.renameSync(join(root, 'other'), abs);
    await rejectsWith(assertUnchanged(root, abs, 'a.txt', read), 'conflict');
    // Rewritten in place with the same size and the old time put back: the contents tell.
    const again = await readArticleFile(root, abs, 'a.en.txt', 'target');
    const st = fs.statSync(abs);
    fs.writeFileSync(abs, 'The dog sleep.\n');
    fs.utimesSync(abs, st.atime, st.mtime);
    await rejectsWith(assertUnchanged(root, abs, 'a.txt', again), 'conflict');
  });
});

describe('a review file Calque cannot read is never reset', () => {
  const merged = '{\n<<<<<<< HEAD\n  "status": "done",\n=======\n  "status": "in-review",\n>>>>>>> theirs\n  "editingMs": { "s1": 3600000 }\n}\n';

  it('git conflict markers: named, kept byte for byte through the background count, a save and a status change', async () => {
    writeProject(root, { '.calque/reviews/a.txt.json': merged });
    const service = await openService({ backgroundChecks: true });
    const info = await service.openProject({});
    expect(info.articles[0]!.reviewError).toEqual({ code: 'reviewMergeConflict', params: { path: '.calque/reviews/a.txt.json' } });
    await sleep(300); // the background count ran (it used to reset the file here)
    const view = await service.getArticle({ id: 'a.txt' });
    expect(view.reviewError?.code).toBe('reviewMergeConflict');
    await service.checkArticle({ id: 'a.txt' });
    const saved = await service.saveArticle({ id: 'a.txt', text: 'The cat sleeps.', expectedRevision: view.revision });
    // Exactly what was and was not saved: the translation is on disk, the review is not.
    expect(saved.reviewError?.code).toBe('reviewMergeConflict');
    expect(fs.readFileSync(join(root, 'a.en.txt'), 'utf8')).toBe('The cat sleeps.\n');
    await rejectsWith(service.setStatus({ id: 'a.txt', status: 'done' }), 'reviewMergeConflict');
    await rejectsWith(service.recordEditingTime({ id: 'a.txt', segments: { s1: 5 } }), 'reviewMergeConflict');
    expect(fs.readFileSync(reviewFile(), 'utf8')).toBe(merged);
  });

  it('a newer format version is named; a new review replaces it only when asked, keeping a backup', async () => {
    const newer = JSON.stringify({ formatVersion: 7, status: 'done', segments: { s1: { state: 'signed-off' } } });
    writeProject(root, { '.calque/reviews/a.txt.json': newer });
    const service = await openService({ backgroundChecks: true });
    const info = await service.openProject({});
    expect(info.articles[0]!.reviewError).toEqual({ code: 'reviewNewerVersion', params: { path: '.calque/reviews/a.txt.json', version: 7 } });
    await sleep(300);
    expect(fs.readFileSync(reviewFile(), 'utf8')).toBe(newer);
    const summary = await service.resetReview({ id: 'a.txt' });
    expect(summary.reviewError).toBeUndefined();
    expect(summary.status).toBe('not-started');
    const backups = fs.readdirSync(join(root, '.calque/backups/reviews'));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(join(root, '.calque/backups/reviews', backups[0]!), 'utf8')).toBe(newer);
  });

  it('a save with a reviews folder that cannot be written reports that the translation was saved and the review was not', async () => {
    const service = await openService();
    const view = await service.getArticle({ id: 'a.txt' });
    fs.rmSync(join(root, '.calque/reviews'), { recursive: true, force: true });
    fs.writeFileSync(join(root, '.calque/reviews'), 'not a folder'); // root ignores chmod; a file in the way fails for everyone
    const saved = await service.saveArticle({ id: 'a.txt', text: 'The cat sleeps.', expectedRevision: view.revision });
    expect(fs.readFileSync(join(root, 'a.en.txt'), 'utf8')).toBe('The cat sleeps.\n');
    expect(saved.revision).not.toBe(view.revision);
    expect(['reviewUnreadable', 'writeFailed', 'readOnlyFile']).toContain(saved.reviewError?.code);
  });
});

describe('editing time', () => {
  it('a segment key named like a prototype property is stored as a number', async () => {
    const service = await openService();
    expect((await service.recordEditingTime({ id: 'a.txt', segments: { constructor: 5, toString: 2 } })).totalMs).toBe(7);
    expect((await service.recordEditingTime({ id: 'a.txt', segments: { constructor: 1 } })).totalMs).toBe(8);
    const review = JSON.parse(fs.readFileSync(reviewFile(), 'utf8')) as { editingMs: Record<string, unknown> };
    expect(review.editingMs).toEqual({ constructor: 6, toString: 2 });
  });
});

describe('annotations from two tabs', () => {
  const ann = (id: string) => ({ id, side: 'target' as const, start: 4, end: 7, quote: { exact: 'cat', prefix: 'The ', suffix: ' sleep' }, category: 'Fluency/Grammar' as const, severity: 'minor' as const, comment: id, created: '2026-12-03T10:00:00.000Z', modified: '2026-12-03T10:00:00.000Z' });

  it('are merged: each tab keeps what the other added, and a deletion removes only what that tab had', async () => {
    const service = await openService();
    const tabA = await service.getAnnotations({ id: 'a.txt' });
    const tabB = await service.getAnnotations({ id: 'a.txt' });
    const savedA = await service.saveAnnotations({ id: 'a.txt', annotations: [...tabA.annotations, ann('from-a')], base: tabA.annotations.map((a) => a.id) });
    await service.saveAnnotations({ id: 'a.txt', annotations: [...tabB.annotations, ann('from-b')], base: tabB.annotations.map((a) => a.id) });
    expect((await service.getAnnotations({ id: 'a.txt' })).annotations.map((a) => a.id).sort()).toEqual(['from-a', 'from-b']);
    // Tab A deletes its annotation; from-b, which tab A never saw, stays.
    await service.saveAnnotations({ id: 'a.txt', annotations: [], base: savedA.ids });
    expect((await service.getAnnotations({ id: 'a.txt' })).annotations.map((a) => a.id)).toEqual(['from-b']);
  });
});

describe('symbolic links', () => {
  it('a symlinked annotations folder is refused for writing and for reading; nothing is written outside', async () => {
    const outside = join(tmp, 'outside');
    fs.mkdirSync(outside);
    fs.mkdirSync(join(root, '.calque'), { recursive: true });
    fs.symlinkSync(outside, join(root, '.calque/annotations'));
    const service = await openService();
    await rejectsWith(service.saveAnnotations({ id: 'a.txt', annotations: [] }), 'symlinkRefused');
    await rejectsWith(service.getAnnotations({ id: 'a.txt' }), 'symlinkRefused');
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('a baseline that is a symlink to another file is not shown', async () => {
    fs.writeFileSync(join(tmp, 'secret.txt'), 'outside the project\n');
    fs.mkdirSync(join(root, '.calque/baselines'), { recursive: true });
    fs.symlinkSync(join(tmp, 'secret.txt'), join(root, '.calque/baselines/a.txt'));
    const service = await openService();
    expect((await rejectsWith(service.getArticle({ id: 'a.txt' }), 'symlinkRefused')).params).toEqual({ path: '.calque/baselines/a.txt' });
  });

  it('a translation swapped for a symlink after opening is neither read, saved nor exported', async () => {
    const service = await openService();
    const view = await service.getArticle({ id: 'a.txt' });
    fs.writeFileSync(join(tmp, 'elsewhere.txt'), 'The cat sleep.\n');
    fs.rmSync(join(root, 'a.en.txt'));
    fs.symlinkSync(join(tmp, 'elsewhere.txt'), join(root, 'a.en.txt'));
    expect((await rejectsWith(service.saveArticle({ id: 'a.txt', text: 'The cat sleeps.', expectedRevision: view.revision }), 'symlinkRefused')).params).toEqual({ path: 'a.en.txt' });
    await rejectsWith(service.readDisk({ id: 'a.txt' }), 'symlinkRefused');
    await rejectsWith(service.exportArticle({ id: 'a.txt' }), 'symlinkRefused');
    expect(fs.readFileSync(join(tmp, 'elsewhere.txt'), 'utf8')).toBe('The cat sleep.\n');
  });
});

describe('temp files of interrupted saves', () => {
  it('old ones of Calque are removed on open; fresh ones and other files are not touched', async () => {
    const old = Date.now() / 1000 - 3600;
    const names = { oldBeside: '.a.en.txt.calque-0123456789ab.tmp', fresh: '.a.en.txt.calque-ba9876543210.tmp', notOurs: '.a.en.txt.swp' };
    for (const n of Object.values(names)) fs.writeFileSync(join(root, n), 'x');
    fs.utimesSync(join(root, names.oldBeside), old, old);
    fs.utimesSync(join(root, names.notOurs), old, old);
    fs.mkdirSync(join(root, '.calque/tmp'), { recursive: true });
    fs.writeFileSync(join(root, '.calque/tmp/.a.txt.json.calque-aaaaaaaaaaaa.tmp'), 'x');
    fs.utimesSync(join(root, '.calque/tmp/.a.txt.json.calque-aaaaaaaaaaaa.tmp'), old, old);
    await openService();
    expect(fs.existsSync(join(root, names.oldBeside))).toBe(false);
    expect(fs.existsSync(join(root, '.calque/tmp/.a.txt.json.calque-aaaaaaaaaaaa.tmp'))).toBe(false);
    expect(fs.existsSync(join(root, names.fresh))).toBe(true);
    expect(fs.existsSync(join(root, names.notOurs))).toBe(true);
  });

  it('saves leave nothing in git status but the files that changed; an interrupted save leaves nothing there either', async () => {
    const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' });
    git('init', '-q');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'add', '-A');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'start');
    const service = await openService();
    const view = await service.getArticle({ id: 'a.txt' });
    await service.saveArticle({ id: 'a.txt', text: 'The cat sleeps.', expectedRevision: view.revision });
    // What a kill -9 in the middle of a save leaves behind, and a lock of a dead process.
    fs.writeFileSync(join(root, '.calque/tmp/.a.en.txt.calque-0123456789ab.tmp'), 'half');
    fs.writeFileSync(join(root, '.calque/locks/0123.lock'), '{"pid":1}');
    const status = git('status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean).map((l) => l.slice(3)).sort();
    expect(status).toEqual(['.calque/.gitignore', '.calque/baselines/a.txt', '.calque/reviews/a.txt.json', 'a.en.txt']);
  });
});

describe('direction and baseline are never guessed', () => {
  const ambiguous = { 'b.pt.txt': 'O rio subiu.\n', 'b.en.txt': 'The river rose.\n' };

  it('two language tags and no settings: no baseline and no save before the direction is confirmed', async () => {
    root = writeProject(join(tmp, 'fresh'), ambiguous);
    const service = await openService();
    const info = await service.openProject({});
    expect(info.needsLanguages).toBe(true);
    await rejectsWith(service.getArticle({ id: 'b.txt' }), 'languagesUnconfirmed');
    await rejectsWith(service.saveArticle({ id: 'b.txt', text: 'x', expectedRevision: '' }), 'languagesUnconfirmed');
    expect(fs.existsSync(join(root, '.calque/baselines'))).toBe(false);
    await service.setLanguages({ pairs: [{ source: 'pt', target: 'en' }] });
    const view = await service.getArticle({ id: 'b.txt' });
    expect(view.baseline).toBe('The river rose.');
    expect(fs.readFileSync(join(root, '.calque/baselines/b.txt'), 'utf8')).toBe('The river rose.\n');
  });

  it('after the direction changes, the old baseline is offered for replacement and replaced only when asked, with a backup', async () => {
    root = writeProject(join(tmp, 'fresh'), { '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'en', target: 'pt' }] }), ...ambiguous });
    const service = await openService();
    expect((await service.getArticle({ id: 'b.txt' })).baseline).toBe('O rio subiu.'); // taken from the wrong file
    const info = await service.setLanguages({ pairs: [{ source: 'pt', target: 'en' }] });
    expect(info.articles[0]).toMatchObject({ targetPath: 'b.en.txt', baselineStale: true });
    const view = await service.getArticle({ id: 'b.txt' });
    expect(view.baselineStale).toBe(true);
    expect(fs.readFileSync(join(root, '.calque/baselines/b.txt'), 'utf8')).toBe('O rio subiu.\n'); // nothing replaced yet
    const { replaced, backups } = await service.replaceBaselines({ ids: ['b.txt'] });
    expect(replaced).toEqual(['b.txt']);
    expect(fs.readFileSync(backups[0]!, 'utf8')).toBe('O rio subiu.\n');
    const after = await service.getArticle({ id: 'b.txt' });
    expect(after.baseline).toBe('The river rose.');
    expect(after.baselineStale).toBeUndefined();
    expect((await service.openProject({})).articles[0]!.baselineStale).toBeUndefined();
  });

  it('a baseline from before baselines recorded their file is recognised as stale when it is the new source', async () => {
    root = writeProject(join(tmp, 'fresh'), { '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }), ...ambiguous, '.calque/baselines/b.txt': 'O rio subiu.\n' });
    const service = await openService();
    expect((await service.getArticle({ id: 'b.txt' })).baselineStale).toBe(true);
  });
});

describe('the article list before an article was ever opened', () => {
  it('shows the figures the first open will show (HTER 0, chrF 100, every segment not reviewed) without writing a baseline', async () => {
    root = writeProject(join(tmp, 'two'), { ...PT_EN_PROJECT, 'a.pt.txt': 'O gato dorme.\n\nO cão ladra.\n', 'a.en.txt': 'The cat sleep.\n\nThe dog barks.\n' });
    const service = await openService();
    const before = (await service.openProject({})).articles[0]!;
    expect(fs.existsSync(join(root, '.calque/baselines'))).toBe(false);
    expect(before).toMatchObject({ hter: 0, chrf: 100, words: 6, wordsChanged: 0, segmentCounts: { total: 2, 'not-reviewed': 2, confirmed: 0 } });
    await service.getArticle({ id: 'a.txt' });
    const after = (await service.openProject({})).articles[0]!;
    expect({ hter: after.hter, chrf: after.chrf, segmentCounts: after.segmentCounts }).toEqual({ hter: before.hter, chrf: before.chrf, segmentCounts: before.segmentCounts });
  });
});

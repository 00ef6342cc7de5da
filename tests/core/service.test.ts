import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, type CalqueEvents, type LanguagePair } from '../../main/contract/api.js';
import { dispatch } from '../../main/core/api-schemas.js';
import { CalqueService } from '../../main/core/service.js';
import { rejectsWith } from '../helpers/errors.js';
import { writeProject } from '../helpers/project.js';

let tmp: string;
const services: CalqueService[] = [];

beforeEach(() => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-service-'));
});

afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A project folder with the given files (relative path → content). */
function makeProject(files: Record<string, string | Buffer>, name = 'project'): string {
  return writeProject(join(tmp, name), files);
}

function newService(root: string, extra: { languages?: LanguagePair[] } = {}): CalqueService {
  const s = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 50, ...extra });
  services.push(s);
  return s;
}

async function open(files: Record<string, string | Buffer>, extra: { languages?: LanguagePair[] } = {}) {
  const root = makeProject(files);
  const service = newService(root, extra);
  const info = await service.openProject({});
  return { root, service, info };
}


function utf16le(raw: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(raw, 'utf16le')]);
}
function utf8bom(raw: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(raw, 'utf8')]);
}

type Recorded = { name: keyof CalqueEvents; payload: CalqueEvents[keyof CalqueEvents] };
function record(service: CalqueService): Recorded[] {
  const events: Recorded[] = [];
  service.on((name, payload) => events.push({ name, payload }));
  return events;
}

async function waitFor<T>(fn: () => T | undefined, timeoutMs = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A second source language into English makes English the target without asking (see pairing). */
const OTHER = { 'b.es.txt': 'x', 'b.en.txt': 'y' };

const PT_EN_ES = {
  'a.pt.txt': 'O gato dorme.\n',
  'a.en.txt': 'The cat sleeps.\n',
  'b.es.txt': 'El perro come.\n',
  'b.en.txt': 'The dog eats.\n',
};

describe('opening a project', () => {
  it('lists the articles with their languages and remembers unambiguous languages', async () => {
    const { root, info } = await open({ ...PT_EN_ES, 'notes.txt': 'not an article' });
    expect(info.root).toBe(root);
    expect(info.name).toBe('project');
    expect(info.articles.map((a) => [a.id, a.sourcePath, a.targetPath, a.sourceLang, a.targetLang, a.status])).toEqual([
      ['a.txt', 'a.pt.txt', 'a.en.txt', 'pt', 'en', 'not-started'],
      ['b.txt', 'b.es.txt', 'b.en.txt', 'es', 'en', 'not-started'],
    ]);
    expect(info.articles.every((a) => a.error === undefined)).toBe(true);
    expect(info.articles[0]!.words).toBe(3);
    expect(info.unpaired).toEqual([{ path: 'notes.txt', reason: 'no-language' }]);
    expect(info.languagesSeen).toEqual(['en', 'es', 'pt']);
    expect(info.needsLanguages).toBe(false);
    expect(info.pairs).toEqual([
      { source: 'es', target: 'en' },
      { source: 'pt', target: 'en' },
    ]);
    const written = JSON.parse(fs.readFileSync(join(root, '.calque', 'project.json'), 'utf8')) as { pairs: LanguagePair[] };
    expect(written.pairs).toEqual(info.pairs);
  });

  it('an ambiguous pt/en project lists its articles, asks for languages and writes nothing', async () => {
    const { root, info } = await open({ 'a.pt.txt': 'Olá', 'a.en.txt': 'Hello' });
    expect(info.needsLanguages).toBe(true);
    expect(info.pairs).toEqual([]);
    expect(info.proposedPairs).toEqual([{ source: 'pt', target: 'en' }]);
    expect(info.articles.map((a) => a.id)).toEqual(['a.txt']);
    expect(fs.existsSync(join(root, '.calque', 'project.json'))).toBe(false);
  });

  it('a project opened with the languages option writes project.json', async () => {
    const { root, info } = await open({ 'a.pt.txt': 'Olá', 'a.en.txt': 'Hello' }, { languages: [{ source: 'en', target: 'pt' }] });
    expect(info.pairs).toEqual([{ source: 'en', target: 'pt' }]);
    expect(info.needsLanguages).toBe(false);
    expect(info.articles[0]).toMatchObject({ sourcePath: 'a.en.txt', targetPath: 'a.pt.txt' });
    const written = JSON.parse(fs.readFileSync(join(root, '.calque', 'project.json'), 'utf8')) as unknown;
    expect(written).toEqual({ formatVersion: 1, pairs: [{ source: 'en', target: 'pt' }] });
  });

  it('refuses to open another folder than the one it serves (no folder picker)', async () => {
    const { service } = await open(PT_EN_ES);
    const other = makeProject({ 'x.pt.txt': 'a', 'x.en.txt': 'b' }, 'other');
    await rejectsWith(service.openProject({ root: other }), 'pathOutsideProject');
    expect(service.root).toBe(join(tmp, 'project'));
  });

  it('a missing project folder → folderNotFound', async () => {
    const s = newService(join(tmp, 'nope'));
    await rejectsWith(s.openProject({}), 'folderNotFound');
  });

  it('without a project, calls fail with noProject', async () => {
    const s = new CalqueService({ host: { kind: 'cli' } });
    services.push(s);
    await rejectsWith(s.openProject({}), 'noProject');
    await rejectsWith(s.getArticle({ id: 'a.txt' }), 'noProject');
  });
});

describe('getArticle', () => {
  it('returns both sides and captures .calque/baselines/<id> byte-identical to the original', async () => {
    // Decomposed é (e + U+0301) and CRLF: a re-encoded copy would differ from the original bytes.
    const original = utf16le('Cafe\u0301 quente.\r\nSegunda linha.\r\n');
    const { root, service } = await open({ 'news/a.pt.txt': 'Café quente.\n', 'news/a.en.txt': original, ...OTHER });
    const view = await service.getArticle({ id: 'news/a.txt' });
    expect(view.source).toEqual({ path: 'news/a.pt.txt', lang: 'pt', dir: 'ltr', text: 'Café quente.' });
    expect(view.target).toMatchObject({ path: 'news/a.en.txt', lang: 'en', dir: 'ltr', text: 'Caf\u00e9 quente.\nSegunda linha.' });
    expect(view.target.format).toEqual({ encoding: 'utf-16le', lineEnding: '\r\n', finalNewline: true });
    expect(view.baseline).toBe(view.target.text);
    expect(view.stats.changed).toBe(0);
    const baseline = fs.readFileSync(join(root, '.calque', 'baselines', 'news', 'a.txt'));
    expect(baseline.equals(original)).toBe(true);
    // Opening did not touch the translation itself.
    expect(fs.readFileSync(join(root, 'news', 'a.en.txt')).equals(original)).toBe(true);
  });

  it('Arabic and Hebrew sides are right-to-left', async () => {
    const { service } = await open({ 'a.ar.txt': 'مرحبا', 'a.he.txt': 'שלום' }, { languages: [{ source: 'ar', target: 'he' }] });
    const view = await service.getArticle({ id: 'a.txt' });
    expect(view.source.dir).toBe('rtl');
    expect(view.target.dir).toBe('rtl');
  });

  it('an unknown id → unknownArticle', async () => {
    const { service } = await open(PT_EN_ES);
    await rejectsWith(service.getArticle({ id: 'missing.txt' }), 'unknownArticle');
    await rejectsWith(service.saveArticle({ id: 'missing.txt', text: 'x', expectedRevision: '' }), 'unknownArticle');
    await rejectsWith(service.setStatus({ id: 'missing.txt', status: 'done' }), 'unknownArticle');
  });

  it('an empty translation file opens', async () => {
    const { root, service, info } = await open({ 'a.pt.txt': 'Olá', 'a.en.txt': '' }, { languages: [{ source: 'pt', target: 'en' }] });
    expect(info.articles[0]!.error).toBeUndefined();
    const view = await service.getArticle({ id: 'a.txt' });
    expect(view.target.text).toBe('');
    expect(view.baseline).toBe('');
    expect(fs.statSync(join(root, '.calque', 'baselines', 'a.txt')).size).toBe(0);
  });
});

describe('saveArticle', () => {
  it('rewrites a UTF-16LE CRLF translation in place, keeping its format; the baseline is never rewritten', async () => {
    const original = utf16le('The cat sleeps.\r\nIt is late.\r\n');
    const { root, service } = await open({ 'a.pt.txt': 'O gato dorme.\nÉ tarde.', 'a.en.txt': original, ...OTHER });
    const view = await service.getArticle({ id: 'a.txt' });
    const baselinePath = join(root, '.calque', 'baselines', 'a.txt');
    const baselineStat = fs.statSync(baselinePath);

    const r1 = await service.saveArticle({ id: 'a.txt', text: 'The cat is sleeping.\nIt is late.', expectedRevision: view.revision });
    expect(fs.readFileSync(join(root, 'a.en.txt')).equals(utf16le('The cat is sleeping.\r\nIt is late.\r\n'))).toBe(true);
    expect(r1.stats).toMatchObject({ inserted: 1, replaced: 1, changed: 2, baselineWords: 6, words: 7 });
    expect(r1.revision).not.toBe(view.revision);

    const r2 = await service.saveArticle({ id: 'a.txt', text: 'The dog is sleeping.\nIt is late.', expectedRevision: r1.revision });
    expect(fs.readFileSync(join(root, 'a.en.txt')).equals(utf16le('The dog is sleeping.\r\nIt is late.\r\n'))).toBe(true);
    expect(r2.stats.changed).toBe(3);

    expect(fs.readFileSync(baselinePath).equals(original)).toBe(true);
    expect(fs.statSync(baselinePath).ino).toBe(baselineStat.ino);
    expect(fs.statSync(baselinePath).mtimeMs).toBe(baselineStat.mtimeMs);

    const again = await service.getArticle({ id: 'a.txt' });
    expect(again.baseline).toBe('The cat sleeps.\nIt is late.');
    expect(again.target.text).toBe('The dog is sleeping.\nIt is late.');
    expect(again.revision).toBe(r2.revision);
    expect(again.status).toBe('in-review');
    expect(fs.readdirSync(root).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('keeps a UTF-8 BOM, LF and no final newline', async () => {
    const { root, service } = await open({ 'a.pt.txt': 'Olá', 'a.en.txt': utf8bom('Hello there\nfriend'), ...OTHER });
    const view = await service.getArticle({ id: 'a.txt' });
    expect(view.target.format).toEqual({ encoding: 'utf-8-bom', lineEnding: '\n', finalNewline: false });
    await service.saveArticle({ id: 'a.txt', text: 'Hello there\nmy friend — café', expectedRevision: view.revision });
    expect(fs.readFileSync(join(root, 'a.en.txt')).equals(utf8bom('Hello there\nmy friend — café'))).toBe(true);
  });

  it('saves text as NFC', async () => {
    const { root, service } = await open({ 'a.pt.txt': 'Olá', 'a.en.txt': 'Hi', ...OTHER });
    const view = await service.getArticle({ id: 'a.txt' });
    await service.saveArticle({ id: 'a.txt', text: 'cafe\u0301', expectedRevision: view.revision });
    expect(fs.readFileSync(join(root, 'a.en.txt'), 'utf8')).toBe('caf\u00e9');
  });

  it('saving unchanged text leaves the bytes (and the file) untouched', async () => {
    // Decomposed input: a rewrite would normalise it to NFC and change the bytes.
    const original = Buffer.from('Cafe\u0301 and tea.\r\n', 'utf8');
    const { root, service } = await open({ 'a.pt.txt': 'Café e chá.', 'a.en.txt': original, ...OTHER });
    const path = join(root, 'a.en.txt');
    const view = await service.getArticle({ id: 'a.txt' });
    const before = fs.statSync(path);
    await sleep(20);
    const r = await service.saveArticle({ id: 'a.txt', text: view.target.text, expectedRevision: view.revision });
    expect(r.revision).toBe(view.revision);
    expect(fs.readFileSync(path).equals(original)).toBe(true);
    const after = fs.statSync(path);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it('a stale expectedRevision after an outside change → conflict, the outside content is untouched; force overwrites', async () => {
    const { root, service } = await open(PT_EN_ES);
    const path = join(root, 'a.en.txt');
    const view = await service.getArticle({ id: 'a.txt' });
    fs.writeFileSync(path, 'Edited elsewhere.\n');
    const err = await rejectsWith(service.saveArticle({ id: 'a.txt', text: 'Mine.', expectedRevision: view.revision }), 'conflict');
    expect(err.params).toMatchObject({ id: 'a.txt', reason: 'changed' });
    expect(fs.readFileSync(path, 'utf8')).toBe('Edited elsewhere.\n');

    const disk = await service.readDisk({ id: 'a.txt' });
    expect(disk.text).toBe('Edited elsewhere.');
    expect(disk.revision).not.toBe(view.revision);

    await service.saveArticle({ id: 'a.txt', text: 'Mine.', expectedRevision: view.revision, force: true });
    expect(fs.readFileSync(path, 'utf8')).toBe('Mine.\n');
  });

  it('a file deleted while open: getArticle → fileNotFound, save without force → conflict, with force → written again', async () => {
    const { root, service } = await open(PT_EN_ES);
    const path = join(root, 'a.en.txt');
    const view = await service.getArticle({ id: 'a.txt' });
    fs.rmSync(path);
    await rejectsWith(service.getArticle({ id: 'a.txt' }), 'fileNotFound');
    const err = await rejectsWith(service.saveArticle({ id: 'a.txt', text: 'Kept.', expectedRevision: view.revision }), 'conflict');
    expect(err.params.reason).toBe('deleted');
    expect(fs.existsSync(path)).toBe(false);
    await service.saveArticle({ id: 'a.txt', text: 'Kept.', expectedRevision: view.revision, force: true });
    // Written back in the baseline's format (UTF-8, final newline).
    expect(fs.readFileSync(path, 'utf8')).toBe('Kept.\n');
  });
});

describe('dispatch validates requests before core sees them', () => {
  it('an id that climbs out of the project → invalidRequest', async () => {
    const { service } = await open(PT_EN_ES);
    const err = await rejectsWith(dispatch(service, 'getArticle', { id: '../../etc/passwd' }), 'invalidRequest');
    expect(String(err.params.reason)).toContain('id');
    await rejectsWith(dispatch(service, 'getArticle', { id: '/etc/passwd' }), 'invalidRequest');
    await rejectsWith(dispatch(service, 'getArticle', { id: 'a\\..\\..\\x' }), 'invalidRequest');
  });

  it('extra fields → invalidRequest', async () => {
    const { service } = await open(PT_EN_ES);
    await rejectsWith(dispatch(service, 'getArticle', { id: 'a.txt', extra: 1 }), 'invalidRequest');
    await rejectsWith(dispatch(service, 'setStatus', { id: 'a.txt', status: 'done', sneaky: true }), 'invalidRequest');
  });

  it('wrong types, bad enums and unknown methods → invalidRequest; a valid request goes through', async () => {
    const { service } = await open(PT_EN_ES);
    await rejectsWith(dispatch(service, 'setStatus', { id: 'a.txt', status: 'finished' }), 'invalidRequest');
    await rejectsWith(dispatch(service, 'saveArticle', { id: 'a.txt', text: 42, expectedRevision: '' }), 'invalidRequest');
    await rejectsWith(dispatch(service, 'setLanguages', { pairs: [{ source: 'txt', target: 'en' }] }), 'invalidRequest');
    await rejectsWith(dispatch(service, 'cancelJob', { jobId: 'not-a-uuid' }), 'invalidRequest');
    await rejectsWith(dispatch(service, 'nope' as never, {}), 'invalidRequest');
    const view = await dispatch(service, 'getArticle', { id: 'a.txt' });
    expect(view.target.text).toBe('The cat sleeps.');
  });
});

describe('unreadable articles', () => {
  it('a binary translation gives that article an error row; the others still open', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const { service, info } = await open({ ...PT_EN_ES, 'a.en.txt': png });
    const a = info.articles.find((x) => x.id === 'a.txt')!;
    const b = info.articles.find((x) => x.id === 'b.txt')!;
    expect(a.error).toMatchObject({ code: 'binaryFile', params: { path: 'a.en.txt' } });
    expect(b.error).toBeUndefined();
    await rejectsWith(service.getArticle({ id: 'a.txt' }), 'binaryFile');
    expect((await service.getArticle({ id: 'b.txt' })).target.text).toBe('The dog eats.');
  });

  it('a file larger than MAX_FILE_BYTES → row error fileTooLarge, and getArticle throws it', async () => {
    const { root } = await open(PT_EN_ES);
    const big = join(root, 'a.en.txt');
    fs.truncateSync(big, 50 * 1024 * 1024); // sparse: no 50 MB written
    expect(fs.statSync(big).size).toBeGreaterThan(MAX_FILE_BYTES);
    const service = newService(root);
    const info = await service.openProject({});
    expect(info.articles.find((x) => x.id === 'a.txt')!.error).toMatchObject({ code: 'fileTooLarge', params: { path: 'a.en.txt', limit: MAX_FILE_BYTES } });
    expect(info.articles.find((x) => x.id === 'b.txt')!.error).toBeUndefined();
    await rejectsWith(service.getArticle({ id: 'a.txt' }), 'fileTooLarge');
    expect(fs.existsSync(join(root, '.calque', 'baselines', 'a.txt'))).toBe(false);
  });
});

describe('project.json problems', () => {
  it('a malformed project.json sets configError, the project still opens, setLanguages backs it up and writes a valid one', async () => {
    const broken = '{ "formatVersion": 1, "pairs": [ oops';
    const { root, service, info } = await open({ ...PT_EN_ES, '.calque/project.json': broken });
    expect(info.configError).toMatchObject({ code: 'projectConfigInvalid' });
    expect(info.articles.map((a) => a.id)).toEqual(['a.txt', 'b.txt']);
    // Opening did not overwrite what the user wrote.
    expect(fs.readFileSync(join(root, '.calque', 'project.json'), 'utf8')).toBe(broken);

    const next = await service.setLanguages({ pairs: [{ source: 'pt', target: 'en' }] });
    expect(next.configError).toBeUndefined();
    expect(next.pairs).toEqual([{ source: 'pt', target: 'en' }]);
    const backups = fs.readdirSync(join(root, '.calque')).filter((n) => n.startsWith('project.json.broken-'));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(join(root, '.calque', backups[0]!), 'utf8')).toBe(broken);
    expect(JSON.parse(fs.readFileSync(join(root, '.calque', 'project.json'), 'utf8'))).toEqual({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] });
  });
});

describe('exportAll', () => {
  it('copies every translation under the same relative names', async () => {
    const utf16 = utf16le('Hello\r\n');
    const { root, service } = await open({ ...PT_EN_ES, 'pt/news/c.md': '# Olá', 'en/news/c.md': utf16 }, { languages: [{ source: 'pt', target: 'en' }, { source: 'es', target: 'en' }] });
    const events = record(service);
    const outDir = join(tmp, 'export');
    const { jobId, outDir: reported } = await service.exportAll({ outDir });
    expect(reported).toBe(outDir);
    const finished = await waitFor(() => events.find((e) => e.name === 'job' && (e.payload as CalqueEvents['job']).jobId === jobId && (e.payload as CalqueEvents['job']).state !== 'running'));
    expect(finished.payload).toMatchObject({ jobId, state: 'finished', done: 3, total: 3 });
    expect(fs.readFileSync(join(outDir, 'a.en.txt')).equals(fs.readFileSync(join(root, 'a.en.txt')))).toBe(true);
    expect(fs.readFileSync(join(outDir, 'b.en.txt')).equals(fs.readFileSync(join(root, 'b.en.txt')))).toBe(true);
    expect(fs.readFileSync(join(outDir, 'en', 'news', 'c.md')).equals(utf16)).toBe(true);
    expect(fs.existsSync(join(outDir, 'a.pt.txt'))).toBe(false);
    // The job is over: it can no longer be cancelled.
    await rejectsWith(service.cancelJob({ jobId }), 'unknownJob');
  });

  it('refuses the project root itself and its .calque folder', async () => {
    const { root, service } = await open(PT_EN_ES);
    await rejectsWith(service.exportAll({ outDir: root }), 'exportIntoProject');
    await rejectsWith(service.exportAll({ outDir: root + '/' }), 'exportIntoProject');
    await rejectsWith(service.exportAll({ outDir: join(root, '.calque', 'out') }), 'exportIntoProject');
    await rejectsWith(service.exportAll({ outDir: 'relative/dir' }), 'invalidRequest');
  });

  it('refuses a folder inside the project (its copies would be scanned as the project\'s files)', async () => {
    const { root, service } = await open(PT_EN_ES);
    await rejectsWith(service.exportAll({ outDir: join(root, 'export') }), 'exportIntoProject');
  });

  it('cancel stops between files and leaves only whole files', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) {
      files[`s${i}.pt.txt`] = `Texto ${i}.`;
      files[`s${i}.en.txt`] = `Text ${i}. `.repeat(2000);
    }
    const { root, service } = await open(files, { languages: [{ source: 'pt', target: 'en' }] });
    const events = record(service);
    const outDir = join(tmp, 'cancelled-export');
    const { jobId } = await service.exportAll({ outDir });
    await service.cancelJob({ jobId });
    const ended = await waitFor(() => events.find((e) => e.name === 'job' && (e.payload as CalqueEvents['job']).state !== 'running'));
    const job = ended.payload as CalqueEvents['job'];
    expect(job.state).toBe('cancelled');
    expect(job.done).toBeLessThan(60);
    const written = fs.readdirSync(outDir).filter((f) => !f.startsWith('.'));
    expect(written).toHaveLength(job.done);
    for (const f of written) expect(fs.readFileSync(join(outDir, f)).equals(fs.readFileSync(join(root, f)))).toBe(true);
    expect(fs.readdirSync(outDir).filter((f) => f.startsWith('.'))).toEqual([]); // no temp files left
  });

  it('cancelJob on an unknown id → unknownJob', async () => {
    const { service } = await open(PT_EN_ES);
    await rejectsWith(service.cancelJob({ jobId: '00000000-0000-4000-8000-000000000000' }), 'unknownJob');
  });
});

describe('disk watcher', () => {
  it('emits articleChangedOnDisk after an outside write, and not after our own save', async () => {
    const { root, service } = await open(PT_EN_ES);
    const events = record(service);
    const view = await service.getArticle({ id: 'a.txt' });
    await sleep(120);

    // Our own save: not reported back.
    const saved = await service.saveArticle({ id: 'a.txt', text: 'The cat is asleep.', expectedRevision: view.revision });
    await sleep(400);
    expect(events.filter((e) => e.name === 'articleChangedOnDisk')).toEqual([]);

    // Another program writes the file: reported with the new revision.
    fs.writeFileSync(join(root, 'a.en.txt'), 'Changed by another editor, longer.\n');
    const ev = await waitFor(() => events.find((e) => e.name === 'articleChangedOnDisk'));
    const disk = await service.readDisk({ id: 'a.txt' });
    expect(ev.payload).toEqual({ id: 'a.txt', revision: disk.revision, deleted: false });
    expect(disk.revision).not.toBe(saved.revision);
  });

  it('reports a deletion', async () => {
    const { root, service } = await open(PT_EN_ES);
    const events = record(service);
    await service.getArticle({ id: 'b.txt' });
    await sleep(60);
    fs.rmSync(join(root, 'b.en.txt'));
    const ev = await waitFor(() => events.find((e) => e.name === 'articleChangedOnDisk'));
    expect(ev.payload).toMatchObject({ id: 'b.txt', deleted: true });
  });
});

describe('setStatus', () => {
  it('persists in .calque/reviews/<id>.json and appears in the next openProject', async () => {
    const { root, service } = await open({ ...PT_EN_ES, 'pt/news/c.md': 'Olá', 'en/news/c.md': 'Hello' });
    const summary = await service.setStatus({ id: 'news/c.md', status: 'done' });
    expect(summary).toMatchObject({ id: 'news/c.md', status: 'done' });
    const review = JSON.parse(fs.readFileSync(join(root, '.calque', 'reviews', 'news', 'c.md.json'), 'utf8')) as { status: string };
    expect(review.status).toBe('done');

    const fresh = newService(root);
    const info = await fresh.openProject({});
    expect(info.articles.find((a) => a.id === 'news/c.md')!.status).toBe('done');
    expect(info.articles.find((a) => a.id === 'a.txt')!.status).toBe('not-started');
    expect((await fresh.getArticle({ id: 'news/c.md' })).status).toBe('done');
  });

  it('the article list shows edits against the baseline', async () => {
    const { root, service } = await open(PT_EN_ES);
    const view = await service.getArticle({ id: 'a.txt' });
    await service.saveArticle({ id: 'a.txt', text: 'The dog sleeps.', expectedRevision: view.revision });
    const info = await newService(root).openProject({});
    expect(info.articles.find((a) => a.id === 'a.txt')).toMatchObject({ wordsChanged: 1, words: 3, status: 'in-review' });
    expect(info.articles.find((a) => a.id === 'a.txt')!.editRate).toBeCloseTo(1 / 3, 10);
  });
});

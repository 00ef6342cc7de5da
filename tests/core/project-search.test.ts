import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalqueEvents, ProjectSearch, SearchResult } from '../../main/contract/api.js';
import { dispatch } from '../../main/core/api-schemas.js';
import { describeError } from '../../main/core/messages.js';
import { TimedMatcher } from '../../main/core/search/matcher.js';
import { compileQuery, expandReplacement } from '../../main/core/search/pattern.js';
import { CalqueService } from '../../main/core/service.js';
import { rejectsWith } from '../helpers/errors.js';
import { writeProject } from '../helpers/project.js';

let tmp: string;
let root: string;
let service: CalqueService;
const jobs: CalqueEvents['job'][] = [];

beforeEach(async () => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-search-'));
  root = writeProject(join(tmp, 'p'), {
    '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }),
    'a.pt.txt': 'A chuva caiu em Recife. O rio subiu.\n\nA chuva parou.\n',
    'a.en.txt': 'The rain fell in Recife. The river rose.\n\nThe Rain stopped, the rainbow came.\n',
    'b.pt.txt': 'A chuva voltou.\n',
    'b.en.txt': 'The downpour returned.\n',
  });
  service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  service.on((name, payload) => {
    if (name === 'job') jobs.push(payload as CalqueEvents['job']);
  });
  await service.openProject({});
});

afterEach(() => {
  service.dispose();
  jobs.length = 0;
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function search(req: ProjectSearch): Promise<SearchResult> {
  const { jobId } = await service.searchProject(req);
  const end = await new Promise<CalqueEvents['job']>((resolve) => {
    const check = () => {
      const e = jobs.find((j) => j.jobId === jobId && j.state !== 'running');
      if (e) resolve(e);
      else setTimeout(check, 10);
    };
    check();
  });
  if (end.state !== 'finished') throw new Error(`search ${end.state}: ${JSON.stringify(end.error)}`);
  return service.searchResult({ jobId });
}

describe('project search', () => {
  it('finds plain text in the translation, case-insensitive by default, whole words on request, with context and segment', async () => {
    const all = await search({ pattern: 'rain', side: 'target' });
    expect(all.matches.map((m) => [m.article, m.text])).toEqual([
      ['a.txt', 'rain'],
      ['a.txt', 'Rain'],
      ['a.txt', 'rain'],
    ]);
    const words = await search({ pattern: 'rain', side: 'target', wholeWord: true, caseSensitive: true });
    expect(words.matches).toHaveLength(1);
    expect(words.matches[0]).toMatchObject({ before: 'The ', segment: 1, text: 'rain' });
    expect(words.matches[0]!.after.startsWith(' fell in Recife.')).toBe(true);
    const second = await search({ pattern: 'stopped', side: 'target' });
    expect(second.matches[0]!.segment).toBe(2);
    expect((await search({ pattern: 'chuva', side: 'source' })).matches.map((m) => m.article)).toEqual(['a.txt', 'a.txt', 'b.txt']);
  });

  it('previews a regular expression replacement with its groups, then replaces the chosen matches, one save per article', async () => {
    const res = await search({ pattern: '(\\w+) (rose|fell)', regex: true, side: 'target', replacement: '$1 had $2' });
    expect(res.matches.map((m) => [m.text, m.replacement])).toEqual([
      ['rain fell', 'rain had fell'],
      ['river rose', 'river had rose'],
    ]);
    const chosen = res.matches.filter((m) => m.text === 'river rose');
    const done = await service.replaceInProject({ query: { pattern: '(\\w+) (rose|fell)', regex: true }, replacement: '$1 had $2', matches: chosen });
    expect(done).toMatchObject({ replaced: 1, conflicts: [], stale: 0 });
    expect(fs.readFileSync(join(root, 'a.en.txt'), 'utf8')).toBe('The rain fell in Recife. The river had rose.\n\nThe Rain stopped, the rainbow came.\n');
    // The same request again: the words are no longer there, so nothing is written.
    const again = await service.replaceInProject({ query: { pattern: '(\\w+) (rose|fell)', regex: true }, replacement: '$1 had $2', matches: chosen });
    expect(again).toMatchObject({ replaced: 0, stale: 1, articles: [] });
  });

  it('replaces across articles and never touches the source', async () => {
    const res = await search({ pattern: 'the', side: 'target', wholeWord: true });
    await service.replaceInProject({ query: { pattern: 'the', wholeWord: true }, replacement: 'a', matches: res.matches });
    expect(fs.readFileSync(join(root, 'a.en.txt'), 'utf8')).toBe('a rain fell in Recife. a river rose.\n\na Rain stopped, a rainbow came.\n');
    expect(fs.readFileSync(join(root, 'b.en.txt'), 'utf8')).toBe('a downpour returned.\n');
    expect(fs.readFileSync(join(root, 'a.pt.txt'), 'utf8')).toContain('A chuva caiu');
  });

  it('a replacement is undone article by article; editors are told (byProject); one changed since is a conflict, left alone', async () => {
    const changes: CalqueEvents['articleChangedOnDisk'][] = [];
    service.on((name, payload) => void (name === 'articleChangedOnDisk' && changes.push(payload as CalqueEvents['articleChangedOnDisk'])));
    const A = fs.readFileSync(join(root, 'a.en.txt'), 'utf8');
    const B = fs.readFileSync(join(root, 'b.en.txt'), 'utf8');
    const res = await search({ pattern: 'the', side: 'target', wholeWord: true });
    const done = await service.replaceInProject({ query: { pattern: 'the', wholeWord: true }, replacement: 'a', matches: res.matches });
    expect(done.undoId).toBeTruthy();
    expect(changes.map((c) => [c.id, c.byProject, c.revision])).toEqual(done.articles.map((a) => [a.id, true, a.revision]));
    const undone = await service.undoProjectEdit({ undoId: done.undoId! });
    expect(undone.restored.map((r) => r.id).sort()).toEqual(['a.txt', 'b.txt']);
    expect(fs.readFileSync(join(root, 'a.en.txt'), 'utf8')).toBe(A);
    expect(fs.readFileSync(join(root, 'b.en.txt'), 'utf8')).toBe(B);
    expect(changes.slice(2).map((c) => c.id).sort()).toEqual(['a.txt', 'b.txt']);
    // An undo is used once.
    await rejectsWith(service.undoProjectEdit({ undoId: done.undoId! }), 'undoUnavailable');

    const again = await service.replaceInProject({ query: { pattern: 'the', wholeWord: true }, replacement: 'a', matches: (await search({ pattern: 'the', side: 'target', wholeWord: true })).matches });
    const edited = await service.readDisk({ id: 'b.txt' });
    await service.saveArticle({ id: 'b.txt', text: 'A storm returned.', expectedRevision: edited.revision });
    const partly = await service.undoProjectEdit({ undoId: again.undoId! });
    expect(partly).toMatchObject({ restored: [{ id: 'a.txt' }], conflicts: ['b.txt'] });
    expect(fs.readFileSync(join(root, 'a.en.txt'), 'utf8')).toBe(A);
    expect(fs.readFileSync(join(root, 'b.en.txt'), 'utf8')).toBe('A storm returned.\n');
  });

  it('refuses a bad regular expression at once with a clear localized error, and stops a catastrophic one in time', async () => {
    await rejectsWith(service.searchProject({ pattern: '(unclosed', regex: true, side: 'target' }), 'invalidPattern');
    const err = (() => {
      try {
        compileQuery({ pattern: 'a*', regex: true });
      } catch (e) {
        return e as { code: 'invalidPattern'; params: Record<string, string> };
      }
      return null;
    })();
    expect(err?.code).toBe('invalidPattern');
    expect(describeError({ code: 'invalidPattern', params: err!.params }, 'en')).toBe('The search pattern cannot be used: it matches empty text.');
    expect(describeError({ code: 'patternTooSlow', params: { seconds: 5 } }, 'de')).toContain('5 Sekunden');
    const matcher = new TimedMatcher('(a+)+$', 'gu', 300);
    const t0 = Date.now();
    await expect(matcher.run(['a'.repeat(40) + '!'], 10)).rejects.toMatchObject({ code: 'patternTooSlow' });
    expect(Date.now() - t0).toBeLessThan(3000);
    await rejectsWith(dispatch(service, 'searchProject', { pattern: '', side: 'target' }), 'invalidRequest');
    await rejectsWith(dispatch(service, 'replaceInProject', { query: { pattern: 'x' }, replacement: 'y', matches: [{ article: 'a.txt', start: 3, end: 3, text: '' }] }), 'invalidRequest');
  });

  it('concordance: a source word with the translations of its sentences', async () => {
    const res = await search({ pattern: 'rio', side: 'source', wholeWord: true, concordance: true });
    expect(res.matches).toHaveLength(1);
    expect(res.matches[0]!.aligned).toBe('The river rose.');
  });

  it('expands replacements with the match context (look-behind) and says when the pattern no longer matches there', () => {
    const q = { pattern: '(?<=The )(\\w+)', regex: true };
    const text = 'The rain fell.';
    expect(expandReplacement(text, 4, 4, q, '[$1]')).toBe('[rain]');
    expect(expandReplacement(text, 5, 3, q, '[$1]')).toBeNull();
  });
});

describe('project search as a job', () => {
  it('cancelled between batches: no further article is searched, the job says cancelled, and no result is kept', { timeout: 60_000 }, async () => {
    // Two articles of more than one batch each, so the search reports progress (and can stop) between them.
    const big = join(tmp, 'big');
    const long = 'The rain fell.\n\n'.repeat(Math.ceil(2_100_000 / 16)) + 'It fell in Recife.\n';
    const files: Record<string, string> = { '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }) };
    for (const n of ['a', 'b']) Object.assign(files, { [`${n}.pt.txt`]: 'A chuva caiu.\n', [`${n}.en.txt`]: long });
    const s = new CalqueService({ root: writeProject(big, files), host: { kind: 'cli' }, watchIntervalMs: 60_000 });
    try {
      await s.openProject({});
      const events: CalqueEvents['job'][] = [];
      const ended = new Promise<CalqueEvents['job']>((resolve) =>
        s.on((name, payload) => {
          const j = payload as CalqueEvents['job'];
          if (name !== 'job' || events.some((e) => e.state !== 'running')) return;
          events.push(j);
          // The first batch is done: cancel through the job API, as the dialog's Cancel does.
          if (j.state === 'running' && j.done === 1) void s.cancelJob({ jobId: j.jobId });
          if (j.state !== 'running') resolve(j);
        }),
      );
      const { jobId } = await s.searchProject({ pattern: 'Recife', side: 'target' });
      const end = await ended;
      expect(end).toMatchObject({ jobId, state: 'cancelled', done: 1, total: 2 });
      expect(events.filter((e) => e.state === 'running').map((e) => e.done)).toEqual([0, 1]);
      await rejectsWith(s.searchResult({ jobId }), 'unknownJob');
      // A search that is let run answers every article.
      const again = await s.searchProject({ pattern: 'Recife', side: 'target', wholeWord: true });
      const finished = await new Promise<CalqueEvents['job']>((resolve) => s.on((name, p) => void (name === 'job' && (p as CalqueEvents['job']).state !== 'running' && resolve(p as CalqueEvents['job']))));
      expect(finished).toMatchObject({ jobId: again.jobId, state: 'finished', done: 2, total: 2 });
      expect((await s.searchResult({ jobId: again.jobId })).matches.map((m) => m.article)).toEqual(['a.txt', 'b.txt']);
    } finally {
      s.dispose();
    }
  });
});

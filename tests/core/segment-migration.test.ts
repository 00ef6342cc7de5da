import { REVIEW_FORMAT_VERSION } from '../../main/core/article/review-store.js';
/** Reviews and annotations of the previous format version read, and are upgraded with segment ids once. */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalqueService } from '../../main/core/service.js';
import { segmentOfEditingKey, upgradeReview } from '../../main/core/article/segment-migration.js';
import { ReviewStore } from '../../main/core/article/review-store.js';
import { FileLocks } from '../../main/core/platform/file-lock.js';
import { plainText } from '../../main/core/formats/plain-text/index.js';

let tmp: string;
const services: CalqueService[] = [];
beforeEach(() => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-migrate-'));
});
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function write(root: string, rel: string, content: string) {
  fs.mkdirSync(join(root, rel, '..'), { recursive: true });
  fs.writeFileSync(join(root, rel), content);
}

const TARGET = 'The rain stopped.\n\nThe mayor spoke. Schools reopen.\n\nThe end.';
// A review and annotations exactly as the previous version wrote them (no version, no segment).
const V1_REVIEW = {
  status: 'in-review',
  updatedAt: '2026-11-30T10:00:00.000Z',
  editingMs: { 'b0.0': 1000, 'b1.1': 2500, 'a1.1+0': 500, 'b9.0': 40 },
  ignores: [{ rule: 'qa.double-space', text: '  ' }],
};
const v1Annotation = (id: string, start: number, end: number, exact: string) =>
  JSON.stringify({ id, side: 'target', start, end, quote: { exact, prefix: '', suffix: '' }, category: 'Style/Awkward', severity: 'minor', comment: '', created: '2026-11-30T10:00:00.000Z', modified: '2026-11-30T10:00:00.000Z' });

function project(): string {
  const root = join(tmp, 'p');
  write(root, 'a.pt.txt', 'A chuva parou.\n\nO prefeito falou. As escolas reabrem.\n\nFim.');
  write(root, 'a.en.txt', TARGET);
  write(root, '.calque/project.json', JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }));
  write(root, '.calque/baselines/a.txt', TARGET);
  write(root, '.calque/reviews/a.txt.json', JSON.stringify(V1_REVIEW, null, 2));
  write(root, '.calque/annotations/a.txt.jsonl', [v1Annotation('x1', 23, 28, 'mayor'), 'not json at all', v1Annotation('x2', 57, 60, 'end')].join('\n') + '\n');
  return root;
}

describe('migration to segment ids', () => {
  it('an old review still reads as it is', async () => {
    const root = project();
    const review = await new ReviewStore(root, new FileLocks(root)).read('a.txt');
    expect(review).toMatchObject({ status: 'in-review', editingMs: V1_REVIEW.editingMs, ignores: V1_REVIEW.ignores, segments: {} });
    expect(review.formatVersion).toBeUndefined();
  });

  it('editing-time keys map to the segment holding their baseline paragraph', () => {
    const baseline = plainText.read(Buffer.from(TARGET), { path: 'a.en.txt' });
    expect(['b0.0', 'b1.1', 'a1.1+0', 'b2.0', 'b9.0', 'weird'].map((k) => segmentOfEditingKey(k, baseline))).toEqual(['p1', 'p2', 'p2', 'p3', undefined, undefined]);
  });

  it('opening the article upgrades its review and annotations once, keeping everything they had', async () => {
    const root = project();
    const service = new CalqueService({ root, host: { kind: 'cli' } });
    services.push(service);
    await service.openProject({});
    await service.getArticle({ id: 'a.txt' });

    const review = JSON.parse(fs.readFileSync(join(root, '.calque/reviews/a.txt.json'), 'utf8'));
    expect(review).toMatchObject({ ...V1_REVIEW, updatedAt: expect.any(String), formatVersion: REVIEW_FORMAT_VERSION, segments: { p1: { editingMs: 1000 }, p2: { editingMs: 3000 } } });
    const lines = fs.readFileSync(join(root, '.calque/annotations/a.txt.jsonl'), 'utf8').split('\n');
    expect(lines.map((l) => (l.startsWith('{') ? JSON.parse(l).segment : l))).toEqual(['p2', 'p3', 'not json at all', '']);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: 'x1', start: 23, end: 28, quote: { exact: 'mayor' } });

    // Once upgraded, opening again changes nothing.
    const before = fs.readFileSync(join(root, '.calque/reviews/a.txt.json'), 'utf8');
    await service.getArticle({ id: 'a.txt' });
    expect(fs.readFileSync(join(root, '.calque/reviews/a.txt.json'), 'utf8')).toBe(before);

    // New editing time is kept by key and by segment.
    await service.recordEditingTime({ id: 'a.txt', segments: { 'b2.0': 700 } });
    const after = JSON.parse(fs.readFileSync(join(root, '.calque/reviews/a.txt.json'), 'utf8'));
    expect(after.segments.p3).toEqual({ editingMs: 700 });
    expect(after.editingMs['b2.0']).toBe(700);
  });

  it('upgradeReview leaves a current review alone', () => {
    const current = { ...V1_REVIEW, status: 'in-review' as const, formatVersion: REVIEW_FORMAT_VERSION, segments: {}, editingMs: {} };
    expect(upgradeReview(current, plainText.read(Buffer.from(TARGET), { path: 'x.txt' }))).toBeNull();
  });
});

describe('annotations of a bilingual table name their row', () => {
  it('getAnnotations and saveAnnotations give each annotation the id of the row it is in', async () => {
    const root = join(tmp, 't');
    write(root, 'r.tsv', 'id\tsource (es)\ttarget (en)\nA-7\tHola.\tHello.\nB-9\tAdiós.\tGoodbye.\n');
    const service = new CalqueService({ root, host: { kind: 'cli' } });
    services.push(service);
    await service.openProject({});
    const view = await service.getArticle({ id: 'r.tsv' });
    const start = view.target.text.indexOf('Goodbye');
    const now = new Date().toISOString();
    await service.saveAnnotations({
      id: 'r.tsv',
      annotations: [{ id: 'n1', side: 'target', start, end: start + 7, quote: { exact: 'Goodbye', prefix: '', suffix: '' }, category: 'Style/Awkward', severity: 'minor', comment: '', created: now, modified: now }],
    });
    expect(JSON.parse(fs.readFileSync(join(root, '.calque/annotations/r.tsv.jsonl'), 'utf8')).segment).toBe('B-9');
    // Typing a new first row's text moves the offsets; the segment is still the row it is in.
    const edited = view.target.text.replace('Hello.', 'Hello there.');
    const { annotations } = await service.getAnnotations({ id: 'r.tsv', text: edited });
    expect(annotations.map((a) => [a.segment, edited.slice(a.start, a.end)])).toEqual([['B-9', 'Goodbye']]);
  });
});

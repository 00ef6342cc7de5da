import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REVIEW_FORMAT_VERSION, type ReviewRecord } from '../../../main/core/article/review-store.js';
import { articleSegments, fileStatesFromReview } from '../../../main/core/article/segment-states.js';
import { withSegmentStates } from '../../../main/core/formats/segment-states.js';
import type { Document } from '../../../main/contract/document.js';
import { dispatch } from '../../../main/core/api-schemas.js';
import { CalqueService } from '../../../main/core/service.js';
import { countSegmentStates, deriveSegmentState, segmentTextHash, statusFromSegments } from '../../../main/common/segments/states.js';
import { rejectsWith } from '../../helpers/errors.js';
import { writeProject } from '../../helpers/project.js';
import { PO } from '../formats/po-fixture.js';

let tmp: string;
let root: string;
const services: CalqueService[] = [];

const PROJECT = {
  '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }),
  'a.pt.txt': 'O gato dorme.\n\nO cão late.\n\nA ave canta.\n',
  'a.en.txt': 'The cat sleep.\n\nThe dog barks.\n\nThe bird sings.\n',
};

beforeEach(() => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-segments-'));
  root = writeProject(join(tmp, 'project'), PROJECT);
});
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function open(): Promise<CalqueService> {
  const s = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  services.push(s);
  await s.openProject({});
  return s;
}
const review = () => JSON.parse(fs.readFileSync(join(root, '.calque/reviews/a.txt.json'), 'utf8'));

describe('deriving a segment state', () => {
  it('a mark holds while the text is the one it was given to; an edit after it reads as edited', () => {
    const mark = { state: 'confirmed' as const, textHash: segmentTextHash('The cat sleeps.') };
    expect(deriveSegmentState({ text: 'The cat sleeps.', baselineText: 'The cat sleep.', mark })).toBe('confirmed');
    expect(deriveSegmentState({ text: 'The cat sleeps!', baselineText: 'The cat sleep.', mark })).toBe('edited');
    expect(deriveSegmentState({ text: 'The cat sleep.', baselineText: 'The cat sleep.' })).toBe('not-reviewed');
    // The file's own "final" reads as confirmed, until the text changes or a mark takes it back.
    expect(deriveSegmentState({ text: 'x', baselineText: 'x', confirmedInFile: true })).toBe('confirmed');
    expect(deriveSegmentState({ text: 'x', baselineText: 'x', confirmedInFile: true, mark: { state: 'not-reviewed', textHash: segmentTextHash('x') } })).toBe('not-reviewed');
  });

  it('the status follows the counts: all confirmed is done, any work is in review', () => {
    const c = (states: ('confirmed' | 'edited' | 'not-reviewed')[]) => countSegmentStates(states.map((state) => ({ state, locked: false })));
    expect(statusFromSegments(c(['confirmed', 'confirmed']))).toBe('done');
    expect(statusFromSegments(c(['confirmed', 'not-reviewed']))).toBe('in-review');
    expect(statusFromSegments(c(['not-reviewed']))).toBe('not-started');
    expect(statusFromSegments(c([]))).toBe('not-started');
  });
});

describe('segment states through the service', () => {
  it('the article view lists each segment with its ranges; confirming all of them makes the article done, in the list too', async () => {
    const s = await open();
    const view = await s.getArticle({ id: 'a.txt' });
    expect(view.segments.map((g) => [g.id, g.state, g.locked])).toEqual([
      ['p1', 'not-reviewed', false],
      ['p2', 'not-reviewed', false],
      ['p3', 'not-reviewed', false],
    ]);
    expect(view.target.text.slice(...view.segments[1]!.target!)).toBe('The dog barks.');
    expect(view.source.text.slice(...view.segments[1]!.source!)).toBe('O cão late.');
    const texts = view.segments.map((g) => ({ id: g.id, text: view.target.text.slice(...g.target!) }));
    const first = await s.setSegmentState({ id: 'a.txt', segments: texts.slice(0, 1), state: 'confirmed' });
    expect(first.status).toBe('in-review');
    const all = await s.setSegmentState({ id: 'a.txt', segments: texts.slice(1), state: 'confirmed' });
    expect(all.status).toBe('done');
    const info = await s.openProject({});
    expect(info.articles[0]!.status).toBe('done');
    expect(info.articles[0]!.segmentCounts).toMatchObject({ confirmed: 3, total: 3, 'not-reviewed': 0 });
    expect(review().formatVersion).toBe(REVIEW_FORMAT_VERSION);
  });

  it('editing a confirmed segment and saving makes it edited and the article in review again', async () => {
    const s = await open();
    const view = await s.getArticle({ id: 'a.txt' });
    const texts = view.segments.map((g) => ({ id: g.id, text: view.target.text.slice(...g.target!) }));
    await s.setSegmentState({ id: 'a.txt', segments: texts, state: 'confirmed' });
    await s.saveArticle({ id: 'a.txt', text: view.target.text.replace('sleep.', 'sleeps.'), expectedRevision: view.revision });
    const again = await s.getArticle({ id: 'a.txt' });
    expect(again.segments.map((g) => g.state)).toEqual(['edited', 'confirmed', 'confirmed']);
    expect(again.status).toBe('in-review');
  });

  it('a status set by hand stays and is recorded as such', async () => {
    const s = await open();
    const view = await s.getArticle({ id: 'a.txt' });
    await s.setStatus({ id: 'a.txt', status: 'done' });
    expect(review().statusByHand).toBe(true);
    const one = { id: 'p1', text: view.target.text.slice(...view.segments[0]!.target!) };
    expect((await s.setSegmentState({ id: 'a.txt', segments: [one], state: 'rejected' })).status).toBe('done');
    expect((await s.getArticle({ id: 'a.txt' })).statusByHand).toBe(true);
  });

  it('a locked segment refuses a mark and a save that changes it, and takes both once unlocked', async () => {
    const s = await open();
    const view = await s.getArticle({ id: 'a.txt' });
    const two = { id: 'p2', text: 'The dog barks.' };
    await s.setSegmentState({ id: 'a.txt', segments: [two], locked: true });
    await rejectsWith(s.setSegmentState({ id: 'a.txt', segments: [two], state: 'confirmed' }), 'segmentLocked');
    await rejectsWith(s.saveArticle({ id: 'a.txt', text: view.target.text.replace('barks', 'barked'), expectedRevision: view.revision }), 'segmentLocked');
    expect(fs.readFileSync(join(root, 'a.en.txt'), 'utf8')).toBe(PROJECT['a.en.txt']);
    // Another segment can still be edited.
    const saved = await s.saveArticle({ id: 'a.txt', text: view.target.text.replace('sings', 'sang'), expectedRevision: view.revision });
    expect((await s.getArticle({ id: 'a.txt' })).segments[1]!.locked).toBe(true);
    await s.setSegmentState({ id: 'a.txt', segments: [two], locked: false });
    await s.saveArticle({ id: 'a.txt', text: view.target.text.replace('sings', 'sang').replace('barks', 'barked'), expectedRevision: saved.revision });
    expect(fs.readFileSync(join(root, 'a.en.txt'), 'utf8')).toContain('barked');
  });

  it('unknown segment ids and malformed requests are refused', async () => {
    const s = await open();
    await s.getArticle({ id: 'a.txt' });
    await rejectsWith(s.setSegmentState({ id: 'a.txt', segments: [{ id: 'p9', text: '' }], state: 'confirmed' }), 'unknownSegment');
    await rejectsWith(dispatch(s, 'setSegmentState', { id: 'a.txt', segments: [{ id: 'p1', text: '' }] }), 'invalidRequest');
    await rejectsWith(dispatch(s, 'setSegmentState', { id: 'a.txt', segments: [{ id: '__proto__', text: '' }], state: 'confirmed' }), 'invalidRequest');
    await rejectsWith(dispatch(s, 'setSegmentState', { id: 'a.txt', segments: [{ id: 'p1', text: '' }], state: 'edited' }), 'invalidRequest');
  });
});

describe('older reviews', () => {
  it('a version 2 review keeps its editing time and a "done" it could only have had by hand', async () => {
    const v2 = { formatVersion: 2, status: 'done', updatedAt: '2026-01-01T00:00:00Z', editingMs: { 'b0.0': 500 }, segments: { p1: { editingMs: 500 } }, ignores: [{ rule: 'x', text: 'y' }] };
    writeProject(root, { '.calque/reviews/a.txt.json': JSON.stringify(v2) });
    const s = await open();
    const view = await s.getArticle({ id: 'a.txt' });
    expect(view.status).toBe('done');
    expect(view.statusByHand).toBe(true);
    const r = review();
    expect(r.formatVersion).toBe(REVIEW_FORMAT_VERSION);
    expect(r.segments.p1.editingMs).toBe(500);
    expect(r.ignores).toEqual([{ rule: 'x', text: 'y' }]);
    expect(r.editingMs).toEqual({ 'b0.0': 500 });
  });
});

describe('the report shows the segment states', () => {
  it('counts per state and each segment with its number, state and lock, in HTML and JSON, for the article and the project', async () => {
    const s = await open();
    const view = await s.getArticle({ id: 'a.txt' });
    const text = (i: number) => ({ id: view.segments[i]!.id, text: view.target.text.slice(...view.segments[i]!.target!) });
    await s.setSegmentState({ id: 'a.txt', segments: [text(0)], state: 'confirmed' });
    await s.setSegmentState({ id: 'a.txt', segments: [text(1)], state: 'rejected', locked: true });
    const json = JSON.parse(Buffer.from((await s.exportReport({ id: 'a.txt', format: 'json', lng: 'en' })).dataBase64!, 'base64').toString('utf8'));
    const states = json.articles[0].segmentStates;
    expect(states.counts).toMatchObject({ confirmed: 1, rejected: 1, 'not-reviewed': 1, locked: 1, total: 3 });
    expect(states.segments.map((x: { number: number; state: string; locked: boolean }) => [x.number, x.state, x.locked])).toEqual([
      [1, 'confirmed', false],
      [2, 'rejected', true],
      [3, 'not-reviewed', false],
    ]);
    expect(json.totals.segmentCounts).toEqual(states.counts);
    // The same counts as the article list.
    expect((await s.openProject({})).articles[0]!.segmentCounts).toEqual(states.counts);
    const page = Buffer.from((await s.exportReport({ id: 'a.txt', format: 'html', lng: 'fr' })).dataBase64!, 'base64').toString('utf8');
    expect(page).toContain('États des segments');
    expect(page).toMatch(/<tr class="seg-state-rejected"><th scope="row" class="num">2<\/th><td>Rejeté<\/td><td>Verrouillé<\/td>/);
  });
});

describe('states written back into a file that carries them', () => {
  const seg = (id: string, text: string, at: number, state?: 'initial' | 'translated' | 'reviewed' | 'final', subState?: string) => ({
    id,
    target: { content: [{ kind: 'text' as const, text }], start: at, end: at + text.length },
    ...(state ? { state } : {}),
    ...(subState ? { subState } : {}),
  });
  const doc: Document = {
    format: 'fake',
    bilingual: true,
    units: [{ id: 'u1', kind: 'unit', segments: [seg('s1', 'One.', 0, 'translated'), seg('s2', 'Two.', 6, 'final', 'ApprovedSignOff'), seg('s3', 'Three.', 12, 'reviewed', 'ApprovedTranslation')] }],
    text: { source: '', target: 'One.\n\nTwo.\n\nThree.' },
    file: { encoding: 'utf-8', lineEnding: '\n', finalNewline: false },
  };

  it('a confirmed segment becomes reviewed (a final one stays final); a confirmation taken back becomes translated', () => {
    const record = { status: 'in-review', editingMs: {}, ignores: [], segments: { s1: { mark: { state: 'confirmed' as const, textHash: segmentTextHash('One.') } }, s3: { mark: { state: 'not-reviewed' as const, textHash: segmentTextHash('Three.') } } } } as unknown as ReviewRecord;
    const segments = articleSegments({ source: doc, target: doc, baseline: doc }, record);
    expect(segments.map((s) => s.state)).toEqual(['confirmed', 'confirmed', 'not-reviewed']);
    const states = fileStatesFromReview(doc, segments);
    expect(states).toEqual({ s1: 'reviewed', s3: 'translated' });
    const next = withSegmentStates(doc, states);
    expect(next.units[0]!.segments.map((s) => [s.state, s.subState])).toEqual([
      ['reviewed', undefined],
      ['final', 'ApprovedSignOff'],
      ['translated', undefined],
    ]);
  });
});

describe('a PO article: the review states go back into the file on export', () => {
  it('confirming the fuzzy entry clears its fuzzy flag in the exported file, and nothing else changes', async () => {
    root = writeProject(join(tmp, 'po'), { 'l10n/guide.po': PO, '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'en', target: 'pt-BR' }] }) });
    const s = await open();
    const view = await s.getArticle({ id: 'l10n/guide.po' });
    const fuzzy = view.segments.find((g) => view.target.text.slice(...g.target!).startsWith('Ela disse'))!;
    expect(fuzzy.state).toBe('not-reviewed');
    await s.setSegmentState({ id: 'l10n/guide.po', segments: [{ id: fuzzy.id, text: view.target.text.slice(...fuzzy.target!) }], state: 'confirmed' });
    const exported = Buffer.from((await s.exportArticle({ id: 'l10n/guide.po' })).dataBase64!, 'base64').toString('utf8');
    expect(exported).toBe(PO.replace('#, c-format, fuzzy\n', '#, c-format\n'));
    // The file in the project is the reviewer's working copy: left as it was.
    expect(fs.readFileSync(join(root, 'l10n/guide.po'), 'utf8')).toBe(PO);
  });
});

import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { segmentTextHash } from '../../../main/common/segments/states.js';
import { CalqueService } from '../../../main/core/service.js';
import { rejectsWith } from '../../helpers/errors.js';
import { writeProject } from '../../helpers/project.js';

let tmp: string;
let root: string;
let service: CalqueService;
const EN = 'The cat sleep.\n\nThe dog barks.\n\nThe bird sings.\n';

beforeEach(async () => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-stable-ids-'));
  root = writeProject(join(tmp, 'project'), {
    '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }),
    'a.pt.txt': 'O gato dorme.\n\nO cão late.\n\nA ave canta.\n',
    'a.en.txt': EN,
  });
  service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  await service.openProject({});
});
afterEach(() => {
  service.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const save = async (text: string) => service.saveArticle({ id: 'a.txt', text, expectedRevision: (await service.readDisk({ id: 'a.txt' })).revision });
const byText = async () => {
  const v = await service.getArticle({ id: 'a.txt' });
  return v.segments.filter((s) => s.target).map((s) => ({ id: s.id, text: v.target.text.slice(s.target![0], s.target![1]), state: s.state, locked: s.locked, source: s.source ? v.source.text.slice(...s.source) : undefined }));
};

describe('plain-text segments keep their states through inserted, deleted and moved paragraphs', () => {
  it('a paragraph inserted above: the confirmed and locked paragraphs keep their state, and their source', async () => {
    await service.getArticle({ id: 'a.txt' });
    await service.setSegmentState({ id: 'a.txt', segments: [{ id: 'p2', text: 'The dog barks.' }], state: 'confirmed' });
    await service.setSegmentState({ id: 'a.txt', segments: [{ id: 'p3', text: 'The bird sings.' }], locked: true });
    await save('The cat sleeps.\n\nA new paragraph.\n\nThe dog barks.\n\nThe bird sings.');
    expect(await byText()).toEqual([
      { id: 'p1', text: 'The cat sleeps.', state: 'edited', locked: false, source: 'O gato dorme.' },
      { id: 'p1.1', text: 'A new paragraph.', state: 'edited', locked: false, source: undefined },
      { id: 'p2', text: 'The dog barks.', state: 'confirmed', locked: false, source: 'O cão late.' },
      { id: 'p3', text: 'The bird sings.', state: 'not-reviewed', locked: true, source: 'A ave canta.' },
    ]);
    // The locked paragraph is still refused an edit, though it moved down.
    await rejectsWith(save('The cat sleeps.\n\nA new paragraph.\n\nThe dog barks.\n\nThe bird SINGS.'), 'segmentLocked');
    const counts = (await service.openProject({})).articles[0]!.segmentCounts!;
    expect(counts).toMatchObject({ confirmed: 1, edited: 2, 'not-reviewed': 1, locked: 1, total: 4 });
  });

  it('a paragraph deleted and one moved: each state stays with its text', async () => {
    await service.getArticle({ id: 'a.txt' });
    await service.setSegmentState({ id: 'a.txt', segments: [{ id: 'p3', text: 'The bird sings.' }], state: 'confirmed' });
    await save('The bird sings.\n\nThe cat sleep.');
    expect((await byText()).map((s) => [s.id, s.text, s.state])).toEqual([
      ['p3', 'The bird sings.', 'confirmed'],
      ['p1', 'The cat sleep.', 'not-reviewed'],
    ]);
  });

  it('an annotation names the stable id of its paragraph after a paragraph is inserted above it', async () => {
    await service.getArticle({ id: 'a.txt' });
    const start = EN.indexOf('bird');
    await service.saveAnnotations({ id: 'a.txt', annotations: [{ id: 'n1', side: 'target', start, end: start + 4, quote: { exact: 'bird', prefix: 'The ', suffix: ' sings' }, category: 'Accuracy/Mistranslation', severity: 'minor', comment: '', created: '2026-12-04T10:00:00.000Z', modified: '2026-12-04T10:00:00.000Z' }] });
    await save('Above.\n\n' + EN);
    const { annotations } = await service.getAnnotations({ id: 'a.txt' });
    expect(annotations).toHaveLength(1);
    expect(annotations[0]!.orphaned).toBeFalsy();
    expect(annotations[0]!.segment).toBe('p3');
  });

  it('an annotations file written with positional ids names the stable id of its paragraph when read', async () => {
    await service.getArticle({ id: 'a.txt' }); // the baseline is the three paragraphs: cat p1, dog p2, bird p3
    const text = 'Inserted.\n\n' + EN;
    fs.writeFileSync(join(root, 'a.en.txt'), text);
    // Written when ids were positions: "bird" was then in the fourth paragraph, p4.
    const start = text.indexOf('bird');
    const line = { id: 'old1', side: 'target', segment: 'p4', start, end: start + 4, quote: { exact: 'bird', prefix: 'The ', suffix: ' sings' }, category: 'Accuracy/Mistranslation', severity: 'minor', comment: '', created: '2026-11-30T10:00:00.000Z', modified: '2026-11-30T10:00:00.000Z' };
    fs.mkdirSync(join(root, '.calque/annotations'), { recursive: true });
    fs.writeFileSync(join(root, '.calque/annotations/a.txt.jsonl'), JSON.stringify(line) + '\n');
    await service.getArticle({ id: 'a.txt' });
    const { annotations } = await service.getAnnotations({ id: 'a.txt' });
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatchObject({ id: 'old1', segment: 'p3', quote: { exact: 'bird' } });
    expect(annotations[0]!.orphaned).toBeFalsy();
  });

  it('a review written with positional ids (version 3) moves its marks and locks to the stable ids when opened', async () => {
    await service.getArticle({ id: 'a.txt' }); // the baseline is the three paragraphs
    fs.writeFileSync(join(root, 'a.en.txt'), 'Inserted.\n\n' + EN);
    const positional = { formatVersion: 3, status: 'in-review', updatedAt: '2026-12-01T00:00:00.000Z', editingMs: {}, ignores: [], segments: { p3: { mark: { state: 'confirmed', textHash: segmentTextHash('The dog barks.') } }, p4: { locked: true }, p1: { editingMs: 500 } } };
    fs.writeFileSync(join(root, '.calque/reviews/a.txt.json'), JSON.stringify(positional));
    const segs = await byText();
    expect(segs.find((s) => s.text === 'The dog barks.')).toMatchObject({ id: 'p2', state: 'confirmed' });
    expect(segs.find((s) => s.text === 'The bird sings.')).toMatchObject({ id: 'p3', locked: true });
    const review = JSON.parse(fs.readFileSync(join(root, '.calque/reviews/a.txt.json'), 'utf8'));
    expect(review.formatVersion).toBe(4);
    expect(review.segments).toEqual({ p1: { editingMs: 500 }, p2: { mark: positional.segments.p3.mark }, p3: { locked: true } });
  });

  it('the article list counts a version 3 review by its stable ids before the article is opened again', async () => {
    await service.getArticle({ id: 'a.txt' });
    fs.writeFileSync(join(root, 'a.en.txt'), 'Inserted.\n\n' + EN);
    const positional = { formatVersion: 3, status: 'in-review', updatedAt: '2026-12-01T00:00:00.000Z', editingMs: {}, ignores: [], segments: { p3: { mark: { state: 'confirmed', textHash: segmentTextHash('The dog barks.') } }, p4: { locked: true } } };
    fs.writeFileSync(join(root, '.calque/reviews/a.txt.json'), JSON.stringify(positional));
    const counts = (await service.openProject({})).articles[0]!.segmentCounts!;
    expect(counts).toMatchObject({ confirmed: 1, locked: 1, total: 4 });
  });
});

import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../main/contract/review.js';
import { AnnotationStore } from '../../../main/core/article/annotation-store.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'calque-annotations-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function make(id: string, start: number, side: Annotation['side'] = 'target'): Annotation {
  return {
    id,
    side,
    start,
    end: start + 4,
    quote: { exact: 'word', prefix: 'a ', suffix: ' b' },
    category: 'Style/Awkward',
    severity: 'minor',
    comment: `note ${id}`,
    created: '2024-05-01T10:00:00.000Z',
    modified: '2024-05-01T10:00:00.000Z',
  };
}

describe('AnnotationStore', () => {
  it('writes one annotation per line in the stable order and reads them back', async () => {
    const store = new AnnotationStore(root);
    await store.write('news/storm.txt', [make('z', 30), make('y', 2, 'source'), make('x', 10)], []);
    const raw = await readFile(join(root, '.calque/annotations/news/storm.txt.jsonl'), 'utf8');
    const lines = raw.trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as Annotation).id)).toEqual(['y', 'x', 'z']);
    expect(raw.endsWith('\n')).toBe(true);
    const back = await store.read('news/storm.txt');
    expect(back.invalidLines).toEqual([]);
    expect(back.annotations).toEqual([make('y', 2, 'source'), make('x', 10), make('z', 30)]);
  });

  it('reads a missing file as no annotations', async () => {
    expect(await new AnnotationStore(root).read('none.txt')).toEqual({ annotations: [], invalidLines: [] });
  });

  it('reports malformed lines with their number and keeps them on the next write', async () => {
    const store = new AnnotationStore(root);
    const path = join(root, '.calque/annotations/a.txt.jsonl');
    await mkdir(join(root, '.calque/annotations'), { recursive: true });
    const good = JSON.stringify(make('g', 5));
    const wrongSeverity = JSON.stringify({ ...make('w', 9), severity: 'awful' });
    await writeFile(path, `${good}\n{not json\n\n${wrongSeverity}\n`);
    const { annotations, invalidLines } = await store.read('a.txt');
    expect(annotations.map((a) => a.id)).toEqual(['g']);
    expect(invalidLines.map((l) => l.line)).toEqual([2, 4]);
    expect(invalidLines[0]!.reason).toMatch(/not JSON/);
    expect(invalidLines[1]!.reason).toMatch(/severity/);

    await store.update('a.txt', (list) => [...list, make('n', 1)]);
    const raw = await readFile(path, 'utf8');
    expect(raw).toContain('{not json');
    expect(raw).toContain(wrongSeverity);
    const again = await store.read('a.txt');
    expect(again.annotations.map((a) => a.id)).toEqual(['n', 'g']);
    expect(again.invalidLines).toHaveLength(2);

    // Resolved by the caller: passing no invalid lines drops them.
    await store.write('a.txt', again.annotations, []);
    expect((await store.read('a.txt')).invalidLines).toEqual([]);
  });

  it('deletes the file when nothing is left to write', async () => {
    const store = new AnnotationStore(root);
    await store.write('b.txt', [make('a', 0)], []);
    await store.write('b.txt', [], []);
    await expect(stat(join(root, '.calque/annotations/b.txt.jsonl'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('runs concurrent updates of one article one after another, losing none', async () => {
    const store = new AnnotationStore(root);
    await Promise.all(Array.from({ length: 8 }, (_, i) => store.update('c.txt', (list) => [...list, make(`id${i}`, i)])));
    expect((await store.read('c.txt')).annotations).toHaveLength(8);
  });

  it('refuses ids that leave the annotations folder', () => {
    const store = new AnnotationStore(root);
    expect(() => store.path('../../escape')).toThrow();
    expect(() => store.path('')).toThrow();
  });
});

import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MQM_HEADER, mqmRow } from '../helpers/mqm-rows.js';
import { parseTsv } from '../../main/common/mqm/tsv.js';
import { BaselineStore } from '../../main/core/article/baseline-store.js';
import { AnnotationStore } from '../../main/core/article/annotation-store.js';
import { exportMqmTsv, importMqmTsv, MqmImportError } from '../../main/core/mqm/import-export.js';
import { readConfig } from '../../main/core/project/config.js';
import { ConfigService } from '../../main/core/project/config-service.js';
import { FileLocks } from '../../main/core/platform/file-lock.js';


// Rows out of seg_id order on purpose; "Cafe\u0301" is not NFC.
const TSV = [
  MQM_HEADER,
  mqmRow('mtA', 'walk', '2', '2', 'r1', 'We stopped at the cafe.', 'Paramos no <v>Cafe\u0301</v>.', 'Fluency/Spelling', 'Minor', 'accent'),
  mqmRow('mtA', 'walk', '1', '1', 'r1', 'The path was long.', 'O caminho era <v>comprido demais</v>.', 'Accuracy/Addition', 'Major', ''),
  mqmRow('mtA', 'walk', '1', '1', 'r1', 'The path was long.', 'O caminho era comprido demais<v>.</v>', 'Other', 'Neutral', ''),
  mqmRow('mtA', 'walk', '3', '3', 'r1', 'Night <v>fell</v> early.', 'A noite cedo.', 'Accuracy/Omission', 'Critical', ''),
  mqmRow('mtA', 'walk', '4', '4', 'r1', 'We went home.', 'Fomos para casa.', 'No-error', 'No-error', ''),
  mqmRow('mtB', 'walk', '1', '1', 'r2', 'The path was long.', 'A trilha era longa.', 'No-error', 'No-error', ''),
  mqmRow('mtB', 'walk', '2', '2', 'r2', 'We stopped at the cafe.', 'Nós paramos no café.', 'Style/Awkward', 'Minor', 'whole segment'),
].join('\n') + '\n';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calque-mqm-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function listAll(root: string): Promise<string[]> {
  try {
    return (await readdir(root, { recursive: true })).map(String).sort();
  } catch {
    return [];
  }
}

describe('importMqmTsv', () => {
  it('makes one article pair per (system, doc), one segment per line, and annotations at the right offsets', async () => {
    const project = join(dir, 'proj');
    const result = await importMqmTsv(TSV, { into: project, from: 'en', to: 'pt-BR', now: '2024-06-01T00:00:00.000Z' });
    expect(result.articles.map((a) => a.id)).toEqual(['mtA/walk.txt', 'mtB/walk.txt']);
    const target = await readFile(join(project, 'mtA/walk.pt-BR.txt'), 'utf8');
    expect(target.split('\n')).toEqual(['O caminho era comprido demais.', 'Paramos no Café.', 'A noite cedo.', 'Fomos para casa.', '']);
    const source = await readFile(join(project, 'mtA/walk.en.txt'), 'utf8');
    const { annotations } = await new AnnotationStore(project).read('mtA/walk.txt');
    expect(annotations).toHaveLength(4);
    const texts = annotations.map((a) => (a.side === 'target' ? target : source).slice(a.start, a.end));
    expect(texts).toEqual(['fell', 'comprido demais', '.', 'Café']);
    expect(annotations.map((a) => a.severity)).toEqual(['critical', 'major', 'neutral', 'minor']);
    expect(annotations[3]!.comment).toBe('accent');
    const b = await new AnnotationStore(project).read('mtB/walk.txt');
    expect(b.annotations[0]!.start).toBe(b.annotations[0]!.end); // a whole-segment error: a point at its line
    const config = await readConfig(project);
    expect(config!.pairs).toEqual([{ source: 'en', target: 'pt-BR' }]);
  });

  it('writes nothing when a row is malformed, and imports the rest with skipMalformed', async () => {
    const project = join(dir, 'proj');
    const bad = TSV + mqmRow('mtC', 'walk', '1', 'one', 'r', 'a', 'b', 'Other', 'Minor', '') + '\n' + mqmRow('mtC', 'walk', '2', '2', 'r', 'a', '<v>b</v>', 'Made up', 'Minor', '') + '\n';
    const err = await importMqmTsv(bad, { into: project, from: 'en', to: 'pt-BR' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MqmImportError);
    expect((err as MqmImportError).problems.map((p) => p.line)).toEqual([9, 10]);
    expect(await listAll(project)).toEqual([]);
    const ok = await importMqmTsv(bad, { into: project, from: 'en', to: 'pt-BR', skipMalformed: true });
    expect(ok.skipped.map((p) => p.line)).toEqual([9, 10]);
    expect(ok.articles).toHaveLength(2);
  });

  it('never overwrites an existing file', async () => {
    const project = join(dir, 'proj');
    await mkdir(join(project, 'mtB'), { recursive: true });
    await writeFile(join(project, 'mtB/walk.en.txt'), 'mine\n');
    await expect(importMqmTsv(TSV, { into: project, from: 'en', to: 'pt-BR' })).rejects.toThrow(/already exist/);
    expect(await readFile(join(project, 'mtB/walk.en.txt'), 'utf8')).toBe('mine\n');
    expect(await listAll(project)).toEqual(['mtB', 'mtB/walk.en.txt']);
  });

  it('refuses segments whose text differs between rows and unsafe names', async () => {
    const clash = TSV + mqmRow('mtB', 'walk', '1', '1', 'r3', 'The path was long!', 'A trilha era longa.', 'No-error', 'No-error', '') + '\n' + mqmRow('..', 'x', '1', '1', 'r', 'a', 'b', 'No-error', 'No-error', '') + '\n';
    const err = (await importMqmTsv(clash, { into: join(dir, 'p'), from: 'en', to: 'pt-BR' }).catch((e: unknown) => e)) as MqmImportError;
    expect(err.problems.map((p) => p.line)).toEqual([9, 10]);
    expect(err.problems[0]!.reason).toMatch(/other text than on line 7/);
  });
});

describe('exportMqmTsv', () => {
  it('round-trips an import: the same annotations, spans and segments come back', async () => {
    const project = join(dir, 'proj');
    await importMqmTsv(TSV, { into: project, from: 'en', to: 'pt-BR' });
    const out = await exportMqmTsv(project);
    const back = parseTsv(out.tsv);
    expect(back.problems).toEqual([]);
    const key = (r: { system: string; doc: string; source: string; target: string; category: string; severity: string; comment: string; span?: { side: string; start: number; end: number } }) =>
      JSON.stringify([r.system, r.doc, r.source.normalize('NFC'), r.target.normalize('NFC'), r.category, r.severity, r.comment, r.span ? [r.span.side, r.span.start, r.span.end] : null]);
    const original = parseTsv(TSV).rows.map((r) => ({ ...r, span: r.span && { ...r.span, end: r.span.end - (r.target.includes('\u0301') && r.span.side === 'target' ? 1 : 0) } }));
    expect(back.rows.map(key).sort()).toEqual(original.map(key).sort());
    expect(back.rows.every((r) => r.rater === 'calque')).toBe(true);
    expect(out.annotations).toBe(5);
  });

  it('writes the project folder as the system and the article id as the doc for ordinary projects', async () => {
    const project = join(dir, 'my-project');
    await mkdir(join(project, 'news'), { recursive: true });
    await new ConfigService(project, new FileLocks(project)).update((c) => ({ ...c, pairs: [{ source: 'en', target: 'fr' }] }));
    await writeFile(join(project, 'news/rain.en.txt'), 'It rained all day.\n\nThe river rose.\n');
    await writeFile(join(project, 'news/rain.fr.txt'), 'Il a plu toute la journée.\n\nLa rivière est montée.\n');
    const text = 'Il a plu toute la journée.\n\nLa rivière est montée.';
    const start = text.indexOf('montée');
    await new AnnotationStore(project).write('news/rain.txt', [{
      id: 'k', side: 'target', start, end: start + 6, quote: { exact: 'montée', prefix: '', suffix: '' }, category: 'Accuracy/Mistranslation', severity: 'major', comment: '', created: 'x', modified: 'x',
    }], []);
    const out = await exportMqmTsv(project);
    const rows = parseTsv(out.tsv).rows;
    expect(rows.map((r) => [r.system, r.doc, r.segId, r.category])).toEqual([
      ['my-project', 'news/rain.txt', 1, 'No-error'],
      ['my-project', 'news/rain.txt', 3, 'Accuracy/Mistranslation'],
    ]);
    expect(rows[1]!.target.slice(rows[1]!.span!.start, rows[1]!.span!.end)).toBe('montée');
    expect(rows[1]!.severity).toBe('Major');
  });

  it('quotes the MT words of a corrected annotation: the row carries the MT line with its span there', async () => {
    const project = join(dir, 'corrected');
    await mkdir(project, { recursive: true });
    await new ConfigService(project, new FileLocks(project)).update((c) => ({ ...c, pairs: [{ source: 'en', target: 'fr' }] }));
    const mt = 'Il a plu toute la journée.\n\nLa rivière est montée.\n';
    await writeFile(join(project, 'rain.en.txt'), 'It rained all day.\n\nThe river rose.\n');
    await new BaselineStore(project, new FileLocks(project)).capture('rain.txt', Buffer.from(mt));
    const corrected = mt.replace('est montée', 'a monté');
    await writeFile(join(project, 'rain.fr.txt'), corrected);
    const at = corrected.indexOf('a monté');
    const mtAt = mt.indexOf('est montée');
    await new AnnotationStore(project).write('rain.txt', [{
      id: 'k', side: 'target', start: at, end: at + 7, quote: { exact: 'a monté', prefix: '', suffix: '' }, category: 'Fluency/Grammar', severity: 'minor', comment: '', created: 'x', modified: 'x',
      baseline: { start: mtAt, end: mtAt + 10, exact: 'est montée' },
    }], []);
    const row = parseTsv((await exportMqmTsv(project)).tsv).rows.find((r) => r.category === 'Fluency/Grammar')!;
    expect(row.target).toBe('La rivière est montée.');
    expect(row.target.slice(row.span!.start, row.span!.end)).toBe('est montée');
  });
});

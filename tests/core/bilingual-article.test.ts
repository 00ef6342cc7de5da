/** A bilingual table is one article: listed, shown side by side, checked, saved in place cell by cell. */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalqueService } from '../../main/core/service.js';
import { pairFiles } from '../../main/core/project/pairing.js';
import { rejectsWith } from '../helpers/errors.js';

let tmp: string;
const services: CalqueService[] = [];
beforeEach(() => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-bilingual-'));
});
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const TABLE =
  'id\tsource (pt-BR)\ttarget (en)\tstatus\r\n' +
  'n1\tA chuva parou na segunda-feira.\tThe rain stopped on the Monday.\tDraft\r\n' +
  'n2\t"O prefeito disse: ""Vamos reconstruir""."\tThe mayor said: "We will rebuild".\tDraft\r\n' +
  'n3\tAs escolas reabrem amanhã.\tThe schools reopen tomorrow.\tDraft\r\n';

async function open(files: Record<string, string>, languages?: { source: string; target: string }[]) {
  const root = join(tmp, 'project');
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(join(root, rel, '..'), { recursive: true });
    fs.writeFileSync(join(root, rel), content);
  }
  const service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 50, ...(languages ? { languages } : {}) });
  services.push(service);
  return { root, service, info: await service.openProject({}) };
}

describe('bilingual table through the service', () => {
  it('is listed as one article with the languages of its header, shown side by side, saved changing only the edited cell', async () => {
    const { root, service, info } = await open({ 'review/floods.tsv': TABLE, 'news/a.pt-BR.txt': 'Olá.', 'news/a.en.txt': 'Hello.' });
    const row = info.articles.find((a) => a.id === 'review/floods.tsv');
    expect(row).toMatchObject({ sourcePath: 'review/floods.tsv', targetPath: 'review/floods.tsv', sourceLang: 'pt-BR', targetLang: 'en', words: 16 });
    expect(info.unpaired).toEqual([]);

    const view = await service.getArticle({ id: 'review/floods.tsv' });
    expect(view.source.text).toBe('A chuva parou na segunda-feira.\n\nO prefeito disse: "Vamos reconstruir".\n\nAs escolas reabrem amanhã.');
    expect(view.target.text).toBe('The rain stopped on the Monday.\n\nThe mayor said: "We will rebuild".\n\nThe schools reopen tomorrow.');
    expect(view.baseline).toBe(view.target.text);
    // The baseline is a byte copy of the table, named after the article.
    expect(fs.readFileSync(join(root, '.calque/baselines/review/floods.tsv'), 'utf8')).toBe(TABLE);

    const checks = await service.checkArticle({ id: view.id });
    expect(checks.alignment.links.filter((l) => l.source.length === 1 && l.target.length === 1)).toHaveLength(3);

    const edited = view.target.text.replace('on the Monday', 'on Monday');
    const saved = await service.saveArticle({ id: view.id, text: edited, expectedRevision: view.revision });
    const after = fs.readFileSync(join(root, 'review/floods.tsv'), 'utf8');
    expect(after).toBe(TABLE.replace('The rain stopped on the Monday.', 'The rain stopped on Monday.'));
    expect(saved.stats.deleted).toBe(1);
    const reopened = await service.getArticle({ id: view.id });
    expect(reopened.target.text).toBe(edited);
    expect(reopened.baseline).toBe(view.target.text);
  });

  it('a save that merges two rows is refused with segmentsChanged and nothing is written', async () => {
    const { root, service } = await open({ 'floods.tsv': TABLE });
    const view = await service.getArticle({ id: 'floods.tsv' });
    const err = await rejectsWith(service.saveArticle({ id: view.id, text: view.target.text.replace('Monday.\n\nThe mayor', 'Monday. The mayor'), expectedRevision: view.revision }), 'segmentsChanged');
    expect(err.params).toEqual({ path: 'floods.tsv', context: 'row' });
    expect(fs.readFileSync(join(root, 'floods.tsv'), 'utf8')).toBe(TABLE);
  });

  it('a project of tables alone gets its languages from their headers, remembered in project.json', async () => {
    const { root, info } = await open({ 'a.tsv': TABLE });
    expect(info.pairs).toEqual([{ source: 'pt-BR', target: 'en' }]);
    expect(info.needsLanguages).toBe(false);
    expect(JSON.parse(fs.readFileSync(join(root, '.calque/project.json'), 'utf8')).pairs).toEqual([{ source: 'pt-BR', target: 'en' }]);
  });

  it('a table whose header names no languages takes the project’s pair', async () => {
    const { info } = await open({ 'x.csv': 'id,source,target\n1,Hola.,Hello.\n' }, [{ source: 'es', target: 'en' }]);
    expect(info.articles.map((a) => [a.id, a.sourceLang, a.targetLang])).toEqual([['x.csv', 'es', 'en']]);
  });

  it('an unreadable table is an error row, not a crash', async () => {
    const { info } = await open({ 'bad.csv': 'only one column\nhere\n' }, [{ source: 'es', target: 'en' }]);
    expect(info.articles[0]).toMatchObject({ id: 'bad.csv', error: { code: 'tableColumnsMissing' } });
  });
});

describe('pairing of bilingual files', () => {
  it('a bilingual file is an article by itself; without languages from it or the project it is unpaired', () => {
    const declared = new Map([['a/t.tsv', { sourceLang: 'pt-br', targetLang: 'en' }]]);
    const r = pairFiles(['a/t.tsv', 'b/u.csv', 's.pt.txt', 's.en.txt'], [], declared);
    expect(r.articles.map((a) => [a.id, a.sourceLang, a.targetLang, !!a.bilingual])).toEqual([
      ['a/t.tsv', 'pt-BR', 'en', true],
      ['b/u.csv', 'pt', 'en', true],
      ['s.txt', 'pt', 'en', false],
    ]);
    expect(pairFiles(['b/u.csv'], []).unpaired).toEqual([{ path: 'b/u.csv', reason: 'no-language' }]);
  });
});

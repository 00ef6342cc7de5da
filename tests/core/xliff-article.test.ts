/** An XLIFF file is one article: listed, opened, saved in place; a broken one is an error row; unknown formats are listed. */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalqueService } from '../../main/core/service.js';
import { rejectsWith } from '../helpers/errors.js';

let tmp: string;
const services: CalqueService[] = [];
beforeEach(() => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-xliff-'));
});
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const FIXTURES = new URL('../fixtures/xliff/', import.meta.url);
const fixture = (name: string) => fs.readFileSync(new URL(name, FIXTURES));

async function open(files: Record<string, string | Buffer>) {
  const root = join(tmp, 'project');
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(join(root, rel, '..'), { recursive: true });
    fs.writeFileSync(join(root, rel), content);
  }
  const service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 50 });
  services.push(service);
  return { root, service, info: await service.openProject({}) };
}

describe('XLIFF through the service', () => {
  it('is an article with the languages it declares, shown side by side and saved changing only the edited segment', async () => {
    const bytes = fixture('plain-1.2.xlf');
    const { root, service, info } = await open({ 'review/feira.xlf': bytes });
    expect(info.articles.map((a) => [a.id, a.sourceLang, a.targetLang, a.error ?? null])).toEqual([['review/feira.xlf', 'pt-BR', 'en', null]]);
    const view = await service.getArticle({ id: 'review/feira.xlf' });
    expect(view.source.text.split('\n\n')[0]).toBe('A feira do livro   começa <1>sábado</1>.');
    expect(view.target.text.split('\n\n')[0]).toBe('The book fair   starts <1>Saturday</1>.');
    const edited = view.target.text.replace('The book fair', 'The book festival');
    await service.saveArticle({ id: view.id, text: edited, expectedRevision: view.revision });
    expect(fs.readFileSync(join(root, 'review/feira.xlf'), 'utf8')).toBe(bytes.toString('utf8').replace('>The book fair   starts', '>The book festival   starts'));
    expect((await service.getArticle({ id: view.id })).target.text).toBe(edited);
  });

  it('an edit that breaks a tag pair is refused with the file named, and the file is not touched', async () => {
    const bytes = fixture('plain-1.2.xlf');
    const { root, service } = await open({ 'feira.xlf': bytes, '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt-BR', target: 'en' }] }) });
    const view = await service.getArticle({ id: 'feira.xlf' });
    const err = await rejectsWith(service.saveArticle({ id: view.id, text: view.target.text.replace('</1>.', '.'), expectedRevision: view.revision }), 'xliffTagsUnpaired');
    expect(err.params).toMatchObject({ path: 'feira.xlf' });
    expect(fs.readFileSync(join(root, 'feira.xlf'))).toEqual(bytes);
  });

  it('a broken XLIFF is an error row with its reason when the project has languages, an unreadable file when it has none', async () => {
    const broken = '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="pt" target-language="en"><body><trans-unit id="1"><source>a</source></body></file></xliff>';
    const withPairs = await open({ 'bad.xlf': broken, '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }) });
    expect(withPairs.info.articles.find((a) => a.id === 'bad.xlf')?.error).toMatchObject({ code: 'xmlInvalid', params: { path: 'bad.xlf' } });
    fs.rmSync(join(tmp, 'project'), { recursive: true });
    const { info } = await open({ 'v3.xliff': '<xliff version="3.0"/>' });
    expect(info.unpaired).toEqual([{ path: 'v3.xliff', reason: 'unreadable', error: { code: 'xliffVersionUnknown', params: { path: 'v3.xliff', version: '3.0' } } }]);
  });

  it('files of formats Calque does not read are listed as unsupported, not silently left out', async () => {
    const { info } = await open({ 'a.pt.txt': 'Olá.', 'a.en.txt': 'Hello.', 'img/photo.png': Buffer.from([0x89, 0x50]), 'brief.pdf': '%PDF', 'data.json': '{}' });
    expect(info.unsupported).toEqual(['brief.pdf', 'data.json', 'img/photo.png']);
    expect(info.articles.map((a) => a.id)).toEqual(['a.txt']);
  });
});

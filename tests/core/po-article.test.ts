/** A PO file is one article: listed with the language of its header, aligned entry by entry, saved msgstr by msgstr. */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalqueService } from '../../main/core/service.js';
import { writeProject } from '../helpers/project.js';
import { PO } from './formats/po-fixture.js';

let tmp: string;
const services: CalqueService[] = [];
beforeEach(() => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-po-'));
});
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('PO article through the service', () => {
  it('is one article (target language from its header), entries side by side, a save changes only that msgstr', async () => {
    const root = writeProject(join(tmp, 'p'), { 'l10n/guide.po': PO, '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'en', target: 'pt-BR' }] }) });
    const service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 50 });
    services.push(service);
    const info = await service.openProject({});
    expect(info.articles.find((a) => a.id === 'l10n/guide.po')).toMatchObject({ sourcePath: 'l10n/guide.po', targetPath: 'l10n/guide.po', sourceLang: 'en', targetLang: 'pt-BR' });
    const view = await service.getArticle({ id: 'l10n/guide.po' });
    expect(view.source.text.split('\n\n')[0]).toBe('The keeper climbs the stairs');
    expect(view.target.text.split('\n\n')[0]).toBe('O faroleiro sobe a escada');
    const checks = await service.checkArticle({ id: view.id });
    const src = checks.alignment.source;
    const tgt = checks.alignment.target;
    const first = checks.alignment.links[0]!;
    expect(view.source.text.slice(src[first.source[0]!]!.start, src[first.source[0]!]!.end)).toBe('The keeper climbs the stairs');
    expect(view.target.text.slice(tgt[first.target[0]!]!.start, tgt[first.target[0]!]!.end)).toBe('O faroleiro sobe a escada');

    await service.saveArticle({ id: view.id, text: view.target.text.replace('sobe a escada', 'sobe as escadas'), expectedRevision: view.revision });
    expect(fs.readFileSync(join(root, 'l10n/guide.po'), 'utf8')).toBe(PO.replace('msgstr "O faroleiro sobe a escada"', 'msgstr "O faroleiro sobe as escadas"'));
  });

  it('an untranslated entry pairs with its msgid: the entries after it stay side by side', async () => {
    const file = ['msgid "The tide is low."', 'msgstr "A maré está baixa."', '', 'msgid "Wait for the bell."', 'msgstr ""', '', 'msgid "Boats leave at noon."', 'msgstr "Os barcos saem ao meio-dia."', ''].join('\n');
    const root = writeProject(join(tmp, 'q'), { 'harbour.po': file, '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'en', target: 'pt' }] }) });
    const service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 50 });
    services.push(service);
    await service.openProject({});
    const view = await service.getArticle({ id: 'harbour.po' });
    const { alignment: a } = await service.checkArticle({ id: view.id });
    const pairs = a.links.map((l) => [l.source.map((i) => view.source.text.slice(a.source[i]!.start, a.source[i]!.end)).join(' '), l.target.map((i) => view.target.text.slice(a.target[i]!.start, a.target[i]!.end)).join(' ')]);
    expect(pairs).toEqual([
      ['The tide is low.', 'A maré está baixa.'],
      ['Wait for the bell.', ''],
      ['Boats leave at noon.', 'Os barcos saem ao meio-dia.'],
    ]);
  });
});

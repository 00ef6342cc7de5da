/** A subtitle pair (talk.pt.srt + talk.en.srt) is one article: cues line up by timing, a cue missing in the translation pairs with nothing, a save rewrites one cue. */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleChecks } from '../../main/contract/api.js';
import { CalqueService } from '../../main/core/service.js';
import { writeProject } from '../helpers/project.js';
import { SRT_EN, SRT_PT } from './formats/subtitle-fixtures.js';

let tmp: string;
const services: CalqueService[] = [];
beforeEach(() => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-srt-'));
});
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The cue pairs the alignment shows: each link's source and target text. */
function shown(checks: ArticleChecks, source: string, target: string): [string, string][] {
  const a = checks.alignment;
  const text = (t: string, list: { start: number; end: number }[], idx: number[]) => idx.map((i) => t.slice(list[i]!.start, list[i]!.end)).join(' ');
  return a.links.map((l) => [text(source, a.source, l.source), text(target, a.target, l.target)]);
}

async function open(files: Record<string, string>) {
  const root = writeProject(join(tmp, 'p'), { ...files, '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }) });
  const service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 50 });
  services.push(service);
  return { root, service, info: await service.openProject({}) };
}

// The translation lacks the source's second cue and numbers its cues 1, 2.
const EN_MISSING = '\ufeff1\r\n00:00:01,000 --> 00:00:03,200\r\nThe lighthouse comes on at dusk.\r\n\r\n2\r\n00:00:06,400 --> 00:00:08,100\r\nNobody sleeps on the pier.\r\n';

describe('subtitle pair through the service', () => {
  it('pairs by name into one article; cues line up one to one; an edit rewrites only that cue', async () => {
    const { root, service, info } = await open({ 'video/talk.pt.srt': SRT_PT, 'video/talk.en.srt': SRT_EN });
    expect(info.articles.find((a) => a.id === 'video/talk.srt')).toMatchObject({ sourcePath: 'video/talk.pt.srt', targetPath: 'video/talk.en.srt' });
    const view = await service.getArticle({ id: 'video/talk.srt' });
    expect(view.target.text).toBe('The lighthouse comes on at dusk.\n\nThe boats come back\nbefore the tide.\n\nNobody sleeps on the pier.');
    const checks = await service.checkArticle({ id: view.id });
    expect(shown(checks, view.source.text, view.target.text)).toEqual([
      ['O farol acende ao anoitecer.', 'The lighthouse comes on at dusk.'],
      // A cue's lines are its sentences here (the splitter ends one at a line break).
      ['Os barcos voltam', 'The boats come back'],
      ['antes da maré.', 'before the tide.'],
      ['Ninguém dorme no cais.', 'Nobody sleeps on the pier.'],
    ]);
    await service.saveArticle({ id: view.id, text: view.target.text.replace('come back', 'return'), expectedRevision: view.revision });
    expect(fs.readFileSync(join(root, 'video/talk.en.srt'), 'utf8')).toBe(SRT_EN.replace('The boats come back', 'The boats return'));
  });

  it('a cue missing in the translation pairs with nothing, and the next cues still line up', async () => {
    const { service } = await open({ 'video/talk.pt.srt': SRT_PT, 'video/talk.en.srt': EN_MISSING });
    const view = await service.getArticle({ id: 'video/talk.srt' });
    const checks = await service.checkArticle({ id: view.id });
    expect(shown(checks, view.source.text, view.target.text)).toEqual([
      ['O farol acende ao anoitecer.', 'The lighthouse comes on at dusk.'],
      ['Os barcos voltam', ''],
      ['antes da maré.', ''],
      ['Ninguém dorme no cais.', 'Nobody sleeps on the pier.'],
    ]);
    // With the editor's unsaved text too.
    const typing = await service.checkArticle({ id: view.id, text: view.target.text.replace('dusk', 'nightfall') });
    expect(shown(typing, view.source.text, view.target.text.replace('dusk', 'nightfall')).at(-1)).toEqual(['Ninguém dorme no cais.', 'Nobody sleeps on the pier.']);
  });
});

import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileLocks } from '../../../main/core/platform/file-lock.js';
import { ConfigService } from '../../../main/core/project/config-service.js';
import { CalqueService } from '../../../main/core/service.js';
import { rejectsWith } from '../../helpers/errors.js';
import { writeProject } from '../../helpers/project.js';

let root: string;
const services: CalqueService[] = [];
const configFile = () => join(root, '.calque/project.json');
const onDisk = () => JSON.parse(fs.readFileSync(configFile(), 'utf8')) as Record<string, unknown>;
const settings = () => new ConfigService(root, new FileLocks(root));

beforeEach(() => {
  root = writeProject(fs.mkdtempSync(join(tmpdir(), 'calque-config-service-')), {
    '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }),
    'a.pt.txt': 'O gato dorme.\n',
    'a.en.txt': 'The cat sleep.\n',
  });
});
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
  fs.rmSync(root, { recursive: true, force: true });
});

async function openService(languages?: { source: string; target: string }[]): Promise<CalqueService> {
  const s = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000, ...(languages ? { languages } : {}) });
  services.push(s);
  await s.openProject({});
  return s;
}

describe('ConfigService, the only writer of project.json', () => {
  it('a hand edit made while the project is open survives the next settings change', async () => {
    const service = await openService();
    fs.writeFileSync(configFile(), JSON.stringify({ ...onDisk(), glossaries: ['terms/glossary.csv'], wordList: ['Recife'] }, null, 2));
    await service.updateCheckSettings({ rule: 'qa.double-space', enabled: false });
    expect(onDisk()).toMatchObject({ glossaries: ['terms/glossary.csv'], wordList: ['Recife'], checks: { disabled: ['qa.double-space'] } });
  });

  it('a change made through another process (another instance) is not erased by a stale one', async () => {
    const [a, b] = [await openService(), await openService()];
    await a.updateCheckSettings({ rule: 'qa.double-space', enabled: false });
    await b.updateCheckSettings({ rule: 'qa.repeated-word', severity: 'major' });
    await b.addToWordList({ word: 'Olinda' });
    expect(onDisk()).toMatchObject({ checks: { disabled: ['qa.double-space'], severity: { 'qa.repeated-word': 'major' } }, wordList: ['Olinda'] });
  });

  it('a project.json with a syntax error is never replaced by a settings change', async () => {
    const service = await openService();
    const broken = '{ "formatVersion": 1, "pairs": [{ "source": "pt", "target": "en" }], }';
    fs.writeFileSync(configFile(), broken);
    await rejectsWith(service.updateCheckSettings({ rule: 'qa.double-space', enabled: false }), 'projectConfigInvalid');
    await rejectsWith(service.addToWordList({ word: 'Recife' }), 'projectConfigInvalid');
    await rejectsWith(service.updateScoringProfile({ reset: true }), 'projectConfigInvalid');
    expect(fs.readFileSync(configFile(), 'utf8')).toBe(broken);
  });

  it('git conflict markers in project.json are named as such; choosing the languages keeps the file as a backup', async () => {
    const merged = '{\n<<<<<<< HEAD\n  "formatVersion": 1, "pairs": [{ "source": "pt", "target": "en" }]\n=======\n  "formatVersion": 1, "pairs": []\n>>>>>>> theirs\n}\n';
    fs.writeFileSync(configFile(), merged);
    const service = await openService();
    const info = await service.openProject({});
    expect(info.configError?.code).toBe('projectConfigMergeConflict');
    await rejectsWith(service.getArticle({ id: 'a.txt' }), 'languagesUnconfirmed');
    expect(fs.readFileSync(configFile(), 'utf8')).toBe(merged);
    await service.setLanguages({ pairs: [{ source: 'pt', target: 'en' }] });
    const backups = fs.readdirSync(join(root, '.calque')).filter((n) => n.startsWith('project.json.broken-'));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(join(root, '.calque', backups[0]!), 'utf8')).toBe(merged);
  });

  it('--from/--to add their pair to the configured ones and never drop the others', async () => {
    fs.writeFileSync(configFile(), JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }, { source: 'es', target: 'en' }, { source: 'zh-Hans', target: 'en' }] }));
    writeProject(root, { 'b.es.txt': 'El perro.\n', 'b.en.txt': 'The dog.\n', 'c.fr.txt': 'Le chien.\n', 'c.en.txt': 'The dog.\n' });
    const service = await openService([{ source: 'fr', target: 'en' }]);
    const info = await service.openProject({});
    expect(info.pairs).toEqual([{ source: 'pt', target: 'en' }, { source: 'es', target: 'en' }, { source: 'zh-Hans', target: 'en' }, { source: 'fr', target: 'en' }]);
    expect(info.articles.map((a) => a.id)).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  it('addPairs: the same two languages the other way round are replaced (the user named the direction)', async () => {
    const s = settings();
    await s.load();
    const next = await s.addPairs([{ source: 'en', target: 'pt' }]);
    expect(next.pairs).toEqual([{ source: 'en', target: 'pt' }]);
  });
});

import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalqueService } from '../../../main/core/service.js';

// The same source sentence in two articles, translated differently: the consistency check flags it.
const SOURCE = 'O conselho aprovou o novo plano de obras ontem.\n';
const A = 'The council approved the new works plan yesterday.\n';
const B = 'The board passed the new building plan yesterday.\n';

let root: string;
let service: CalqueService;
beforeEach(async () => {
  root = fs.mkdtempSync(join(tmpdir(), 'calque-checksvc-'));
  for (const [name, text] of Object.entries({ 'a.pt.txt': SOURCE, 'a.en.txt': A, 'b.pt.txt': SOURCE, 'b.en.txt': B })) fs.writeFileSync(join(root, name), text);
  service = new CalqueService({ root, host: { kind: 'cli' }, languages: [{ source: 'pt', target: 'en' }], watchIntervalMs: 60_000 });
  await service.openProject({});
});
afterEach(() => {
  service.dispose();
  fs.rmSync(root, { recursive: true, force: true });
});

async function complete(id: string) {
  for (;;) {
    const res = await service.checkArticle({ id });
    if (!res.pending) return res.findings;
  }
}
const inconsistent = async (id: string) => (await complete(id)).filter((f) => f.rule === 'qa.consistency').map((f) => f.message.params?.other);

describe('the check service', () => {
  it('keeps the project consistency context up to date after a save', async () => {
    expect(await inconsistent('a.txt')).toEqual([B.trim()]);
    const { revision } = await service.readDisk({ id: 'b.txt' });
    await service.saveArticle({ id: 'b.txt', text: A, expectedRevision: revision });
    expect(await inconsistent('a.txt')).toEqual([]);
    const changed = 'The council approved the new works plan on Monday.\n';
    await service.saveArticle({ id: 'b.txt', text: changed, expectedRevision: (await service.readDisk({ id: 'b.txt' })).revision });
    expect(await inconsistent('a.txt')).toEqual([changed.trim()]);
  });

  it('lists the counts of the saved text when the editor checked that text before saving', async () => {
    const edited = 'The council approved the the new works plan yesterday.\n';
    let checked = await service.checkArticle({ id: 'a.txt', text: edited });
    while (checked.pending) checked = await service.checkArticle({ id: 'a.txt', text: edited }); // as the editor asks again
    await service.saveArticle({ id: 'a.txt', text: edited, expectedRevision: (await service.readDisk({ id: 'a.txt' })).revision });
    const listed = (await service.openProject({})).articles.find((x) => x.id === 'a.txt')!;
    const count = (s: string) => checked.findings.filter((f) => f.severity === s).length;
    expect(listed.problems).toEqual({ minor: count('minor'), major: count('major'), critical: count('critical') });
    expect(checked.findings.some((f) => f.rule === 'qa.repeated-words' || f.rule === 'en.stacked-prepositions')).toBe(true);
  });
});

import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { totalProblems } from '../../main/common/problems.js';
import { CalqueService } from '../../main/core/service.js';
import { writeProject } from '../helpers/project.js';

let tmp: string;
let root: string;
let service: CalqueService;
const A = 'The river rose in the the city.\n\nThe rain fell on the the roofs.\n';
const B = 'The the storm passed.\n';

beforeEach(async () => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-project-problems-'));
  root = writeProject(join(tmp, 'p'), {
    '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }),
    'a.pt.txt': 'O rio subiu na cidade.\n\nA chuva caiu nos telhados.\n',
    'a.en.txt': A,
    'b.pt.txt': 'A tempestade passou.\n',
    'b.en.txt': B,
  });
  service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  await service.openProject({});
});
afterEach(() => {
  service.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const repeated = (groups: { rule: string; text: string }[]) => groups.find((g) => g.text.toLowerCase() === 'the the');

describe('the project problems list', () => {
  it('groups by rule and words with counts per article that add up to the article list counts', async () => {
    const { groups, articles } = await service.projectProblems({});
    expect(articles).toBe(2);
    const g = groups.find((x) => x.text === 'the the')!;
    expect(g.articles).toEqual([{ id: 'a.txt', count: 2, fixable: 2 }]);
    expect(groups.find((x) => x.text === 'The the')?.articles).toEqual([{ id: 'b.txt', count: 1, fixable: 1 }]);
    // One truth: the list's counts are of the same findings.
    const list = await service.openProject({});
    for (const row of list.articles) {
      const sum = groups.flatMap((x) => x.articles.filter((a) => a.id === row.id)).reduce((n, a) => n + a.count, 0);
      expect(row.problems && totalProblems(row.problems)).toBe(sum);
    }
  });

  it('fix all of a group across the project is one save per article and one undo puts each back', async () => {
    const { groups } = await service.projectProblems({});
    const chosen = groups.filter((x) => x.text.toLowerCase() === 'the the').map(({ rule, text }) => ({ rule, text }));
    expect(chosen).toHaveLength(2);
    const res = await service.fixProjectProblems({ groups: chosen });
    expect(res).toMatchObject({ fixed: 3, conflicts: [] });
    expect(res.articles.map((a) => [a.id, a.fixed])).toEqual([
      ['a.txt', 2],
      ['b.txt', 1],
    ]);
    expect(fs.readFileSync(join(root, 'a.en.txt'), 'utf8')).toBe('The river rose in the city.\n\nThe rain fell on the roofs.\n');
    expect(fs.readFileSync(join(root, 'b.en.txt'), 'utf8')).toBe('The storm passed.\n');
    expect(repeated((await service.projectProblems({})).groups)).toBeUndefined();
    const undone = await service.undoProjectEdit({ undoId: res.undoId! });
    expect(undone.restored.map((r) => r.id)).toEqual(['a.txt', 'b.txt']);
    expect(fs.readFileSync(join(root, 'a.en.txt'), 'utf8')).toBe(A);
    expect(fs.readFileSync(join(root, 'b.en.txt'), 'utf8')).toBe(B);
  });

  it('ignore everywhere takes the group off the project list and every article count', async () => {
    const { groups } = await service.projectProblems({});
    const g = groups.find((x) => x.text === 'the the')!;
    const before = (await service.openProject({})).articles.find((a) => a.id === 'a.txt')!.problems!;
    await service.ignoreFindings({ id: 'b.txt', items: [{ rule: g.rule, text: g.text }], scope: 'everywhere' });
    const after = await service.projectProblems({});
    expect(after.groups.find((x) => x.text === 'the the')).toBeUndefined();
    expect(after.groups.find((x) => x.text === 'The the')).toBeDefined();
    const row = (await service.openProject({})).articles.find((a) => a.id === 'a.txt')!.problems!;
    expect(totalProblems(row)).toBe(totalProblems(before) - 2);
  });
});

import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api-schemas.js';
import { openProjectChecks } from '../../main/core/checks/service.js';
import { CalqueService } from '../../main/core/service.js';
import { countProblems } from '../../main/common/problems.js';
import { rejectsWith } from '../helpers/errors.js';
import { writeProject } from '../helpers/project.js';

let tmp: string;
let service: CalqueService;
let root: string;

beforeEach(async () => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-ignores-'));
  root = writeProject(join(tmp, 'p'), {
    '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }),
    'a.pt.txt': 'A seca chegou. A seca ficou.\n',
    'a.en.txt': 'The drougth came. The drougth stayed on the farmm.\n',
    'b.pt.txt': 'A seca voltou.\n',
    'b.en.txt': 'The drougth returned.\n',
  });
  service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  await service.openProject({});
});

afterEach(() => {
  service.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const spelled = async (id: string) => (await service.checkArticle({ id })).findings.filter((f) => f.rule === 'qa.spelling').map((f) => f.text);

describe('ignoring several findings at once', () => {
  it('"ignore all" here writes every decision into the article review at once; the other article is unchanged', async () => {
    expect(await spelled('a.txt')).toEqual(['drougth', 'drougth', 'farmm']);
    const res = await service.ignoreFindings({ id: 'a.txt', items: [{ rule: 'qa.spelling', text: 'drougth' }, { rule: 'qa.spelling', text: 'farmm' }, { rule: 'qa.spelling', text: 'drougth' }], scope: 'here' });
    expect(res.added).toBe(2);
    expect(await spelled('a.txt')).toEqual([]);
    expect(await spelled('b.txt')).toEqual(['drougth']);
    const review = JSON.parse(fs.readFileSync(join(root, '.calque/reviews/a.txt.json'), 'utf8')) as { ignores: unknown[] };
    expect(review.ignores).toHaveLength(2);
    // Asking again adds nothing.
    expect((await service.ignoreFindings({ id: 'a.txt', items: [{ rule: 'qa.spelling', text: 'farmm' }], scope: 'here' })).added).toBe(0);
  });

  it('"everywhere" keeps the rule and word in project.json and every article, the CLI included, stops reporting it', async () => {
    await service.ignoreFindings({ id: 'a.txt', items: [{ rule: 'qa.spelling', text: 'drougth' }], scope: 'everywhere' });
    const config = JSON.parse(fs.readFileSync(join(root, '.calque/project.json'), 'utf8')) as { checks: { ignores: unknown[]; disabled: unknown[] } };
    expect(config.checks.ignores).toEqual([{ rule: 'qa.spelling', text: 'drougth' }]);
    expect(config.checks.disabled).toEqual([]); // the rule itself stays on
    expect(await spelled('a.txt')).toEqual(['farmm']);
    expect(await spelled('b.txt')).toEqual([]);
    const cli = await openProjectChecks(root);
    const b = cli.articles.find((x) => x.id === 'b.txt')!;
    expect((await cli.service.findingsOnDisk(b)).findings.filter((f) => f.rule === 'qa.spelling')).toEqual([]);
    // The article list counts the same findings (one truth: main/common/problems.ts).
    const after = countProblems((await service.checkArticle({ id: 'b.txt' })).findings);
    expect((await service.openProject({})).articles.find((x) => x.id === 'b.txt')!.problems).toEqual(after);
  });

  it('refuses malformed requests at the boundary', async () => {
    await rejectsWith(dispatch(service, 'ignoreFindings', { id: 'a.txt', items: [], scope: 'here' }), 'invalidRequest');
    await rejectsWith(dispatch(service, 'ignoreFindings', { id: 'a.txt', items: [{ rule: '../x', text: 'y' }], scope: 'here' }), 'invalidRequest');
    await rejectsWith(dispatch(service, 'ignoreFindings', { id: 'a.txt', items: [{ rule: 'qa.spelling', text: 'y' }], scope: 'project' }), 'invalidRequest');
  });

  it('puts every finding in the QA report and its CSV, as Xbench lists them, with the ignore decision', async () => {
    await service.ignoreFindings({ id: 'a.txt', items: [{ rule: 'qa.spelling', text: 'farmm' }], scope: 'here' });
    const res = await service.exportReport({ id: 'a.txt', format: 'qa-csv', lng: 'en' });
    expect(res.fileName).toBe('a-qa.csv');
    const csv = Buffer.from(res.dataBase64!, 'base64').toString('utf8');
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('file,segment,rule,severity,source,target,text,message,ignored');
    const spelling = lines.filter((l) => l.includes(',qa.spelling,'));
    expect(spelling).toHaveLength(3);
    expect(spelling.find((l) => l.includes(',farmm,'))).toMatch(/^a\.txt,1,qa\.spelling,minor,A seca ficou\.,The drougth stayed on the farmm\.,farmm,.+,yes$/);
    expect(spelling.filter((l) => l.endsWith(',no'))).toHaveLength(2);
    // The list still counts only what is not ignored: one truth for the counts.
    const counted = (await service.checkArticle({ id: 'a.txt' })).findings;
    expect(counted.some((f) => f.text === 'farmm')).toBe(false);
    const html = Buffer.from((await service.exportReport({ id: 'a.txt', format: 'html', lng: 'en' })).dataBase64!, 'base64').toString('utf8');
    expect(html).toContain('QA findings');
    expect(html).toMatch(/<tr class="ignored">.*farmm.*<td>yes<\/td><\/tr>/);
  });
});

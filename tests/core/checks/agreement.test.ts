/**
 * One truth per finding (issue 8): for every article of the sample project, `calque check --format
 * json` gives what the editor is shown (same rules, sides, spans, texts, severities, fixes and ignore
 * decisions), and the article list's counts are those findings by severity, whether they come from the
 * editor's check or from the background count.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../../../main/cli/commands/check.js';
import type { ArticleChecks, ArticleSummary } from '../../../main/contract/api.js';
import type { Finding } from '../../../main/contract/review.js';
import { messages } from '../../../main/core/messages.js';
import { CalqueService } from '../../../main/core/service.js';

let root: string;
const SAMPLES = join(import.meta.dirname, '../../../samples');

beforeAll(() => {
  root = fs.mkdtempSync(join(tmpdir(), 'calque-agree-'));
  fs.cpSync(SAMPLES, root, { recursive: true });
  // A project glossary and the word list, which the background counts and the CLI used to leave out.
  fs.writeFileSync(join(root, '.calque', 'glossary.csv'), 'source,target\nDefesa Civil,Civil Protection\ndesalojados,homeless\n');
  const config = JSON.parse(fs.readFileSync(join(root, '.calque', 'project.json'), 'utf8'));
  fs.writeFileSync(join(root, '.calque', 'project.json'), JSON.stringify({ ...config, glossaries: ['.calque/glossary.csv'], wordList: ['Apac'] }));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

type CliFinding = Pick<Finding, 'rule' | 'category' | 'side' | 'start' | 'end' | 'text' | 'severity' | 'fixes'> & { message: string; path?: string };

async function cliFindings(): Promise<Map<string, CliFinding[]>> {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const cwd = process.cwd();
  try {
    process.chdir(root);
    expect(await checkCommand([root, '--format', 'json'])).toBe(0);
  } finally {
    process.chdir(cwd);
    log.mockRestore();
    err.mockRestore();
  }
  const json = JSON.parse(out.join('\n')) as { files: { path: string; findings: CliFinding[] }[] };
  return new Map(json.files.map((f) => [f.path, f.findings]));
}

/** What the editor shows: checkArticle, asked again while it says pending (as the editor does). */
async function editorChecks(service: CalqueService, id: string): Promise<ArticleChecks> {
  for (;;) {
    const res = await service.checkArticle({ id });
    if (!res.pending) return res;
  }
}

const t = messages().getFixedT('en');
const asCli = (f: Finding, sourcePath: string): CliFinding => ({
  rule: f.rule,
  category: f.category,
  severity: f.severity,
  side: f.side,
  ...(f.side === 'source' ? { path: sourcePath } : {}),
  start: f.start,
  end: f.end,
  text: f.text,
  message: t(f.message.key, { ...(f.message.params ?? {}) }),
  fixes: f.fixes,
});
const tally = (fs: readonly { severity: Finding['severity'] }[]) => ({
  minor: fs.filter((f) => f.severity === 'minor').length,
  major: fs.filter((f) => f.severity === 'major').length,
  critical: fs.filter((f) => f.severity === 'critical').length,
});

describe('the CLI, the editor and the article list agree on every sample article', () => {
  it('with the glossary, the word list and an ignore decision', async () => {
    const service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
    const info = await service.openProject({});
    expect(info.articles.length).toBeGreaterThanOrEqual(3);
    // Ignore one finding here, as the editor's quick fix does.
    const first = (await editorChecks(service, info.articles[0]!.id)).findings[0]!;
    await service.ignoreFinding({ id: info.articles[0]!.id, rule: first.rule, text: first.text, scope: 'here' });

    const cli = await cliFindings();
    let total = 0;
    for (const a of info.articles) {
      const editor = await editorChecks(service, a.id);
      const shown = cli.get(a.targetPath)!;
      expect(shown, a.id).toEqual(editor.findings.map((f) => asCli(f, a.sourcePath)));
      total += shown.length;
      // The article list: the counts the editor's check stored, for the same findings.
      const listed = (await service.openProject({})).articles.find((x) => x.id === a.id)!;
      expect(listed.problems, a.id).toEqual(tally(editor.findings));
    }
    expect(total).toBeGreaterThan(5);
    expect(cli.get(info.articles[0]!.targetPath)!.some((f) => f.rule === first.rule && f.text === first.text)).toBe(false);
    expect([...cli.values()].flat().some((f) => f.rule === 'qa.glossary')).toBe(true);
    expect([...cli.values()].flat().some((f) => f.side === 'source')).toBe(true);
    service.dispose();
  });

  it('the background counts are the same as the editor’s', async () => {
    fs.rmSync(join(root, '.calque', 'reviews'), { recursive: true, force: true });
    const service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000, backgroundChecks: true });
    const counted = new Map<string, ArticleSummary>();
    let expected = Infinity;
    let done = () => {};
    const all = new Promise<void>((r) => (done = r));
    service.on((name, payload) => {
      if (name !== 'articleUpdated') return;
      const s = (payload as { summary: ArticleSummary }).summary;
      counted.set(s.id, s);
      if (counted.size >= expected) done();
    });
    const info = await service.openProject({});
    expected = info.articles.length;
    if (counted.size >= expected) done();
    await all;
    const cli = await cliFindings();
    for (const a of info.articles) {
      expect(counted.get(a.id)!.problems, a.id).toEqual(tally(cli.get(a.targetPath)!));
      expect(counted.get(a.id)!.problems, a.id).toEqual(tally((await editorChecks(service, a.id)).findings));
    }
    service.dispose();
  });
});

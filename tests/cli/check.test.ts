import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../../main/cli/commands/check.js';

let root: string;
const SRC = 'O governo pretende abrir escolas.\n\nAs aulas começam em Portugal.\n';
const TGT = 'The government pretends to open schools.\n\nClasses start in the Portugal.\n';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'calque-check-'));
  writeFileSync(join(root, 'story.pt.txt'), SRC);
  writeFileSync(join(root, 'story.en.txt'), TGT);
  writeFileSync(join(root, 'clean.pt.txt'), 'O governo abriu escolas.\n');
  writeFileSync(join(root, 'clean.en.txt'), 'The government opened schools.\n');
  mkdirSync(join(root, '.calque'));
  writeFileSync(join(root, '.calque', 'project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }], checks: { severity: { 'en.article-proper-noun': 'major' } } }));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  const error = vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await checkCommand(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    stderr.mockRestore();
  }
}

describe('calque check', () => {
  it('writes the JSON shape with localized messages and UTF-16 offsets of the file text', async () => {
    const { code, out } = await cli(join(root, 'story.en.txt'), '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { files: { path: string; findings: Record<string, unknown>[] }[] };
    expect(json.files).toHaveLength(1);
    const f = json.files[0]!.findings;
    expect(f.map((x) => Object.keys(x).sort())[0]).toEqual(['category', 'end', 'fixes', 'message', 'rule', 'severity', 'start', 'text']);
    const article = f.find((x) => x.rule === 'en.article-proper-noun')!;
    expect(TGT.slice(article.start as number, article.end as number)).toBe('the Portugal');
    expect(article.severity).toBe('major'); // project.json re-graded it
    expect(article.message).toMatch(/takes no article/);
    expect(f.find((x) => x.rule === 'pt-en.false-friends')!.text).toBe('pretends');
  });

  it('respects --lang for messages', async () => {
    const { out } = await cli(join(root, 'story.en.txt'), '--format', 'json', '--lang', 'fr');
    const json = JSON.parse(out) as { files: { findings: { rule: string; message: string }[] }[] };
    expect(json.files[0]!.findings.find((x) => x.rule === 'en.article-proper-noun')!.message).toMatch(/ne prend pas d'article/);
  });

  it('checks a whole folder and writes valid SARIF basics', async () => {
    const { out } = await cli(root, '--format', 'sarif');
    const sarif = JSON.parse(out);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['en.article-proper-noun', 'pt-en.false-friends']));
    for (const r of run.results) {
      expect(ids).toContain(r.ruleId);
      expect(['error', 'warning', 'note']).toContain(r.level);
      const region = r.locations[0].physicalLocation.region;
      expect(region.charLength).toBeGreaterThan(0);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
    }
    const art = run.results.find((r: { ruleId: string }) => r.ruleId === 'en.article-proper-noun');
    expect(art.locations[0].physicalLocation.region.startLine).toBe(3);
    expect(art.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('Portugal');
  });

  it('prints path:line:col lines and exits 1 when a finding reaches --fail-on', async () => {
    const { code, out } = await cli(join(root, 'story.en.txt'), '--fail-on', 'major');
    expect(code).toBe(1);
    expect(out).toMatch(/story\.en\.txt:3:18: major en\.article-proper-noun: /);
    expect((await cli(join(root, 'story.en.txt'), '--fail-on', 'critical')).code).toBe(0);
    expect((await cli(join(root, 'clean.en.txt'), '--fail-on', 'minor')).code).toBe(0);
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli(join(root, 'story.en.txt'), '--format', 'xml')).code).toBe(2);
    expect((await cli(join(root, 'story.en.txt'), '--fail-on', 'huge')).code).toBe(2);
    expect((await cli(join(root, 'story.en.txt'), '--bogus')).code).toBe(2);
  });
});

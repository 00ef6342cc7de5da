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
    expect(f.map((x) => Object.keys(x).sort())[0]).toEqual(['category', 'end', 'fixes', 'message', 'rule', 'severity', 'side', 'start', 'text']);
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

describe('calque check with the project as the app sees it', () => {
  let dir: string;
  const SRC2 = 'A reunião termina em 13 de dezembro com o Conselho.\n\nO prefeito visitou a escola.\n';
  const TGT2 = 'The meeting ends in December with the council.\n\nThe prefect visited the school.\n';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'calque-check-project-'));
    writeFileSync(join(dir, 'a.pt.txt'), SRC2);
    writeFileSync(join(dir, 'a.en.txt'), TGT2);
    mkdirSync(join(dir, '.calque', 'reviews'), { recursive: true });
    writeFileSync(join(dir, '.calque', 'terms.csv'), 'source,target\nprefeito,mayor\n');
    writeFileSync(join(dir, '.calque', 'project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }], glossaries: ['.calque/terms.csv'] }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const findings = async (...extra: string[]) => {
    const { out } = await cli(join(dir, 'a.en.txt'), '--format', 'json', ...extra);
    return (JSON.parse(out) as { files: { path: string; findings: { rule: string; side: string; path?: string; start: number; end: number; text: string }[] }[] }).files[0]!.findings;
  };

  it('reads the glossaries project.json lists', async () => {
    const glossary = (await findings()).filter((f) => f.rule === 'qa.glossary');
    expect(glossary.map((f) => f.text)).toEqual(['prefeito']);
  });

  it('says which side a finding is on, with the source file and offsets into the source text', async () => {
    const missing = (await findings()).find((f) => f.rule === 'qa.numbers-missing')!;
    expect(missing.side).toBe('source');
    expect(missing.path).toMatch(/a\.pt\.txt$/);
    expect(SRC2.slice(missing.start, missing.end)).toBe('13');
    expect(missing.text).toBe('13');
    const target = (await findings()).filter((f) => f.side === 'target');
    expect(target.every((f) => f.path === undefined && TGT2.slice(f.start, f.end) === f.text)).toBe(true);
  });

  it('puts a source-side finding in the source file in SARIF and in the text output', async () => {
    const sarif = JSON.parse((await cli(join(dir, 'a.en.txt'), '--format', 'sarif')).out);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'qa.numbers-missing');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/a\.pt\.txt$/);
    expect(result.locations[0].physicalLocation.region).toMatchObject({ charOffset: SRC2.indexOf('13'), startLine: 1, startColumn: SRC2.indexOf('13') + 1 });
    const text = (await cli(join(dir, 'a.en.txt'))).out;
    expect(text).toMatch(new RegExp(`a\\.pt\\.txt:1:${SRC2.indexOf('13') + 1}: \\w+ qa\\.numbers-missing: `));
  });

  it('leaves out what the reviewer ignored here in the app', async () => {
    expect((await findings()).some((f) => f.rule === 'qa.glossary')).toBe(true);
    writeFileSync(join(dir, '.calque', 'reviews', 'a.txt.json'), JSON.stringify({ status: 'in-review', ignores: [{ rule: 'qa.glossary', text: 'prefeito' }] }));
    expect((await findings()).some((f) => f.rule === 'qa.glossary')).toBe(false);
    rmSync(join(dir, '.calque', 'reviews', 'a.txt.json'));
  });
});

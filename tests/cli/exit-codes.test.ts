import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, unexpected } from '../../main/cli/index.js';
import { captureCli } from '../helpers/cli-io.js';

const io = captureCli('calque-exit-');

function project(files: Record<string, string>): string {
  const root = join(io.dir, 'p');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(join(root, rel, '..'), { recursive: true });
    fs.writeFileSync(join(root, rel), text);
  }
  return root;
}

describe('exit codes as the README says: 1 for errors (a missing file everywhere), 2 for usage', () => {
  it.each([
    ['check', (d: string) => ['check', join(d, 'missing.en.txt')]],
    ['export', (d: string) => ['export', join(d, 'missing'), '--out', join(d, 'out')]],
    ['report', (d: string) => ['report', join(d, 'missing'), '--out', join(d, 'r.html')]],
    ['ter', (d: string) => ['ter', '--hyp', join(d, 'missing.txt'), '--ref', join(d, 'missing.txt')]],
    ['chrf', (d: string) => ['chrf', '--hyp', join(d, 'missing.txt'), '--ref', join(d, 'missing.txt')]],
    ['mqm', (d: string) => ['mqm', join(d, 'missing.tsv')]],
    ['mqm import', (d: string) => ['mqm', 'import', join(d, 'missing.tsv'), '--into', join(d, 'x'), '--from', 'pt', '--to', 'en']],
    ['mqm export', (d: string) => ['mqm', 'export', join(d, 'missing'), '--out', join(d, 'o.tsv')]],
  ])('%s with a missing file or folder exits 1 with a message, not a stack trace', async (_name, args) => {
    expect(await main(args(io.dir))).toBe(1);
    expect(io.err).toMatch(/missing/);
    expect(io.err).not.toMatch(/\n\s+at /);
  });

  it('check on a folder with no articles says so and exits 1', async () => {
    const root = project({ 'notes.txt': 'no partner\n' });
    expect(await main(['check', root])).toBe(1);
    expect(io.err).toContain('has no articles to check');
  });

  it('mqm export explains itself: a TSV given instead of a folder, or no --out', async () => {
    const tsv = join(io.dir, 'ratings.tsv');
    fs.writeFileSync(tsv, 'system\tdoc\n');
    expect(await main(['mqm', 'export', tsv])).toBe(2);
    expect(io.err).toContain('is a file');
    expect(io.err).toContain(`calque mqm ${tsv}`);
    io.err = '';
    expect(await main(['mqm', 'export', project({ 'a.pt.txt': 'x\n', 'a.en.txt': 'y\n' })])).toBe(2);
    expect(io.err).toMatch(/needs --out <file\.tsv>/);
  });

  it('check with malformed glossary entries checks instead of crashing with a TypeError', async () => {
    const root = project({
      'a.pt.txt': 'O prefeito falou.\n',
      'a.en.txt': 'The boss spoke.\n',
      // The project's glossary file, as the app reads it: a line with one field, an empty one, a good one.
      '.calque/glossary.csv': 'source,target\n5\n,\nprefeito,mayor\n',
      '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }], glossaries: ['.calque/glossary.csv'] }),
    });
    expect(await main(['check', root, '--format', 'json'])).toBe(0);
    expect(io.err).not.toMatch(/TypeError/);
    const json = JSON.parse(io.out) as { files: { findings: { rule: string }[] }[] };
    expect(json.files[0]!.findings.map((f) => f.rule)).toContain('qa.glossary');
  });

  it('an unexpected error is one line, no stack', () => {
    expect(unexpected(new TypeError("Cannot read properties of undefined (reading 'trim')"))).toBe(1);
    expect(io.err.trim().split('\n')).toHaveLength(1);
    expect(io.err).toMatch(/^calque: Something went wrong inside Calque.*reading 'trim'/);
  });
});

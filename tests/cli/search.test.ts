import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { searchCommand } from '../../main/cli/commands/search.js';

let root: string;
const A_EN = 'The river rose in Recife.\n\nThe River Capibaribe flooded the riverside.\n';
const B_EN = 'Rain fell on the river.\n';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'calque-search-'));
  mkdirSync(join(root, '.calque'));
  writeFileSync(join(root, '.calque', 'project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }));
  writeFileSync(join(root, 'a.pt.txt'), 'O rio subiu no Recife.\n\nO Rio Capibaribe inundou a margem.\n');
  writeFileSync(join(root, 'a.en.txt'), A_EN);
  writeFileSync(join(root, 'b.pt.txt'), 'A chuva caiu sobre o rio.\n');
  writeFileSync(join(root, 'b.en.txt'), B_EN);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  const error = vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
  try {
    return { code: await searchCommand(args), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
const read = (name: string) => readFileSync(join(root, name), 'utf8');

describe('calque search', () => {
  it('finds in every translation, with article, segment and context; case and whole word narrow it', async () => {
    const all = await cli(root, 'river');
    expect(all.code).toBe(0);
    expect(all.out).toContain('a.txt:1: The [river] rose in Recife.');
    expect(all.out).toContain('a.txt:2: The [River] Capibaribe');
    expect(all.out).toContain('[river]side.');
    expect(all.out).toContain('b.txt:1: Rain fell on the [river].');
    expect(all.out).toContain('Matches: 4 (articles with matches: 2; articles searched: 2).');
    const cased = await cli(root, 'River', '--case-sensitive', '--whole-word');
    expect(cased.out.split('\n').filter((l) => l.includes('['))).toEqual(['a.txt:2: The [River] Capibaribe flooded the riverside.']);
  });

  it('searches the source with --source, and regular expressions with --regex', async () => {
    const r = await cli(root, '--source', '--regex', '\\brio\\b', '--lang', 'pt-BR');
    expect(r.out).toContain('a.txt:1: O [rio] subiu');
    expect(r.out).toContain('b.txt:1: A chuva caiu sobre o [rio].');
    expect(r.out).toContain('Ocorrências: 3');
  });

  it('--replace previews every replacement and writes nothing; --apply writes them, regex groups expanded', async () => {
    const preview = await cli(root, '--regex', '--whole-word', '(r)iver', '--replace', '$1ibeira');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('a.txt:1: The [river → ribeira] rose');
    expect(preview.out).toContain('Preview only, nothing was written. Replacements: 3.');
    expect(read('a.en.txt')).toBe(A_EN);
    expect(read('b.en.txt')).toBe(B_EN);

    const applied = await cli(root, '--regex', '--whole-word', '(r)iver', '--replace', '$1ibeira', '--apply', '--lang', 'de');
    expect(applied.code).toBe(0);
    expect(applied.out).toContain('Ersetzt: 3 (gespeicherte Artikel: 2).');
    expect(read('a.en.txt')).toBe('The ribeira rose in Recife.\n\nThe Ribeira Capibaribe flooded the riverside.\n');
    expect(read('b.en.txt')).toBe('Rain fell on the ribeira.\n');
  });

  it('a bad pattern is a localized error, nothing matched exits 1, a wrong option is a usage error', async () => {
    const bad = await cli(root, '--regex', '(', '--lang', 'fr');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/motif de recherche|recherche/);
    const none = await cli(root, 'zebra');
    expect(none.code).toBe(1);
    expect(none.out).toContain('Matches: 0');
    expect((await cli(root, 'river', '--apply')).code).toBe(2);
    expect((await cli(root, 'river', '--source', '--replace', 'x')).code).toBe(2);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../../main/cli/commands/check.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'calque-check-table-'));
  writeFileSync(join(root, 't.tsv'), 'id\tsource (pt)\ttarget (en)\n1\tO governo pretende abrir escolas.\tThe government pretends to open schools.\n2\tAs aulas começam.\tClasses start.\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function json(...args: string[]) {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await checkCommand([...args, '--format', 'json']);
    return JSON.parse(out.join('\n')) as { files: { path: string; findings: { rule: string; text: string }[] }[] };
  } finally {
    log.mockRestore();
    stderr.mockRestore();
  }
}

describe('calque check on a bilingual table', () => {
  it('checks the target column against the source column, alone or in a folder, languages from the header', async () => {
    for (const result of [await json(join(root, 't.tsv')), await json(root)]) {
      expect(result.files).toHaveLength(1);
      expect(result.files[0]!.findings.map((f) => `${f.rule}: ${f.text}`)).toEqual(['pt-en.false-friends: pretends']);
    }
  });
});

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../main/cli/index.js';
import { captureCli } from '../helpers/cli-io.js';

const io = captureCli('calque-cli-export-');

describe('calque export', () => {
  it('does not guess which file is the translation: pt/en without settings is refused with how to answer', async () => {
    const root = join(io.dir, 'project');
    mkdirSync(root);
    writeFileSync(join(root, 'a.pt.txt'), 'O gato dorme.\n');
    writeFileSync(join(root, 'a.en.txt'), 'The cat sleep.\n');
    const out = join(io.dir, 'out');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await main(['export', root, '--out', out])).toBe(1);
    expect(errors.mock.calls.map((c) => String(c[0])).join('\n')).toContain('--from L --to L');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(root, '.calque/baselines'))).toBe(false);
  });

  it('exports once the languages are set', async () => {
    const root = join(io.dir, 'project');
    mkdirSync(join(root, '.calque'), { recursive: true });
    writeFileSync(join(root, '.calque/project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }));
    writeFileSync(join(root, 'a.pt.txt'), 'O gato dorme.\n');
    writeFileSync(join(root, 'a.en.txt'), 'The cat sleep.\n');
    const out = join(io.dir, 'out');
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await main(['export', root, '--out', out])).toBe(0);
    expect(readFileSync(join(out, 'a.en.txt'), 'utf8')).toBe('The cat sleep.\n');
  });
});

import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MQM_HEADER, mqmRow } from '../helpers/mqm-rows.js';
import { mqmCommand, type Io } from '../../main/cli/commands/mqm.js';
import { UsageError } from '../../main/cli/usage-error.js';

const TSV = [
  MQM_HEADER,
  mqmRow('alpha', 'd', '1', '1', 'r1', 'Snow fell.', 'A neve <v>caiu</v>.', 'Accuracy/Mistranslation', 'Major', ''),
  mqmRow('alpha', 'd', '2', '2', 'r1', 'It was cold.', 'Fazia frio<v>.</v>', 'Fluency/Punctuation', 'Minor', ''),
  mqmRow('beta', 'd', '1', '1', 'r1', 'Snow fell.', 'Nevou.', 'No-error', 'No-error', ''),
  mqmRow('beta', 'd', '2', '2', 'r1', 'It was cold.', 'Estava <v>frio</v>.', 'Style/Awkward', 'Minor', ''),
].join('\n') + '\n';

let dir: string;
let out: string;
let err: string;
const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t) };
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calque-mqm-cli-'));
  out = '';
  err = '';
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('calque mqm', () => {
  it('prints system scores, lowest first, with 4 decimals and segment counts', async () => {
    const file = join(dir, 'a.tsv');
    await writeFile(file, TSV);
    expect(await mqmCommand([file], io)).toBe(0);
    expect(out).toBe('system\tscore\tsegments\nbeta\t0.5000\t2\nalpha\t2.5500\t2\n');
  });

  it('prints per-segment penalties and takes weights as JSON or a file', async () => {
    const file = join(dir, 'a.tsv');
    await writeFile(file, TSV);
    expect(await mqmCommand([file, '--per-segment', '--weights', '{"Major": 10}'], io)).toBe(0);
    expect(out.split('\n')[1]).toBe('alpha\td\t1\t1\t10.0000');
    out = '';
    const weights = join(dir, 'w.json');
    await writeFile(weights, JSON.stringify({ weights: [{ severity: 'Minor', category: 'Style', weight: 3 }] }));
    expect(await mqmCommand([file, '--weights', weights], io)).toBe(0);
    expect(out).toContain('beta\t1.5000\t2');
    await expect(mqmCommand([file, '--weights', '{"Major": "x"}'], io)).rejects.toBeInstanceOf(UsageError);
  });

  it('lists malformed rows with line numbers on stderr and prints no scores', async () => {
    const file = join(dir, 'bad.tsv');
    await writeFile(file, TSV + mqmRow('beta', 'd', '3', 'three', 'r1', 'x', 'y', 'Other', 'Minor', '') + '\n' + mqmRow('beta', 'd', '4', '4', 'r1', 'x', 'y', 'Other', 'Huge', '') + '\n');
    expect(await mqmCommand([file], io)).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(`${file}:6: seg_id is not an integer`);
    expect(err).toContain(`${file}:7: unknown severity "Huge"`);
  });

  it('imports and exports a project, refusing to overwrite', async () => {
    const file = join(dir, 'a.tsv');
    await writeFile(file, TSV);
    const project = join(dir, 'p');
    expect(await mqmCommand(['import', file, '--into', project, '--from', 'en', '--to', 'pt-BR'], io)).toBe(0);
    expect(out).toMatch(/Imported 2 article\(s\) with 3 annotation\(s\)/);
    expect(await mqmCommand(['import', file, '--into', project, '--from', 'en', '--to', 'pt-BR'], io)).toBe(1);
    expect(err).toMatch(/already exist/);
    const exported = join(dir, 'out.tsv');
    expect(await mqmCommand(['export', project, '--out', exported], io)).toBe(0);
    out = '';
    expect(await mqmCommand([exported], io)).toBe(0);
    expect(out).toBe('system\tscore\tsegments\nbeta\t0.5000\t2\nalpha\t2.5500\t2\n');
    expect(await mqmCommand(['export', project, '--out', exported], io)).toBe(1);
    expect(await readFile(exported, 'utf8')).toContain('<v>caiu</v>');
  });

  it('imports nothing from a file with a malformed row unless asked to skip it', async () => {
    const file = join(dir, 'bad.tsv');
    await writeFile(file, TSV + 'only\tthree\tfields\n');
    const project = join(dir, 'p');
    expect(await mqmCommand(['import', file, '--into', project, '--from', 'en', '--to', 'pt-BR'], io)).toBe(1);
    expect(err).toContain(`${file}:6: 3 fields, expected 10`);
    await expect(readdir(project)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await mqmCommand(['import', file, '--into', project, '--from', 'en', '--to', 'pt-BR', '--skip-malformed'], io)).toBe(0);
    expect(err).toContain('skipped: 3 fields');
  });

  it('needs its arguments', async () => {
    await expect(mqmCommand([], io)).rejects.toBeInstanceOf(UsageError);
    await expect(mqmCommand(['import', 'x.tsv', '--into', dir], io)).rejects.toBeInstanceOf(UsageError);
    expect(await mqmCommand([join(dir, 'missing.tsv')], io)).toBe(1);
  });
});

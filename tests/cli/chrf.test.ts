import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chrfCommand } from '../../main/cli/commands/chrf.js';
import { corpusChrf, sentenceChrf } from '../../main/common/metrics/chrf.js';

let dir: string;
let out: string;
let err: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'calque-chrf-'));
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('calque chrf', () => {
  const hyps = ['the lighthouse keeper waved', 'snow covered the valley'];
  const refs = ['the lighthouse keeper waved back', 'snow covered the whole valley'];

  it('prints sentence chrF2 with 2 decimals and the corpus score on stderr', async () => {
    const code = await chrfCommand(['--hyp', file('h.txt', hyps.join('\n') + '\n'), '--ref', file('r.txt', refs.join('\r\n') + '\r\n')]);
    expect(code).toBe(0);
    expect(out).toBe(hyps.map((h, i) => `${sentenceChrf(h, refs[i]!).toFixed(2)}\n`).join(''));
    expect(out.split('\n')[0]).not.toBe('100.00');
    expect(err).toBe(`chrF2 (corpus): ${corpusChrf(hyps, refs).toFixed(2)}\n`);
  });

  it('gives full-precision scores in JSON', async () => {
    await chrfCommand(['--hyp', file('h.txt', hyps.join('\n')), '--ref', file('r.txt', refs.join('\n')), '--format', 'json']);
    const json = JSON.parse(out);
    expect(json.lines).toHaveLength(2);
    expect(json.lines[1].chrf).toBeCloseTo(sentenceChrf(hyps[1]!, refs[1]!), 12);
    expect(json.corpus).toBeCloseTo(corpusChrf(hyps, refs), 12);
  });

  it('refuses files with different line counts', async () => {
    const code = await chrfCommand(['--hyp', file('h.txt', 'one\n'), '--ref', file('r.txt', 'one\ntwo\nthree\n')]);
    expect(code).toBe(2);
    expect(err).toMatch(/has 1 lines but .* has 3/);
  });
});

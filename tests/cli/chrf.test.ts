import { describe, expect, it } from 'vitest';
import { captureCli } from '../helpers/cli-io.js';
import { chrfCommand } from '../../main/cli/commands/chrf.js';
import { corpusChrf, sentenceChrf } from '../../main/common/metrics/chrf.js';

const io = captureCli('calque-chrf-');
const file = io.file;

describe('calque chrf', () => {
  const hyps = ['the lighthouse keeper waved', 'snow covered the valley'];
  const refs = ['the lighthouse keeper waved back', 'snow covered the whole valley'];

  it('prints sentence chrF2 with 2 decimals and the corpus score on stderr', async () => {
    const code = await chrfCommand(['--hyp', file('h.txt', hyps.join('\n') + '\n'), '--ref', file('r.txt', refs.join('\r\n') + '\r\n')]);
    expect(code).toBe(0);
    expect(io.out).toBe(hyps.map((h, i) => `${sentenceChrf(h, refs[i]!).toFixed(2)}\n`).join(''));
    expect(io.out.split('\n')[0]).not.toBe('100.00');
    expect(io.err).toBe(`chrF2 (corpus): ${corpusChrf(hyps, refs).toFixed(2)}\n`);
  });

  it('gives full-precision scores in JSON', async () => {
    await chrfCommand(['--hyp', file('h.txt', hyps.join('\n')), '--ref', file('r.txt', refs.join('\n')), '--format', 'json']);
    const json = JSON.parse(io.out);
    expect(json.lines).toHaveLength(2);
    expect(json.lines[1].chrf).toBeCloseTo(sentenceChrf(hyps[1]!, refs[1]!), 12);
    expect(json.corpus).toBeCloseTo(corpusChrf(hyps, refs), 12);
  });

  it('refuses files with different line counts', async () => {
    const code = await chrfCommand(['--hyp', file('h.txt', 'one\n'), '--ref', file('r.txt', 'one\ntwo\nthree\n')]);
    expect(code).toBe(1);
    expect(io.err).toMatch(/has 1 lines but .* has 3/);
  });
});

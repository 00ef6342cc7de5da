import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureCli } from '../helpers/cli-io.js';
import { terCommand } from '../../main/cli/commands/ter.js';
import { UsageError } from '../../main/cli/usage-error.js';

const io = captureCli('calque-ter-');
const file = io.file;

describe('calque ter', () => {
  const hyp = 'yesterday the council approved the budget\nThe Bridge stays closed\nrain\n';
  const ref = 'the council approved the budget yesterday\nthe bridge stays closed today\n\n';

  it('prints one capped score per line with 6 decimals and the corpus total on stderr', async () => {
    const code = await terCommand(['--hyp', file('h.txt', hyp), '--ref', file('r.txt', ref)]);
    expect(code).toBe(0);
    // 1 shift / 6 words; 1 insertion / 5 words (case ignored); 1 deletion against an empty line.
    expect(io.out).toBe('0.166667\n0.200000\n1.000000\n');
    expect(io.err).toMatch(/TER \(corpus\): 0\.272727 \(3 edits \/ 11 reference words\)/);
  });

  it('honours --case-sensitive and --no-shifts', async () => {
    const h = file('h.txt', hyp);
    const r = file('r.txt', ref);
    await terCommand(['--hyp', h, '--ref', r, '--case-sensitive', '--no-shifts']);
    const [first, second] = io.out.split('\n');
    expect(first).toBe((2 / 6).toFixed(6));
    expect(second).toBe((3 / 5).toFixed(6));
  });

  it('gives edits by kind per line in JSON', async () => {
    await terCommand(['--hyp', file('h.txt', hyp), '--ref', file('r.txt', ref), '--format', 'json']);
    const json = JSON.parse(io.out);
    expect(json.lines[0]).toMatchObject({ line: 1, shifts: 1, edits: 1, refLength: 6 });
    expect(json.lines[1]).toMatchObject({ insertions: 1, deletions: 0, refLength: 5 });
    expect(json.lines[2]).toMatchObject({ deletions: 1, refLength: 0, ter: 1 });
    expect(json.corpus).toMatchObject({ edits: 3, refLength: 11 });
  });

  it('refuses files with different line counts (exit 1, clear message)', async () => {
    const code = await terCommand(['--hyp', file('h.txt', 'a\nb\n'), '--ref', file('r.txt', 'a\n')]);
    expect(code).toBe(1);
    expect(io.err).toMatch(/h\.txt has 2 lines but .*r\.txt has 1/);
    expect(io.out).toBe('');
  });

  it('reports an unreadable file with exit 1', async () => {
    const code = await terCommand(['--hyp', join(io.dir, 'missing.txt'), '--ref', file('r.txt', 'a\n')]);
    expect(code).toBe(1);
    expect(io.err).toMatch(/cannot read .*missing\.txt \(ENOENT\)/);
  });

  it('throws a usage error without both files or with an unknown format', async () => {
    await expect(terCommand(['--hyp', 'x'])).rejects.toBeInstanceOf(UsageError);
    await expect(terCommand(['--hyp', 'x', '--ref', 'y', '--format', 'xml'])).rejects.toBeInstanceOf(UsageError);
  });
});

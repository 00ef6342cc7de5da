import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GLOSSARY_LIMITS, parseGlossary, readGlossaryFile } from '../../../main/core/checks/glossary/index.js';
import { candidateEntries, glossaryIndex } from '../../../main/core/checks/glossary/term-index.js';
import { glossaryCheck } from '../../../main/core/checks/qa/glossary.js';
import type { GlossaryEntry } from '../../../main/core/checks/types.js';
import { CalqueError } from '../../../main/contract/api.js';
import { seededRandom } from '../../../stress/random.js';
import { makeContext, runCheck } from './qa-context.js';

/** The check's matching before the index: one regular expression per term over every segment. */
function naiveHits(glossary: GlossaryEntry[], text: string): number[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return glossary.flatMap((e, i) => {
    const body = e.source.trim().split(/\s+/).map(escape).join('\\s+');
    const re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${body}(?:e?s)?(?![\\p{L}\\p{M}\\p{N}])`, e.caseSensitive ? 'u' : 'iu');
    return re.test(text) ? [i] : [];
  });
}

const WORDS = ['prefeito', 'Câmara', 'vereador', 'U.S.', 'e-mail', 'COVID-19', 'ação', 'AÇÃO', 'São Paulo', 'ſtraße', 'K', 'k', 'gás', 'lei', 'leis', 'leies', 'x', '&', '—', 'Σοφία', 'σοφίας'];

describe('glossary term index', () => {
  it('proposes every term the one-regex-per-term matching finds (600 random cases)', () => {
    const rnd = seededRandom(12);
    for (let n = 0; n < 600; n++) {
      const glossary: GlossaryEntry[] = Array.from({ length: 1 + rnd.int(6) }, () => ({
        source: Array.from({ length: 1 + rnd.int(3) }, () => rnd.pick(WORDS)).join(rnd.chance(0.2) ? '  ' : ' '),
        target: 'x',
        ...(rnd.chance(0.3) ? { caseSensitive: true } : {}),
      }));
      const text = Array.from({ length: 1 + rnd.int(12) }, () => rnd.pick(WORDS) + (rnd.chance(0.2) ? rnd.pick(['s', 'es', '.', ',']) : '')).join(rnd.pick([' ', ' ', '\u00a0', ', ']));
      const proposed = new Set(candidateEntries(glossaryIndex(glossary), [text]));
      for (const i of naiveHits(glossary, text)) expect(proposed.has(i), `${JSON.stringify(glossary[i])} in ${JSON.stringify(text)}`).toBe(true);
    }
  });

  it('proposes few terms: a 20,000-term glossary gives a sentence only the terms of its words', () => {
    const glossary: GlossaryEntry[] = Array.from({ length: 20_000 }, (_, i) => ({ source: `termo${i} especial`, target: `term${i}` }));
    glossary.push({ source: 'prefeito', target: 'mayor' });
    const index = glossaryIndex(glossary);
    expect(candidateEntries(index, ['O prefeito e o termo77 especial falaram.']).map((i) => index.entries[i]!.source)).toEqual(['termo77 especial', 'prefeito']);
  });

  it('skips malformed entries (from project.json or a fuzzed file) instead of throwing a TypeError', () => {
    const glossary = [
      { source: 5, target: 'x' },
      null,
      'word',
      { source: 'prefeito', target: ['mayor'] },
      // A term of 20,000 words made a regular expression that overflowed the stack.
      { source: 'prefeito', target: 'a '.repeat(20_000) },
      { source: 'prefeito', target: 'mayor', alternatives: [1, 'city head', 'b '.repeat(20_000)] },
    ] as unknown as GlossaryEntry[];
    const ctx = makeContext({ source: 'O prefeito falou.', target: 'The boss spoke.', project: { glossary } });
    const found = runCheck(glossaryCheck, ctx);
    expect(found.map((f) => f.message.params)).toEqual([{ source: 'prefeito', target: 'mayor / city head' }]);
  });
});

describe('glossary reader limits', () => {
  const tmp = fs.mkdtempSync(join(tmpdir(), 'calque-glossary-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const codeOf = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      return err instanceof CalqueError ? [err.code, err.params] : ['not a CalqueError', String(err)];
    }
    return ['no error'];
  };

  it('a TBX nested 100,000 deep is refused at once with glossaryTooDeep', () => {
    const deep = '<martif><text><body>' + '<x>'.repeat(100_000) + '</x>'.repeat(100_000) + '</body></text></martif>';
    const started = Date.now();
    expect(codeOf(() => parseGlossary(deep, 'terms.tbx', 'pt', 'en'))).toEqual(['glossaryTooDeep', { path: 'terms.tbx', limit: GLOSSARY_LIMITS.maxDepth }]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a long start tag is read in one pass (it took 42 s for 82 kB, backtracking over attributes)', () => {
    const tbx = `<martif><body><termEntry a="1" ${'x'.repeat(300_000)} b="2"><langSet xml:lang="pt"><term>a</term></langSet><langSet xml:lang="en"><term>b</term></langSet></termEntry></body></martif>`;
    const started = Date.now();
    expect(parseGlossary(tbx, 'g.tbx', 'pt', 'en')).toEqual([{ source: 'a', target: 'b' }]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('more entries than the limit: glossaryTooManyEntries (CSV and TBX)', () => {
    const n = GLOSSARY_LIMITS.maxEntries + 1;
    const csv = 'source,target\n' + Array.from({ length: n }, (_, i) => `a${i},b${i}`).join('\n');
    expect(codeOf(() => parseGlossary(csv, 'g.csv', 'pt', 'en'))[0]).toBe('glossaryTooManyEntries');
    // One concept with that many Portuguese synonyms: one entry per source term.
    const tbx = `<martif><body><termEntry><langSet xml:lang="pt">${'<term>a</term>'.repeat(n)}</langSet><langSet xml:lang="en"><term>b</term></langSet></termEntry></body></martif>`;
    expect(codeOf(() => parseGlossary(tbx, 'g.tbx', 'pt', 'en'))[0]).toBe('glossaryTooManyEntries');
  });

  it('a file over the size limit is refused before it is read', async () => {
    const file = join(tmp, 'big.tbx');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 31 * 1024 * 1024);
    const err = await readGlossaryFile(file, '.calque/big.tbx', 'pt', 'en').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CalqueError);
    expect((err as CalqueError).toInfo()).toEqual({ code: 'glossaryTooLarge', params: { path: '.calque/big.tbx', size: 31 * 1024 * 1024, limit: GLOSSARY_LIMITS.maxBytes } });
    expect(await readGlossaryFile(join(tmp, 'missing.csv'), 'missing.csv', 'pt', 'en')).toEqual([]);
  });

  it('no DTD or entity processing: a declared entity stays as written, an external one is never fetched', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol&lol;">]>
<martif><body><termEntry><langSet xml:lang="pt"><tig><term>senha &xxe;</term></tig></langSet><langSet xml:lang="en"><tig><term>&lol; &amp; &#65;</term></tig></langSet></termEntry></body></martif>`;
    expect(parseGlossary(xxe, 'g.tbx', 'pt', 'en')).toEqual([{ source: 'senha &xxe;', target: '&lol; & A' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { containsAny, foldAsciiCase, requiredLiterals } from '../../../main/core/checks/packs/prefilter.js';

/**
 * The pre-check may only skip text the regex could not match: every string it requires must be in
 * every possible match. These cases pin that down, and compare with the regex itself on samples.
 */
function agrees(source: string, flags: string, samples: string[]): void {
  const lits = requiredLiterals(source, flags.includes('i'));
  const re = new RegExp(source, flags);
  for (const text of samples) {
    if (re.test(text) && lits) expect(containsAny(flags.includes('i') ? foldAsciiCase(text) : text, lits), `${source} on ${text}`).toBe(true);
  }
}

describe('regex pre-check', () => {
  it('requires the literal words of a plain alternation', () => {
    const lits = requiredLiterals('\\b(?:from|since) of\\b', false);
    expect(lits).toBeDefined();
    expect(containsAny('the work started from of the plan', lits!)).toBe(true);
    expect(containsAny('the work started on the plan', lits!)).toBe(false);
  });

  it('never requires what an optional part, a lookaround or a backreference may leave out', () => {
    agrees('\\b(\\w+) \\1\\b', '', ['the the', 'will will', 'to to']);
    agrees('(?:very )?big (?=deal)', '', ['big deal', 'very big deal']);
    agrees('costs? (?:an|the) eyes? of the face', 'i', ['Costs an eye of the face', 'cost the eyes of the face']);
    agrees('\\bthe (?:Egypt|Brazil)\\b', 'i', ['THE BRAZIL', 'the Egypt']);
  });

  it('folds case for case-insensitive rules, including the long s', () => {
    expect(foldAsciiCase('Meſſage ABC')).toBe('message abc');
    const lits = requiredLiterals('message', true)!;
    expect(containsAny(foldAsciiCase('A MESSAGE'), lits)).toBe(true);
  });

  it('gives up (no pre-check) on a pattern it cannot bound', () => {
    expect(requiredLiterals('\\p{Lu}\\w+', false) ?? []).toEqual([]);
  });
});

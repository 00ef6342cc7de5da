import { describe, expect, it } from 'vitest';
import { LiteralScanner } from '../../../main/core/checks/packs/literal-scan.js';
import { compileRegex, expandRule, matchesAtPrefixes, prefixScan } from '../../../main/core/checks/packs/interpreter.js';
import { PACKS } from '../../../main/core/checks/packs/index.js';
import { foldAsciiCase, matchPrefixes } from '../../../main/core/checks/packs/prefilter.js';

/**
 * The fast paths of the pack matcher against the direct forms they replace, on random text: one
 * Aho–Corasick pass against `indexOf` per literal, and a sticky regex tried only where a match's
 * prefix occurs against `matchAll` over the whole text.
 */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;

function occurrences(text: string, literal: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(literal); i >= 0; i = text.indexOf(literal, i + 1)) out.push(i);
  return out;
}

describe('literal scan', () => {
  it('finds every occurrence of every literal, overlapping ones included, as indexOf does', () => {
    const r = rng(7);
    const literals = ['a', 'ab', 'aba', 'b a', 'bab', 'c', 'abc ab', 'ca', 'aa'];
    const scanner = new LiteralScanner();
    const ids = literals.map((l) => scanner.id(l));
    for (let k = 0; k < 300; k++) {
      const text = Array.from({ length: Math.floor(r() * 40) }, () => pick(r, ['a', 'b', 'c', ' ', 'é', 'A', '\u212a'])).join('');
      const hits = scanner.scan(text);
      literals.forEach((l, i) => expect(hits.get(ids[i]!) ?? [], `${l} in ${text}`).toEqual(occurrences(text, l)));
    }
  });

  it('folds only what a case-insensitive Unicode regex matches to ASCII, keeping every offset', () => {
    expect(foldAsciiCase('The \u212aelvin Meſſage İs')).toBe('the kelvin message İs');
    expect(foldAsciiCase('ÉTÉ à Paris').length).toBe('ÉTÉ à Paris'.length);
  });

  it('derives the strings every match starts with, or none when a match may start anywhere', () => {
    expect(matchPrefixes('\\b(?:very )?big\\b', false)?.sort()).toEqual(['big', 'very big']);
    expect(matchPrefixes('(?<a>said|told)\\s+\\w+', true)?.sort()).toEqual(['said', 'told']);
    expect(matchPrefixes('(?<=, )which', false)).toEqual(['which']);
    expect(matchPrefixes('\\w+ing\\b', false)).toBeUndefined();
    expect(matchPrefixes('(?:the )?\\p{Lu}\\w+', false)).toBeUndefined();
  });

  it('reads digits and small ASCII classes as the characters they match, and cuts long prefix lists short', () => {
    const digits = [...'0123456789'];
    expect(matchPrefixes('\\b\\d{1,2}\\s?h\\s?\\d{2}\\b', false)).toEqual(digits);
    expect(matchPrefixes('\\b[Tt]he\\s+[2-4]', false)).toEqual(['The', 'the']);
    expect(matchPrefixes('[Tt]he', true)).toEqual(['the']);
    expect(matchPrefixes('[.,;]\\s', false)).toEqual(['.', ',', ';']);
    // What a class may match beyond ASCII, or a negated class, bounds nothing.
    expect(matchPrefixes('[^a]b', false)).toBeUndefined();
    expect(matchPrefixes('[\\p{L}.]b', false)).toBeUndefined();
    expect(matchPrefixes('[a-zé]b', false)).toBeUndefined();
    // 26 × 26 two-letter starts are too many to list: their first letters are still every match's start.
    const many = matchPrefixes('(?:' + [...'abcdefghijklmnopqrstuvwxyz'].flatMap((a) => [...'abcdefghijklmnopqrstuvwxyz'].map((b) => a + b + 'x')).join('|') + ')y', false);
    expect(many).toEqual([...'abcdefghijklmnopqrstuvwxyz']);
  });
});

describe('pack regexes tried only at their prefixes', () => {
  // Each rule's first and last table row (the 1,100 expanded rules take a minute to compile twice).
  const rules = PACKS.flatMap((pack) => pack.rules.flatMap((spec) => [...new Set([expandRule(spec)[0]!, expandRule(spec).at(-1)!])])).filter((r) => r.regex !== undefined);

  it('resume after each match, as matchAll does: overlapping prefixes inside a match are not tried', () => {
    const regex = compileRegex('\\bthe(?: the)* end', 'gdi', 'test');
    const text = 'The the the end, the end';
    const direct = [...text.matchAll(regex)].map((m) => [m.index, m[0]]);
    expect(direct).toEqual([[0, 'The the the end'], [17, 'the end']]);
    expect([...matchesAtPrefixes(prefixScan(regex, '\\bthe(?: the)* end')!, text)].map((m) => [m.index, m[0]])).toEqual(direct);
  });

  // Every example target of every pack: mixed and cut up, they give texts the rules do match.
  const examples = PACKS.flatMap((pack) => pack.rules.flatMap((spec) => [...(spec.examples?.bad ?? []), ...(spec.examples?.good ?? [])].map((e) => e.target)));

  it('find exactly the matches matchAll finds, on random text made of the rules’ words and examples', () => {
    const r = rng(11);
    let compared = 0;
    let matched = 0;
    for (const rule of rules) {
      const regex = compileRegex(rule.regex!, (rule.flags ?? '') + 'gd', rule.id);
      const scan = prefixScan(regex, rule.regex!);
      if (!scan) continue;
      // The rule's words in random case, with punctuation, digits, letters that fold, and example sentences.
      const words = [...new Set(rule.regex!.match(/[A-Za-z]+/g) ?? [])];
      const own = [...(rule.examples?.bad ?? []), ...(rule.examples?.good ?? [])].map((e) => e.target);
      const bits = [...words, ...words.map((w) => w.toUpperCase()), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1)), ' ', ', ', '. ', '12', '3,500', 'é', '’', 'the', 'of', '\u212a', 'ſ'];
      const texts = [...own];
      for (let k = 0; k < 25; k++) {
        const sentence = pick(r, examples);
        const cut = Math.floor(r() * sentence.length);
        const noise = Array.from({ length: 1 + Math.floor(r() * 12) }, () => pick(r, bits) + (r() < 0.7 ? ' ' : '')).join('');
        texts.push(k % 3 === 0 ? noise : k % 3 === 1 ? `${sentence.slice(0, cut)}${noise}${sentence.slice(cut)}` : `${pick(r, own.length ? own : examples)} ${noise}${sentence}`);
      }
      for (const text of texts) {
        const direct = [...text.matchAll(regex)].filter((m) => m[0] !== '').map((m) => [m.index, m[0]]);
        const fast = [...matchesAtPrefixes(scan, text)].map((m) => [m.index, m[0]]);
        expect(fast, `${rule.id} /${rule.regex}/ on ${JSON.stringify(text)}`).toEqual(direct);
        compared++;
        matched += direct.length;
      }
    }
    // Not a vacuous comparison: many rules, and texts on which they do match.
    expect(compared).toBeGreaterThan(2000);
    expect(matched).toBeGreaterThan(300);
  }, 120_000);
});

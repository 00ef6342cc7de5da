/** en.governed-preposition: a preposition English does not use after a word that governs another one. */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../main/core/checks/engine.js';

const check = (target: string) => runChecks({ source: 'x', target, sourceLang: 'fr', targetLang: 'en' }).filter((f) => f.rule === 'en.governed-preposition');
const found = (target: string) => check(target).map((f) => f.text);
const fixed = (target: string) => {
  const e = check(target)[0]!.fixes[0]!.edits[0]!;
  return target.slice(0, e.start) + e.text + target.slice(e.end);
};

describe('en.governed-preposition', () => {
  it('finds a preposition the governing word does not take, and fixes it', () => {
    expect(found('The town relies of tourism for most of its income.')).toEqual(['relies of']);
    expect(fixed('The town relies of tourism for most of its income.')).toBe('The town relies on tourism for most of its income.');
    expect(found('The ministers discussed about the budget until late.')).toEqual(['discussed about']);
    expect(fixed('The ministers discussed about the budget until late.')).toBe('The ministers discussed the budget until late.');
    expect(found('Exports rose with 4.5% in the third quarter.')).toEqual(['rose with']);
    expect(found('The firm must comply to the new rules.')).toEqual(['comply to']);
    expect(found('She sued against the hospital.')).toEqual(['sued against']);
    expect(found('We act with respect of the law.')).toEqual(['respect of']);
  });
  it('leaves the governed preposition a few words on, idioms, and uses without a number', () => {
    expect(found('The plan relies in part on European funds.')).toEqual([]);
    expect(found('Firms must comply to some extent with the code.')).toEqual([]);
    expect(found('Sales rose with the summer heat.')).toEqual([]);
    expect(found('The show earned the respect of the critics.')).toEqual([]);
    expect(found('The committee discussed the budget and relied on experts.')).toEqual([]);
  });
});

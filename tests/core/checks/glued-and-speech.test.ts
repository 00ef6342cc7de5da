/** qa.glued-words and qa.speech-punctuation: lost spaces, and the punctuation of amounts and reported speech in English. */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../main/core/checks/engine.js';

const check = (rule: string, target: string, targetLang = 'en') => runChecks({ source: 'x', target, sourceLang: 'fr', targetLang }).filter((f) => f.rule === rule);
const found = (rule: string, target: string, targetLang = 'en') => check(rule, target, targetLang).map((f) => f.text);
const fixed = (rule: string, target: string) => {
  const e = check(rule, target)[0]!.fixes[0]!.edits[0]!;
  return target.slice(0, e.start) + e.text + target.slice(e.end);
};

describe('qa.glued-words', () => {
  it('finds a number glued to a word, a preposition glued to a number, a comma after its space, a colon glued to a quote', () => {
    expect(found('qa.glued-words', 'The works took 12weeks and cost 3.5billion.')).toEqual(['12weeks', '3.5billion']);
    expect(fixed('qa.glued-words', 'The works took 12weeks.')).toBe('The works took 12 weeks.');
    expect(found('qa.glued-words', 'The fair opens on14 June.')).toEqual(['on14']);
    expect(found('qa.glued-words', 'Rents rose in May ,mostly in cities.')).toEqual([',mostly']);
    expect(fixed('qa.glued-words', 'Rents rose in May ,mostly in cities.')).toBe('Rents rose in May, mostly in cities.');
    expect(found('qa.glued-words', 'She told reporters:“We will appeal.”')).toEqual([':“']);
  });
  it('leaves units, ordinals, decades, words glued on purpose, and other targets’ words', () => {
    expect(found('qa.glued-words', 'A 10km run in the 1990s, the 3rd time, a tenfold rise, 5kg, a 4x4 and COVID-19.')).toEqual([]);
    expect(found('qa.glued-words', 'Die Arbeiten dauerten 12wochen.', 'de')).toEqual([]);
    expect(found('qa.glued-words', 'Rents rose in May, mostly in cities: “We know.”')).toEqual([]);
  });
});

describe('qa.speech-punctuation', () => {
  it('finds a space after a currency symbol, as a hint, and fixes it', () => {
    expect(check('qa.currency-space', 'Tickets cost $ 45.')[0]!.severity).toBe('hint');
    expect(found('qa.currency-space', 'Tickets cost $ 45 and € 30.')).toEqual(['$ 4', '€ 3']);
    expect(fixed('qa.currency-space', 'Tickets cost R$ 180.')).toBe('Tickets cost R$180.');
  });
  it('finds a comma before "that" after a reporting verb, and a quotation closed without its comma', () => {
    expect(found('qa.speech-punctuation', 'The minister stated, that the law would pass.')).toEqual(['stated, that']);
    expect(fixed('qa.speech-punctuation', 'The minister stated, that the law would pass.')).toBe('The minister stated that the law would pass.');
    expect(fixed('qa.speech-punctuation', '"We will rebuild the bridge by spring" said the mayor.')).toBe('"We will rebuild the bridge by spring," said the mayor.');
  });
  it('leaves "that is", correct quotations and short quoted words', () => {
    expect(found('qa.speech-punctuation', 'He said, that is, very little. "We will rebuild it," said the mayor. The sign "Closed" said it all.')).toEqual([]);
    expect(found('qa.currency-space', 'The fee is $45, or about €41.')).toEqual([]);
  });
});

describe('mt.cjk-punctuation’s fix of a colon before a quotation', () => {
  it('keeps the space, so the fix leaves no glued colon for qa.glued-words', () => {
    const target = 'He told reporters：“We will win.”';
    const f = runChecks({ source: '他对记者说：“我们会赢。”', target, sourceLang: 'zh', targetLang: 'en' }).find((x) => x.rule === 'mt.cjk-punctuation')!;
    const e = f.fixes[0]!.edits[0]!;
    expect(target.slice(0, e.start) + e.text + target.slice(e.end)).toBe('He told reporters: “We will win.”');
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nspell from 'nspell';
import { describe, expect, it } from 'vitest';
import { spellingCheck } from '../../../main/core/checks/spelling/check.js';
import { dictionaryLanguage, spellerFor } from '../../../main/core/checks/spelling/speller.js';
import { SuggestionSearch } from '../../../main/core/checks/spelling/suggest.js';
import { makeContext, runCheck } from './qa-context.js';

describe('qa.spelling', () => {
  it('finds a misspelling with up to three suggestions as fixes', () => {
    const ctx = makeContext({ source: 'O governo anunciou medidas.', target: 'The goverment announced measures.' });
    const [f, ...rest] = runCheck(spellingCheck, ctx);
    expect(rest).toEqual([]);
    expect(f!.text).toBe('goverment');
    expect(f!.fixes!.length).toBeGreaterThan(0);
    expect(f!.fixes!.length).toBeLessThanOrEqual(3);
    expect(f!.fixes!.map((x) => x.edits[0]!.text)).toContain('government');
    expect(f!.fixes![0]!.edits[0]).toMatchObject({ start: 4, end: 13 });
  });

  it('skips names, acronyms, numbers, URLs, the project word list and words copied from the source', () => {
    const target = 'Yesterday Zorblat met the UNHQX team at www.exampel.com about 3rd-quarter Petrobras figures and the Fiocruz lab.';
    expect(runCheck(spellingCheck, makeContext({ source: 'Ontem.', target }))).toEqual([]);
    const ctx = makeContext({ source: 'Chegou o blorf.', target: 'The blorf and the snarfle arrived.', project: { wordList: ['Snarfle'] } });
    expect(runCheck(spellingCheck, ctx)).toEqual([]);
  });

  it('accepts British and American spelling for plain "en", only one for en-US', () => {
    expect(runCheck(spellingCheck, makeContext({ source: 'x', target: 'They travelled in favour of the colour.' }))).toEqual([]);
    expect(runCheck(spellingCheck, makeContext({ source: 'x', target: 'They traveled in favor of the color.' }))).toEqual([]);
    expect(runCheck(spellingCheck, makeContext({ source: 'x', target: 'It was in favour.', targetLang: 'en-US' })).map((f) => f.text)).toEqual(['favour']);
  });

  it('checks a German target with the German dictionary, never the English one', () => {
    expect(dictionaryLanguage('de-AT')).toBe('de');
    const ctx = makeContext({ source: 'x', target: 'Die Regierung hat das Gesetz beschlosen.', targetLang: 'de' });
    expect(runCheck(spellingCheck, ctx).map((f) => f.text)).toEqual(['beschlosen']);
    // An English sentence is full of misspellings for the German dictionary.
    expect(runCheck(spellingCheck, makeContext({ source: 'x', target: 'the government house', targetLang: 'de' })).length).toBeGreaterThan(0);
  }, 20_000);

  it('does nothing for a language without an installed dictionary', () => {
    // Portuguese now has one (dictionary-pt, Brazilian); European Portuguese and Arabic have none.
    expect(dictionaryLanguage('pt-BR')).toBe('pt');
    expect(dictionaryLanguage('pt-PT')).toBeNull();
    expect(spellerFor('ar')).toBeNull();
    expect(runCheck(spellingCheck, makeContext({ source: 'x', target: 'O goverment anunciou.', targetLang: 'pt-PT' }))).toEqual([]);
  });

  it('checks a 100-word paragraph quickly once the dictionary is loaded', () => {
    spellerFor('en');
    const words = 'the council approved a new budget for schools and roads after a long debate in which several members asked'.split(' ');
    const target = Array.from({ length: 100 }, (_, i) => words[i % words.length]).join(' ') + ' recieve.';
    const ctx = makeContext({ source: 'x', target });
    const t0 = performance.now();
    const found = runCheck(spellingCheck, ctx);
    const ms = performance.now() - t0;
    expect(found.map((f) => f.text)).toEqual(['recieve']);
    expect(ms).toBeLessThan(200);
  });

  it('leaves suggestions over the deadline for later: the finding stands, marked incomplete, without fixes', () => {
    const target = 'The plan was quxbrevated yesterday.';
    const late = makeContext({ source: 'x', target });
    late.deadline = performance.now() - 1;
    const [f, ...rest] = runCheck(spellingCheck, late);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ text: 'quxbrevated', fixes: [], incomplete: true });
    // Without a deadline (runChecks, reports) the same word gets its fixes and is complete.
    const [g] = runCheck(spellingCheck, makeContext({ source: 'x', target }));
    expect(g!.incomplete).toBeUndefined();
    expect(g!.fixes).toEqual(spellerFor('en')!.suggest('quxbrevated', 3).map((s) => ({ label: expect.any(Object), edits: [{ start: 13, end: 24, text: s }] })));
  });

  it('continues an interrupted suggestion search to the same list as a search in one go', () => {
    const speller = spellerFor('en')!;
    const word = 'zwonkishly';
    let calls = 0;
    let found: string[] | null = null;
    while (found === null && calls < 100_000) {
      found = speller.suggestBy(word, performance.now() + 0.2, 3);
      calls++;
    }
    expect(calls).toBeGreaterThan(1);
    expect(found).toEqual(speller.suggest(word, 3));
  });
});

describe('qa.spelling: news loanwords, demonyms and compounds', () => {
  it('accepts loanwords, proper adjectives and names after a hyphen, but not a misspelling next to them', () => {
    const found = (target: string) => runCheck(spellingCheck, makeContext({ source: 'x', target })).map((f) => f.text);
    expect(found('Paulista fans drank caipirinhas and mezcal at the quinceañera.')).toEqual([]);
    expect(found('Bolsonarist groups held an anti-Lula, pro-Bolsonaro rally.')).toEqual([]);
    expect(found('Madrilenian bars served tapas and empanadas in the barrio.')).toEqual([]);
    expect(found('The anti-Lula ralyl ended.')).toEqual(['ralyl']);
  });
  it('accepts combining forms and unit adjectives, but not a misspelling after them', () => {
    const found = (target: string) => runCheck(spellingCheck, makeContext({ source: 'x', target })).map((f) => f.text);
    expect(found('The shift to electromobility and a millimetric offside were debated.')).toEqual([]);
    expect(found('The shift to electromobilty was debated.')).toEqual(['electromobilty']);
  });
  it('takes a capitalised pinyin word for a name only when the source is Chinese', () => {
    const found = (target: string, sourceLang: string) => runCheck(spellingCheck, makeContext({ source: '这是一个测试。', target, sourceLang })).map((f) => f.text);
    expect(found('Guotai analysts expect growth. Xinhua reported it.', 'zh-Hans')).toEqual([]);
    expect(found('Guotai analysts expect growth. Xinhua reported it.', 'es')).toEqual(['Guotai', 'Xinhua']);
    expect(found('Teh analysts expect growth.', 'zh-Hans')).toEqual(['Teh']);
  });
});

describe('SuggestionSearch', () => {
  const dir = dirname(createRequire(import.meta.url).resolve('dictionary-en'));
  const spell = nspell({ aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) });

  it("returns exactly nspell's suggestions, in nspell's order, however often it is interrupted", () => {
    // Edit distance 1 ("goverment", "recieve"), case variants ("THEIR", "Teh"), and edit distance 2 ("Bxyz", "xqzt").
    for (const word of ['goverment', 'recieve', 'Teh', 'THIER', 'Bxyz', 'xqzt', 'colour', 'o’clock']) {
      const search = new SuggestionSearch(spell, word);
      let found: string[] | null = null;
      while (found === null) found = search.run(performance.now() + 0.05);
      expect(found, word).toEqual(spell.suggest(word));
    }
  }, 20_000);

  it('makes no progress once the deadline has passed, and none is lost', () => {
    const search = new SuggestionSearch(spell, 'xqzt');
    expect(search.run(performance.now() - 1)).toBeNull();
    expect(search.done).toBe(false);
    expect(search.run()).toEqual(spell.suggest('xqzt'));
  });

  it('accepts currencies, news words and prefixed words English news uses, but not misspellings', () => {
    const texts = [
      'The deal was worth 3 billion reais, or about 600 million euros and 90 million soles.',
      'Prices are set in bolívares, pesos and yuan; the lockdowns hit the favelas.',
      'A multimillion contract and a multibillion fund backed the anti-inflation plan.',
      'The ex-minister, a cofounder of the party, joined the pre-campaign and the postpandemic recovery.',
    ];
    for (const target of texts) expect(runCheck(spellingCheck, makeContext({ source: 'x', target })).map((f) => f.text), target).toEqual([]);
    const wrong = 'The multimillon deal untill Friday was anti-inflaton policy.';
    expect(runCheck(spellingCheck, makeContext({ source: 'x', target: wrong })).map((f) => f.text)).toEqual(['multimillon', 'untill', 'anti-inflaton']);
  });
});


import { describe, expect, it } from 'vitest';
import { spellingCheck } from '../../../main/core/checks/spelling/check.js';
import { dictionaryLanguage, spellerFor } from '../../../main/core/checks/spelling/speller.js';
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
    expect(dictionaryLanguage('pt-BR')).toBeNull();
    expect(spellerFor('ar')).toBeNull();
    expect(runCheck(spellingCheck, makeContext({ source: 'x', target: 'O goverment anunciou.', targetLang: 'pt-BR' }))).toEqual([]);
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
});

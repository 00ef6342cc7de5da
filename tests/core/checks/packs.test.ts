import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreCorpus } from '../../../conformance/checks.js';
import { runChecks } from '../../../main/core/checks/engine.js';

const find = (source: string, target: string, from = 'pt') => runChecks({ source, target, sourceLang: from, targetLang: 'en' });
const has = (fs: { rule: string; text: string }[], rule: string, text: string) => fs.some((f) => f.rule === rule && f.text.includes(text));

describe('pt→en and es→en packs on the sample project', () => {
  const read = (p: string) => readFileSync(new URL(`../../../samples/${p}`, import.meta.url), 'utf8');
  it('finds the planted artifacts of news/flood-recife', () => {
    const fs = find(read('news/flood-recife.pt-BR.txt'), read('news/flood-recife.en.txt'), 'pt-BR');
    for (const [rule, text] of [
      ['en.dateline-glued', 'date 2024-03-13'],
      ['en.weekday-day-number', 'Monday (11)'],
      ['en.weekday-day-number', 'Wednesday (13)'],
      ['en.weekday-day-number', 'Tuesday (12)'],
      ['en.weekday-day-number', 'Friday (15)'],
      ['en.reporting-inversion', 'said to EFE'],
      ['pt-en.false-friends', 'Actually'],
      ['pt-en.false-friends', 'pretends'],
      ['en.stacked-prepositions', 'to to'],
      ['en.stacked-prepositions', 'from of'],
      ['en.stacked-prepositions', 'on of'],
      ['en.article-proper-noun', 'the Recife'],
      ['en.article-proper-noun', 'the Brazil'],
    ] as const)
      expect(has(fs, rule, text), `${rule} ${text}`).toBe(true);
    // "the Recife Metropolitan Region" is correct English.
    expect(fs.filter((f) => f.rule === 'en.article-proper-noun')).toHaveLength(2);
  });
  it('finds the planted artifacts of news/inflacion-madrid', () => {
    const fs = find(read('news/inflacion-madrid.es.txt'), read('news/inflacion-madrid.en.txt'), 'es');
    for (const [rule, text] of [
      ['mt.untranslated-words', 'hostelería'],
      ['es-en.false-friends', 'Actually'],
      ['es-en.false-friends', 'eventually'],
      ['es-en.false-friends', 'assist'],
      ['en.reporting-inversion', 'said the minister of Economy'],
      ['en.article-proper-noun', 'the Spain'],
    ] as const)
      expect(has(fs, rule, text), `${rule} ${text}`).toBe(true);
  });
});

describe('hard negatives', () => {
  it.each([
    ['Na verdade, o índice caiu.', 'Actually, the index fell.'],
    ['O prefeito fingiu surpresa.', 'The mayor pretended to be surprised.'],
    ['Os EUA e o Reino Unido assinaram.', 'The United States and the United Kingdom signed.'],
    ['A seleção do Egito treinou.', 'The Egypt squad trained.'],
    ['“Está feito”, disse a fonte.', '“It is done,” said the source.'],
    ['O serviço funciona 24 horas.', 'The service runs 24/7.'],
    ['A empresa tem 20 anos de mercado.', 'The company has 20 years of experience.'],
    ['A polícia entrou na favela.', 'Police entered the favela.'],
    ['Flamengo 2 x 1 Vasco', 'Flamengo 2 x 1 Vasco'],
  ])('%s → %s is clean', (source, target) => {
    expect(find(source, target).filter((f) => !f.rule.startsWith('qa.'))).toEqual([]);
  });
});

describe('labelled corpus (tests/corpus/checks)', () => {
  it('meets precision ≥ 0.9 and recall ≥ 0.8 over all rules, and stays quiet on clean lines', () => {
    const { total } = scoreCorpus();
    expect(total.tp / (total.tp + total.fp)).toBeGreaterThanOrEqual(0.9);
    expect(total.tp / (total.tp + total.fn)).toBeGreaterThanOrEqual(0.8);
    expect((1000 * total.cleanFindings) / total.cleanWords).toBeLessThan(2);
  });
});

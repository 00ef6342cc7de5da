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
  // Loads the dictionaries of every target in the corpora (en, de, fr, es, pt, it): slow on a shared machine.
  it('meets precision ≥ 0.9 and recall ≥ 0.8 over all rules, and stays quiet on clean lines', { timeout: 180_000 }, () => {
    const { total } = scoreCorpus();
    expect(total.tp / (total.tp + total.fp)).toBeGreaterThanOrEqual(0.9);
    expect(total.tp / (total.tp + total.fn)).toBeGreaterThanOrEqual(0.8);
    expect((1000 * total.cleanFindings) / total.cleanWords).toBeLessThan(2);
  });
});

describe('generalised English-target rules', () => {
  const en = (target: string, rule: string, from = 'pt') => find('x', target, from).filter((f) => f.rule === rule).map((f) => f.text);
  it('stacked prepositions: a calqued "of" after any preposition, and stacks after ones English never strands', () => {
    expect(en('Beyond of the river, the road was cut.', 'en.stacked-prepositions')).toEqual(['Beyond of']);
    expect(en('The shops stay shut during of the works.', 'en.stacked-prepositions')).toEqual(['during of']);
    expect(en('Funds went among among the towns.', 'en.stacked-prepositions')).toEqual(['among among']);
    expect(en('The bridge stays closed until in June.', 'en.stacked-prepositions')).toEqual(['until in']);
  });
  it.each([
    'They got out of the car and walked from under the bridge.',
    'The boy came out from behind the wall, next to the gate, instead of waiting.',
    'Sales rose up to 20% because of the holiday, according to the survey, due to tourism.',
    'As of today, apart from two shops, she was chosen from among the rest.',
    'They waited until after the vote; he has lived there since before the war.',
    'The chef, along with his staff and together with the owner, went back to work in between shifts.',
    'It was close to midnight, down to the last minute; they walked over to the stage, up until dawn.',
    'He came from within the prison, out from the cells, away from the guards.',
    'Ahead of the summit and prior to the talks, aides stood in front of the palace, on top of the steps.',
    'As to the money, he looked up to his father, got on with it and came up with a plan.',
    'Nobody would put up with it; the text he turned to in his speech was short.',
    'The roads stay closed until at least May, as they have since at least 2019.',
    'It is a kind of plan made up of volunteers, most of whom ran out of time.',
  ])('leaves legitimate English sequences alone: %s', (target) => {
    expect(en(target, 'en.stacked-prepositions')).toEqual([]);
  });
  it('blended constructions are found whatever the subject, and only in their wrong form', () => {
    expect(en('Taxes were set in accordance to the decree.', 'en.blended-construction')).toEqual(['in accordance to']);
    expect(en('It helps both big firms as well as small ones.', 'en.blended-construction')).toEqual(['both big firms as well as']);
    expect(en('It helps both big firms and small ones, as well as the state.', 'en.blended-construction')).toEqual([]);
    expect(en('He is the incumbent to beat.', 'en.blended-construction')).toEqual([]);
    expect(en('The forecast is based in the data; the firm is based in Porto.', 'en.blended-construction')).toEqual(['based in the data']);
  });
  it('datelines: labelled or bare dates and times glued before the first capitalised word, first segment only', () => {
    expect(en('Atualizado em 02/05/2024 às 14h30 The council met.', 'en.dateline-glued')).toEqual(['Atualizado em 02/05/2024 às 14h30 ']);
    expect(en('Last updated: May 2, 2024 The council met.', 'en.dateline-glued')).toEqual(['Last updated: May 2, 2024 ']);
    expect(en('2024-05-02 14:30 The council met.', 'en.dateline-glued')).toEqual(['2024-05-02 14:30 ']);
    expect(en('2024-05-02 14:30 the council met.', 'en.dateline-glued')).toEqual([]);
    expect(en('The council met. Updated: 2024-05-02 The mayor spoke.', 'en.dateline-glued')).toEqual([]);
  });
  it('reporting inversion: verb, adverbial, then the subject with a role', () => {
    const text = en('The plan works, said on Tuesday the director of the agency, Rui Sá.', 'en.reporting-inversion');
    expect(text).toEqual(['said on Tuesday the director of the agency']);
    expect(en('He said on Tuesday the director of the agency was fired.', 'en.reporting-inversion')).toEqual([]);
  });
});

describe('reporting inversion, datelines and blends on unseen shapes', () => {
  const en = (target: string, rule: string) => find('x', target).filter((f) => f.rule === rule).map((f) => f.text);
  it('reporting verb, optional adverbials, then a role noun phrase mid-sentence', () => {
    expect(en('The road reopens on Friday, confirmed this Monday the head of the traffic department.', 'en.reporting-inversion')).toEqual(['confirmed this Monday the head of the traffic department']);
    expect(en('Fares will rise, announced the company in a statement.', 'en.reporting-inversion')).toEqual(['announced the company']);
    expect(en('Two boats sank, pointed out to reporters the commander of the navy, who led the search.', 'en.reporting-inversion')).toEqual(['pointed out to reporters the commander of the navy']);
    expect(en('Likewise said the minister that talks will go on.', 'en.reporting-inversion')).toEqual(['Likewise said the minister']);
  });
  it('leaves short subjects after a quote and transitive verbs with objects alone', () => {
    expect(en('“It is done,” said the minister.', 'en.reporting-inversion')).toEqual([]);
    expect(en('“It is done,” said the ministry spokesman.', 'en.reporting-inversion')).toEqual([]);
    expect(en('“It is done,” said the spokesman of the ministry of Health.', 'en.reporting-inversion')).toEqual(['said the spokesman of the ministry of Health']);
    expect(en('The union, in a letter, warned the government of the risks.', 'en.reporting-inversion')).toEqual([]);
    expect(en('Later, the mayor told the director of the school to resign.', 'en.reporting-inversion')).toEqual([]);
    expect(en('She said on Friday the head of the agency would quit.', 'en.reporting-inversion')).toEqual([]);
  });
  it('datelines: reading times, "ago" stamps, bylines and the ".-" wire convention', () => {
    expect(en('By Maria Lopes | May 2, 2024 The council met.', 'en.dateline-glued')).toEqual(['By Maria Lopes | May 2, 2024 ']);
    expect(en('Published 3 hours ago | 5 min read The council met.', 'en.dateline-glued')).toEqual(['Published 3 hours ago | 5 min read ']);
    expect(en('Lisbon, May 2 (Lusa).- The council met.', 'en.dateline-glued')).toEqual(['Lisbon, May 2 (Lusa).- ']);
    expect(en('LISBON, May 2 (Reuters) - The council met.', 'en.dateline-glued')).toEqual([]);
    expect(en('By Friday the council had met.', 'en.dateline-glued')).toEqual([]);
  });
  it('blends: between … to, the reason … is because, neither … or, in order that to', () => {
    expect(en('Turnout was between 60% to 70%.', 'en.blended-construction')).toEqual(['between 60% to ']);
    expect(en('Turnout was between 60% and 70%, up from 50% to 55%.', 'en.blended-construction')).toEqual([]);
    expect(en('The reason turnout fell was because it rained.', 'en.blended-construction')).toEqual(['The reason turnout fell was because']);
    expect(en('The reason is that it rained; it fell because of rain.', 'en.blended-construction')).toEqual([]);
    expect(en('Neither the bank or the state paid.', 'en.blended-construction')).toEqual(['Neither the bank or']);
    expect(en('Neither the bank nor the state paid.', 'en.blended-construction')).toEqual([]);
    expect(en('They met in order that to sign.', 'en.blended-construction')).toEqual(['in order that to']);
  });
});

describe('literal idioms and false friends need the source idiom or word', () => {
  const rule = (source: string, target: string, r: string, from: string) => find(source, target, from).filter((f) => f.rule === r).map((f) => f.text);
  it('fires on inflected source idioms and not without them', () => {
    expect(rule('Quem pagou o pato foi o contribuinte.', 'The one who paid the duck was the taxpayer.', 'pt-en.literal-idioms', 'pt')).toEqual(['paid the duck']);
    expect(rule('O pato fugiu do lago.', 'The duck ran away; they paid the duck owner.', 'pt-en.literal-idioms', 'pt')).toEqual([]);
    expect(rule('El delantero metió la pata.', 'The striker put his paw.', 'es-en.literal-idioms', 'es')).toEqual(['put his paw']);
    expect(rule('El perro levantó la pata.', 'The dog put its paw up.', 'es-en.literal-idioms', 'es')).toEqual([]);
  });
  it('false friends fire only with the source trigger', () => {
    expect(rule('A seca trouxe prejuízos.', 'The drought brought prejudices.', 'pt-en.false-friends', 'pt')).toEqual(['prejudices']);
    expect(rule('O racismo é um preconceito.', 'Racism is a prejudice.', 'pt-en.false-friends', 'pt')).toEqual([]);
    expect(rule('El suceso conmocionó al barrio.', 'The success shocked the neighbourhood.', 'es-en.false-friends', 'es')).toEqual(['success']);
    expect(rule('El éxito conmocionó al barrio.', 'The success shocked the neighbourhood.', 'es-en.false-friends', 'es')).toEqual([]);
  });
});

describe('untranslated news nouns', () => {
  it('reports source titles and institutions left in English, not English words spelt the same', () => {
    const words = (source: string, target: string, from: string) => find(source, target, from).filter((f) => f.rule === 'mt.untranslated-words').map((f) => f.text);
    expect(words('A prefeitura e o vereador recorreram ao desembargador.', 'The prefeitura and the vereador appealed to the desembargador.', 'pt')).toEqual(['prefeitura', 'vereador', 'desembargador']);
    expect(words('El ayuntamiento y la alcaldía citaron al concejal.', 'The ayuntamiento and the alcaldía summoned the concejal.', 'es')).toEqual(['ayuntamiento', 'alcaldía', 'concejal']);
    expect(words('O real caiu; o hotel e o bar fecharam; a crise do gas.', 'The real fell; the hotel and the bar closed; a gas crisis.', 'pt')).toEqual([]);
    expect(words('El fiscal pidió que no hubiera una sede municipal.', 'The fiscal year had no municipal radio.', 'es')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { numberFormat, numbersChanged, numbersMissing } from '../../../main/core/checks/qa/numbers.js';
import { makeContext, runCheck, spans } from './qa-context.js';

describe('qa.numbers (a target number the source lacks)', () => {
  it('accepts locale conversions: thousands, decimals, scale words, ordinals, 12-hour times, spelled-out digits', () => {
    const pairs: [string, string][] = [
      ['Foram 1.200 pessoas.', 'There were 1,200 people.'],
      ['A taxa é 3,5%.', 'The rate is 3.5%.'],
      ['O jogo é na quarta-feira (20), às 16h.', 'The match is on Wednesday (20th) at 4 p.m.'],
      ['Ficou em 2º lugar.', 'It came 2nd.'],
      ['Lucrou R$ 2,4 bilhões.', 'It made 2.4 billion reais.'],
      ['Vieram 40 mil pessoas.', 'Some 40,000 people came.'],
      ['Há 3 salas.', 'There are three rooms.'],
      ['Dez pessoas saíram.', 'Some 10 people left.'],
    ];
    for (const [s, t] of pairs) expect(spans(numbersChanged, s, t), t).toEqual([]);
  });

  // The month "06" is the source's "jun": only the year the source lacks and the changed day are reported.
  it('reads thousands grouped by a plain space before a decimal comma, as French and Estonian type them', () => {
    for (const [s, t, lang] of [
      ['L’indice a clôturé à 6 348,72 points.', 'The index closed at 6,348.72 points.', 'fr'],
      ['Le budget atteint 12 400,5 millions.', 'The budget reaches 12,400.5 million.', 'fr'],
    ] as const) {
      const ctx = makeContext({ source: s, target: t, sourceLang: lang });
      expect([...runCheck(numbersChanged, ctx), ...runCheck(numbersMissing, ctx)].map((f) => f.text), t).toEqual([]);
    }
    // A changed figure is still one.
    const ctx = makeContext({ source: 'L’indice a clôturé à 6 348,72 points.', target: 'The index closed at 6,384.72 points.', sourceLang: 'fr' });
    expect(runCheck(numbersChanged, ctx).map((f) => f.text)).toEqual(['6,384.72']);
  });
  it('lets a Chinese day of the month alone be the weekday English writes, but not a dated day', () => {
    const missing = (source: string, target: string) => runCheck(numbersMissing, makeContext({ source, target, sourceLang: 'zh' })).map((f) => f.text);
    expect(missing('广州5日将迎来强降雨。', 'Guangzhou will see heavy rain on Saturday.')).toEqual([]);
    expect(missing('广州5日将迎来强降雨。', 'Guangzhou will see heavy rain soon.')).toEqual(['5']);
    expect(missing('广州12月5日将迎来强降雨。', 'Guangzhou will see heavy rain on Saturday.')).toEqual(['12', '5']);
  });
  it('reads jin (斤) as half a kilogram: a harvest in tonnes is the same figure, a wrong one is not', () => {
    const found = (source: string, target: string) => {
      const ctx = makeContext({ source, target, sourceLang: 'zh' });
      return [...runCheck(numbersChanged, ctx), ...runCheck(numbersMissing, ctx)].map((f) => f.text);
    };
    expect(found('全省粮食总产量达到1300亿斤。', 'The province harvested 65 million tonnes of grain.')).toEqual([]);
    expect(found('每户增收600斤稻谷。', 'Each household gained 300 kilograms of rice.')).toEqual([]);
    expect(found('全省粮食总产量达到1300亿斤。', 'The province harvested 130 million tonnes of grain.').length).toBeGreaterThan(0);
    expect(found('每户增收600公斤稻谷。', 'Each household gained 300 kilograms of rice.').length).toBeGreaterThan(0);
  });
  it('reads an ISO date as the date the source writes in words, but not a different day', () => {
    expect(spans(numbersChanged, 'Belém, 7 jun (EFE).- A cheia do rio recuou.', 'date 2025-06-07 The river flood receded.')).toEqual([]);
    expect(spans(numbersChanged, 'Belém, 7 jun (EFE).- A cheia do rio recuou.', 'date 2025-06-08 The river flood receded.')).toEqual(['2025', '08']);
  });

  it('reports a changed number with its exact span', () => {
    const ctx = makeContext({ source: 'Título\nForam 1.200 agentes.', target: 'Title\nThere were 1,300 agents.' });
    const [f] = runCheck(numbersChanged, ctx);
    expect(f?.text).toBe('1,300');
    expect(f?.start).toBe(ctx.target.indexOf('1,300'));
  });

  it('does not treat a Mexican-Spanish decimal point as a thousands separator', () => {
    expect(spans(numbersChanged, 'La tasa es 3.5%.', 'The rate is 3.5%.', 'es-MX')).toEqual([]);
    expect(spans(numbersChanged, 'La tasa es 3.500.', 'The figure is 3,500.', 'es')).toEqual([]);
  });
});

describe('qa.numbers-missing (a source number the target lacks)', () => {
  it('reports it on the source side', () => {
    const ctx = makeContext({ source: 'Há 250 atletas e 12 técnicos.', target: 'There are 250 athletes.' });
    const [f, ...rest] = runCheck(numbersMissing, ctx);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ side: 'source', text: '12', start: ctx.source.indexOf('12') });
  });
  it('is quiet for a date whose parts are reordered', () => {
    expect(spans(numbersMissing, 'Em 20/12/2023 houve eleição.', 'On 12/20/2023 there was an election.')).toEqual([]);
  });
});

describe('a changed number is one finding, on the translation, naming the source number', () => {
  const both = (s: string, t: string, lang: string) => [...spans(numbersChanged, s, t, lang), ...spans(numbersMissing, s, t, lang)];
  it('pairs a transposed, rescaled, re-split or lone changed number with the source number it replaces', () => {
    expect(both('La dette passerait de 186 à 231 millions.', 'The debt would rise from 186 to 213 million.', 'fr')).toEqual(['213']);
    expect(both('Las pérdidas superan los 1.200 millones de euros.', 'Losses exceed 1.2 million euros.', 'es')).toEqual(['1.2']);
    expect(both('旅游收入达1430亿元。', 'Tourism revenue reached 14.3 billion yuan.', 'zh-Hans')).toEqual(['14.3']);
    expect(both('下一次科考预计于2027年3月启动。', 'The next survey is due to begin in 2027.3.', 'zh-Hans')).toEqual(['2027.3']);
    expect(both('Der Verkehr kostet rund 40 Millionen Euro.', 'The service will cost around 14 million euros.', 'de')).toEqual(['14']);
    const ctx = makeContext({ source: 'La dette passerait de 186 à 231 millions.', target: 'The debt would rise from 186 to 213 million.', sourceLang: 'fr' });
    expect(runCheck(numbersChanged, ctx)[0]?.message).toEqual({ key: 'qa:numberChangedFrom', params: { number: '213', source: '231' } });
  });
  it('still reports omitted numbers on the source when a changed one cannot be told to replace one of them', () => {
    expect(both('Il a 12 ans et 30 enfants, dont 7 filles.', 'He is 13 and has 7 daughters.', 'fr')).toEqual(['13', '12', '30']);
  });
});

describe('qa.number-format (a number left in the source convention)', () => {
  it('flags "1.250" and "10,5" in English with the certain fix', () => {
    const ctx = makeContext({ source: 'Havia 1.250 pessoas e juros de 10,5%.', target: 'There were 1.250 people and 10,5% interest.' });
    const found = runCheck(numberFormat, ctx);
    expect(found.map((f) => f.text)).toEqual(['1.250', '10,5']);
    expect(found[0]!.fixes![0]!.edits).toEqual([{ start: ctx.target.indexOf('1.250'), end: ctx.target.indexOf('1.250') + 5, text: '1,250' }]);
    expect(found[1]!.fixes![0]!.edits[0]!.text).toBe('10.5');
    // …and the same numbers are not also reported as changed or missing.
    expect(runCheck(numbersChanged, ctx)).toEqual([]);
    expect(runCheck(numbersMissing, ctx)).toEqual([]);
  });
  it('leaves German targets in their own convention alone', () => {
    expect(spans(numberFormat, 'There were 1,250 people.', 'Es waren 1.250 Menschen.', 'en', 'de')).toEqual([]);
    expect(spans(numbersChanged, 'There were 1,250 people.', 'Es waren 1.250 Menschen.', 'en', 'de')).toEqual([]);
  });
});

describe('times (qa.numbers and qa.numbers-missing)', () => {
  const both = (s: string, t: string, lang = 'pt-BR') => [...spans(numbersChanged, s, t, lang), ...spans(numbersMissing, s, t, lang)];
  it('matches source times with "h", a dot or a colon to English 12- and 24-hour times', () => {
    const pairs: [string, string, string][] = [
      ['A sessão começa às 10h30.', 'The session starts at 10:30 a.m.', 'pt-BR'],
      ['O voo sai às 20h45.', 'The flight leaves at 8:45 p.m.', 'pt-BR'],
      ['O voo sai às 20h45.', 'The flight leaves at 20:45.', 'pt-BR'],
      ['O jogo é às 16h.', 'The game is at 4pm.', 'pt-BR'],
      ['La reunión será a las 10.30 del lunes.', 'The meeting will be at 10:30 a.m. on Monday.', 'es'],
      ['Llegó a las 7.15 de la mañana.', 'He arrived at 7:15 in the morning.', 'es'],
      ['El tren salió a las 18:45.', 'The train left at 6:45 p.m.', 'es'],
      ['O ato será ao meio-dia, e o show às 12h.', 'The rally will be at noon, and the show at noon too.', 'pt-BR'],
    ];
    for (const [s, t, lang] of pairs) expect(both(s, t, lang), t).toEqual([]);
  });
  it('reports a time that changed once, on the translation', () => {
    expect(both('O voo sai às 20h45.', 'The flight leaves at 9:45 p.m.')).toEqual(['9:45 p.m.']);
    expect(both('La reunión será a las 10.30 del lunes.', 'The meeting will be at 10:30 p.m. on Monday.', 'es')).toEqual(['10:30 p.m.']);
  });
  it('matches a source hour on the 24-hour clock, with or without "heures"/"horas", to an English am/pm time', () => {
    const pairs: [string, string, string][] = [
      ['La séance aura lieu le 24 juin à 18 heures.', 'The meeting will take place on 24 June at 6 pm.', 'fr'],
      ['Entre 20 heures et 8 heures, composez le 15.', 'Between 8 pm and 8 am, dial 15.', 'fr'],
      ['Abierta de lunes a sábado de 10 a 20 horas.', 'Open Monday to Saturday from 10 am to 8 pm.', 'es'],
      ["L'aeroporto ha chiuso dalle 4 alle 11.", 'The airport closed from 4 am to 11 am.', 'it'],
      ["La tappa partirà alle 12.15 e l'arrivo è previsto alle 17.", 'The stage will start at 12.15 pm and finish at around 5 pm.', 'it'],
    ];
    for (const [s, t, lang] of pairs) expect(both(s, t, lang), t).toEqual([]);
  });
  it('still reports an am/pm slip against a 24-hour source', () => {
    expect(spans(numbersChanged, 'La séance aura lieu à 18 heures.', 'The meeting will take place at 6 am.', 'fr')).toEqual(['6 am']);
    expect(spans(numbersChanged, "La tappa partirà alle 12.15.", 'The stage will start at 12.15 am.', 'it')).toEqual(['12.15 am']);
  });
  it('does not demand the numbers of "24 heures sur 24", "7 jours sur 7" (English says "around the clock")', () => {
    expect(both('Les équipes resteront disponibles 24 heures sur 24.', 'The teams will remain available around the clock.', 'fr')).toEqual([]);
    expect(both('Il negozio è aperto 7 giorni su 7.', 'The shop is open every day.', 'it')).toEqual([]);
    expect(spans(numbersMissing, 'Les équipes resteront 24 heures sur place.', 'The teams will stay on site.', 'fr')).toEqual(['24']);
  });
  it('matches a source time to the same dotted time kept in the translation ("at 20.45", "9.30 o\'clock")', () => {
    const pairs: [string, string, string][] = [
      ['Der Zug fährt gegen 7.45 Uhr ab.', "The train leaves around 7.45 o'clock.", 'de'],
      ['El partido empieza a las 19.30 horas.', 'The match kicks off at 19.30 hours.', 'es'],
      ['Il concerto comincia alle 21.15.', 'The concert begins on Friday at 21.15.', 'it'],
    ];
    for (const [s, t, lang] of pairs) expect(both(s, t, lang), t).toEqual([]);
    expect(both('Il concerto comincia alle 21.15.', 'The concert begins at 21.45.', 'it')).toEqual(['21.45']);
  });
  it('still reads "10.30" as a number outside a time context', () => {
    expect(both('El índice subió a 10.30 puntos.', 'The index rose to 10.30 points.', 'es-MX')).toEqual([]);
    expect(spans(numbersMissing, 'O índice subiu 10,30 pontos.', 'The index rose 10.3 points, at 10:30 a.m.')).toEqual([]);
  });
});

describe('Chinese and Japanese sources, and month names (qa.numbers and qa.numbers-missing)', () => {
  const both = (s: string, t: string, lang: string) => [...spans(numbersChanged, s, t, lang), ...spans(numbersMissing, s, t, lang)];
  it('reads CJK numerals, full-width digits, scales, dates and times', () => {
    const pairs: [string, string, string][] = [
      ['北京3月8日电 3月8日15时30分，会议开幕。', 'Beijing, March 8 -- The meeting opened at 15:30 on March 8.', 'zh-Hans'],
      ['下午三点半，两架飞机降落。', 'At 3:30 p.m., two planes landed.', 'zh-Hans'],
      ['该市新增一千二百个岗位。', 'The city added 1,200 jobs.', 'zh-Hans'],
      ['投资达3.5亿元。', 'The investment reached 350 million yuan.', 'zh-Hans'],
      ['火箭名为天舟五号，重约百公斤。', 'The rocket is called Tianzhou-5 and weighs about 100 kilograms.', 'zh-Hans'],
      ['成本降低了三分之一，占百分之四十。', 'Costs fell by a third, to 40%.', 'zh-Hans'],
      ['２０２６年に１０時１２分に打ち上げた。', 'It was launched at 10:12 in 2026.', 'ja'],
      ['会議は午後２時に始まった。', 'The meeting began at 2 p.m.', 'ja'],
    ];
    for (const [s, t, lang] of pairs) expect(both(s, t, lang), t).toEqual([]);
  });
  it('still reports a changed or lost number in a Chinese source', () => {
    expect(both('11月6日，共有一千二百人参加。', 'On Nov. 6, 1,300 people took part.', 'zh-Hans')).toEqual(['1,300']);
    expect(both('10时12分发射。', 'It was launched at 10:21.', 'zh-Hans')).toEqual(['10:21']);
    expect(both('11月6日发射。', 'It was launched on December 6.', 'zh-Hans')).toEqual(['11']);
  });
  it('matches a month that stands alone ("9月底", "11月份", "明年6月") to its English name, and 成 to tenths', () => {
    const pairs: [string, string][] = [
      ['截至今年9月底，共有300人。', 'By the end of September, there were 300 people.'],
      ['11月份物价上涨。', 'Prices rose in November.'],
      ['乘组计划于明年6月返回。', 'The crew will return in June next year.'],
      ['其中，农村人口约占七成。', 'Of these, rural residents make up about 70 percent.'],
    ];
    for (const [s, t] of pairs) expect(both(s, t, 'zh-Hans'), t).toEqual([]);
    expect(both('截至今年9月底，共有300人。', 'By the end of October, there were 300 people.', 'zh-Hans')).toEqual(['9']);
    expect(both('该项目耗时3个月。', 'The project took until March.', 'zh-Hans')).toEqual(['3']);
    expect(both('今年1至6月，浓度为34微克。', 'From January to June, the level was 34 micrograms.', 'zh-Hans')).toEqual([]);
    expect(both('其中，农村人口约占七成。', 'Of these, rural residents make up about 60 percent.', 'zh-Hans')).toEqual(['60']);
  });
  it('does not take everyday words with 一 or 千万 for numbers the translation must keep', () => {
    expect(both('下一步，大家千万要注意，统一行动。', 'Next, everyone must be careful and act together.', 'zh-Hans')).toEqual([]);
  });
  it('matches a month number to an English month name next to a day or year, in any pair', () => {
    expect(both('A reunião de 13/03 foi adiada.', 'The meeting of March 13 was postponed.', 'pt-BR')).toEqual([]);
    expect(both('La cita es el 5 de mayo de 2025.', 'The appointment is on 5/5/2025.', 'es')).toEqual([]);
    expect(both('A reunião de 13/03 foi adiada.', 'The meeting of April 13 was postponed.', 'pt-BR')).toEqual(['03']);
    // "may" the verb is not May: the 12 stands where the source has 5.
    expect(both('Serão 5 vagas.', 'There may be 12 openings.', 'pt-BR')).toEqual(['12']);
    expect(spans(numbersMissing, 'Serão 5 vagas.', 'There may be openings.', 'pt-BR')).toEqual(['5']);
  });
});

describe('numbers a professional translation legitimately rewrites', () => {
  const clean = (s: string, t: string, lang = 'pt-BR') => [...spans(numbersChanged, s, t, lang), ...spans(numbersMissing, s, t, lang)];
  it('accepts rescaled amounts, spelled-out numbers to twenty and round tens, fractions', () => {
    expect(clean('La obra costará 1.500 millones de euros.', 'The work will cost 1.5 billion euros.', 'es')).toEqual([]);
    expect(clean('O rombo é de 2,3 mil milhões de euros.', 'The shortfall is 2.3 billion euros.', 'pt-PT')).toEqual([]);
    expect(clean('O lucro foi de R$ 1,2 bi.', 'The profit was 1.2 billion reais.')).toEqual([]);
    expect(clean('Eram vinte alunos.', 'There were 20 pupils.')).toEqual([]);
    expect(clean('Eram 17 alunos e 30 professores.', 'There were seventeen pupils and thirty teachers.')).toEqual([]);
    expect(clean('A adesão caiu 50%.', 'Membership fell by half.')).toEqual([]);
    expect(clean('Un tercio de los 30 votos.', 'A third of the thirty votes.', 'es')).toEqual([]);
    expect(clean('Dezenas de moradores protestaram.', 'Dozens of residents protested.')).toEqual([]);
    expect(clean('Ils menaient après vingt minutes de jeu.', 'They led after 20 minutes.', 'fr')).toEqual([]);
    expect(clean('Il treno è partito con dodici minuti di ritardo.', 'The train left 12 minutes late.', 'it')).toEqual([]);
    expect(clean('Nach zwanzig Minuten stand es 1:0.', 'After 20 minutes it was 1-0.', 'de')).toEqual([]);
    expect(clean('El equipo cae hasta la decimotercera posición.', 'The team drops to 13th place.', 'es')).toEqual([]);
    expect(spans(numbersChanged, 'El equipo cae hasta la decimotercera posición.', 'The team drops to 14th place.', 'es')).toEqual(['14']);
    expect(spans(numbersChanged, 'Ils menaient après vingt minutes de jeu.', 'They led after 30 minutes.', 'fr')).toEqual(['30']);
    // "due" is Italian for two, not in an English or Spanish text.
    expect(spans(numbersMissing, 'Son 2 personas.', 'The two are due.', 'es')).toEqual([]);
    expect(spans(numbersChanged, 'Llegaron a tiempo.', 'They arrived 2 days before the due date.', 'es')).toEqual(['2']);
  });
  it('accepts a measure the translation converts into other units as a gloss, but not a changed one', () => {
    expect(clean('La superficie fue de 6.288 kilómetros cuadrados.', 'The area was 6,288 square kilometres (about 2,430 square miles).', 'es')).toEqual([]);
    expect(clean('Una nave de 6.000 metros cuadrados.', 'A 6,000-square-metre (about 65,000 sq ft) plant.', 'es')).toEqual([]);
    expect(clean('Se esperan 31 grados en la costa.', 'Up to 31C (88F) is expected on the coast.', 'es')).toEqual([]);
    expect(clean('Los embalses guardan 1.568 hectómetros cúbicos.', 'The reservoirs hold 1,568 cubic hectometres — about 1.57 billion cubic metres — in all.', 'es')).toEqual([]);
    expect(spans(numbersChanged, 'Hubo 12 heridos.', 'There were 12 injured (about 15 people).', 'es')).toEqual(['15']);
    expect(spans(numbersChanged, 'La superficie fue de 6.288 kilómetros cuadrados.', 'The area was 6,388 square kilometres.', 'es')).toEqual(['6,388']);
  });
  it('accepts a lead in minutes and seconds written "1:06", a range sharing its scale word, Italian scale words', () => {
    expect(clean('Conserve le maillot avec 1 min 6 s d’avance.', 'He keeps the jersey with a lead of 1:06.', 'fr')).toEqual([]);
    expect(spans(numbersChanged, 'Conserve le maillot avec 1 min 6 s d’avance.', 'He keeps the jersey with a lead of 1:16.', 'fr')).toEqual(['1:16']);
    expect(clean('Prevé un beneficio de entre 5.600 y 5.800 millones.', 'It expects a profit of between 5.6 and 5.8 billion.', 'es')).toEqual([]);
    expect(spans(numbersChanged, 'Prevé un beneficio de entre 5.600 y 5.800 millones.', 'It expects a profit of between 5.7 and 5.8 billion.', 'es')).toEqual(['5.7']);
    expect(clean('Una multa di 10 mila euro e 3 milioni di danni.', 'A fine of 10,000 euros and 3 million in damages.', 'it')).toEqual([]);
  });
  it('accepts durations and clock times rewritten in English', () => {
    expect(clean('O voo dura 2 h 30 min.', 'The flight lasts 2 hours 30 minutes.')).toEqual([]);
    expect(clean('A etapa levou 1h15.', 'The stage took 1 hour 15 minutes.')).toEqual([]);
    expect(clean('O show começa às 22h30.', 'The show starts at 10:30 p.m.')).toEqual([]);
    expect(clean('El concierto empieza a las 21.30.', 'The concert starts at 9:30 p.m.', 'es')).toEqual([]);
    expect(clean('La rueda de prensa fue convocada para las 20.00.', 'The press conference was called for 8 p.m.', 'es')).toEqual([]);
  });
  it('accepts centuries in Roman numerals, decades and abbreviated years', () => {
    expect(clean('Desafios do século XXI.', 'Challenges of the 21st century.')).toEqual([]);
    expect(clean('Fue la guerra más larga del siglo XX.', 'It was the longest war of the 20th century.', 'es')).toEqual([]);
    expect(clean('Nos anos 80 a inflação era alta.', 'In the 1980s inflation was high.')).toEqual([]);
    expect(clean('A música da década de 1990.', "The music of the '90s.")).toEqual([]);
  });
  it('still reports a wrong duration, century or decade', () => {
    expect(spans(numbersChanged, 'O voo dura 2 h 30 min.', 'The flight lasts 3 hours 30 minutes.')).toEqual(['3']);
    expect(spans(numbersChanged, 'Desafios do século XXI.', 'Challenges of the 20th century.')).toEqual(['20']);
    expect(spans(numbersChanged, 'Nos anos 80 a inflação era alta.', 'In the 1970s inflation was high.')).toEqual(['1970']);
    expect(spans(numbersMissing, 'Eram 30 professores.', 'There were forty teachers.')).toEqual(['30']);
  });
});

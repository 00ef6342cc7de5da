import { describe, expect, it } from 'vitest';
import { sentenceTexts, splitSentences } from '../../main/common/sentences/split.js';

const split = (text: string, lang: string) => sentenceTexts(text, splitSentences(text, lang));

describe('splitSentences', () => {
  it('gives exact, trimmed offsets and paragraph indices', () => {
    const text = '  The rain stopped. Roads reopened.\n\nShops opened at noon.  ';
    const s = splitSentences(text, 'en');
    expect(s).toEqual([
      { start: 2, end: 19, paragraph: 0 },
      { start: 20, end: 35, paragraph: 0 },
      { start: 37, end: 58, paragraph: 1 },
    ]);
    expect(s.map((x) => text.slice(x.start, x.end))).toEqual(['The rain stopped.', 'Roads reopened.', 'Shops opened at noon.']);
  });

  it('treats a line break as a sentence boundary', () => {
    expect(split('Recife, 13 mar (EFE)\nO prefeito falou com a imprensa', 'pt')).toEqual(['Recife, 13 mar (EFE)', 'O prefeito falou com a imprensa']);
  });

  it('keeps titles and general abbreviations inside the sentence', () => {
    expect(split('Yesterday Dr. Ames and Mrs. Bell met Prof. Hale. They talked.', 'en')).toEqual(['Yesterday Dr. Ames and Mrs. Bell met Prof. Hale.', 'They talked.']);
    expect(split('O Gen. Prado recebeu a Sra. Lima e a Dra. Reis. Depois jantaram.', 'pt')).toEqual(['O Gen. Prado recebeu a Sra. Lima e a Dra. Reis.', 'Depois jantaram.']);
    expect(split('Ud. conoce al Sr. Vega. Todos lo conocen.', 'es')).toEqual(['Ud. conoce al Sr. Vega.', 'Todos lo conocen.']);
    expect(split('M. Roux et Mme Petit arrivent. Ils sont en retard.', 'fr')).toEqual(['M. Roux et Mme Petit arrivent.', 'Ils sont en retard.']);
    expect(split('Das gilt z.B. für Nr. 4 und Nr. 9. Sonst nichts.', 'de')).toEqual(['Das gilt z.B. für Nr. 4 und Nr. 9.', 'Sonst nichts.']);
  });

  it('ends a sentence at an abbreviation that can end one, and not when the text goes on in lower case', () => {
    expect(split('Ele voltou dos EUA. Agora mora aqui.', 'pt')).toEqual(['Ele voltou dos EUA.', 'Agora mora aqui.']);
    expect(split('Bought apples, pears etc. and then went home. Later it rained.', 'en')).toEqual(['Bought apples, pears etc. and then went home.', 'Later it rained.']);
    expect(split('Viven en EE.UU. desde hace años. Les gusta.', 'es')).toEqual(['Viven en EE.UU. desde hace años.', 'Les gusta.']);
  });

  it('keeps "No." before a number and initials', () => {
    expect(split('He lives at No. 12 on the hill. It is small.', 'en')).toEqual(['He lives at No. 12 on the hill.', 'It is small.']);
    expect(split('A talk by T. S. Moreau opened. Then came lunch.', 'en')).toEqual(['A talk by T. S. Moreau opened.', 'Then came lunch.']);
    expect(split('O deputado Carlos F. Nunes votou. A sessão acabou.', 'pt')).toEqual(['O deputado Carlos F. Nunes votou.', 'A sessão acabou.']);
  });

  it('keeps German ordinal dates together', () => {
    expect(split('Die Messe beginnt am 14. Oktober in Köln. Sie dauert vier Tage.', 'de')).toEqual(['Die Messe beginnt am 14. Oktober in Köln.', 'Sie dauert vier Tage.']);
  });

  it('does not split decimal and thousands separators', () => {
    expect(split('A conta foi de 2.350 reais, ou 3,7 por cento. Ninguém pagou.', 'pt')).toEqual(['A conta foi de 2.350 reais, ou 3,7 por cento.', 'Ninguém pagou.']);
  });

  it('attaches closing quotes and parentheses to the sentence they close', () => {
    expect(split('“It is over,” she wrote. “Really?” he asked. Nobody answered.', 'en')).toEqual(['“It is over,” she wrote.', '“Really?” he asked.', 'Nobody answered.']);
    expect(split('« Nous partons. » Le train attendait.', 'fr')).toEqual(['« Nous partons. »', 'Le train attendait.']);
    expect(split('The vote was close (51 to 49). Talks resume (maybe.) Soon.', 'en')[0]).toBe('The vote was close (51 to 49).');
  });

  it('splits after an ellipsis before a capital but not before lower case', () => {
    expect(split('We waited… Then the bus came. It was full... as usual.', 'en')).toEqual(['We waited…', 'Then the bus came.', 'It was full... as usual.']);
  });

  it('splits Chinese at 。！？', () => {
    expect(split('今天下雨了。你带伞了吗？带了！', 'zh-Hans')).toEqual(['今天下雨了。', '你带伞了吗？', '带了！']);
  });

  it('keeps a leading dateline token with what follows on its line', () => {
    expect(split('date 2023-12-20 The council met. It voted.', 'en')).toEqual(['date 2023-12-20 The council met.', 'It voted.']);
  });
});

import { describe, expect, it } from 'vitest';
import { whitespaceLine } from '../../../main/core/checks/qa/blank-lines.js';
import { targetConsistency } from '../../../main/core/checks/qa/consistency.js';
import { doublePunctuation } from '../../../main/core/checks/qa/double-punctuation.js';
import { numberMagnitude } from '../../../main/core/checks/qa/magnitudes.js';
import { placeholders, urls } from '../../../main/core/checks/qa/placeholders.js';
import { dashes } from '../../../main/core/checks/qa/dashes.js';
import { digitGrouping, hyphenSpacing } from '../../../main/core/checks/qa/typography.js';
import { makeContext, runCheck, spans } from './qa-context.js';

const fixed = (check: Parameters<typeof runCheck>[0], source: string, target: string, sourceLang = 'pt-BR', targetLang = 'en') => {
  const ctx = makeContext({ source, target, sourceLang, targetLang });
  return runCheck(check, ctx).map((f) => {
    const e = f.fixes![0]!.edits[0]!;
    return target.slice(0, e.start) + e.text + target.slice(e.end);
  });
};

describe('qa.double-punctuation', () => {
  it('finds ",," "..", "?." and ",." and fixes them to one mark', () => {
    expect(spans(doublePunctuation, 'x', 'Prices rose,, again.. Why?. Then,. stop.')).toEqual([',,', '..', '?.', ',.']);
    expect(fixed(doublePunctuation, 'x', 'Prices rose,, again.')).toEqual(['Prices rose, again.']);
  });
  it('leaves ellipses, "?!", abbreviations before a comma, ranges and URLs alone', () => {
    expect(spans(doublePunctuation, 'x', 'Wait... Really?! Fruit, nuts, etc., and U.S., too; pages 1..10; see https://a.b/c..d and ../docs.')).toEqual([]);
    // An abbreviation of initials and a short word, as MT carries them over ("î.Hr.," for BC).
    expect(spans(doublePunctuation, 'x', 'Built in 300 î.Hr., the wall still stands; see i.en., too.')).toEqual([]);
  });
});

describe('qa.whitespace-line', () => {
  it('finds a line of spaces and offers to empty it', () => {
    const ctx = makeContext({ source: 'A.\n\nB.', target: 'A.\n   \nB.' });
    expect(runCheck(whitespaceLine, ctx).map((f) => [f.start, f.end])).toEqual([[3, 6]]);
    expect(runCheck(whitespaceLine, makeContext({ source: 'A.\n\nB.', target: 'A.\n\nB.' }))).toEqual([]);
  });
});

describe('qa.placeholders', () => {
  it('reports a placeholder or tag the translation lost, and one it changed', () => {
    const found = runCheck(placeholders, makeContext({ source: 'Click {0} to open <b>the file</b> at %s.', target: 'Cliquez pour ouvrir <b>le fichier</b> à %d.', sourceLang: 'en', targetLang: 'fr' }));
    expect(found.map((f) => f.message.params!.text)).toEqual(['{0}', '%s', '%d']);
    expect(found[2]!.text).toBe('%d');
  });
  it('keeps {{name}}, %(n)s and tags whose attributes were translated; percentages are not placeholders', () => {
    expect(spans(placeholders, 'Hello {{name}}, %(n)s new <a title="messages">items</a>.', 'Olá {{name}}, %(n)s novos <a title="mensagens">itens</a>.', 'en', 'pt')).toEqual([]);
    expect(spans(placeholders, 'Subiu 5% de novo.', 'It rose 5% again, 10%s.')).toEqual([]);
  });
});

describe('qa.urls', () => {
  it('reports a changed address on itself and a missing one on the segment', () => {
    expect(spans(urls, 'Escreva a contato@exemplo.com.br ou veja https://exemplo.com.br/a.', 'Write to contact@example.com.br or see https://exemplo.com.br/a.')).toEqual(['contact@example.com.br']);
    const missing = runCheck(urls, makeContext({ source: 'Veja https://exemplo.com.br/a.', target: 'See the website.' }));
    expect(missing.map((f) => [f.text, f.message.key])).toEqual([['See the website.', 'qa:urlMissing']]);
  });
  it('accepts the same address with trailing punctuation or other case, and an added one', () => {
    expect(spans(urls, 'Veja https://exemplo.com.br/a.', 'See HTTPS://exemplo.com.br/a, or www.example.org.')).toEqual([]);
  });
});

describe('qa.number-magnitude', () => {
  it.each([
    ['pt-PT', 'O Estado gastou 2,5 mil milhões de euros.', 'The state spent 2.5 million euros.', 'million'],
    ['pt-BR', 'A empresa perdeu R$ 3 bilhões.', 'The company lost R$ 3 million.', 'million'],
    ['es', 'Unas 5 mil personas marcharon.', 'About 5 million people marched.', 'million'],
    ['de', 'Die Schulden stiegen auf 2 Billionen Euro.', 'Debt rose to 2 billion euros.', 'billion'],
    ['fr', "L'État a investi 3 milliards d'euros.", 'The state invested 3 million euros.', 'million'],
  ])('%s: %s → %s', (lang, source, target, span) => {
    expect(spans(numberMagnitude, source, target, lang)).toEqual([span]);
  });
  it('accepts amounts rescaled correctly and figures that do not match', () => {
    expect(spans(numberMagnitude, 'O Estado gastou 2.500 milhões de euros.', 'The state spent 2.5 billion euros.', 'pt-PT')).toEqual([]);
    expect(spans(numberMagnitude, 'O Estado gastou 2,5 mil milhões de euros.', 'The state spent 2.5 billion euros.', 'pt-PT')).toEqual([]);
    expect(spans(numberMagnitude, 'Die Schulden stiegen auf 2 Billionen Euro.', 'Debt rose to 2 trillion euros.', 'de')).toEqual([]);
    expect(spans(numberMagnitude, 'Custou 3 milhões e atingiu 40 mil pessoas.', 'It cost 3 million and reached 40,000 people.')).toEqual([]);
  });
});

describe('typography', () => {
  it('qa.dashes: "--" and a hyphen between spaces become the locale’s dash', () => {
    expect(fixed(dashes, 'x', 'It worked -- at first.')).toEqual(['It worked—at first.']);
    expect(fixed(dashes, 'x', 'Es klappte - zunächst.', 'en', 'de')).toEqual(['Es klappte – zunächst.']);
    expect(spans(dashes, 'x', 'A well-known, state-owned firm; pages 10-20; the 2023-24 season; --help')).toEqual([]);
    expect(spans(dashes, 'Agência Brasil - 5 de junho', 'Agência Brasil - June 5')).toEqual([]);
  });
  it('qa.hyphen-spacing: a space on one side of a compound’s hyphen, not a suspended hyphen', () => {
    expect(spans(hyphenSpacing, 'x', 'A state -owned and well- known firm.')).toEqual([' -', '- ']);
    expect(spans(hyphenSpacing, 'x', 'Pre- and post-war Europe; short- or long-term; Ein- und Ausgang.')).toEqual([]);
  });
  it('qa.digit-grouping: a long quantity without the locale’s grouping, not an identifier', () => {
    expect(fixed(digitGrouping, 'x', 'There are 25000 inhabitants.')).toEqual(['There are 25,000 inhabitants.']);
    expect(fixed(digitGrouping, 'x', 'Es gibt 25000 Einwohner und 120000 €.', 'en', 'de')).toEqual(['Es gibt 25.000 Einwohner und 120000 €.', 'Es gibt 25000 Einwohner und 120.000 €.']);
    expect(spans(digitGrouping, 'x', 'Postcode 75001 and flight 12345 land; CA 94103 is; 25,000 people; ID 123456 is.')).toEqual([]);
  });
});

describe('qa.consistency-target', () => {
  it('reports the second of two different sources rendered alike', () => {
    const ctx = makeContext({ source: 'O prefeito anunciou o plano ontem.\nO governador anunciou o plano ontem.', target: 'The mayor announced the plan yesterday.\nThe mayor announced the plan yesterday.' });
    const found = runCheck(targetConsistency, ctx);
    expect(found.map((f) => f.start)).toEqual([ctx.target.lastIndexOf('The mayor')]);
  });
  it('leaves the same source repeated, and short lines, alone', () => {
    expect(runCheck(targetConsistency, makeContext({ source: 'O prefeito anunciou o plano ontem.\nO prefeito anunciou o plano ontem!', target: 'The mayor announced the plan yesterday.\nThe mayor announced the plan yesterday.' }))).toEqual([]);
    expect(runCheck(targetConsistency, makeContext({ source: 'Sim.\nClaro.', target: 'Yes.\nYes.' }))).toEqual([]);
  });
});

describe('qa.quote-style for Spanish, Portuguese and Italian targets', () => {
  it('reports the minority quote family and German low quotes', async () => {
    const { quoteStyle } = await import('../../../main/core/checks/qa/quotes.js');
    const ctx = makeContext({ source: 'a', target: '«Uno», dijo. «Dos», dijo. “Tres”, dijo. „Cuatro“.', sourceLang: 'en', targetLang: 'es' });
    // Each mark's own replacement (its fix changes the partner mark too, in the same step).
    const own = (f: { start: number; fixes?: { edits: { start: number; text: string }[] }[] }) => f.fixes![0]!.edits.find((e) => e.start === f.start)!.text;
    const found = runCheck(quoteStyle, ctx);
    // One finding per quotation (its opening mark), the fix changing both marks.
    expect(found.map((f) => `${f.text}→${own(f)}`)).toEqual(['“→«', '„→«']);
    expect(found[0]!.fixes![0]!.edits.map((e) => e.text)).toEqual(['«', '»']);
    expect(runCheck(quoteStyle, makeContext({ source: 'a', target: '“Uno”, disse. “Dois”, disse.', sourceLang: 'en', targetLang: 'pt-BR' }))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { unpairedBracketsCheck, unpairedQuotesCheck } from '../../../main/core/checks/qa/pairing.js';
import { endPunctuation, missingSpaceAfterPunctuation, spaceBeforePunctuation } from '../../../main/core/checks/qa/punctuation.js';
import { quoteStyle } from '../../../main/core/checks/qa/quotes.js';
import { repeatedWords } from '../../../main/core/checks/qa/repeats.js';
import { doubleSpace, edgeSpaces, whitespaceLines } from '../../../main/core/checks/qa/spaces.js';
import { runChecks } from '../../../main/core/checks/engine.js';
import { makeContext, runCheck, spans } from './qa-context.js';

/** A quote mark's own replacement: its fix changes the partner mark too, in the same step. */
const ownEdit = (f: { start: number; fixes?: { edits: { start: number; text: string }[] }[] }) => f.fixes![0]!.edits.find((e) => e.start === f.start)!.text;

describe('qa.repeated-words', () => {
  it('finds "the the" and "will will" and removes one', () => {
    const ctx = makeContext({ source: 'O projeto será votado.', target: 'The bill will will be put to the the vote.' });
    const found = runCheck(repeatedWords, ctx);
    expect(found.map((f) => f.text)).toEqual(['will will', 'the the']);
    const at = ctx.target.indexOf('will will');
    expect(found[0]!.fixes![0]!.edits).toEqual([{ start: at, end: at + 9, text: 'will' }]);
  });
  it('keeps grammatical repeats and words inside other words', () => {
    expect(spans(repeatedWords, 'x', 'He said that that plan had had problems.')).toEqual([]);
    expect(spans(repeatedWords, 'x', 'Sie sagte, dass die die Stadt kennt.', 'pt', 'de')).toEqual([]);
    expect(spans(repeatedWords, 'x', 'The theme is the thematic one.')).toEqual([]);
  });
});

describe('spacing', () => {
  it('qa.double-space: spaces inside the segment, fixed to one', () => {
    const ctx = makeContext({ source: 'a', target: 'It reopened  in May.' });
    const [f] = runCheck(doubleSpace, ctx);
    expect(f).toMatchObject({ text: '  ', fixes: [{ edits: [{ start: 11, end: 13, text: ' ' }] }] });
  });
  it('qa.edge-spaces: only spaces the source line does not have', () => {
    expect(runCheck(edgeSpaces, makeContext({ source: 'Olá.\nTudo bem.', target: '  Hello.\nAll good. ' })).map((f) => [f.start, f.end])).toEqual([
      [0, 2],
      [18, 19],
    ]);
    expect(runCheck(edgeSpaces, makeContext({ source: '  Olá.', target: '  Hello.' }))).toEqual([]);
  });
  it('qa.whitespace-line: lines of only spaces or tabs that the source has not, fixed to empty lines', () => {
    const target = 'Hello.\n\t\nAll good.\n   \nBye.\n';
    const found = runCheck(whitespaceLines, makeContext({ source: 'Olá.\n\nTudo bem.\n\nTchau.\n', target }));
    expect(found.map((f) => target.slice(f.start, f.end))).toEqual(['\t', '   ']);
    expect(found[0]!.fixes![0]!.edits).toEqual([{ start: 7, end: 8, text: '' }]);
    // The source's own layout, copied by the machine translation, is not reported; an extra one is.
    expect(runCheck(whitespaceLines, makeContext({ source: 'Olá.\n  \nTudo bem.', target: 'Hello.\n  \nAll good.' }))).toEqual([]);
    expect(runCheck(whitespaceLines, makeContext({ source: 'Olá.\n  \nTudo bem.', target: 'Hello.\n  \nAll\n  \ngood.' })).map((f) => f.start)).toEqual([14]);
    // Empty lines and spaces inside text are not this check's business.
    expect(runCheck(whitespaceLines, makeContext({ source: 'a', target: 'Hello.\n\nAll  good. ' }))).toEqual([]);
  });
  it('qa.space-before-punctuation: English, not French', () => {
    const ctx = makeContext({ source: 'Perdeu, mas saiu.', target: 'It lost , but left .' });
    expect(runCheck(spaceBeforePunctuation, ctx).map((f) => [f.text, f.fixes![0]!.edits[0]!.text])).toEqual([
      [' ,', ','],
      [' .', '.'],
    ]);
    expect(spans(spaceBeforePunctuation, 'x', 'He uses .NET and waits ...')).toEqual([]);
    expect(spaceBeforePunctuation.targetLangs).not.toContain('fr');
  });
  it('qa.missing-space: after a comma or a sentence, not in abbreviations, decimals or addresses', () => {
    expect(spans(missingSpaceAfterPunctuation, 'x', 'The rain stopped,and traffic moved.Drivers cheered.')).toEqual([',and', '.Drivers']);
    expect(spans(missingSpaceAfterPunctuation, 'x', 'The U.S. rate is 1,5 or 3.5, e.g. at example.Com or Node.js.')).toEqual([]);
    const ctx = makeContext({ source: 'x', target: 'It stopped,and moved.' });
    expect(runCheck(missingSpaceAfterPunctuation, ctx)[0]!.fixes![0]!.edits[0]!.text).toBe(', and');
  });
});

describe('qa.end-punctuation', () => {
  it('flags a question that became a statement, and a missing full stop with a fix', () => {
    expect(spans(endPunctuation, 'Quem paga a conta?', 'Who pays the bill.')).toEqual(['.']);
    const ctx = makeContext({ source: 'Ele saiu.', target: 'He left' });
    const [f] = runCheck(endPunctuation, ctx);
    expect(f!.fixes![0]!.edits).toEqual([{ start: 7, end: 7, text: '.' }]);
  });
  it('allows colon for full stop, closing quotes after the mark and Spanish ¿…?', () => {
    expect(spans(endPunctuation, 'Ele disse o seguinte:', 'He said the following.')).toEqual([]);
    expect(spans(endPunctuation, 'Ele disse: "Não há pressa."', 'He said: “There is no rush.”')).toEqual([]);
    expect(spans(endPunctuation, '¿Vendrás?', 'Will you come?', 'es')).toEqual([]);
  });
  it('tells an exclamation from a statement and a headline from a sentence, with fixes that restore the source', () => {
    const fixOf = (source: string, target: string, lang = 'pt-BR') => {
      const found = runCheck(endPunctuation, makeContext({ source, target, sourceLang: lang }));
      return found.map((f) => [f.text, f.fixes?.[0]?.edits[0]?.text ?? null]);
    };
    expect(fixOf('¡Qué partido!', 'What a match.', 'es')).toEqual([['.', '!']]);
    expect(fixOf('Que vergonha.', 'What a shame!')).toEqual([['!', '.']]);
    // The last sentence of the segment decides.
    expect(fixOf('A lei passou. Agora vai ao Senado!', 'The law passed. Now it goes to the Senate.')).toEqual([['.', '!']]);
    // A headline without a mark: the full stop goes; a missing mark at the end spans the last character.
    expect(fixOf('Governo anuncia novo pacote', 'Government announces new package.')).toEqual([['.', '']]);
    expect(fixOf('Fim de jogo!', 'Game over')).toEqual([['r', '!']]);
    expect(fixOf('Governo anuncia novo pacote', 'Government announces new package')).toEqual([]);
    // Trailing dots of an ellipsis get no fix.
    expect(fixOf('Ele saiu!', 'He left...')).toEqual([['.', null]]);
  });
  it('shows a lost or changed mark; a mark added to a headline is only a hint', () => {
    const severity = (source: string, target: string) =>
      runChecks({ source, target, sourceLang: 'pt-BR', targetLang: 'en' }).filter((f) => f.rule === 'qa.end-punctuation').map((f) => f.severity);
    expect(severity('O prefeito vetou o projeto.', 'The mayor vetoed the bill')).toEqual(['minor']);
    expect(severity('Quem paga a conta?', 'Who pays the bill.')).toEqual(['minor']);
    expect(severity('Governo anuncia novo pacote', 'Government announces new package.')).toEqual(['hint']);
  });
});

describe('a quotation in another style is one finding, not an unpaired mark', () => {
  it('reports « … » and „ … “ in English once, on the opening mark, with a fix for both marks', () => {
    const ctx = makeContext({ source: '« C’est un budget », a dit la maire.', target: '« This is a budget », said the mayor.', sourceLang: 'fr' });
    const found = runCheck(quoteStyle, ctx);
    expect(found.map((f) => f.start)).toEqual([0]);
    expect(found[0]!.fixes![0]!.edits.map((e) => e.text)).toEqual(['“', '”']);
    const de = makeContext({ source: '„Wir müssen sparen“, sagte er.', target: '„We must save“, he said.', sourceLang: 'de' });
    expect(runCheck(quoteStyle, de).map((f) => f.text)).toEqual(['„']);
    expect(runCheck(unpairedQuotesCheck, de)).toEqual([]);
  });
  it('takes “…" and "…” as paired quotations (their mixed style is qa.quote-style\'s), and still finds a lone mark', () => {
    for (const target of ['“The Arctic is changing," she said.', '"The Arctic is changing,” she said.']) {
      expect(runCheck(unpairedQuotesCheck, makeContext({ source: '„Die Arktis verändert sich“, sagte sie.', target, sourceLang: 'de' })), target).toEqual([]);
    }
    expect(runCheck(unpairedQuotesCheck, makeContext({ source: '„Die Arktis verändert sich“, sagte sie.', target: '“The Arctic is changing, she said.', sourceLang: 'de' })).map((f) => f.text)).toEqual(['“']);
  });
});

describe('qa.unpaired-brackets and qa.unpaired-quotes (per paragraph, against the source)', () => {
  it('reports the unpaired mark when the source paragraph is balanced', () => {
    expect(runCheck(unpairedBracketsCheck, makeContext({ source: 'O relatório (de ontem) é longo.', target: 'The report (from yesterday is long.' })).map((f) => f.text)).toEqual(['(']);
    expect(runCheck(unpairedQuotesCheck, makeContext({ source: 'Ele disse "calma".', target: 'He said "calm.' })).map((f) => f.text)).toEqual(['"']);
  });
  it('follows a quotation across sentences of one paragraph, list labels and German quotes', () => {
    const src = 'Ele disse: "Vamos.\nAgora mesmo."';
    const tgt = 'He said: "Let\'s go.\nRight now."';
    expect(runCheck(unpairedQuotesCheck, makeContext({ source: src, target: tgt }))).toEqual([]);
    expect(runCheck(unpairedBracketsCheck, makeContext({ source: 'a) um item', target: 'a) one item' }))).toEqual([]);
    expect(runCheck(unpairedQuotesCheck, makeContext({ source: 'He said "go".', target: 'Er sagte „los“.', sourceLang: 'en', targetLang: 'de' }))).toEqual([]);
  });
  it('stays quiet when the source paragraph is unbalanced too', () => {
    expect(runCheck(unpairedBracketsCheck, makeContext({ source: 'Fim do trecho).', target: 'End of the passage).' }))).toEqual([]);
  });
  it('reports a closing mark typed to open a quotation once, where it is, not its partner', () => {
    const ctx = makeContext({ source: 'Pedem «fundos imediatos» e controlos.', target: 'They call for ”immediate funds” and controls.' });
    const found = runCheck(unpairedQuotesCheck, ctx);
    expect(found.map((f) => f.start)).toEqual([ctx.target.indexOf('”')]);
    expect(runCheck(unpairedQuotesCheck, makeContext({ source: 'Pedem «fundos imediatos».', target: 'They call for immediate funds”.' })).map((f) => f.text)).toEqual(['”']);
  });
});

describe('qa.quote-style', () => {
  it('English: guillemets and mixed straight/curly quotes, fixed to the majority style', () => {
    const ctx = makeContext({ source: 'x', target: 'He said “yes” and “no”, then "maybe" and «never».' });
    const found = runCheck(quoteStyle, ctx);
    // One finding per quotation, on its opening mark; its fix changes both marks.
    expect(found.map((f) => [f.text, ownEdit(f)])).toEqual([
      ['"', '“'],
      ['«', '“'],
    ]);
    expect(found.map((f) => f.fixes![0]!.edits.map((e) => e.text))).toEqual([['“', '”'], ['“', '”']]);
    expect(runCheck(quoteStyle, makeContext({ source: 'x', target: 'He said "yes" and "no".' }))).toEqual([]);
  });
  it('English: a quotation wholly in the minority style is a hint; one opened and closed in two styles is shown', () => {
    const severities = (target: string) => runCheck(quoteStyle, makeContext({ source: 'x', target })).map((f) => [f.text, f.severity ?? 'minor']);
    expect(severities('“Go,” she said. “Stay,” he said. "Wait," they said.')).toEqual([['"', 'hint']]);
    expect(severities('“Go,” she said. “Stay,” he said. “Wait," they said.')).toEqual([['"', 'minor']]);
    expect(severities('He said “yes” and «no».')).toEqual([['«', 'minor']]);
  });
  it('German: „…“ is right, an English opening “ or ” is not', () => {
    expect(runCheck(quoteStyle, makeContext({ source: 'x', target: 'Er sagte „ja“.', targetLang: 'de' }))).toEqual([]);
    expect(runCheck(quoteStyle, makeContext({ source: 'x', target: 'Er sagte “ja”.', targetLang: 'de' })).map((f) => f.fixes![0]!.edits.map((e) => e.text))).toEqual([['„', '“']]);
  });
  it('French: « … » need inner spaces; straight quotes become guillemets', () => {
    const found = runCheck(quoteStyle, makeContext({ source: 'x', target: 'Il a dit «oui» puis "non".', targetLang: 'fr' }));
    expect(found.map((f) => f.fixes![0]!.edits.map((e) => e.text))).toEqual([['«\u00a0', '\u00a0»'], ['«\u00a0', '\u00a0»']]);
    expect(runCheck(quoteStyle, makeContext({ source: 'x', target: 'Il a dit «\u00a0oui\u00a0».', targetLang: 'fr' }))).toEqual([]);
  });
  it('does not apply to languages it has no rule for', () => {
    expect(quoteStyle.targetLangs).toEqual(['en', 'de', 'fr', 'es', 'pt', 'it']);
    expect(runCheck(quoteStyle, makeContext({ source: 'x', target: 'قال "نعم" و«لا».', targetLang: 'ar' }))).toEqual([]);
  });
});

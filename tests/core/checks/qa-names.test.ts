import { describe, expect, it } from 'vitest';
import { oneSidedNames } from '../../../main/core/checks/qa/names.js';
import { makeContext, runCheck, spans } from './qa-context.js';

describe('qa.names', () => {
  it('reports a source name or acronym the translation lost, on the source side', () => {
    const ctx = makeContext({ source: 'O ministro Fernando Haddad falou ao IBGE.', target: 'The minister spoke to the institute.' });
    const found = runCheck(oneSidedNames, ctx);
    expect(found.map((f) => [f.side, f.text])).toEqual([
      ['source', 'IBGE'],
      ['source', 'Fernando Haddad'],
    ]);
    expect(found[1]!.start).toBe(ctx.source.indexOf('Fernando'));
  });
  it('reports an acronym only the translation has', () => {
    expect(spans(oneSidedNames, 'Os dados são da Fiocruz.', 'The data come from the OMS.')).toEqual(['OMS']);
  });
  it('accepts acronyms that translate, verbatim names, translated institutions and countries', () => {
    const clean: [string, string][] = [
      ['A reunião da ONU começou.', 'The UN meeting began.'],
      ['O relatório do FMI saiu.', 'The IMF report came out.'],
      ['Segundo a EFE, acabou.', 'According to EFE, it is over.'],
      ['O presidente Luiz Inácio Lula da Silva viajou.', 'President Luiz Inácio Lula da Silva travelled.'],
      ['O acordo com a União Europeia saiu.', 'The deal with the European Union came out.'],
      ['O caso foi ao Supremo Tribunal Federal ontem.', 'The case went to the Supreme Federal Court yesterday.'],
      ['Ela visitou o Reino Unido e os Estados Unidos.', 'She visited the UK and the US.'],
      ['El Gobierno de Alemania lo rechazó.', 'The German government rejected it.'],
      ['A Petrobras anunciou lucro.', 'Petrobras announced a profit.'],
      ['O ministro Haddad falou.', 'Minister Haddad spoke.'],
    ];
    for (const [s, t] of clean) expect(spans(oneSidedNames, s, t), t).toEqual([]);
  });
  it('skips headlines in capitals and Roman numerals', () => {
    expect(spans(oneSidedNames, 'GOVERNO ANUNCIA PACOTE', 'GOVERNMENT ANNOUNCES PACKAGE')).toEqual([]);
    expect(spans(oneSidedNames, 'No século XXI tudo mudou.', 'In the 21st century everything changed.')).toEqual([]);
  });
});

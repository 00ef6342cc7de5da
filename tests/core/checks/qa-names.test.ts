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
  it('pairs the place of a dateline in capitals with the translation\'s, whatever its English name', () => {
    const clean: [string, string, string][] = [
      ['MÜNCHEN (Reuters) - Die Stimmung hat sich eingetrübt.', 'MUNICH (Reuters) - The mood has darkened.', 'de'],
      ['TORINO, 20 aprile (ANSA) – La squadra ha vinto.', 'TURIN, April 20 (ANSA) – The team won.', 'it'],
      ['VENEZIA, 8 dicembre - L\'acqua alta è tornata.', 'VENICE, 8 December - High water returned.', 'it'],
      ['ROMA (ANSA) - Il Consiglio dei ministri ha approvato la legge.', 'ROME (ANSA) - The Council of Ministers approved the law.', 'it'],
      ['KÖLN, 22.10.2024 – Das Gericht hat entschieden.', 'COLOGNE 22.10.2024 The court has ruled.', 'de'],
      ['SANTIAGO DE CHILE - Los incendios siguen.', 'SANTIAGO Fires continue.', 'es'],
    ];
    for (const [s, t, lang] of clean) expect(spans(oneSidedNames, s, t, lang), t).toEqual([]);
    // Outside the dateline, or without one in the translation, a lost acronym is still reported.
    expect(spans(oneSidedNames, 'MADRID (EFE) - La AEMET avisa de lluvias.', 'MADRID (EFE) - The agency warns of rain.', 'es')).toEqual(['AEMET']);
    expect(spans(oneSidedNames, 'MILANO - La borsa è salita.', 'The stock exchange rose.', 'it')).toEqual(['MILANO']);
    // The acronym of a name the translation renders in its own words may go; not one the translation just lost.
    expect(spans(oneSidedNames, 'Dem Kraftfahrt-Bundesamt (KBA) ist nichts bekannt.', 'The Federal Motor Transport Authority knows of nothing.', 'de')).toEqual([]);
    expect(spans(oneSidedNames, 'Dem Kraftfahrt-Bundesamt (KBA) ist nichts bekannt.', 'The authority knows of nothing.', 'de')).toEqual(['KBA']);
  });
  it('reads a dateline after an agency credit, and a month abbreviated in capitals beside its day, as no acronym', () => {
    const clean: [string, string, string][] = [
      ['(EFE) - SEVILLA, 4 ENE - El río se desbordó.', '(EFE) - SEVILLE, JAN 4 - The river burst its banks.', 'es'],
      ['(ANSA) - FIRENZE, 2 NOV - Il museo riapre.', '(ANSA) - FLORENCE, NOV 2 - The museum reopens.', 'it'],
      ['BERLIN, 12. FEB. - Der Streik endet.', 'BERLIN, FEB 12 - The strike ends.', 'de'],
    ];
    for (const [s, t, lang] of clean) expect(spans(oneSidedNames, s, t, lang), t).toEqual([]);
    // An acronym the translation adds is still one, beside a number or not.
    expect(spans(oneSidedNames, 'El equipo ganó 3 partidos.', 'The team won 3 NBA games.', 'es')).toEqual(['NBA']);
    expect(spans(oneSidedNames, '(EFE) - MÁLAGA - El río se desbordó.', '(EFE) - The river burst its banks.', 'es')).toEqual(['MÁLAGA']);
  });
  it('takes a name spelled out before an acronym both texts keep, or with cognate words, as translated', () => {
    const clean: [string, string, string][] = [
      ['Le Haut Conseil des finances publiques (HCFP) a rendu son avis.', 'The High Council of Public Finance (HCFP) gave its opinion.', 'fr'],
      ['Los datos de la Confederación Hidrográfica del Ebro (CHE) lo confirman.', 'Figures from the Ebro River Basin Authority (CHE) confirm it.', 'es'],
      ['Se publicará en el Boletín Oficial mañana.', 'It will be published in the Official Gazette tomorrow.', 'es'],
      ['La obra viajará al Museo de Bellas Artes de Lyon.', 'The work will travel to the Lyon Fine Arts Museum.', 'es'],
    ];
    for (const [s, t, lang] of clean) expect(spans(oneSidedNames, s, t, lang), t).toEqual([]);
    // A different acronym, or none, in the translation: the name is still missing.
    expect(spans(oneSidedNames, 'Los datos de la Confederación Hidrográfica del Ebro (CHE) lo confirman.', 'The figures confirm it.', 'es')).toEqual(['Confederación Hidrográfica']);
  });
  it('expects the English form of an acronym written in title case, and finds an acronym glued to the next word', () => {
    expect(spans(oneSidedNames, 'Il debito supera il 135% del Pil.', 'Debt exceeds 135% of GDP.', 'it')).toEqual([]);
    expect(spans(oneSidedNames, 'Il debito supera il 135% del reddito.', 'Debt exceeds 135% of GDP.', 'it')).toEqual(['GDP']);
    expect(spans(oneSidedNames, 'Madrid | 23:41 CET El Real Madrid ganó.', 'Madrid | 23:41 CETReal Madrid won.', 'es')).toEqual([]);
    expect(spans(oneSidedNames, 'Madrid | 23:41 CET El Real Madrid ganó.', 'Madrid | 23:41 Real Madrid won.', 'es')).toEqual(['CET']);
    // "MP" for the source's word for a member of parliament, "text message" for SMS.
    expect(spans(oneSidedNames, 'A fustigé le député Paul Morel.', 'MP Paul Morel said scathingly.', 'fr')).toEqual([]);
    expect(spans(oneSidedNames, 'Il alerte par SMS.', 'It sends an alert by text message.', 'fr')).toEqual([]);
    expect(spans(oneSidedNames, 'A fustigé Paul Morel.', 'MP Paul Morel said scathingly.', 'fr')).toEqual(['MP']);
  });
  it('skips headlines in capitals and Roman numerals', () => {
    expect(spans(oneSidedNames, 'GOVERNO ANUNCIA PACOTE', 'GOVERNMENT ANNOUNCES PACKAGE')).toEqual([]);
    expect(spans(oneSidedNames, 'No século XXI tudo mudou.', 'In the 21st century everything changed.')).toEqual([]);
  });
  it('accepts translated institution, event and region names but still reports kept personal and place names', () => {
    const translated: [string, string, string][] = [
      ['O caso foi ao Ministério Público Federal na semana passada.', 'The case went to federal prosecutors last week.', 'pt-BR'],
      ['O Conselho Nacional Eleitoral divulgou o resultado.', 'The National Electoral Council released the result.', 'pt-BR'],
      ['O time lidera o Campeonato Brasileiro com folga.', 'The team leads the Brazilian league comfortably.', 'pt-BR'],
      ['La delegación llegó a los Juegos Olímpicos con 300 atletas.', 'The delegation arrived at the Olympics with 300 athletes.', 'es'],
      ['El juez de la Audiencia Nacional citó al exministro.', 'The High Court judge summoned the former minister.', 'es'],
      ['Las elecciones en el País Vasco serán en abril.', 'The Basque elections will be in April.', 'es'],
      ['El tribunal de La Haya dictó sentencia.', 'The court in The Hague handed down its ruling.', 'es'],
      ['Ayer La Bolsa de Madrid cerró en alza.', 'Yesterday the Madrid stock market closed higher.', 'es'],
      ['A equipe de José Mourinho venceu.', 'Jose Mourinho’s team won.', 'pt-BR'],
      ['O ex-presidente Jair Bolsonaro discursou.', 'Former president Bolsonaro gave a speech.', 'pt-BR'],
    ];
    for (const [s, t, lang] of translated) expect(spans(oneSidedNames, s, t, lang), t).toEqual([]);
    expect(spans(oneSidedNames, 'O técnico Abel Ferreira foi expulso.', 'The coach was sent off.')).toEqual(['Abel Ferreira']);
    expect(spans(oneSidedNames, 'Los turistas visitaron Puerto Vallarta ayer.', 'The tourists visited the coast yesterday.', 'es')).toEqual(['Puerto Vallarta']);
  });
  it('reads "EE.UU." as one acronym and accepts acronyms translated, reordered or spelled out', () => {
    const clean: [string, string, string][] = [
      ['Las exportaciones a EE.UU. crecieron.', 'Exports to the U.S. grew.', 'es'],
      ['Las exportaciones a EE. UU. crecieron.', 'Exports to the US grew.', 'es'],
      ['Os EUA reagiram.', 'The United States reacted.', 'pt-BR'],
      ['La cumbre de la OTAN y la UE terminó.', 'The NATO and EU summit ended.', 'es'],
      ['O PIB cresceu 2%.', 'GDP grew 2%.', 'pt-BR'],
      ['El CNE proclamó al ganador.', 'The National Electoral Council (NEC) declared the winner.', 'es'],
      ['O Conselho Nacional de Justiça (CNJ) abriu processo.', 'The National Justice Council opened proceedings.', 'pt-BR'],
      ['A OMS alertou.', 'The World Health Organization warned.', 'pt-BR'],
    ];
    for (const [s, t, lang] of clean) expect(spans(oneSidedNames, s, t, lang), t).toEqual([]);
    expect(spans(oneSidedNames, 'O STF julgou o recurso.', 'The Supreme Court ruled on the appeal.')).toEqual(['STF']);
    expect(spans(oneSidedNames, 'Las ventas a EE.UU. cayeron.', 'Sales fell.', 'es')).toEqual(['EE.UU.']);
  });
});

describe('qa.names: translated names and acronyms', () => {
  it('accepts English exonyms inside longer names and written-out acronyms', () => {
    expect(spans(oneSidedNames, 'La Universidad de Sevilla lo confirmó.', 'The University of Seville confirmed it.', 'es')).toEqual([]);
    expect(spans(oneSidedNames, 'O Parlamento da Catalunha votou.', 'The Parliament of Catalonia voted.')).toEqual([]);
    expect(spans(oneSidedNames, 'Segundo o INE, o desemprego caiu.', 'According to the National Statistics Institute, unemployment fell.', 'es')).toEqual([]);
    expect(spans(oneSidedNames, 'A PF prendeu o suspeito.', 'The Federal Police arrested the suspect.')).toEqual([]);
    expect(spans(oneSidedNames, 'O presidente Lula falou.', 'President Lula spoke.')).toEqual([]);
  });
  it('still reports a missing person and an acronym English keeps', () => {
    expect(spans(oneSidedNames, 'O ministro Fernando Haddad falou em Sevilla.', 'The minister spoke in Seville.')).toEqual(['Fernando Haddad']);
    expect(spans(oneSidedNames, 'O STF decidiu.', 'The court decided.')).toEqual(['STF']);
  });
});

describe('qa.names: sources that capitalise every noun', () => {
  it('does not take a run of German nouns for a name, and still reports a lost German acronym', () => {
    const de = (source: string, target: string) => spans(oneSidedNames, source, target, 'de');
    expect(de('Die Bahn will in dieser Zeit Gleise erneuern.', 'During this period the railway plans to renew tracks.')).toEqual([]);
    expect(de('Es gelten während der Sperrung Sonderregelungen.', 'Special rules apply during the closure.')).toEqual([]);
    expect(de('Die Bojen sollen bis zum nächsten Frühjahr Daten senden.', 'The buoys are to send data until next spring.')).toEqual([]);
    expect(de('Das sagte der Chef des DIW am Montag.', 'The head of the institute said so on Monday.')).toEqual(['DIW']);
  });
});

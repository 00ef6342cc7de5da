import { describe, expect, it } from 'vitest';
import { readCsvGlossary, readTbxGlossary } from '../../../main/core/checks/glossary/index.js';
import { consistency } from '../../../main/core/checks/qa/consistency.js';
import { glossaryCheck } from '../../../main/core/checks/qa/glossary.js';
import { makeContext, runCheck } from './qa-context.js';

describe('CSV glossary reader', () => {
  it('reads quoted fields, doubled quotes, alternatives and a case column', () => {
    const csv = 'source,target,alt1,caseSensitive\r\n"vacina, dose",vaccine dose,,\r\nprefeito,mayor,"city ""boss""",\r\nReal,real,,yes\r\n\r\n';
    expect(readCsvGlossary(csv)).toEqual([
      { source: 'vacina, dose', target: 'vaccine dose' },
      { source: 'prefeito', target: 'mayor', alternatives: ['city "boss"'] },
      { source: 'Real', target: 'real', caseSensitive: true },
    ]);
  });
  it('reads TSV', () => {
    expect(readCsvGlossary('\uFEFFpt\ten\nvereador\tcouncillor\tcouncilman\n')).toEqual([{ source: 'vereador', target: 'councillor', alternatives: ['councilman'] }]);
  });
});

const TBX = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd" [ <!ENTITY boom "&#x41;&#x41;"> ]>
<martif type="TBX-Basic" xml:lang="en"><text><body>
  <termEntry id="t1">
    <langSet xml:lang="pt"><tig><term>prefeitura</term></tig></langSet>
    <langSet xml:lang="en-US"><tig><term>city hall</term></tig><tig><term>town hall</term></tig>
      <tig><term>prefecture</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
    <langSet xml:lang="fr"><tig><term>mairie</term></tig></langSet>
  </termEntry>
  <termEntry id="t2">
    <langSet xml:lang="en"><tig><term>R&amp;D &boom;</term></tig></langSet>
    <langSet xml:lang="pt"><tig><term>P&amp;D</term></tig></langSet>
  </termEntry>
</body></text></martif>`;

const TBX3 = `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
  <conceptEntry id="c1">
    <langSec xml:lang="pt-BR"><termSec><term>vereador</term></termSec></langSec>
    <langSec xml:lang="pt-PT"><termSec><term>vereador municipal</term></termSec></langSec>
    <langSec xml:lang="en"><termSec><term>councillor</term></termSec><termSec><term><![CDATA[council member]]></term></termSec></langSec>
  </conceptEntry>
</body></text></tbx>`;

describe('TBX glossary reader', () => {
  it('TBX v2: picks languages by primary subtag, drops deprecated terms, never expands custom entities', () => {
    expect(readTbxGlossary(TBX, 'pt-BR', 'en')).toEqual([
      { source: 'prefeitura', target: 'city hall', alternatives: ['town hall'] },
      { source: 'P&D', target: 'R&D &boom;' },
    ]);
    expect(readTbxGlossary(TBX, 'fr', 'pt')).toEqual([{ source: 'mairie', target: 'prefeitura' }]);
  });
  it('TBX v3: an exact regional tag wins over another region of the same language', () => {
    expect(readTbxGlossary(TBX3, 'pt-PT', 'en')).toEqual([{ source: 'vereador municipal', target: 'councillor', alternatives: ['council member'] }]);
    expect(readTbxGlossary(TBX3, 'pt', 'en-GB')).toEqual([{ source: 'vereador', target: 'councillor', alternatives: ['council member'] }]);
  });
});

describe('qa.glossary', () => {
  const glossary = [
    { source: 'prefeitura', target: 'city hall', alternatives: ['town hall'] },
    { source: 'vereador', target: 'councillor' },
  ];
  it('reports a source term whose target term is absent, on the source side, without a fix', () => {
    const ctx = makeContext({ source: 'Os vereadores votaram.', target: 'The aldermen voted.', project: { glossary } });
    const found = runCheck(glossaryCheck, ctx);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ side: 'source', text: 'vereadores' });
    expect(found[0]!.fixes ?? []).toEqual([]);
  });
  it('accepts the target term, an alternative and plurals', () => {
    const ctx = makeContext({ source: 'A Prefeitura e dois vereadores.\nA prefeitura fechou.', target: 'The Town Hall and two councillors.\nThe city hall closed.', project: { glossary } });
    expect(runCheck(glossaryCheck, ctx)).toEqual([]);
  });
  it('fixes a source term left untranslated: the one certain wrong candidate', () => {
    const ctx = makeContext({ source: 'A prefeitura abriu.', target: 'The prefeitura opened.', project: { glossary } });
    const [f] = runCheck(glossaryCheck, ctx);
    expect(f).toMatchObject({ text: 'prefeitura', fixes: [{ edits: [{ start: 4, end: 14, text: 'city hall' }] }] });
  });
  it('respects caseSensitive entries', () => {
    const g = [{ source: 'Real', target: 'Real Madrid', caseSensitive: true }];
    expect(runCheck(glossaryCheck, makeContext({ source: 'O real caiu.', target: 'The real fell.', project: { glossary: g } }))).toEqual([]);
    expect(runCheck(glossaryCheck, makeContext({ source: 'O Real venceu.', target: 'Madrid won.', project: { glossary: g } }))).toHaveLength(1);
  });
});

describe('qa.consistency', () => {
  it('flags a repeated source sentence translated differently within the article', () => {
    const ctx = makeContext({
      source: 'O governo anunciou novas medidas.\nOutra coisa.\nO governo anunciou novas medidas.',
      target: 'The government announced new measures.\nSomething else.\nThe cabinet unveiled new steps.',
    });
    const found = runCheck(consistency, ctx);
    expect(found.map((f) => f.text)).toEqual(['The cabinet unveiled new steps.']);
    expect(found[0]!.message.params).toEqual({ other: 'The government announced new measures.' });
  });
  it('flags a translation that differs from every other article in the project, but not one that matches', () => {
    const translations = new Map([['O governo anunciou novas medidas.', [{ articleId: 'a2', target: 'The government announced new measures.' }]]]);
    const differ = makeContext({ source: 'O governo anunciou novas medidas.', target: 'The cabinet unveiled new steps.', project: { translations }, articleId: 'a1' });
    expect(runCheck(consistency, differ).map((f) => f.message.params?.article)).toEqual(['a2']);
    const same = makeContext({ source: 'O governo anunciou novas medidas.', target: 'The government  announced new measures.', project: { translations }, articleId: 'a1' });
    expect(runCheck(consistency, same)).toEqual([]);
  });
  it('ignores short sentences', () => {
    expect(runCheck(consistency, makeContext({ source: 'Sim.\nSim.', target: 'Yes.\nIndeed.' }))).toEqual([]);
  });
});

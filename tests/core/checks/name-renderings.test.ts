/** mt.name-renderings: one source name kept once and translated once, or translated two ways, in one article. */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../main/core/checks/engine.js';
import { nameRuns } from '../../../main/core/checks/code/name-runs.js';

const found = (source: string[], target: string[], sourceLang: string) =>
  runChecks({ source: source.join('\n\n'), target: target.join('\n\n'), sourceLang, targetLang: 'en' })
    .filter((f) => f.rule === 'mt.name-renderings')
    .map((f) => [f.text, f.message.params?.earlier]);

describe('the names of an English sentence', () => {
  it('are capitalised runs with their small words, without a sentence’s opening function words', () => {
    expect(nameRuns('In Lisbon, the Court of Auditors and the Lisbon City Council met.').map((r) => r.text)).toEqual(['Lisbon', 'Court of Auditors', 'Lisbon City Council']);
    expect([...nameRuns('The Tenants’ Union of Berlin spoke.')[0]!.words]).toEqual(['tenants', 'union', 'berlin']);
  });
});

describe('mt.name-renderings: kept in the source form once, translated once', () => {
  const es = ['El Tribunal de Cuentas revisó las facturas del puerto.', 'Los alcaldes protestaron.', 'Según el Tribunal de Cuentas, faltan dos millones.'];
  it('reports a later translation of a name kept as it is earlier, and a later kept form of a name translated earlier', () => {
    expect(found(es, ['The Tribunal de Cuentas reviewed the port’s invoices.', 'The mayors protested.', 'According to the Court of Auditors, two million are missing.'], 'es')).toEqual([['Court of Auditors', 'Tribunal de Cuentas']]);
    expect(found(es, ['The Court of Auditors reviewed the port’s invoices.', 'The mayors protested.', 'According to the Tribunal de Cuentas, two million are missing.'], 'es')).toEqual([['Tribunal de Cuentas', 'Court of Auditors']]);
  });
  it('leaves a name kept, or translated, the same way throughout, and a new name that does not look like the kept one', () => {
    expect(found(es, ['The Court of Auditors reviewed the port’s invoices.', 'The mayors protested.', 'According to the Court of Auditors, two million are missing.'], 'es')).toEqual([]);
    expect(found(es, ['The Tribunal de Cuentas reviewed the port’s invoices.', 'The mayors protested.', 'According to the Tribunal de Cuentas, two million are missing.'], 'es')).toEqual([]);
    // The later sentence names someone else: "Maria Lopes" is no rendering of "Tribunal".
    const other = ['El Tribunal de Cuentas revisó las facturas.', 'El Tribunal, dijo la jueza Maria Lopes, no comentará.'];
    expect(found(other, ['The Tribunal de Cuentas reviewed the invoices.', 'The court, said judge Maria Lopes, will not comment.'], 'es')).toEqual([]);
    // Another name holding the same word: "Marco Rossi" kept, "Piazza San Marco" rightly translated.
    const saint = ['Il comitato è guidato da Marco Rossi.', 'Il corteo arriverà in Piazza San Marco.'];
    expect(found(saint, ['The committee is led by Marco Rossi.', 'The march will reach St Mark’s Square.'], 'it')).toEqual([]);
  });
});

describe('mt.name-renderings: two English names for one source term', () => {
  it('reports a second name differing by a word, when both stand only where the source has the term', () => {
    const de = ['Das Oberlandesgericht Celle wies die Klage ab.', 'Die Firma will nun weiter klagen.', 'Das Oberlandesgericht ließ keine Revision zu.'];
    expect(found(de, ['The Higher Regional Court in Celle dismissed the suit.', 'The firm now wants to sue further.', 'The Superior Regional Court allowed no appeal.'], 'de')).toEqual([['Superior Regional Court', 'Higher Regional Court']]);
    const zh = ['国家气候中心发布了报告。', '报告显示气温上升。', '国家气候中心专家表示，夏季将更热。'];
    expect(found(zh, ['The National Climate Center released a report.', 'The report shows temperatures rising.', 'Experts at the State Climate Center said summers will be hotter.'], 'zh')).toEqual([['State Climate Center', 'National Climate Center']]);
  });
  it('leaves two institutions the sources name apart, and two names that meet in one sentence', () => {
    const es = ['El Tribunal Supremo confirmó la condena.', 'El Tribunal Constitucional estudiará el recurso.'];
    expect(found(es, ['The Supreme Court upheld the sentence.', 'The Constitutional Court will study the appeal.'], 'es')).toEqual([]);
    const zh = ['最高人民法院发布了意见。', '北京市第二中级人民法院审结了此案。'];
    expect(found(zh, ['The Supreme People’s Court issued an opinion.', 'The Beijing No. 2 Intermediate People’s Court concluded the case.'], 'zh')).toEqual([]);
    const fr = ['La Commission européenne et le Parlement européen ont négocié.', 'La Commission européenne a cédé.'];
    expect(found(fr, ['The European Commission and the European Parliament negotiated.', 'The European Commission gave way.'], 'fr')).toEqual([]);
    const place = ['南京市中级人民法院受理了此案。', '中级人民法院表示将依法审理。'];
    expect(found(place, ['The Nanjing Intermediate People’s Court accepted the case.', 'The Intermediate People’s Court said it would try it according to law.'], 'zh')).toEqual([]);
  });
});

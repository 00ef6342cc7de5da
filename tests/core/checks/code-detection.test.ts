/** The detection checks written as code: foreign scripts, CJK punctuation, copied institution nouns, changed names, term inconsistency. */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../main/core/checks/engine.js';
import { editDistance } from '../../../main/core/checks/code/name-spelling.js';
import { sameTerm } from '../../../main/core/checks/code/term-consistency.js';

const found = (rule: string, source: string, target: string, sourceLang: string, targetLang = 'en') =>
  runChecks({ source, target, sourceLang, targetLang }).filter((f) => f.rule === rule).map((f) => f.text);

describe('mt.untranslated-script', () => {
  it('finds letters of a script the target does not write', () => {
    expect(found('mt.untranslated-script', '他在《人民日报》发表了文章。', 'He published an article in 人民日报.', 'zh')).toEqual(['人民日报']);
    expect(found('mt.untranslated-script', 'Он сказал правду.', 'Hij zei de правду.', 'ru', 'nl')).toEqual(['правду']);
    expect(found('mt.untranslated-script', 'Он сказал это в Москве.', 'He said it in Москве и Киеве.', 'ru')).toEqual(['Москве и Киеве']);
  });
  it('leaves the target’s own scripts, Latin in any target, and Greek symbols alone', () => {
    expect(found('mt.untranslated-script', 'Apple发布了iPhone。', '苹果发布了iPhone。', 'zh', 'zh')).toEqual([]);
    expect(found('mt.untranslated-script', 'x', '東京でiPhoneを買った。', 'en', 'ja')).toEqual([]);
    expect(found('mt.untranslated-script', 'Die β-Blocker wirken.', 'The β-blockers work within 10 μm.', 'de')).toEqual([]);
    expect(found('mt.untranslated-script', '他说。', 'He said so.', 'zh')).toEqual([]);
  });
});

describe('mt.cjk-punctuation', () => {
  it('finds Chinese punctuation in an English target, with the Western mark as the fix', () => {
    const f = runChecks({ source: '第二、第三名。', target: 'They came second、third.', sourceLang: 'zh', targetLang: 'en' }).filter((x) => x.rule === 'mt.cjk-punctuation');
    expect(f.map((x) => x.text)).toEqual(['、']);
    expect(f[0]!.fixes[0]!.edits[0]!.text).toBe(', ');
    expect(found('mt.cjk-punctuation', '电影《英雄》', 'The film 《Hero》 opened.', 'zh')).toEqual(['《', '》']);
  });
  it('leaves Chinese targets and Western punctuation alone', () => {
    expect(found('mt.cjk-punctuation', 'The film Hero opened.', '电影《英雄》上映了。', 'en', 'zh')).toEqual([]);
    expect(found('mt.cjk-punctuation', '电影《英雄》', 'The film “Hero” opened, second and third.', 'zh')).toEqual([]);
  });
});

describe('mt.untranslated-terms', () => {
  it('finds an institution noun of the source copied with its capital', () => {
    expect(found('mt.untranslated-terms', 'La Prefeitura de Curitiba anunciou o plano.', 'The Prefeitura of Curitiba announced the plan.', 'pt')).toEqual(['Prefeitura']);
    expect(found('mt.untranslated-terms', 'Der Gemeinderat lehnte den Antrag ab.', 'The Gemeinderat rejected the motion.', 'de')).toEqual(['Gemeinderat']);
    expect(found('mt.untranslated-terms', 'Die SPD-Fraktion stimmte zu.', 'The SPD-Fraktion agreed.', 'de')).toEqual(['Fraktion']);
    expect(found('mt.untranslated-terms', 'Il Comune di Bologna ha deciso.', 'The Comune of Bologna decided.', 'it')).toEqual(['Comune']);
    // German compounds by their head (-hof, -werk, -arbeit, -verkehr) and Italian institution nouns.
    expect(found('mt.untranslated-terms', 'Der Rechnungshof prüft den Haushalt.', 'The Rechnungshof is auditing the budget.', 'de')).toEqual(['Rechnungshof']);
    expect(found('mt.untranslated-terms', 'Die Stadtwerke erhöhen die Preise.', 'The Stadtwerke are raising prices.', 'de')).toEqual(['Stadtwerke']);
    expect(found('mt.untranslated-terms', 'Für die Strecke gibt es Busersatzverkehr.', 'There is Busersatzverkehr on the line.', 'de')).toEqual(['Busersatzverkehr']);
    expect(found('mt.untranslated-terms', 'La Protezione civile ha diramato l’allerta.', 'The Protezione civile issued the alert.', 'it')).toEqual(['Protezione']);
  });
  it('leaves names, kept institutions and translated nouns alone', () => {
    expect(found('mt.untranslated-terms', 'O Flamengo venceu o Grêmio.', 'Flamengo beat Grêmio.', 'pt')).toEqual([]);
    expect(found('mt.untranslated-terms', 'Der Bundesrat stimmte zu.', 'The Bundesrat agreed.', 'de')).toEqual([]);
    expect(found('mt.untranslated-terms', 'Die Deutsche Bahn und der Fischmarkt.', 'Deutsche Bahn and the Fischmarkt.', 'de')).toEqual([]);
    expect(found('mt.untranslated-terms', 'La Prefeitura de Curitiba anunciou o plano.', 'Curitiba City Hall announced the plan.', 'pt')).toEqual([]);
  });
  it('leaves a whole name kept with its connector as the source writes it, not a half-translated one', () => {
    expect(found('mt.untranslated-terms', 'Il Comune di Bologna ha deciso.', 'The Comune di Bologna decided.', 'it')).toEqual([]);
    expect(found('mt.untranslated-terms', 'Il Comune di Bologna ha deciso.', 'The Comune of Bologna decided.', 'it')).toEqual(['Comune']);
  });
});

describe('mt.name-spelling', () => {
  it('measures edits with a swap as one', () => {
    expect(editDistance('poullet', 'poulet')).toBe(1);
    expect(editDistance('marten', 'martne')).toBe(1);
    expect(editDistance('florence', 'firenze')).toBeGreaterThan(1);
  });
  it('finds a source name spelled differently in the target', () => {
    expect(found('mt.name-spelling', 'Selon le maire Jean Dufresnoy, tout va bien.', 'According to mayor Jean Dufresnay, all is well.', 'fr')).toEqual(['Dufresnay']);
    expect(found('mt.name-spelling', 'Laut Ministerin Katharina Brenninger ist das falsch.', 'According to minister Katharina Brenniger, that is wrong.', 'de')).toEqual(['Brenniger']);
  });
  it('leaves exonyms, inflected names, dropped accents and identical names alone', () => {
    expect(found('mt.name-spelling', 'Il sindaco di Milano ha parlato.', 'The mayor of Milan spoke.', 'it')).toEqual([]);
    expect(found('mt.name-spelling', 'Das ist Angela Merkels Plan.', 'That is Angela Merkel’s plan.', 'de')).toEqual([]);
    expect(found('mt.name-spelling', 'Lo dijo el ministro Pedro Sánchez.', 'Minister Pedro Sanchez said so.', 'es')).toEqual([]);
    expect(found('mt.name-spelling', 'Selon le maire Jean Dufresnoy, tout va bien.', 'According to mayor Jean Dufresnoy, all is well.', 'fr')).toEqual([]);
  });
});

describe('mt.term-inconsistency', () => {
  const es = ['El Congreso aprobó la ley de vivienda.', 'Los detalles se conocen ahora.', 'La ley entrará en vigor en enero.'];
  it('finds one source term rendered two ways in an article', () => {
    const tgt = ['Congress approved the housing law.', 'The details are known now.', 'The legislation will come into force in January.'];
    expect(found('mt.term-inconsistency', es.join('\n\n'), tgt.join('\n\n'), 'es')).toEqual(['legislation']);
  });
  it('leaves one rendering, and alternatives whose sentences share no source term', () => {
    const same = ['Congress approved the housing law.', 'The details are known now.', 'The law will come into force in January.'];
    expect(found('mt.term-inconsistency', es.join('\n\n'), same.join('\n\n'), 'es')).toEqual([]);
    const src = ['El Congreso aprobó la ley de vivienda.', 'El decreto de costas entrará en vigor en enero.'];
    const tgt = ['Congress approved the housing law.', 'The coastal act will come into force in January.'];
    expect(found('mt.term-inconsistency', src.join('\n\n'), tgt.join('\n\n'), 'es')).toEqual([]);
  });
  it('needs the shared word to be the term: a word found where the group is absent is not', () => {
    const src = ['El gobierno aprobó la ley.', 'El gobierno habló con los sindicatos.', 'El gobierno publicó la ley.'];
    const tgt = ['The government approved the law.', 'The government spoke with the unions.', 'The government published the legislation.'];
    // "gobierno" is in all three sentences but the middle one has no rendering of "ley"; "ley" is shared and is the term.
    expect(found('mt.term-inconsistency', src.join('\n\n'), tgt.join('\n\n'), 'es')).toEqual(['legislation']);
    const src2 = ['El gobierno aprobó la norma.', 'El gobierno habló con los sindicatos.', 'El gobierno publicó el decreto.'];
    expect(found('mt.term-inconsistency', src2.join('\n\n'), tgt.join('\n\n'), 'es')).toEqual([]);
  });
});

describe('mt.term-inconsistency from Chinese', () => {
  it('is not reported: a word both source sentences share is not shown to be the term', () => {
    const zh = ['卫星完成了三个月的在轨测试项目。', '测试结束后，公司计划再发射两颗卫星。'];
    const en = ['The satellite completed a three-month in-orbit test project.', 'After the test, the company plans to launch two more satellites.'];
    expect(found('mt.term-inconsistency', zh.join('\n\n'), en.join('\n\n'), 'zh')).toEqual([]);
  });
});

describe('mt.term-inconsistency across inflections, elisions and compounds', () => {
  it('takes an elided article, an inflection and a German compound head for the same term', () => {
    const fr = ['L’enquête porte sur 2 000 foyers.', 'Les chiffres sont publiés lundi.', 'L’enquête a coûté cher.'];
    expect(found('mt.term-inconsistency', fr.join('\n\n'), ['The survey covers 2,000 households.', 'The figures come out on Monday.', 'The poll was expensive.'].join('\n\n'), 'fr')).toEqual(['poll']);
    const de = ['Das Heizungsgesetz ist umstritten.', 'Die Details sind neu.', 'Das Gesetz tritt 2024 in Kraft.'];
    expect(found('mt.term-inconsistency', de.join('\n\n'), ['The heating law is disputed.', 'The details are new.', 'The act takes effect in 2024.'].join('\n\n'), 'de')).toEqual(['act']);
    expect(sameTerm('gesetzes', 'gesetz', 'de')).toBe(true);
    expect(sameTerm('etapes', 'etape', 'fr')).toBe(true);
    expect(sameTerm('partido', 'parte', 'es')).toBe(false);
  });
  it('reads "MPs" as the acronym and leaves "mp" alone', () => {
    const fr = ['Les députés ont voté la loi.', 'Le texte est long.', 'Les députés ont levé la séance.'];
    expect(found('mt.term-inconsistency', fr.join('\n\n'), ['Lawmakers passed the law.', 'The text is long.', 'MPs adjourned.'].join('\n\n'), 'fr')).toEqual(['MPs']);
  });
});

describe('mt.glued-metadata', () => {
  const glued = (source: string, target: string, lang = 'es') => found('mt.glued-metadata', `Primera frase.\n\n${source}`, `First sentence.\n\n${target}`, lang);
  it('finds a dateline, credit or byline run into a later paragraph’s first sentence', () => {
    expect(glued('BILBAO - Las lluvias causaron daños.', 'BILBAO Rains caused damage.')).toEqual(['BILBAO']);
    expect(glued('BILBAO - Las lluvias causaron daños.', 'BILBAO -Rains caused damage.')).toEqual(['BILBAO']);
    expect(glued('BILBAO - Las lluvias causaron daños.', 'BILBAO - Rains caused damage.')).toEqual([]);
    expect(glued('SÃO PAULO – As chuvas causaram danos.', 'SÃO PAULO Rains caused damage.', 'pt')).toEqual(['SÃO PAULO']);
    expect(glued('Lyon, 3 mai 2024 – Les pluies ont causé des dégâts.', 'Lyon, 3 May 2024 Rains caused damage.', 'fr')).toEqual(['Lyon, 3 May 2024']);
    expect(glued('BARI, 4 aprile (ANSA) - Le piogge hanno causato danni.', 'BARI, 4 April (ANSA)Rains caused damage.', 'it')).toEqual(['BARI, 4 April (ANSA)']);
    expect(glued('Por Ana Gil | Sevilla | Las lluvias causaron daños.', 'By Ana Gil | Seville | Rains caused damage.')).toEqual(['By Ana Gil | Seville |']);
    expect(glued('（记者 王芳）暴雨造成损失。', '(Reporter Wang Fang) Rains caused damage.', 'zh')).toEqual(['(Reporter Wang Fang)']);
  });
  it('finds a kept ".-", a byline the source ends with a dash, and a masthead with a reporter credit', () => {
    expect(glued('Vigo, 3 may (EFE).- Las lluvias causaron daños.', 'Vigo, 3 May (EFE).- Rains caused damage.')).toEqual(['Vigo, 3 May (EFE)']);
    expect(glued('Von Jonas Brandt, KIEL – Der Regen richtete Schäden an.', 'From Jonas Brandt KIEL The rain caused damage.', 'de')).toEqual(['From Jonas Brandt KIEL']);
    expect(glued('Por Rita Nunes, de Campo Grande — A chuva causou danos.', 'By Rita Nunes, from Campo Grande The rain caused damage.', 'pt')).toEqual(['By Rita Nunes, from Campo Grande']);
    expect(glued('本报讯（记者 王芳）暴雨造成损失。', 'This paper reports (Reporter Wang Fang) Rains caused damage.', 'zh')).toEqual(['This paper reports (Reporter Wang Fang)']);
    // Kept apart, they are no finding.
    expect(glued('Por Rita Nunes, de Campo Grande — A chuva causou danos.', 'By Rita Nunes, from Campo Grande — The rain caused damage.', 'pt')).toEqual([]);
    expect(glued('Por Rita Nunes, de Campo Grande — A chuva causou danos.', 'By Rita Nunes, from Campo Grande - The rain caused damage.', 'pt')).toEqual([]);
    const f = runChecks({ source: 'x.\n\nVigo, 3 may (EFE).- Llueve.', target: 'x.\n\nVigo, 3 May (EFE).- It rains.', sourceLang: 'es', targetLang: 'en' }).find((x) => x.rule === 'mt.glued-metadata')!;
    expect(applyFix('x.\n\nVigo, 3 May (EFE).- It rains.', f)).toBe('x.\n\nVigo, 3 May (EFE) – It rains.');
  });
  it('offers the dash the dateline lost', () => {
    const f = runChecks({ source: 'x.\n\nBILBAO - Las lluvias causaron daños.', target: 'x.\n\nBILBAO Rains caused damage.', sourceLang: 'es', targetLang: 'en' }).find((x) => x.rule === 'mt.glued-metadata')!;
    expect(f.fixes[0]!.edits[0]).toMatchObject({ text: ' – ' });
    const dash = runChecks({ source: 'x.\n\nBILBAO - Llueve.', target: 'x.\n\nBILBAO -It rains.', sourceLang: 'es', targetLang: 'en' }).find((x) => x.rule === 'mt.glued-metadata')!;
    expect(applyFix('x.\n\nBILBAO -It rains.', dash)).toBe('x.\n\nBILBAO – It rains.');
  });
  it('finds a header run into the first word with no space at all', () => {
    expect(glued('Por Luis Vega — Quito La mayoría de los votantes duda.', 'By Luis Vega — QuitoMost voters have doubts.')).toEqual(['By Luis Vega — Quito']);
    expect(glued('03.11.2025 – Der Zug fuhr wieder.', '03.11.2025The train ran again.', 'de')).toEqual(['03.11.2025']);
    expect(glued('5 marzo 2025 | 10:40 Il sindaco ha parlato.', '5 March 2025 | 10:40The mayor spoke.', 'it')).toEqual(['5 March 2025 | 10:40']);
    expect(glued('来源：江南晚报 展会开幕。', 'Source: Jiangnan Evening NewsThe fair opened.', 'zh')).toEqual(['Source: Jiangnan Evening News']);
    // A Chinese dateline translated word for word and run on, with or without a reporter's credit.
    expect(glued('新华社广州3月2日电 展会开幕。', 'Xinhua Guangzhou March 2 dispatch The fair opened.', 'zh')).toEqual(['Xinhua Guangzhou March 2 dispatch']);
    expect(glued('新华社广州3月2日电（记者 李华）展会开幕。', 'Xinhua News Agency, Guangzhou, March 2 Electric (Reporter Li Hua) The fair opened.', 'zh')).toEqual(['Xinhua News Agency, Guangzhou, March 2 Electric (Reporter Li Hua)']);
    expect(glued('新华社广州3月2日电 展会开幕。', 'GUANGZHOU, March 2 (Xinhua) -- The fair opened.', 'zh')).toEqual([]);
  });
  it('leaves camel-case names the source also writes alone', () => {
    expect(glued('YouTube — La plataforma cambió.', 'YouTube — The platform changed; PowerPoint, iPhone and McDonald’s too.')).toEqual([]);
    expect(glued('Las ventas de PowerPoint.', 'PowerPoint sales rose.')).toEqual([]);
  });
  it('leaves separated datelines, acronyms opening a sentence and ordinary sentences alone', () => {
    expect(glued('BILBAO - Las lluvias causaron daños.', 'BILBAO – Rains caused damage.')).toEqual([]);
    expect(glued('El secretario general de la OTAN habló.', 'NATO Secretary General Mark Rutte spoke.')).toEqual([]);
    expect(glued('Lyon, la ciudad, creció.', 'Lyon, the city, grew.', 'fr')).toEqual([]);
    expect(glued('Madrid, 3 de mayo (EFE).- Las lluvias causaron daños.', 'MADRID, May 3 (EFE) - Rains caused damage.')).toEqual([]);
  });
});

/** Applies a finding's first fix to the target. */
const applyFix = (target: string, f: { fixes: { edits: { start: number; end: number; text: string }[] }[] }) =>
  [...f.fixes[0]!.edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), target);

describe('fixes that leave nothing to fix', () => {
  it('a CJK title mark is replaced with its partner, so no quote is left unpaired', () => {
    const target = 'The film 《Red Sorghum》 returns to cinemas.';
    const f = runChecks({ source: '电影《红高粱》重返影院。', target, sourceLang: 'zh-Hans', targetLang: 'en' }).filter((x) => x.rule === 'mt.cjk-punctuation');
    expect(f).toHaveLength(2);
    for (const one of f) expect(applyFix(target, one)).toBe('The film “Red Sorghum” returns to cinemas.');
  });
  it('a glued byline gets no fix that deletes it (its name would then be missing)', () => {
    const f = runChecks({ source: 'Por Ana Souto | Vigo |\nEl puerto amplía su muelle.', target: 'By Ana Souto | Vigo | The port is extending its quay.', sourceLang: 'es', targetLang: 'en' }).filter((x) => x.rule === 'mt.glued-metadata');
    for (const one of f) expect(one.fixes).toEqual([]);
  });
  it('a dateline city in capitals with an English exonym is no missing or added name', () => {
    const f = runChecks({ source: 'ROMA - Il governo ha approvato il bilancio.', target: 'ROME – The government approved the budget.', sourceLang: 'it', targetLang: 'en' });
    expect(f.filter((x) => x.rule === 'qa.names')).toEqual([]);
  });
  it('"on of" is fixed to "on", "until by" to "by"', () => {
    const on = runChecks({ source: 'Depende del tiempo.', target: 'It depends on of the weather.', sourceLang: 'es', targetLang: 'en' }).find((x) => x.rule === 'en.stacked-prepositions')!;
    expect(on.fixes.map((x) => x.edits[0]!.text)).toEqual(['on']);
    const by = runChecks({ source: 'Deve ficar pronto até o fim de maio.', target: 'It should be ready until by the end of May.', sourceLang: 'pt-BR', targetLang: 'en' }).find((x) => x.rule === 'en.stacked-prepositions')!;
    expect(by.fixes.map((x) => x.edits[0]!.text)).toEqual(['by']);
  });
});

describe('mt.identical-segment', () => {
  it('reports a sentence left as the source wrote it, but not a copyright or credit line', () => {
    expect(found('mt.identical-segment', 'O governo anunciou novas medidas hoje.', 'O governo anunciou novas medidas hoje.', 'pt')).toEqual(['O governo anunciou novas medidas hoje.']);
    expect(found('mt.identical-segment', '© Agência Lusa, todos os direitos reservados', '© Agência Lusa, todos os direitos reservados', 'pt')).toEqual([]);
    expect(found('mt.identical-segment', 'Copyright Reuters, dpa und epd', 'Copyright Reuters, dpa und epd', 'de')).toEqual([]);
  });
});

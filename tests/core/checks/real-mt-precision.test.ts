/**
 * The noise families of issue 9, each as it came from real MT (TED zh→en, MLQE-PE ro/et→en): numerals of
 * every script and vague quantities, valid words the spelling check flagged, names across scripts, end
 * punctuation across scripts, and what stays reported.
 */
import { describe, expect, it } from 'vitest';
import { countProblems } from '../../../main/common/problems';
import type { Finding } from '../../../main/contract/review';
import { runChecks } from '../../../main/core/checks/engine';
import { asciiDigits } from '../../../main/core/checks/qa/numerals';
import { englishNumberValues } from '../../../main/core/checks/qa/number-words';

const rules = (source: string, target: string, sourceLang = 'zh', rule?: string) =>
  runChecks({ source, target, sourceLang, targetLang: 'en' })
    .filter((f) => !rule || f.rule === rule)
    .map((f) => `${f.rule}:${f.text}`);

describe('numbers on real MT', () => {
  it('reads digits of every script', () => {
    expect(asciiDigits('١٢٫٨ ۱۲۳ १२ １０')).toBe('12.8 123 12 10');
    expect(rules('ارتفع المؤشر ١٢٫٨ في المئة', 'The index rose 12.8 percent.', 'ar', 'qa.numbers')).toEqual([]);
    expect(rules('ارتفع المؤشر ١٢٫٨ في المئة', 'The index rose 13.8 percent.', 'ar', 'qa.numbers')).toEqual(['qa.numbers:13.8']);
  });
  it('reads English number words and magnitudes', () => {
    expect(englishNumberValues('Fourteen billion years, two and a half million parts, three hundred and five')).toEqual([14e9, 2.5e6, 305]);
    expect(englishNumberValues('hundreds of thousands, one and two')).toEqual([1, 2]);
    expect(rules('140亿年过去了。', 'Fourteen billion years later.', 'zh', 'qa.numbers-missing')).toEqual([]);
    expect(rules('两百五十万个部分。', 'Two and a half million parts.', 'zh', 'qa.numbers-missing')).toEqual([]);
    expect(rules('140亿年过去了。', 'Four billion years later.', 'zh', 'qa.numbers-missing')).toEqual(['qa.numbers-missing:140']);
  });
  it('takes vague quantities and numeral characters inside words for no number', () => {
    expect(rules('它们每秒可以旋转数百次。', 'They can rotate hundreds of times per second.')).toEqual([]);
    expect(rules('银河系中有数以万计的黑洞。', 'There are tens of thousands of black holes in our galaxy.')).toEqual([]);
    expect(rules('世间万物都环绕在你的周围。', 'Everything in the world is around you.')).toEqual([]);
    expect(rules('把音量调大一点点。', 'Turn up the volume a little.')).toEqual([]);
    expect(rules('这里有一千二百人。', 'There are 1,200 people here.')).toEqual([]);
    expect(rules('这里有一千二百人。', 'There are many people here.', 'zh', 'qa.numbers-missing')).toEqual(['qa.numbers-missing:一千二百']);
  });
  it('reads a list and a space-grouped number', () => {
    expect(rules('看左面，[1,1] 的输入等于0输出。', 'On the left, the input of [1,1] equals 0 output.', 'zh', 'qa.numbers')).toEqual([]);
    expect(rules('Saagiks saadi üle 3000 tonni.', 'More than 3 000 tonnes were taken.', 'et')).toEqual([]);
  });
  it('reads Persian digits and the trillion magnitude 万亿 as numbers', () => {
    expect(rules('قیمت ۱۲۳ دلار است.', 'The price is 123 dollars.', 'fa', 'qa.numbers')).toEqual([]);
    expect(rules('قیمت ۱۲۳ دلار است.', 'The price is 132 dollars.', 'fa', 'qa.numbers')).toEqual(['qa.numbers:132']);
    expect(rules('去年的产值达到1.3万亿元。', 'Output reached 1.3 trillion yuan last year.')).toEqual([]);
  });
  it('takes a vague quantity in the translation for the source’s', () => {
    expect(rules('几千人参加了游行。', 'Several thousand people joined the march.')).toEqual([]);
  });
  it('takes a date whose digits the translation regroups for the same date, and still finds a changed one', () => {
    expect(rules('Harju Maakohtu 16.05.2017 kohtuotsus', 'The Harju County Court judgment of 16 05.2017', 'et')).toEqual([]);
    expect(rules('Harju Maakohtu 16.05.2017 kohtuotsus', 'The Harju County Court judgment of 16 06.2017', 'et', 'qa.numbers')).toEqual(['qa.numbers:06.2017']);
    // A number with the source's separators is the number-format check's, not a regrouping.
    expect(rules('Forțele numărau 55.000 de militari.', 'The forces counted 55.000 soldiers.', 'ro')).toEqual(['qa.number-format:55.000']);
  });
});

describe('spelling on real MT', () => {
  const spelling = (target: string, source = '这是一句话。', sourceLang = 'zh') => rules(source, target, sourceLang, 'qa.spelling');
  it('never flags a valid word: a larger list, compounds and derivations', () => {
    expect(spelling('Programmability and reconfigurability make tetrahedra scalable.')).toEqual([]);
    expect(spelling('The drumhead was undeflected, the waterslides electromechanical.')).toEqual([]);
    expect(spelling('He was tried in absentia at the Grand Prix.')).toEqual([]);
  });
  it('still flags misspellings, including run-together phrases and fragments of the list', () => {
    expect(spelling('The enviromental damage was seen eachother day.')).toEqual(['qa.spelling:enviromental', 'qa.spelling:eachother']);
  });
  it('takes the source as evidence for names, accents and inflection aside', () => {
    expect(spelling('Prahova Valley heroes from Timişoara.', 'Eroii de pe Valea Prahovei din Timișoara.', 'ro')).toEqual([]);
  });
  it('groups one word repeated in an article into one problem with a fix for all', () => {
    const found = runChecks({ source: 'x. y. z.', target: 'The goverment met. The goverment spoke. The goverment left.', sourceLang: 'pt', targetLang: 'en' }).filter((f) => f.rule === 'qa.spelling');
    expect(found.map((f) => f.occurrences)).toEqual([3, 3, 3]);
    const all = found[0]!.fixes.find((x) => x.labelKey === 'qa:fixAll' && x.edits[0]!.text === 'government')!;
    expect(all.edits.map((e) => e.start)).toEqual(found.map((f) => f.start));
    expect(countProblems(found)).toEqual({ minor: 1, major: 0, critical: 0 });
  });
  it('reads no file extension, broken-up URL scheme or redaction as a word', () => {
    expect(spelling('See http : / / www.alpha.gr / files / report-2013.pdf, said xxxxxx.')).toEqual([]);
    expect(spelling('The wrd.pdf is here.')).toEqual(['qa.spelling:wrd']);
  });
  it('offers no acronym for a lower-case word', () => {
    const f = runChecks({ source: 'Ver http aqui.', target: 'See htpp here.', sourceLang: 'pt', targetLang: 'en' }).find((x) => x.rule === 'qa.spelling');
    expect(f?.fixes.map((x) => x.edits[0]!.text).filter((t) => t === t.toUpperCase())).toEqual([]);
  });
});

describe('names and punctuation across scripts', () => {
  it('does not demand an acronym the source writes in its own script', () => {
    expect(rules('这个计算机模拟是由国家航空航天局完成的。', 'The simulation was performed at NASA.', 'zh', 'qa.names')).toEqual([]);
    expect(rules('Simularea a fost făcută de BIP.', 'The simulation was made by the BAFA.', 'ro', 'qa.names')).toEqual(['qa.names:BAFA', 'qa.names:BIP']);
  });
  it('takes a translated name for a translated name, and still finds a lost one', () => {
    expect(rules('Închisorile din Anglia și Țara Galilor.', 'The prisons of England and Wales.', 'ro', 'qa.names')).toEqual([]);
    expect(rules('Spania a refuzat independența SUA.', 'Spain refused to recognise the independence of the US.', 'ro', 'qa.names')).toEqual([]);
    expect(rules('Generalul Philippe Pétain considera Ardenii impenetrabili.', 'This is because two criteria are met.', 'ro', 'qa.names')).toEqual(['qa.names:Philippe Pétain']);
    // Inflected Estonian and Romanian names of unions, states and saints.
    expect(rules('Otsust kritiseerisid nii NATO kui ka Euroopa Liidu esindajad.', 'It was criticised by both NATO and the European Union.', 'et', 'qa.names')).toEqual([]);
    expect(rules('Paavst lõpetas oma visiidi Ameerika Ühendriikidesse.', 'The Pope ended his visit to the United States.', 'et', 'qa.names')).toEqual([]);
    expect(rules('Deasupra este statuia lui Sfântul Mihail.', 'Above it is the statue of Saint Mikhail.', 'ro', 'qa.names')).toEqual([]);
    expect(rules('Deasupra este statuia lui Sfântul Mihail.', 'Above it is the statue of the archangel.', 'ro', 'qa.names')).toEqual(['qa.names:Sfântul Mihail']);
  });
  it('reads a Chinese segment ending with a comma as unfinished, and still finds a lost question mark', () => {
    expect(rules('强烈的阳光是如此地刺眼，', 'The intense sunlight is so harsh;', 'zh', 'qa.end-punctuation')).toEqual([]);
    expect(rules('我们能看到从月球反射回来的光，', 'We can see the light reflected back from the moon.', 'zh', 'qa.end-punctuation')).toEqual([]);
    expect(rules('你看到了吗？', 'Did you see it.', 'zh', 'qa.end-punctuation')).toEqual(['qa.end-punctuation:.']);
  });
});

describe('untranslated words on real MT', () => {
  const copied = (source: string, target: string) => rules(source, target, 'ro', 'mt.untranslated-words');
  it('takes a word cited as a word, and an English word in lower case, for no copy', () => {
    expect(copied('Numele rzeczpospolita înseamnă lucru public.', 'The name rzeczpospolita means public work.')).toEqual([]);
    expect(copied('Va fi moștenit de pozitivism și marxism.', 'It will be inherited by positivism and marxism.')).toEqual([]);
    expect(copied('Au încercat să formeze dinastii.', 'They tried to form dinastii.')).toEqual(['mt.untranslated-words:dinastii']);
  });
});

describe('end punctuation in other scripts', () => {
  it('takes the Arabic question mark and the full stops of other scripts for their English marks', () => {
    expect(rules('هل رأيت ذلك؟', 'Did you see that?', 'ar', 'qa.end-punctuation')).toEqual([]);
    expect(rules('यह एक वाक्य है।', 'This is a sentence.', 'hi', 'qa.end-punctuation')).toEqual([]);
    expect(rules('یہ ایک جملہ ہے۔', 'This is a sentence.', 'ur', 'qa.end-punctuation')).toEqual([]);
    expect(rules('Սա նախադասություն է։', 'This is a sentence.', 'hy', 'qa.end-punctuation')).toEqual([]);
    expect(rules('هل رأيت ذلك؟', 'Did you see that.', 'ar', 'qa.end-punctuation')).toEqual(['qa.end-punctuation:.']);
  });
});

describe('hints', () => {
  it('are outside the problem counts', () => {
    const f = (severity: Finding['severity'], text = 'x'): Finding => ({ rule: 'r', category: 'Other', severity, side: 'target', start: 0, end: 1, text, message: { key: 'k' }, fixes: [] });
    expect(countProblems([f('hint'), f('minor'), f('major'), f('hint')])).toEqual({ minor: 1, major: 1, critical: 0 });
  });
});

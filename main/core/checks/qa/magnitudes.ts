/**
 * A number's magnitude word changed in translation: "2,5 mil milhões" (2.5 billion) rendered "2.5 million",
 * "3 Milliarden" → "3 million", "5 mil personas" → "5 million people". Each side's numbers with a
 * magnitude word are read as values in that language (German and French "Billion/billion" is 10¹²); a
 * target amount whose figure is a source figure but whose value is no source value is reported on its
 * magnitude word. Amounts rescaled correctly ("2.500 milhões" → "2.5 billion") have equal values.
 */
import type { CheckDefinition, RawFinding } from '../types.js';
import { decimalComma, fold, primaryLang, qaMessage } from './util.js';

/** Magnitude words by language, accent-folded and lower-case; longer phrases first. */
const WORDS: Record<string, [string, number][]> = {
  en: [['thousand', 1e3], ['million', 1e6], ['millions', 1e6], ['mn', 1e6], ['billion', 1e9], ['billions', 1e9], ['bn', 1e9], ['trillion', 1e12], ['trillions', 1e12], ['tn', 1e12]],
  pt: [['mil milhoes', 1e9], ['mil milhao', 1e9], ['mil', 1e3], ['milhao', 1e6], ['milhoes', 1e6], ['mi', 1e6], ['bilhao', 1e9], ['bilhoes', 1e9], ['bi', 1e9], ['trilhao', 1e12], ['trilhoes', 1e12], ['tri', 1e12]],
  es: [['mil millones', 1e9], ['mil', 1e3], ['millon', 1e6], ['millones', 1e6], ['millardo', 1e9], ['millardos', 1e9], ['billon', 1e12], ['billones', 1e12]],
  fr: [['mille', 1e3], ['million', 1e6], ['millions', 1e6], ['milliard', 1e9], ['milliards', 1e9], ['md', 1e9], ['mds', 1e9], ['billion', 1e12], ['billions', 1e12]],
  de: [['tausend', 1e3], ['million', 1e6], ['millionen', 1e6], ['mio', 1e6], ['milliarde', 1e9], ['milliarden', 1e9], ['mrd', 1e9], ['billion', 1e12], ['billionen', 1e12]],
  it: [['mila', 1e3], ['mille', 1e3], ['milione', 1e6], ['milioni', 1e6], ['mln', 1e6], ['miliardo', 1e9], ['miliardi', 1e9], ['mld', 1e9], ['mila miliardi', 1e12]],
};
/** Portugal writes "mil milhões" for 10⁹ and "bilião" for 10¹²; Brazil "bilhão" for 10⁹. */
const PT_PT: [string, number][] = [['biliao', 1e12], ['bilioes', 1e12]];

interface Amount {
  figure: number;
  value: number;
  /** Offsets of the magnitude word in the text. */
  start: number;
  end: number;
  text: string;
}

const patterns = new Map<string, { re: RegExp; scale: Map<string, number> }>();

function patternFor(lang: string): { re: RegExp; scale: Map<string, number> } | null {
  const words = lang === 'pt-pt' ? [...PT_PT, ...WORDS.pt!] : WORDS[primaryLang(lang)];
  if (!words) return null;
  let p = patterns.get(lang);
  if (!p) {
    const alternatives = [...words].sort((a, b) => b[0].length - a[0].length).map(([w]) => w.replace(/ /g, '\\s+'));
    // The figure, then "de"/"di" in Romance languages ("2 millions d'euros" keeps the word before "d'").
    p = { re: new RegExp(`(?<![\\p{L}\\d.,])(\\d+(?:[.,\\u00a0\\u202f ]\\d{3})*(?:[.,]\\d+)?)\\s*(${alternatives.join('|')})\\.?(?![\\p{L}])`, 'gu'), scale: new Map(words) };
    patterns.set(lang, p);
  }
  return p;
}

function figureOf(digits: string, comma: boolean): number {
  const plain = digits.replace(/[\u00a0\u202f ]/g, '');
  const normal = comma ? plain.replace(/\./g, '').replace(',', '.') : plain.replace(/,/g, '');
  return Number(normal);
}

function amounts(text: string, lang: string): Amount[] {
  const p = patternFor(lang);
  if (!p) return [];
  const folded = fold(text); // same length as the text for Latin letters with accents (NFC → NFD → strip marks)
  if (folded.length !== text.length) return [];
  const comma = decimalComma(lang);
  const out: Amount[] = [];
  for (const m of folded.matchAll(p.re)) {
    const scale = p.scale.get(m[2]!.replace(/\s+/g, ' '));
    const figure = figureOf(m[1]!, comma);
    if (!scale || !Number.isFinite(figure)) continue;
    const start = (m.index ?? 0) + m[0].indexOf(m[2]!, m[1]!.length);
    out.push({ figure, value: figure * scale, start, end: start + m[2]!.length, text: text.slice(start, start + m[2]!.length) });
  }
  return out;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

export const numberMagnitude: CheckDefinition = {
  id: 'qa.number-magnitude',
  category: 'Accuracy/Mistranslation',
  severity: 'major',
  description: 'A magnitude word changed in translation ("mil milhões" → "million", "Milliarden" → "million").',
  scope: 'segment',
  run(ctx, seg) {
    if (!seg?.source || !seg.target) return [];
    const sourceLang = ctx.sourceLang.toLowerCase().replace('_', '-').startsWith('pt-pt') ? 'pt-pt' : ctx.sourceLang;
    const source = amounts(seg.source, sourceLang);
    if (!source.length) return [];
    const out: RawFinding[] = [];
    for (const t of amounts(seg.target, ctx.targetLang)) {
      if (source.some((s) => near(s.value, t.value))) continue;
      const was = source.find((s) => near(s.figure, t.figure));
      if (!was) continue;
      out.push({ start: seg.targetStart + t.start, end: seg.targetStart + t.end, message: qaMessage('magnitudeChanged', { text: t.text, source: seg.source.slice(was.start, was.end) }) });
    }
    return out;
  },
};

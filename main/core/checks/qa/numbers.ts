/**
 * Numbers: a number in the translation that the source does not have (changed or added), a source number the
 * translation lost, and a translated number still written in the source's convention ("1.250 people" in
 * English). Locale-aware: "1.200" (pt, es, de) equals "1,200" (en), "3,5" equals "3.5"; scale words
 * ("2,4 bilhões" = "2.4 billion"), times and spelled-out 0–10 are allowed. A time is read as one hour/minute
 * value on each side: "16h", "10h30", "às 20h45", "18:45" and, before "horas", "de la mañana", "del lunes" or
 * after "a las"/"às", "10.30" (a time there, not a decimal) in the source; "4 p.m.", "8:45 pm", "20:45",
 * "noon" in the translation. Chinese and Japanese texts add their numerals, full-width digits, "3万" scales and
 * "10时12分" times (numerals.ts); a month written as a name next to a day or year ("Nov. 6", "13 de março")
 * stands for its number on the other side ("11月6日", "13/03").
 */
import type { CheckContext, CheckDefinition, RawFinding, SegmentView } from '../types.js';
import { englishNumberValues } from './number-words.js';
import { asciiDigits, bareMonthKeys, CJK_MONTH_AFTER, CJK_NUMERAL, CJK_SCALES, cjkReportable, cjkValue, monthKey, monthValues } from './numerals.js';
import { CJK_TEXT, SPELLED_TIMES, times, WEEKDAYS } from './number-times.js';
import { pairNumbers } from './number-pairs.js';
import { isConversionGloss } from './number-glosses.js';
import { decimalComma, primaryLang, qaMessage, replaceFix, sourcePieces, type Piece } from './util.js';

interface NumToken {
  text: string;
  start: number;
  end: number;
  /** Readings in the text's own convention, with scale and clock variants. */
  values: number[];
  /** Readings in the other convention (a number written as in the source locale). */
  otherValues: number[];
  /** When the token fits only the other convention ("[1,1]" in a decimal-point text): its digit runs, a list. */
  runs?: number[];
}

/** Digits with separators; a plain space groups thousands only before exactly three digits ("3 000", "19 000", "7 512,45"). */
const NUMBER = /\d+(?:(?:[.,\u00a0\u202f\u2009]\d+)|(?: \d{3}(?!\d)))*/g;
const GROUP_SPACE = /[\u00a0\u202f\u2009 ]/g;

const key = (v: number) => Number(v.toPrecision(12));

/** Strict reading of one token in a convention; null when the token does not fit it (or is a date "20.12.2023"). */
function parseIn(text: string, commaDec: boolean): number | null {
  const t = text.replace(GROUP_SPACE, '');
  if (/^\d+$/.test(t)) return Number(t);
  const [dec, grp] = commaDec ? [',', '.'] : ['.', ','];
  if (new RegExp(`^\\d{1,3}(?:\\${grp}\\d{3})+(?:\\${dec}\\d+)?$`).test(t)) return Number(t.split(grp).join('').replace(dec, '.'));
  if (new RegExp(`^\\d+\\${dec}\\d+$`).test(t)) return Number(t.replace(dec, '.'));
  return null;
}

const SCALES: [RegExp, number][] = [
  [/^\s*mil\s+mill(?:ones|ón)\b/i, 1e9],
  [/^\s*(?:tri(?:lhão|lhões|llion|llions)|billones|billón)\b/i, 1e12],
  [/^\s*(?:bi(?:lhão|lhões|llion|llions)?|bn|mil\s+milhões|milliards?|mrd\.?|milliarden?|miliard(?:e|ul|i)?|miljard(?:it|i)?)(?![\p{L}])/iu, 1e9],
  [/^\s*(?:mi(?:lhão|lhões|llion|llions|llón|llones)?|mio\.?|millionen|m|milioane|milion(?:ul|i|e)?|miljon(?:it|i)?)(?![\p{L}])/iu, 1e6],
  [/^\s*(?:mil|mila|thousand|mille|tausend|k|mii|tuhat|tuhande|tuh\.)(?![\p{L}])/iu, 1e3],
];
/** The first number of a range shares the scale written after the second: "5.600 y 5.800 millones", "2 to 3 billion". */
const RANGE_TO_SCALE = /^\s*(?:y|e|and|et|und|o|ou|or|a|al|to|bis|à|-|–)\s*\d[\d.,]*(?=\s*\p{L})/u;
const PM = /^(?::\d{2})?\s?(?:p\.\s?m\.?|pm\b)/i;

function readings(text: string, after: string, commaDec: boolean): number[] {
  const v = parseIn(text, commaDec);
  if (v === null) return [];
  const out = [v];
  const range = RANGE_TO_SCALE.exec(after);
  for (const [re, factor] of [...SCALES, ...CJK_SCALES]) {
    if (re.test(after) || (range && re.test(after.slice(range[0].length)))) {
      out.push(v * factor);
      break;
    }
  }
  if (PM.test(after) && v >= 1 && v <= 12) out.push(v === 12 ? 12 : v + 12);
  return out;
}


function extract(original: Piece, commaDec: boolean, source: boolean): NumToken[] {
  const out: NumToken[] = [];
  const piece = { text: asciiDigits(original.text), start: original.start };
  const clock = times(piece.text, source);
  for (const t of clock) {
    out.push({ text: piece.text.slice(t.start, t.end), start: piece.start + t.start, end: piece.start + t.end, values: t.values, otherValues: [] });
  }
  for (const m of piece.text.matchAll(NUMBER)) {
    const at = m.index ?? 0;
    if (clock.some((t) => at < t.end && t.start < at + m[0].length)) continue;
    const after = piece.text.slice(at + m[0].length, at + m[0].length + 32);
    const own = readings(m[0], after, commaDec);
    const other = readings(m[0], after, !commaDec);
    if (own.length === 0 && other.length === 0) {
      // Not one number (a date with dots, a version): each run of digits counts on its own.
      for (const d of m[0].matchAll(/\d+/g)) {
        const s = piece.start + at + (d.index ?? 0);
        out.push({ text: d[0], start: s, end: s + d[0].length, values: [Number(d[0])], otherValues: [] });
      }
      continue;
    }
    const start = piece.start + at;
    const runs = own.length === 0 ? [...m[0].matchAll(/\d+/g)].map((d) => Number(d[0])) : undefined;
    out.push({ text: m[0], start, end: start + m[0].length, values: own, otherValues: other, runs });
  }
  // Chinese/Japanese numerals above ten are numbers a translation must keep ("一千二百" = 1200); smaller
  // ones are words ("两台" = "two") and only vouch for the same value on the other side (wordValues).
  if (CJK_TEXT.test(piece.text)) {
    for (const m of piece.text.matchAll(CJK_NUMERAL)) {
      const at = m.index ?? 0;
      if (clock.some((t) => at < t.end && t.start < at + m[0].length)) continue;
      // "3.5亿", "40万": a scale of the digits before it, read with them.
      if (/\d\s?$/.test(piece.text.slice(Math.max(0, at - 2), at))) continue;
      const v = cjkValue(m[0]);
      const after = piece.text.slice(at + m[0].length, at + m[0].length + 4);
      const before = piece.text.slice(Math.max(0, at - 2), at);
      if (v === null || !cjkReportable(m[0], v, after, before)) continue;
      const start = piece.start + at;
      out.push({ text: original.text.slice(at, at + m[0].length), start, end: start + m[0].length, values: [v], otherValues: [] });
    }
  }
  if (source && CJK_TEXT.test(piece.text)) {
    for (const t of out) {
      const n = t.values[0]!;
      if (n >= 1 && n <= 12 && CJK_MONTH_AFTER.test(piece.text.slice(t.end - piece.start))) t.values.push(monthKey(n));
    }
  }
  return out.map((t) => ({ ...t, text: original.text.slice(t.start - original.start, t.end - original.start) }));
}

/**
 * Spelled-out 0–20, round tens, first–twentieth and simple fractions, so "dois" ↔ "2", "20" ↔ "twenty",
 * "50%" ↔ "half" are not reported. Words like "dozens"/"dezenas" carry no number and are not read.
 */
const NUMBER_WORDS: Record<string, number> = {};
const FRACTION_WORDS = new Map<string, number[]>();
const WORD_LISTS: string[][] = [
  ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'],
  ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'],
  ['zero', 'um|uma', 'dois|duas', 'três', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove', 'dez', 'onze', 'doze', 'treze', 'catorze|quatorze', 'quinze', 'dezesseis|dezasseis', 'dezessete|dezassete', 'dezoito', 'dezenove|dezanove', 'vinte'],
  ['cero', 'uno|una|un', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'trece', 'catorce', 'quince', 'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte'],
  // Not "segundo"/"segunda": also "according to" and Monday.
  ['', 'primeiro|primeira|primero|primera|primer', '', 'terceiro|terceira|tercero|tercera|tercer', 'quarto|quarta|cuarto|cuarta', 'quinto|quinta', 'sexto|sexta', 'sétimo|sétima|séptimo|séptima', 'oitavo|oitava|octavo|octava', 'nono|nona|noveno|novena', 'décimo|décima'],
  ['zéro', 'un|une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'],
  ['null', 'eins|ein|eine', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn'],
];
for (const list of WORD_LISTS) list.forEach((w, n) => w && w.split('|').forEach((x) => (NUMBER_WORDS[x] = n)));
const TENS: [string, number][] = [
  ['thirty trinta treinta', 30], ['forty quarenta cuarenta', 40], ['fifty cinquenta cincuenta', 50], ['sixty sessenta sesenta', 60],
  ['seventy setenta', 70], ['eighty oitenta ochenta', 80], ['ninety noventa', 90], ['hundred cem cien', 100],
  ['thousand', 1000], ['million', 1e6], ['billion', 1e9],
];
for (const [words, n] of TENS) for (const w of words.split(' ')) NUMBER_WORDS[w] = n;
/** Teens and tens read only in their own language ("due", "tre", "elf" are other words elsewhere). */
const LANG_NUMBER_WORDS: Record<string, Record<string, number>> = {};
const LANG_LISTS: [string, string][] = [
  ['fr', 'onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf vingt|20 trente|30 quarante|40 cinquante|50 soixante|60 cent|100'],
  ['it', 'uno|1 una|1 due|2 tre|3 quattro|4 cinque|5 sei|6 sette|7 otto|8 nove|9 dieci|10 undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove venti|20 trenta|30 quaranta|40 cinquanta|50 sessanta|60 settanta|70 ottanta|80 novanta|90 cento|100'],
  ['es', 'undécimo|11 undécima|11 duodécimo|12 duodécima|12 decimotercero|13 decimotercera|13 decimocuarto|14 decimocuarta|14 decimoquinto|15 decimoquinta|15 decimosexto|16 decimosexta|16 decimoséptimo|17 decimoséptima|17 decimoctavo|18 decimoctava|18 decimonoveno|19 decimonovena|19 vigésimo|20 vigésima|20'],
  ['de', 'elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig|20 dreißig|30 vierzig|40 fünfzig|50 sechzig|60 siebzig|70 achtzig|80 neunzig|90 hundert|100'],
];
for (const [lang, list] of LANG_LISTS) {
  const words: Record<string, number> = (LANG_NUMBER_WORDS[lang] = {});
  let teen = 11;
  for (const entry of list.split(' ')) {
    const [w, n] = entry.split('|');
    words[w!] = n ? Number(n) : teen++;
  }
}
/** Fractions and their percentages ("half" = ½ = 50%, "un tercio" = ⅓). */
const FRACTIONS: [string, number[]][] = [
  ['half halves meio meia metade medio media mitad', [0.5, 50]], ['third thirds terço terços tercio tercios', [3, 33, 33.3, 1 / 3]],
  ['quarter quarters quarto quartos cuarto cuartos', [4, 25, 0.25]], ['double dobro doble', [2]], ['triple triplo triple', [3]],
];
for (const [words, vs] of FRACTIONS) for (const w of words.split(' ')) FRACTION_WORDS.set(w, vs);

/** Roman numerals after a century, a king's or pope's name, or of two or more letters ("século XXI", "XX"). */
function romanValue(r: string): number | null {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < r.length; i++) {
    const a = v[r[i]!]!;
    const b = v[r[i + 1] ?? ''] ?? 0;
    total += a < b ? -a : a;
  }
  return total > 0 && total < 4000 ? total : null;
}

function wordValues(text: string, lang: string): number[] {
  const out: number[] = SPELLED_TIMES.filter(([re]) => re.test(text)).map(([, v]) => v);
  if (lang === 'en') out.push(...englishNumberValues(text));
  const own = LANG_NUMBER_WORDS[lang];
  for (const m of text.toLowerCase().matchAll(/\p{L}+(?:-\p{L}+)?/gu)) {
    for (const w of m[0].includes('-') ? [m[0], ...m[0].split('-')] : [m[0]]) {
      const n = NUMBER_WORDS[w] ?? own?.[w];
      if (n !== undefined) out.push(n);
      const f = FRACTION_WORDS.get(w);
      if (f) out.push(...f);
    }
  }
  for (const m of text.matchAll(/(?<![\p{L}])[IVXLCDM]{2,}(?![\p{L}])|(?<=(?:s[ée]culo|siglo|century|Papa|Pope|rei|rey|king)\s+)[IVXLCDM]+(?![\p{L}])/gu)) {
    const v = romanValue(m[0]);
    if (v !== null) out.push(v);
  }
  // Decades and abbreviated years: "anos 80" = "1980s" = "'80s", "década de 1990" = "the '90s".
  for (const m of text.matchAll(/(?<![\d.,])(1[89]|20)(\d0)s\b|['’](\d0)s\b|(?:anos|años|anii|anilor|década de|decade of the)\s*['’]?\s*(?:de\s+)?(?:19|20)?(\d0)\b/gu)) {
    const d = Number(m[2] ?? m[3] ?? m[4]);
    out.push(d, 1900 + d, 2000 + d);
  }
  out.push(...monthValues(asciiDigits(text), lang));
  if (CJK_TEXT.test(text)) {
    for (const m of text.matchAll(CJK_NUMERAL)) {
      const v = cjkValue(m[0]);
      if (v !== null) out.push(v);
    }
    // 成 counts tenths: "七成" is 70 percent, "近四成" nearly 40%.
    for (const m of text.matchAll(/(?<![\d一二三四五六七八九十两])([一二三四五六七八九两]|\d)成/gu)) out.push(10 * (cjkValue(m[1]!) ?? Number(m[1])));
  }
  return out;
}

/**
 * Source numbers a translation may leave out: the day in the source press's "martes (12)" style (English
 * writes "on Tuesday"), and the dates and times of metadata at the very start of an article ("Publicado el
 * 2 de mayo de 2024", "Atualizado há 2 horas", "2024-05-02T09:30:00Z"), which is no text to translate.
 */
const WEEKDAY_DAY = new RegExp(`(?<![\\p{L}])(?:${WEEKDAYS})(?:-feira)?\\s*\\((\\d{1,2})\\)`, 'giu');
const DATE_OR_TIME = String.raw`(?:\d{4}-\d{1,2}-\d{1,2}(?:T\d{1,2}:\d{2}(?::\d{2})?Z?)?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\s+(?:de\s+)?\p{L}+\.?\s+(?:de\s+|,\s*)?\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[:h]\d{2}(?:\s*h)?|(?:há|hace|il y a|vor)\s+\d+\s+\p{L}+|\d+\s+\p{L}+\s+ago|(?:tempo de leitura|tiempo de lectura|reading time|temps de lecture|lesezeit)\s*:?\s*\d+\s*min\.?)`;
const LEADING_METADATA = new RegExp(
  String.raw`^\s*(?:\p{Lu}[\p{L}.' -]{1,40},\s+\d{1,2}\s+\p{L}{3,}\.?(?:\s+\([\p{L} ]+\))?|(?:(?:publicad[oa]|atualizad[oa]|actualizad[oa]|publié|mis à jour|veröffentlicht|aktualisiert|updated|published|posted|date|data|fecha|em|el|le|am|on|a las|às|à|um|at|[|,:;–—-])\s*)*` +
    String.raw`${DATE_OR_TIME}(?:\s*(?:[|,:;–—-]|a las|às|à|um|at|gmt|utc|brt|cet)?\s*${DATE_OR_TIME})*(?:\s*(?:gmt|utc|brt|cet))?)`,
  'iu',
);

/** A line that is only metadata: a label and a date or time ("Updated 2 hours ago", "Published on 2024-05-02"). */
export function isMetadataLine(text: string): boolean {
  const m = LEADING_METADATA.exec(text);
  return m !== null && /^[\s.:;,)]*$/.test(text.slice(m[0].length));
}

/** "24 heures sur 24", "7 giorni su 7", "24 Stunden pro 24": all the time, "around the clock" in English. */
const ROUND_THE_CLOCK = /(?<![\d.,])(\d{1,2})\s+\p{L}+\s+(?:sur|su|par|pro|auf|de|di|por|al)\s+\1(?![\d.,]?\d)/giu;

/**
 * A day of the month alone in Chinese or Japanese news ("北京4日", "3日已取消"), which English writes as the
 * weekday ("on Friday"): not after a month ("12月4日" is a date to keep) nor a number ("20日" of "10至20日").
 */
const CJK_BARE_DAY = /(?<![\d月至到~～-]\s*)(\d{1,2})日/gu;
const EN_WEEKDAY = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;

function optionalSourceNumbers(pieces: readonly Piece[], first: boolean, target: string): [number, number][] {
  const out: [number, number][] = [];
  const weekdayInTarget = EN_WEEKDAY.test(target);
  for (const p of pieces) {
    for (const m of p.text.matchAll(WEEKDAY_DAY)) {
      const at = p.start + (m.index ?? 0) + m[0].lastIndexOf(m[1]!);
      out.push([at, at + m[1]!.length]);
    }
    if (weekdayInTarget) {
      for (const m of p.text.matchAll(CJK_BARE_DAY)) out.push([p.start + (m.index ?? 0), p.start + (m.index ?? 0) + m[1]!.length]);
    }
    for (const m of p.text.matchAll(ROUND_THE_CLOCK)) out.push([p.start + (m.index ?? 0), p.start + (m.index ?? 0) + m[0].length]);
  }
  const head = pieces[0];
  if (first && head) {
    const m = LEADING_METADATA.exec(head.text);
    if (m) out.push([head.start, head.start + m[0].length]);
  }
  return out;
}

/** Is the number in the text as it is, not inside a longer run of digits ("05.2017" in "16.05.2017", not in "105.2017")? */
function verbatimIn(text: string, number: string): boolean {
  for (let at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + 1)) {
    if (!/\d/.test(text[at - 1] ?? '') && !/\d/.test(text[at + number.length] ?? '')) return true;
  }
  return false;
}

export interface NumberAnalysis {
  /** Target numbers the source does not have. */
  changed: NumToken[];
  /** Target numbers in the source locale's format, with the fix. */
  misformatted: { token: NumToken; fixed: string }[];
  /** Source numbers the translation lacks (source offsets), but for those a changed number stands for. */
  missing: NumToken[];
  /** For a changed target number, the lost source numbers it stands for ("231" written "213"). */
  changedFrom: Map<NumToken, NumToken[]>;
}

const cache = new Map<string, NumberAnalysis>();
/**
 * Three checks read each segment's analysis, each over every segment in turn: a book has more segments
 * than `cache` keeps, so the analysis is also kept with the segment itself (one context's segments).
 */
const bySegment = new WeakMap<SegmentView, NumberAnalysis>();

export function analyseNumbers(ctx: CheckContext, seg: SegmentView): NumberAnalysis {
  const own = bySegment.get(seg);
  if (own) return own;
  const result = analyse(ctx, seg);
  bySegment.set(seg, result);
  return result;
}

/**
 * Chinese reports weigh grain and produce in jin (斤, half a kilogram) where English writes kilograms or
 * tonnes ("14317亿斤" → "715.85 million tonnes"): a source number before 斤 also stands for those.
 */
function addJinConversions(src: { start: number; end: number; values: number[] }[], pieces: readonly Piece[]): void {
  for (const t of src) {
    const p = pieces.find((q) => t.end >= q.start && t.end <= q.start + q.text.length);
    if (!p || !/^[万亿千百十]*多?(?:公)?斤/u.test(p.text.slice(t.end - p.start, t.end - p.start + 4))) continue;
    if (p.text.slice(t.end - p.start).match(/^[万亿千百十]*多?公斤/u)) continue; // 公斤 is a kilogram already
    t.values = [...t.values, ...t.values.flatMap((v) => [v / 2, v / 2000])];
  }
}

function analyse(ctx: CheckContext, seg: SegmentView): NumberAnalysis {
  const cacheKey = `${ctx.sourceLang}\u0000${ctx.targetLang}\u0000${seg.sourceStart}\u0000${seg.targetStart}\u0000${seg.source}\u0000${seg.target}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const srcComma = decimalComma(ctx.sourceLang);
  const tgtComma = decimalComma(ctx.targetLang);
  const pieces = sourcePieces(ctx, seg);
  const src = pieces.flatMap((p) => extract(p, srcComma, true));
  const tgt = extract({ text: seg.target, start: seg.targetStart }, tgtComma, false);
  const result: NumberAnalysis = { changed: [], misformatted: [], missing: [], changedFrom: new Map() };
  if (src.length === 0 && tgt.length === 0) return result;

  // A source number that does not fit its own convention ("21.00" in Spanish) is read in the other one.
  // It may also be a list ("[1,1]"): then its digits count one by one.
  for (const t of src) if (t.values.length === 0) t.values = [...t.otherValues, ...(t.runs ?? [])];
  addJinConversions(src, pieces);
  const srcValues = new Set(src.flatMap((t) => t.values).map(key));
  for (const v of wordValues(seg.source, primaryLang(ctx.sourceLang))) srcValues.add(v);
  const tgtValues = new Set(tgt.flatMap((t) => [...t.values, ...t.otherValues]).map(key));
  for (const v of wordValues(seg.target, primaryLang(ctx.targetLang))) tgtValues.add(v);
  if (primaryLang(ctx.targetLang) === 'en' && CJK_TEXT.test(seg.source)) for (const v of bareMonthKeys(seg.target)) tgtValues.add(v);

  // An ISO date ("date 2024-03-13") whose day the source has ("13 mar", "13 de março") is the same
  // date written another way: its year and month digits are not numbers the translation added.
  const isoDateParts = new Set<number>();
  for (const m of seg.target.matchAll(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g)) {
    if (!srcValues.has(key(Number(m[3])))) continue;
    const at = seg.targetStart + (m.index ?? 0);
    isoDateParts.add(at);
    isoDateParts.add(at + m[1]!.length + 1);
  }
  const sourceText = pieces.map((p) => p.text).join('\n');
  for (const t of tgt) {
    if (isoDateParts.has(t.start)) continue;
    if (t.values.some((v) => srcValues.has(key(v)))) continue;
    const sameConvention = primaryLang(ctx.sourceLang) === primaryLang(ctx.targetLang) || srcComma === tgtComma;
    const otherMatches = t.otherValues.some((v) => srcValues.has(key(v)));
    if (t.runs?.length && t.runs.every((v) => srcValues.has(key(v))) && (sameConvention || !otherMatches)) continue;
    if (!sameConvention && t.otherValues.some((v) => srcValues.has(key(v))) && /[.,]/.test(t.text)) {
      result.misformatted.push({ token: t, fixed: t.text.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')) });
    } else if (/[.,]/.test(t.text) && verbatimIn(sourceText, t.text)) {
      // Digits the source has as they are, inside a longer group ("05.2017" of the date "16.05.2017"
      // written "16 05.2017"): regrouped, not changed; its digit runs stand for the source's.
      for (const run of t.text.split(/[.,]/)) tgtValues.add(key(Number(run)));
    } else if (!isConversionGloss(seg.target, t.start - seg.targetStart, t.end - seg.targetStart)) result.changed.push(t);
  }
  const optional = optionalSourceNumbers(pieces, seg.first, seg.target);
  for (const s of src) {
    if (optional.some(([a, b]) => s.start >= a && s.end <= b)) continue;
    if (!s.values.some((v) => tgtValues.has(key(v)))) result.missing.push(s);
  }
  const paired = pairNumbers(result.changed, result.missing);
  result.missing = paired.unpaired;
  result.changedFrom = paired.partners;

  if (cache.size > 2000) cache.clear();
  cache.set(cacheKey, result);
  return result;
}

export const numbersChanged: CheckDefinition = {
  id: 'qa.numbers',
  category: 'Accuracy/Mistranslation',
  severity: 'major',
  scope: 'segment',
  run(ctx, seg) {
    if (!seg || !seg.target || !seg.source) return [];
    const { changed, changedFrom } = analyseNumbers(ctx, seg);
    return changed.map((t): RawFinding => {
      const from = changedFrom.get(t);
      const message = from ? qaMessage('numberChangedFrom', { number: t.text, source: from.map((s) => s.text).join(', ') }) : qaMessage('numberNotInSource', { number: t.text });
      return { start: t.start, end: t.end, message };
    });
  },
};

export const numbersMissing: CheckDefinition = {
  id: 'qa.numbers-missing',
  category: 'Accuracy/Omission',
  severity: 'major',
  scope: 'segment',
  run(ctx, seg) {
    if (!seg || !seg.target || !seg.source) return [];
    return analyseNumbers(ctx, seg).missing.map(
      (t): RawFinding => ({ side: 'source', start: t.start, end: t.end, message: qaMessage('numberMissing', { number: t.text }) }),
    );
  },
};

/**
 * The contract's MQM list has no "Locale convention/Number format"; a wrong separator is reported as
 * punctuation (it is one), major because "1.250 people" reads as one and a quarter to an English reader.
 */
export const numberFormat: CheckDefinition = {
  id: 'qa.number-format',
  category: 'Fluency/Punctuation',
  severity: 'major',
  scope: 'segment',
  run(ctx, seg) {
    if (!seg || !seg.target || !seg.source) return [];
    return analyseNumbers(ctx, seg).misformatted.map(
      ({ token, fixed }): RawFinding => ({
        start: token.start,
        end: token.end,
        message: qaMessage('numberFormat', { number: token.text, fixed }),
        fixes: [replaceFix(token.start, token.end, fixed)],
      }),
    );
  },
};

/**
 * Number readings the digit scanner in numbers.ts cannot make on its own: Chinese/Japanese numerals
 * ("两台" = 2, "百公斤" = 100, "一千二百" = 1200, "二〇二六" = 2026), full-width digits ("１０"), CJK clock
 * times ("10时12分", "下午三点半") and month names next to a day or year ("November 6", "Nov. 6",
 * "13 de março"), which stand for the month number the other side may write as digits ("11月", "13/03").
 */

const NON_ASCII_DIGIT = /[\uff0e\uff1a\u066b\u066c]|(?![0-9])\p{Nd}/gu;

/** The zero of a decimal digit's script: Unicode lays each script's digits 0–9 out in a row. */
function digitValue(code: number): number {
  let zero = code;
  while (zero > code - 9 && /\p{Nd}/u.test(String.fromCharCode(zero - 1))) zero--;
  return code - zero;
}

/**
 * Digits of every script as ASCII (full-width "１０", Eastern Arabic "١٢٫٨", Persian "۱۲", Devanagari "१२"),
 * and their separators (Arabic decimal "٫" and thousands "٬", full-width "．" "："), one code unit for one
 * so offsets do not move. Digits outside the BMP (two code units) are left as they are.
 */
export function asciiDigits(text: string): string {
  return text.replace(NON_ASCII_DIGIT, (c) => {
    if (c === '\u066b') return '.';
    if (c === '\u066c') return ',';
    const code = c.charCodeAt(0);
    if (c.length > 1) return c;
    if (code >= 0xff0e && code <= 0xff1a && !(code >= 0xff10 && code <= 0xff19)) return String.fromCharCode(code - 0xfee0);
    return String(digitValue(code));
  });
}

const CJK_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CJK_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CJK_BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const CJK_CLASS = '〇零一二两兩三四五六七八九十拾百佰千仟万萬亿億';
export const CJK_NUMERAL = new RegExp(`[${CJK_CLASS}]+`, 'g');

/** Value of a run of CJK numerals; digit strings without units read positionally ("二〇二六" = 2026). */
export function cjkValue(run: string): number | null {
  const chars = [...run];
  if (chars.length > 1 && chars.every((c) => c in CJK_DIGITS) && !chars.includes('两')) {
    return Number(chars.map((c) => CJK_DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of chars) {
    if (c in CJK_DIGITS) digit = CJK_DIGITS[c]!;
    else if (c in CJK_UNITS) {
      section += (digit ?? 1) * CJK_UNITS[c]!;
      digit = null;
    } else if (c in CJK_BIG) {
      const big = CJK_BIG[c]!;
      // "一亿五千万": a smaller big unit after a larger one adds; "万亿" multiplies.
      if (section + (digit ?? 0) === 0 && total > 0) total *= big;
      else total += (section + (digit ?? (section === 0 ? 1 : 0))) * big;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/**
 * A CJK numeral run a reader would miss if the translation dropped it: a value above ten (0–10 are
 * words like "one", and 一 is in 一些, 一直, 统一…), not an idiom (千万 "by all means", 万一 "in case"),
 * not the denominator of a fraction or percentage (三分之一, 百分之五十).
 */
export function cjkReportable(run: string, value: number, after: string, before = ''): boolean {
  if (value <= 10 || /^分之/.test(after)) return false;
  // A vague quantity: 数百 "hundreds", 几千 "several thousand", 上万, 成千上万, 数以万计, 好几百, 数十亿.
  if (/(?:数|几|上|成|好几|数以|若干)$/.test(before) || /^(?:计|之多)/.test(after)) return false;
  // A magnitude alone (万, 千亿, 百万) is a number only before a counter or unit ("百公斤", "万人"); otherwise
  // it is part of an ordinary word or idiom: 万物, 百姓, 千里, 万岁, 百货, 千军万马.
  if (![...run].some((c) => c in CJK_DIGITS) && !COUNTER.test(after)) return false;
  return !/^(?:千万|万万|千千万万|万一|一一|十分|百般|千方百计|万分)$/.test(run);
}

/** Counters and units that follow a number ("万人", "百公斤", "千米"), and 多/余 "more than". */
const COUNTER = /^(?:多|余|来|个|人|名|位|只|头|条|件|次|年|月|天|日|岁|元|块|美元|英镑|欧元|公里|千米|米|公斤|千克|克|吨|英里|英尺|英寸|颗|种|家|所|座|辆|台|架|本|页|份|部|项|倍|度|%|％|秒|分钟|小时|周|平方|立方|户|亩|公顷|升|毫升|光年|纳秒)/;

/** Scale words after digits: "3万" = 30,000, "1.5亿" = 150 million. */
export const CJK_SCALES: [RegExp, number][] = [
  [/^\s*(?:万亿|兆)/, 1e12],
  [/^\s*(?:亿|億)/, 1e8],
  [/^\s*千万/, 1e7],
  [/^\s*百万/, 1e6],
  [/^\s*(?:万|萬)/, 1e4],
  [/^\s*千/, 1e3],
];

const CJK_HOUR = `\\d{1,2}|[${'〇零一二两兩三四五六七八九十'}]{1,3}`;
/** "10时12分", "下午3点", "午後３時半", "十时十二分". */
const CJK_TIME = new RegExp(`(上午|早上|凌晨|午前|下午|晚上|傍晚|午後|夜)?\\s?(${CJK_HOUR})\\s?[时時点點](?:\\s?(${CJK_HOUR}|\\d{2})\\s?分|(半))?`, 'gu');

const readCjk = (s: string) => (/^\d+$/.test(s) ? Number(s) : cjkValue(s));

export interface ClockReading {
  start: number;
  end: number;
  hour: number;
  minute: number;
  /** "10时" with no minutes may also be the plain number 10. */
  bare: boolean;
}

export function cjkTimes(text: string): ClockReading[] {
  const out: ClockReading[] = [];
  for (const m of text.matchAll(CJK_TIME)) {
    let hour = readCjk(m[2]!);
    const minute = m[4] ? 30 : m[3] ? readCjk(m[3]) : 0;
    if (hour === null || minute === null || hour > 24 || minute > 59) continue;
    // A bare "一点", "两点" without minutes, 钟 or a part of the day is mostly "a little", "two points".
    const bareCjk = !m[1] && !m[3] && !m[4] && !/^\d/.test(m[2]!);
    if (bareCjk && !/^[钟鐘]/.test(text.slice((m.index ?? 0) + m[0].length))) continue;
    if (m[1] && /下午|晚上|傍晚|午後|夜/.test(m[1]) && hour < 12) hour += 12;
    const at = (m.index ?? 0) + (m[1]?.length ?? 0);
    out.push({ start: at, end: (m.index ?? 0) + m[0].length, hour, minute, bare: !m[3] && !m[4] && !m[1] });
  }
  return out;
}

/** Month names by language, with their usual abbreviations (lower case; English is matched capitalised). */
const MONTHS: Record<string, string[]> = {
  en: ['january|jan', 'february|feb', 'march|mar', 'april|apr', 'may', 'june|jun', 'july|jul', 'august|aug', 'september|sept|sep', 'october|oct', 'november|nov', 'december|dec'],
  pt: ['janeiro|jan', 'fevereiro|fev', 'março|mar', 'abril|abr', 'maio|mai', 'junho|jun', 'julho|jul', 'agosto|ago', 'setembro|set', 'outubro|out', 'novembro|nov', 'dezembro|dez'],
  es: ['enero|ene', 'febrero|feb', 'marzo|mar', 'abril|abr', 'mayo|may', 'junio|jun', 'julio|jul', 'agosto|ago', 'septiembre|setiembre|sept|sep', 'octubre|oct', 'noviembre|nov', 'diciembre|dic'],
  fr: ['janvier|janv', 'février|févr', 'mars', 'avril|avr', 'mai', 'juin', 'juillet|juil', 'août', 'septembre|sept', 'octobre|oct', 'novembre|nov', 'décembre|déc'],
  de: ['januar|jan', 'februar|feb', 'märz|mär', 'april|apr', 'mai', 'juni|jun', 'juli|jul', 'august|aug', 'september|sept|sep', 'oktober|okt', 'november|nov', 'dezember|dez'],
  it: ['gennaio|gen', 'febbraio|feb', 'marzo|mar', 'aprile|apr', 'maggio|mag', 'giugno|giu', 'luglio|lug', 'agosto|ago', 'settembre|set', 'ottobre|ott', 'novembre|nov', 'dicembre|dic'],
};

const monthPatterns = new Map<string, { re: RegExp; index: Map<string, number> }>();

function monthPattern(lang: string) {
  const hit = monthPatterns.get(lang);
  if (hit) return hit;
  const list = MONTHS[lang] ?? MONTHS.en!;
  const index = new Map<string, number>();
  list.forEach((names, i) => names.split('|').forEach((n) => index.set(n, i + 1)));
  const names = [...index.keys()].sort((a, b) => b.length - a.length).join('|');
  // English capitalises month names, and "may", "march" are also common words: only "May" counts.
  const name = lang === 'en' ? `(?:${names.replace(/(^|\|)(\p{L})/gu, (_, b: string, c: string) => `${b}${c.toUpperCase()}`)})` : `(?:${names})`;
  // A month name counts only next to a day or a year: "Nov. 6", "6 November", "13 de março", "março de 2024".
  const re = new RegExp(
    `(?<![\\p{L}])(?:(${name})\\.?,?\\s+(?:de\\s+|del\\s+)?(?=\\d)|(?<=\\d\\.?\\s*(?:de\\s+)?)(${name})(?![\\p{L}]))`,
    lang === 'en' ? 'gu' : 'giu',
  );
  const entry = { re, index };
  monthPatterns.set(lang, entry);
  return entry;
}

/** Month numbers written as names in a text ("Nov. 6" → 11), for a primary language subtag. */
export function monthValues(text: string, lang: string): number[] {
  const { re, index } = monthPattern(lang);
  const out: number[] = [];
  for (const m of text.matchAll(re)) {
    const n = index.get((m[1] ?? m[2] ?? '').toLowerCase());
    if (n !== undefined) out.push(n);
  }
  return out;
}

/** A month number no plain number takes: the source's "9月" and the translation's "September" meet here. */
export const monthKey = (n: number) => -(10000 + n);

/** "9月底", "11月份", "明年6月", the "1" of "1至6月": a month number before 月 (not "3个月", three months). */
export const CJK_MONTH_AFTER = /^\s?(?:[至到~～—–-]\s?\d{1,2}\s?)?月/;

/**
 * English month names anywhere in a translation, as month keys: a Chinese source's month stands alone
 * ("截至9月底" = "by the end of September"), so its English name need not stand next to a day. Only
 * capitalised names count, so the verb "may" and "march" are not months.
 */
export function bareMonthKeys(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<![\p{L}])(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)/gu)) {
    const n = MONTHS.en!.findIndex((names) => names.split('|').includes(m[1]!.replace('.', '').toLowerCase()));
    if (n >= 0) out.push(monthKey(n + 1));
  }
  return out;
}


/**
 * The article's own date (from its dateline) and the calendar arithmetic behind the date-style fixes:
 * "this Wednesday (20)" becomes "Wednesday, December 20" once we know which month the article is from.
 */
export interface SimpleDate {
  year: number;
  month: number;
  day: number;
}

export const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Month names and abbreviations in the source languages we read datelines in (pt, es, en, fr, it). */
const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['janeiro', 'enero', 'january', 'janvier', 'gennaio', 'jan', 'ene', 'janv', 'gen'],
  ['fevereiro', 'febrero', 'february', 'février', 'febbraio', 'fev', 'feb', 'févr'],
  ['março', 'marzo', 'march', 'mars', 'mar'],
  ['abril', 'april', 'avril', 'aprile', 'abr', 'apr', 'avr'],
  ['maio', 'mayo', 'may', 'mai', 'maggio', 'mag'],
  ['junho', 'junio', 'june', 'juin', 'giugno', 'jun', 'giu'],
  ['julho', 'julio', 'july', 'juillet', 'luglio', 'jul', 'juil', 'lug'],
  ['agosto', 'august', 'août', 'ago', 'aug'],
  ['setembro', 'septiembre', 'september', 'septembre', 'settembre', 'set', 'sep', 'sept'],
  ['outubro', 'octubre', 'october', 'octobre', 'ottobre', 'out', 'oct', 'ott'],
  ['novembro', 'noviembre', 'november', 'novembre', 'nov'],
  ['dezembro', 'diciembre', 'december', 'décembre', 'dicembre', 'dez', 'dic', 'dec', 'déc'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const WEEKDAYS: Record<string, number> = {};
EN_WEEKDAYS.forEach((d, i) => (WEEKDAYS[d.toLowerCase()] = i));

function valid(d: SimpleDate): boolean {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return t.getUTCFullYear() === d.year && t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day;
}

export function weekdayOf(d: SimpleDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

function dayNumber(d: SimpleDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
}

const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:º|°)?\s+(?:de\s+)?(\p{L}+)\.?(?:,?\s+(?:de\s+)?(\d{4}))?/iu;
const MONTH_DAY_YEAR = /\b(\p{L}+)\.?\s+(\d{1,2})(?:,\s*(\d{4}))?\b/u;

/** A weekday with its day number as the source press writes it: "Wednesday (20)", "quarta-feira (20)". */
const WEEKDAY_DAY = /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\s*\((\d{1,2})\)/gi;

function fromHead(head: string): Partial<SimpleDate> | null {
  const iso = ISO.exec(head);
  if (iso) {
    const d = { year: +iso[1]!, month: +iso[2]!, day: +iso[3]! };
    if (valid(d)) return d;
  }
  const dmy = DAY_MONTH_YEAR.exec(head);
  if (dmy && MONTHS[dmy[2]!.toLowerCase()]) {
    return { day: +dmy[1]!, month: MONTHS[dmy[2]!.toLowerCase()]!, year: dmy[3] ? +dmy[3] : undefined };
  }
  for (const m of head.matchAll(new RegExp(MONTH_DAY_YEAR, 'gu'))) {
    const month = MONTHS[m[1]!.toLowerCase()];
    // "may" and "mar" are words too: only a capitalised month counts here.
    if (month && /^\p{Lu}/u.test(m[1]!)) return { day: +m[2]!, month, year: m[3] ? +m[3] : undefined };
  }
  return null;
}

/**
 * The article's date: an ISO date or "date 2023-12-20" dateline, "13 de março de 2024", "Cairo, 20 dez
 * (EFE)" or "CAIRO, Dec 20" in the first line of the translation or the source. Without a year, the year
 * is the one (nearest `now`, not after it) in which the article's "Weekday (N)" mentions fall on their
 * weekdays; failing that, `now`'s year.
 */
export function documentDate(source: string, target: string, now: Date = new Date()): SimpleDate | undefined {
  const firstLine = (t: string) => t.replace(/^\s+/, '').split('\n', 1)[0]!.slice(0, 300);
  const found = fromHead(firstLine(target)) ?? fromHead(firstLine(source));
  if (!found || !found.month || !found.day) return undefined;
  if (found.year) return valid(found as SimpleDate) ? (found as SimpleDate) : undefined;
  const mentions = [...target.slice(0, 20_000).matchAll(WEEKDAY_DAY)].map((m) => ({ weekday: WEEKDAYS[m[1]!.toLowerCase()]!, day: +m[2]! }));
  const thisYear = now.getUTCFullYear();
  for (let year = thisYear; year > thisYear - 28; year--) {
    const d = { year, month: found.month, day: found.day };
    if (!valid(d)) continue;
    if (dayNumber(d) > dayNumber({ year: thisYear, month: now.getUTCMonth() + 1, day: now.getUTCDate() }) + 31) continue;
    if (mentions.length === 0) return d;
    // A news article's "Weekday (N)" mentions are within days of its dateline, in that year's calendar.
    const fits = (m: { weekday: number; day: number }) => {
      const r = resolveWeekdayDay(d, m.weekday, m.day);
      return !!r && r.exact && Math.abs(dayNumber(r.date) - dayNumber(d)) <= 10;
    };
    if (mentions.every(fits)) return d;
  }
  const d = { year: thisYear, month: found.month, day: found.day };
  return valid(d) ? d : undefined;
}

/**
 * The date with day-of-month `day` nearest the document date (previous, same or next month), preferring
 * one that falls on `weekday` (0 = Sunday). `exact` says whether the weekday agreed.
 */
export function resolveWeekdayDay(doc: SimpleDate, weekday: number, day: number): { date: SimpleDate; exact: boolean } | undefined {
  const candidates: SimpleDate[] = [];
  for (const delta of [-1, 0, 1]) {
    let month = doc.month + delta;
    let year = doc.year;
    if (month < 1) {
      month = 12;
      year--;
    }
    if (month > 12) {
      month = 1;
      year++;
    }
    const d = { year, month, day };
    if (valid(d)) candidates.push(d);
  }
  if (!candidates.length) return undefined;
  const dist = (d: SimpleDate) => Math.abs(dayNumber(d) - dayNumber(doc));
  const exact = candidates.filter((d) => weekdayOf(d) === weekday).sort((a, b) => dist(a) - dist(b));
  if (exact.length) return { date: exact[0]!, exact: true };
  return { date: candidates.sort((a, b) => dist(a) - dist(b))[0]!, exact: false };
}

/** "Wednesday, December 20" for "Wednesday" + 20 in the month the document date implies. */
export function weekdayDateText(doc: SimpleDate, weekdayName: string, day: number): string | undefined {
  const w = WEEKDAYS[weekdayName.toLowerCase()];
  if (w === undefined) return undefined;
  const r = resolveWeekdayDay(doc, w, day);
  if (!r) return undefined;
  return `${EN_WEEKDAYS[w]}, ${EN_MONTHS[r.date.month - 1]} ${r.date.day}`;
}

/** "December 20" for day 20, month 12 (a day-first numeric date written out unambiguously). */
export function monthDayText(day: number, month: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${EN_MONTHS[month - 1]} ${day}`;
}

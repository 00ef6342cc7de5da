/**
 * Clock times in a text, for the number comparison of numbers.ts: each read as one hour/minute value
 * (never a plain number's value) and, where a reader may also take it as a plain number, that one too.
 */
import { cjkTimes } from './numerals.js';

/** A time as a value no plain number takes (numbers read here are never negative). */
export const timeValue = (h: number, m: number) => -(1 + (h % 24) * 60 + m);

export const WEEKDAYS = 'lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|segunda|ter[çc]a|quarta|quinta|sexta';
/** "16h", "10h30", "8 h 15": hour with "h" (pt, es, fr). */
const H_TIME = /(?<![\d.,:])(\d{1,2})\s?h\s?(\d{2})?(?![\p{L}\d])/gu;
/** A lead or a time in minutes and seconds: "1 min 6 s", "2 min 30 sec", written "1:06" in English. */
const MIN_SEC = /(?<![\d.,:])(\d{1,3})\s?(?:min|mn|minutes?|minutos?|minuti)\.?\s?(\d{1,2})\s?(?:s|sec|secs|secondes?|segundos?|secondi|Sekunden)(?![\p{L}])/giu;
/** "18:45", and "10.30" where its context makes it a time. */
const SEP_TIME = /(?<![\d.,:])(\d{1,2})([.:])(\d{2})(?![\d.,:]?\d)/g;
const TIME_BEFORE = /(?:(?<![\p{L}])(?:às|as|das|pelas|at[ée] as|a la|a las|de las|desde las|hasta las|entre las|sobre las|hacia las|tras las|à|vers|alle|dalle|verso le|fino alle|entro le|ore|um|gegen|ab|at|by|until|from)\s+)$/iu;
const TIME_AFTER = new RegExp(
  `^\\s?(?:h(?![\\p{L}])|hs\\b|hrs?\\b|hours|horas|heures|uhr|o'clock|(?:hora|horário) local|(?:de la|da|de|del|do|in the) (?:mañana|manhã|tarde|noche|noite|madrugada|morning|afternoon|evening)|(?:del?|do|da|on) (?:${WEEKDAYS}))`,
  'iu',
);
/** English 12-hour times: "4 p.m.", "8:45 pm", "10.30am", "7 in the evening" (the full stop after "pm" ends the sentence). */
const EN_12H = /(?<![\d.,:])(\d{1,2})(?:[:.](\d{2}))?\s?(?:([ap])(?:\.\s?m\b\.?|\s?m\b)|(?:o'clock\s+)?in the (morning|afternoon|evening)|(?:o'clock\s+)?at (night))/giu;
export const SPELLED_TIMES: [RegExp, number][] = [
  [/(?<![\p{L}])(?:noon|midday|meio-dia|mediod[íi]a|midi|mittag)(?![\p{L}])/iu, timeValue(12, 0)],
  [/(?<![\p{L}])(?:midnight|meia-noite|medianoche|minuit|mitternacht)(?![\p{L}])/iu, timeValue(0, 0)],
];

export const CJK_TEXT = /[\u3040-\u30ff\u3400-\u9fff]/u;

/** Times in a text: their spans and values. The 24-hour forms a reader of the translation may mean either way. */
export function times(text: string, source: boolean): { start: number; end: number; values: number[] }[] {
  const out: { start: number; end: number; values: number[] }[] = [];
  const add = (at: number, len: number, values: number[]) => {
    if (!out.some((t) => at < t.end && t.start < at + len)) out.push({ start: at, end: at + len, values });
  };
  for (const m of text.matchAll(EN_12H)) {
    const h = Number(m[1]);
    const min = Number(m[2] ?? 0);
    if (h < 1 || h > 12 || min > 59) continue;
    const pm = (m[3] ?? '').toLowerCase() === 'p' || /afternoon|evening|night/i.test(m[4] ?? m[5] ?? '');
    const hour = (h % 12) + (pm ? 12 : 0);
    // "6 pm" is the source's "18 heures", "alle 18", "de 10 a 18 horas": a bare hour on the 24-hour clock.
    add(m.index ?? 0, m[0].length, [timeValue(hour, min), ...(min === 0 ? [hour] : [])]);
  }
  for (const m of text.matchAll(MIN_SEC)) {
    const min = Number(m[1]);
    const sec = Number(m[2]);
    // Read as the clock value "1:06" would have, and as its plain numbers ("1 minute 6 seconds").
    if (sec <= 59) add(m.index ?? 0, m[0].length, [...(min < 24 ? [timeValue(min, sec)] : []), min, sec]);
  }
  for (const m of text.matchAll(H_TIME)) {
    const h = Number(m[1]);
    const min = Number(m[2] ?? 0);
    if (h > 24 || min > 59) continue;
    // "2 h 30 min", "1h15" are also durations: "2 hours 30 minutes" has the plain numbers.
    add(m.index ?? 0, m[0].length, [timeValue(h, min), h, ...(m[2] ? [min] : [])]);
  }
  for (const m of text.matchAll(SEP_TIME)) {
    const h = Number(m[1]);
    const min = Number(m[3]);
    const at = m.index ?? 0;
    if (h > 24 || min > 59) continue;
    // "10.30" is a time only in context; "18:45" always is.
    const after = text.slice(at + m[0].length, at + m[0].length + 24);
    if (/^\s?%/.test(after)) continue;
    if (m[2] === '.') {
      const inContext = TIME_BEFORE.test(text.slice(Math.max(0, at - 16), at)) || TIME_AFTER.test(after);
      // A translation that keeps the source's "at 20.45", "9.30 o'clock" writes a time, or a decimal: both readings.
      if (!source && inContext) add(at, m[0].length, [timeValue(h, min), ...(h <= 12 ? [timeValue(h + 12, min)] : []), h + min / 100]);
      // "21.30", "20.00" in a source without context: a time or a decimal, so both readings.
      else if (source && !inContext && (h >= 13 || m[3] === '00' || m[3] === '30')) add(at, m[0].length, [timeValue(h, min), h + min / 100, ...(min === 0 ? [h] : [])]);
      if (!source || !inContext) continue;
    }
    add(at, m[0].length, source || h > 12 ? [timeValue(h, min)] : [timeValue(h, min), timeValue(h + 12, min)]);
  }
  if (CJK_TEXT.test(text)) {
    for (const t of cjkTimes(text)) add(t.start, t.end - t.start, [timeValue(t.hour, t.minute), ...(t.bare ? [t.hour] : [])]);
  }
  return out;
}

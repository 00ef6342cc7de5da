/** Numbers, dates, durations and language names in the report's UI language, all through Intl. */
import { formatChrf, formatDuration, formatHter } from '../../common/metrics/article.js';
import { formatTagAccuracy, type TagAccuracy } from '../../common/metrics/tag-accuracy.js';

export interface ReportFormat {
  integer(n: number): string;
  /** A number with at most `digits` decimals (1 by default). */
  decimal(n: number, digits?: number): string;
  /** A number with exactly `digits` decimals, for columns of comparable values (HTER 0.40, not 0.4). */
  fixed(n: number, digits: number): string;
  /** A ratio 0..1 as a percentage with one decimal. */
  percent(ratio: number): string;
  date(iso: string): string;
  duration(ms: number): string;
  /** The article figures as printed everywhere (main/common/metrics/article.ts). */
  hter(score: number): string;
  chrf(chrf: number): string;
  tagAccuracy(a: TagAccuracy): string;
  language(tag: string): string;
}

export function reportFormat(lng: string, timeZone?: string): ReportFormat {
  const integer = new Intl.NumberFormat(lng, { maximumFractionDigits: 0 });
  const decimals = new Map<number, Intl.NumberFormat>();
  const fixedFormats = new Map<number, Intl.NumberFormat>();
  const percent = new Intl.NumberFormat(lng, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeStyle: 'short', ...(timeZone && { timeZone }) });
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames(lng, { type: 'language' });
  } catch {
    names = undefined;
  }
  return {
    integer: (n) => integer.format(n),
    decimal: (n, digits = 1) => {
      let f = decimals.get(digits);
      if (!f) decimals.set(digits, (f = new Intl.NumberFormat(lng, { maximumFractionDigits: digits })));
      return f.format(n);
    },
    fixed: (n, digits) => {
      let f = fixedFormats.get(digits);
      if (!f) fixedFormats.set(digits, (f = new Intl.NumberFormat(lng, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
      return f.format(n);
    },
    percent: (r) => percent.format(r),
    date: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : date.format(d);
    },
    duration: (ms) => formatDuration(ms, lng),
    hter: (score) => formatHter(score, lng),
    chrf: (chrf) => formatChrf(chrf, lng),
    tagAccuracy: (a) => formatTagAccuracy(a, lng),
    language: (tag) => {
      try {
        return names?.of(tag) ?? tag;
      } catch {
        return tag;
      }
    },
  };
}

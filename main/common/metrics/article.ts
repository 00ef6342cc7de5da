/**
 * The one definition of an article's post-edit figures, used by the metrics bar, the article list, the
 * report and `calque ter|chrf --document`:
 *  - segments are the links of the baseline (machine translation) sentences with the current sentences,
 *    paragraph by paragraph (live.ts);
 *  - article HTER = total TER edits / total reference (post-edit) words over those segments, capped at 1
 *    (TERCOM's "Total TER"), tokens as `tokenize` splits them;
 *  - article chrF = chrF2 of the segments' character n-gram statistics summed (document level, as
 *    sacrebleu's corpus chrF), never a mean of segment scores;
 *  - inline tags do not count: their display text is blanked first (main/common/tags.ts), and how well
 *    the tags came through is the separate tag-accuracy figure (tag-accuracy.ts);
 *  - printed as a percentage with one decimal (HTER) and a number with one decimal (chrF).
 */
import { blankTags } from '../tags.js';
import { chrfFromStatistics, chrfStatistics } from './chrf.js';
import { LiveMetrics, type LiveSnapshot } from './live.js';

/** Where the inline tags are in each text: the figures are computed on the text without them (tags.ts). */
export interface FigureTags {
  baseline: readonly { start: number; end: number }[];
  current: readonly { start: number; end: number }[];
}

/** The two figures of an article: HTER 0..1 and chrF 0..100. */
export interface ArticleFigures {
  hter: number;
  chrf: number;
}

/** Every segment and the totals of `final` against `baseline`. */
export function articleMetrics(baseline: string, final: string, lang: string, tags?: FigureTags): LiveSnapshot {
  return new LiveMetrics(blankTags(baseline, tags?.baseline ?? []), lang).update(blankTags(final, tags?.current ?? []));
}

/**
 * The article's figures. An unedited article (most of a project at first) is HTER 0 and chrF 100 (0
 * without any character) by the definitions above: answered without splitting and aligning it.
 */
export function articleFigures(baselineText: string, finalText: string, lang: string, tags?: FigureTags): ArticleFigures {
  const baseline = blankTags(baselineText, tags?.baseline ?? []);
  const final = blankTags(finalText, tags?.current ?? []);
  if (baseline === final) return { hter: 0, chrf: chrfFromStatistics(chrfStatistics(final, final)) };
  const { hter, chrf } = articleMetrics(baseline, final, lang).totals;
  return { hter: hter.score, chrf };
}

/**
 * The figures of successive versions of one article against one baseline (a book saved again and
 * again): the live metrics' memos keep every paragraph pair already scored, so a version re-scores only
 * what changed since the last. The same figures as `articleFigures` for each version.
 */
export class ArticleFiguresTracker {
  private readonly live: LiveMetrics;

  constructor(
    readonly baseline: string,
    readonly lang: string,
  ) {
    this.live = new LiveMetrics(baseline, lang);
  }

  figures(final: string): ArticleFigures {
    if (this.baseline === final) return articleFigures(final, final, this.lang);
    const { hter, chrf } = this.live.update(final).totals;
    return { hter: hter.score, chrf };
  }
}

/** Decimals printed for HTER as a percentage and for chrF, everywhere. */
export const HTER_PERCENT_DECIMALS = 1;
export const CHRF_DECIMALS = 1;

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(lng: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lng}\u0000${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(lng, opts)));
  return f;
}

/** HTER 0..1 as printed: "32.6%" (en), "32,6 %" (de). */
export function formatHter(score: number, lng: string): string {
  return numberFormat(lng, { style: 'percent', minimumFractionDigits: HTER_PERCENT_DECIMALS, maximumFractionDigits: HTER_PERCENT_DECIMALS }).format(score);
}

/** chrF 0..100 as printed: "75.7". */
export function formatChrf(chrf: number, lng: string): string {
  return numberFormat(lng, { minimumFractionDigits: CHRF_DECIMALS, maximumFractionDigits: CHRF_DECIMALS }).format(chrf);
}

/**
 * Editing time as printed everywhere (metrics bar, report): hours and minutes, or minutes and seconds,
 * or seconds, in the language's own unit words. Intl.DurationFormat is not in Node 20.
 */
export function formatDuration(ms: number, lng: string): string {
  const total = Math.round(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const unit = (u: 'hour' | 'minute' | 'second', n: number) => numberFormat(lng, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 0 }).format(n);
  const list = new Intl.ListFormat(lng, { type: 'unit', style: 'narrow' });
  if (h > 0) return list.format([unit('hour', h), unit('minute', m)]);
  if (m > 0) return list.format([unit('minute', m), unit('second', s)]);
  return unit('second', s);
}

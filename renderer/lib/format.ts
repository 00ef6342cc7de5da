import i18next from 'i18next';
import { formatChrf as chrfIn, formatDuration as durationIn, formatHter as hterIn } from '../../main/common/metrics/article';
import { numberIn } from './number-interpolation';
import { formatTagAccuracy as tagAccuracyIn, type TagAccuracy } from '../../main/common/metrics/tag-accuracy';

/** Numbers and percentages in the UI language (Intl), never hand-formatted. */
export function formatNumber(n: number): string {
  return numberIn(i18next.language, n);
}

export function formatPercent(ratio: number): string {
  return new Intl.NumberFormat(i18next.language, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** The article figures and editing time as the report and the CLI print them (main/common/metrics/article.ts). */
export const formatHter = (score: number) => hterIn(score, i18next.language);
export const formatChrf = (chrf: number) => chrfIn(chrf, i18next.language);
export const formatDuration = (ms: number) => durationIn(ms, i18next.language);
export const formatTagAccuracy = (a: TagAccuracy) => tagAccuracyIn(a, i18next.language);

/** A language tag's name in the UI language ("pt-BR" → "Brazilian Portuguese" / "português (Brasil)"). */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([i18next.language], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

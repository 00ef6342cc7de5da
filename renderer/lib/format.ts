import i18next from 'i18next';

/** Numbers and percentages in the UI language (Intl), never hand-formatted. */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(i18next.language).format(n);
}

export function formatPercent(ratio: number): string {
  return new Intl.NumberFormat(i18next.language, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** A language tag's name in the UI language ("pt-BR" → "Brazilian Portuguese" / "português (Brasil)"). */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([i18next.language], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

import type { FormatterModule } from 'i18next';

const cache = new Map<string, Intl.NumberFormat>();

/** A number in `lng`'s digits and grouping (Arabic-Indic digits for ar): the one number format of the UI. */
export function numberIn(lng: string | undefined, n: number): string {
  const key = lng ?? 'en';
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(key)));
  return f.format(n);
}

/**
 * i18next's formatter (with `interpolation.alwaysFormat`): every number interpolated into a UI string
 * goes through numberIn, so a count reads alike in a dialog, a counter and a banner whether or not the
 * caller formatted it first. Other values pass through as they are (no locale uses format specs).
 */
export const numberInterpolation: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value: unknown, _format: string | undefined, lng: string | undefined) => (typeof value === 'number' && Number.isFinite(value) ? numberIn(lng, value) : value) as string,
};

import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { numberIn, numberInterpolation } from '../../renderer/lib/number-interpolation';

/** The renderer's i18n options (renderer/i18n.ts) on a fresh instance, with a few strings of each language. */
async function ui(lng: string) {
  const t = i18next.createInstance();
  await t.use(numberInterpolation).init({
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false, alwaysFormat: true },
    resources: {
      en: { translation: { progress: 'Searching: {{done}} of {{total}} articles…', items_one: '{{count}} item', items_other: '{{count}} items', name: 'Article {{id}}' } },
      ar: { translation: { progress: 'جارٍ البحث: {{done}} من {{total}} مقالة…', items_one: 'عنصر {{count}}', items_few: '{{count}} عناصر', items_other: '{{count}} عنصرًا', name: 'المقالة {{id}}' } },
    },
  });
  return t;
}

describe('numbers interpolated into UI strings', () => {
  it('Arabic: every number as Intl formats it for ar (CLDR\'s digits and grouping), whether the caller formatted it or not', async () => {
    const t = await ui('ar');
    const ar = new Intl.NumberFormat('ar');
    expect(t.t('progress', { done: 12, total: 1500 })).toBe(`جارٍ البحث: ${ar.format(12)} من ${ar.format(1500)} مقالة…`);
    expect(t.t('progress', { done: numberIn('ar', 12), total: numberIn('ar', 1500) })).toBe(t.t('progress', { done: 12, total: 1500 }));
    expect(t.t('items', { count: 3 })).toBe(`${ar.format(3)} عناصر`);
  });

  it('German: the locale\'s grouping, not English', async () => {
    const t = await ui('de');
    expect(t.t('progress', { done: 12, total: 1500 })).toBe('Searching: 12 of 1.500 articles…');
  });

  it('English: grouped Latin digits; plurals still chosen from the number; text passes through', async () => {
    const t = await ui('en');
    expect(t.t('progress', { done: 12, total: 1500 })).toBe('Searching: 12 of 1,500 articles…');
    expect(t.t('items', { count: 1 })).toBe('1 item');
    expect(t.t('items', { count: 2000 })).toBe('2,000 items');
    expect(t.t('name', { id: 'a2026.txt' })).toBe('Article a2026.txt');
  });
});

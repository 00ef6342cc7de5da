/**
 * Text on the review screen's rows meets WCAG AA contrast (4.5:1 for text this size) in the light theme:
 * the segment counts (the confirmed count's green was 3.9:1), the metrics and the save state.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './served-project';
import { ui } from './locale';

const ARTICLE = 'news/flood-recife.txt';

/** The contrast ratio of each element's text colour against the first opaque background behind it. */
async function contrasts(elements: Locator): Promise<{ text: string; ratio: number }[]> {
  return elements.evaluateAll((els) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    return els.map((el) => {
      let bg = [255, 255, 255];
      for (let a: Element | null = el; a; a = a.parentElement) {
        const c = rgb(getComputedStyle(a).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] === 1)) {
          bg = c.slice(0, 3);
          break;
        }
      }
      const [hi, lo] = [luminance(rgb(getComputedStyle(el).color)), luminance(bg)].sort((x, y) => y - x);
      return { text: el.textContent ?? '', ratio: (hi! + 0.05) / (lo! + 0.05) };
    });
  });
}

for (const lng of ['en', 'ar']) {
  test(`the segment counts, the metrics and the save state are readable: contrast at least 4.5:1 (${lng})`, async ({ page, served }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    const counts = page.getByRole('list', { name: ui(lng, 'segments.counts') });
    await expect(counts.getByRole('listitem')).toHaveCount(5, { timeout: 30_000 });
    const metrics = page.getByRole('group', { name: ui(lng, 'metrics.title') });
    await expect(metrics.getByRole('term').first()).toBeVisible();
    const measured = [
      ...(await contrasts(counts.getByRole('listitem'))),
      ...(await contrasts(counts.locator('b'))),
      ...(await contrasts(metrics.getByRole('term'))),
      ...(await contrasts(metrics.getByRole('definition'))),
      ...(await contrasts(page.getByRole('toolbar', { name: ARTICLE }).getByRole('status'))),
    ];
    expect(measured.length).toBeGreaterThanOrEqual(15);
    for (const m of measured) expect(m.ratio, `"${m.text}" at ${m.ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
  });
}

import type { Page, Request } from '@playwright/test';
import { expect, test } from './served-project';
import { ui } from './locale';

const ARTICLE = 'news/flood-recife.txt';

/** Made-up words no dictionary knows, each distinct: their spelling suggestions take many check rounds. */
function unknownWords(n: number): string[] {
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, () => Array.from({ length: 9 }, () => 'bcdfghklmnprstvaeiou'[Math.floor(next() * 20)]).join(''));
}

function countApiCalls(page: Page): { calls: string[] } {
  const seen = { calls: [] as string[] };
  page.on('request', (r: Request) => {
    const m = /\/api\/(\w+)$/.exec(new URL(r.url()).pathname);
    if (m && m[1] !== 'events') seen.calls.push(m[1]!);
  });
  return seen;
}

for (const lng of ['en', 'ar']) {
  test(`an open article with nobody typing sends no requests, even while suggestions are pending (${lng})`, async ({ page, served }) => {
    const seen = countApiCalls(page);
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    await expect(page.getByRole('list', { name: ui(lng, 'problems.title') }).getByRole('listitem').first()).toBeVisible();

    // Opened and left alone: nothing is asked.
    await page.waitForTimeout(1500);
    let from = seen.calls.length;
    await page.waitForTimeout(3000);
    expect(seen.calls.slice(from)).toEqual([]);

    // Type words whose suggestions stay pending for a long time; the checks do run for them...
    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    from = seen.calls.length;
    await page.keyboard.type(` ${unknownWords(14).join(' ')}.`);
    const problems = page.getByRole('list', { name: ui(lng, 'problems.title') });
    await expect(problems.getByRole('listitem').filter({ hasText: unknownWords(14)[13]! })).toHaveCount(1);
    expect(seen.calls.slice(from)).toContain('checkArticleChanges');

    // ...and a few seconds after the last keystroke the page is quiet.
    await page.waitForTimeout(6000);
    from = seen.calls.length;
    await page.waitForTimeout(4000);
    expect(seen.calls.slice(from)).toEqual([]);
  });
}

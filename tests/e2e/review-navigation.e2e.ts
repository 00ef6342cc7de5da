import { expect, test } from './served-project';
import { ui } from './locale';

const ARTICLE = 'news/flood-recife.txt';
const selectedText = (page: import('@playwright/test').Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

for (const lng of ['en', 'ar']) {
  test(`F8 walks every problem the panel lists, into the source pane for source-side ones (${lng})`, async ({ page, served }) => {
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    const problems = page.getByRole('list', { name: ui(lng, 'problems.title') });
    await expect(problems.getByRole('listitem').first()).toBeVisible();
    const source = page.locator('.source-pane');
    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');

    // The dateline in the translation, then the source's "EFE" that the translation lacks, then back in the translation.
    await page.keyboard.press('F8');
    await expect(problems.locator('[aria-current="true"]')).toContainText('date 2024-03-13');
    await page.keyboard.press('F8');
    await expect(problems.locator('[aria-current="true"]')).toContainText('EFE');
    await expect(source).toBeFocused();
    expect(await selectedText(page)).toBe('EFE');
    await page.keyboard.press('F8');
    await expect(problems.locator('[aria-current="true"]')).toContainText('this Monday (11)');
    await expect(source).not.toBeFocused();
    await page.keyboard.press('Shift+F8');
    await expect(problems.locator('[aria-current="true"]')).toContainText('EFE');
    await expect(source).toBeFocused();
    expect(await selectedText(page)).toBe('EFE');

    // Round the whole list: F8 visits as many problems as the panel lists, each once.
    const count = await problems.getByRole('listitem').count();
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      await page.keyboard.press('F8');
      const current = problems.locator('li:has([aria-current="true"])');
      await expect(current).toHaveCount(1);
      seen.add(`${await problems.getByRole('listitem').evaluateAll((items) => items.findIndex((li) => li.querySelector('[aria-current="true"]')))}`);
    }
    expect(seen.size).toBe(count);
  });

  test(`a banner is in the current UI language and stays with its article (${lng})`, async ({ page, served }) => {
    const other = lng === 'en' ? 'ar' : 'en';
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    const problems = page.getByRole('list', { name: ui(lng, 'problems.title') });
    await problems.getByRole('listitem').filter({ hasText: '“to to”' }).getByRole('button', { name: ui(lng, 'problems.ignoreHere') }).click();
    const banner = page.locator('.banner-info');
    await expect(banner).toContainText(ui(lng, 'problems.ignoredHere', { rule: 'en.stacked-prepositions' }));
    // The language changes: so does the banner.
    await page.getByRole('button', { name: ui(lng, 'settings.title'), exact: true }).click();
    await page.getByRole('dialog').getByRole('combobox', { name: ui(lng, 'settings.language') }).selectOption(other);
    await page.getByRole('dialog').getByRole('button', { name: ui(other, 'settings.close') }).click();
    await expect(banner).toContainText(ui(other, 'problems.ignoredHere', { rule: 'en.stacked-prepositions' }));
    // Another article: the banner stayed with the first one.
    await page.getByRole('button', { name: ui(other, 'review.back') }).click();
    await expect(banner).toHaveCount(0);
    await page.getByRole('button', { name: ui(other, 'list.open', { name: 'news/inflacion-madrid.txt' }) }).click();
    await expect(page.locator('.editor-pane .monaco-editor').first()).toBeVisible();
    await expect(banner).toHaveCount(0);
  });
}

for (const lng of ['de', 'ar']) {
  test(`the counts and metrics row stays one line on a small laptop screen and never pushes the panes (${lng})`, async ({ page, served }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    const bar = page.getByRole('group', { name: ui(lng, 'metrics.title') });
    await expect(bar).toBeVisible();
    const row = page.getByRole('group', { name: ui(lng, 'changes.summary') });
    const panesTop = async () => (await page.locator('.panes').boundingBox())!.y;
    const before = await panesTop();
    expect((await bar.locator('dl').boundingBox())!.height).toBeLessThan(30); // one line of text
    // Editing fills in the counts; the panes stay where they were.
    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Recife, March 13 (EFE) - ');
    await expect(row).not.toContainText(ui(lng, 'changes.none'));
    await expect(bar).toContainText(ui(lng, 'metrics.segment', { n: 1 }));
    expect(await panesTop()).toBe(before);
    expect((await bar.locator('dl').boundingBox())!.height).toBeLessThan(30);
  });
}

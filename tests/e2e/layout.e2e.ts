import { expect, shot, test } from './served-project';
import { ui } from './locale';

const ARTICLE = 'news/flood-recife.txt';

for (const lng of ['en', 'ar']) {
  test(`at 1400 px the metrics bar shows its last figure whole, on one line (${lng})`, async ({ page, served }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    const bar = page.getByRole('group', { name: ui(lng, 'metrics.title') });
    const last = bar.locator('.metrics-segment');
    await expect(last).toBeVisible();
    const b = (await bar.boundingBox())!;
    const l = (await last.boundingBox())!;
    // Inside the bar's box (not clipped at its end, in either direction), and the row is one line high.
    expect(l.x).toBeGreaterThanOrEqual(b.x - 0.5);
    expect(l.x + l.width).toBeLessThanOrEqual(b.x + b.width + 0.5);
    const row = (await page.getByRole('group', { name: ui(lng, 'changes.summary') }).boundingBox())!;
    expect(row.height).toBeLessThan(50);
    await page.screenshot({ path: shot(`metrics-bar-1400-${lng}`), clip: { x: 0, y: 0, width: 1400, height: 260 } });
  });

  test(`at 900 px height the project settings' Close button is on screen (${lng})`, async ({ page, served }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'projectSettings.open') }).click();
    const dialog = page.getByRole('dialog', { name: ui(lng, 'projectSettings.title') });
    // Once the rules and the scoring profile have loaded, the dialog is at its tallest.
    await expect(dialog.getByRole('checkbox', { name: ui(lng, 'projectSettings.enableRule', { rule: 'en.stacked-prepositions' }) })).toBeVisible();
    await expect(dialog.getByLabel(ui(lng, 'projectSettings.threshold'))).toBeVisible();
    const close = dialog.getByRole('button', { name: ui(lng, 'settings.close'), exact: true });
    await expect(close).toBeInViewport({ ratio: 1 });
    const d = (await dialog.boundingBox())!;
    const c = (await close.boundingBox())!;
    expect(c.y + c.height).toBeLessThanOrEqual(d.y + d.height);
    await page.screenshot({ path: shot(`project-settings-900-${lng}`) });
    await close.click();
    await expect(dialog).toBeHidden();
  });
}

for (const lng of ['en', 'ar']) {
  test(`the annotation dialog shows the chosen category as chosen, and Tab never leaves it for the translation (${lng})`, async ({ page, served }) => {
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    const editor = page.locator('.editor-pane .monaco-editor');
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
    const before = await editor.locator('.view-line').first().textContent();
    await page.keyboard.press('Alt+2');
    const dialog = page.getByRole('dialog', { name: ui(lng, 'annotate.title') });
    await expect(dialog).toBeVisible();
    await page.keyboard.type(lng === 'ar' ? 'Grammar' : 'gramm');
    await page.keyboard.press('Enter');
    // Chosen: the option says so, and the field names it (not as a grey placeholder).
    await page.keyboard.press('Shift+Tab'); // back to the category field: the whole list again
    const chosen = dialog.getByRole('option', { selected: true });
    await expect(chosen).toHaveCount(1);
    await expect(dialog.getByText(ui(lng, 'annotate.chosen', { category: (await chosen.textContent())! }))).toBeVisible();
    await page.screenshot({ path: shot(`annotate-chosen-${lng}`) });
    // Round the dialog with Tab, typing a letter at every stop: none lands in the translation.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
      await page.keyboard.type('x');
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await editor.locator('.view-line').first().textContent()).toBe(before);
  });
}

for (const lng of ['en', 'ar']) {
  test(`the find widget and the quick-fix menu leave the two panes in line (${lng})`, async ({ page, served }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    const editor = page.locator('.editor-pane .monaco-editor');
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    const topOf = async () => ({
      source: await page.locator('.source-pane .para[data-segment="1"]').evaluate((el) => Math.round(el.getBoundingClientRect().top)),
      editor: await editor.locator('.line-numbers').filter({ hasText: /^1$/ }).evaluate((el) => Math.round(el.getBoundingClientRect().top)),
    });
    const before = await topOf();
    // Open on the first segment: the first line stays where it was, level with the source's.
    await page.keyboard.press('Control+f');
    await page.keyboard.type('heavy');
    await page.waitForTimeout(500);
    expect(await topOf()).toEqual(before);
    // Found further down, closed, then the quick fixes: the source stays with the translation.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('sirens');
    const scrolled = () => page.locator('.source-pane').evaluate((el) => el.scrollTop);
    await expect.poll(scrolled).toBeGreaterThan(100);
    const at = await scrolled();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    await page.waitForTimeout(800);
    expect(await scrolled()).toBe(at);
    await page.screenshot({ path: shot(`find-quickfix-aligned-${lng}`) });
  });
}

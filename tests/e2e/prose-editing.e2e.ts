import type { Page } from '@playwright/test';
import { expect, shot, test } from './served-project';
import { ui, uiPattern } from './locale';

const ARTICLE = 'news/flood-recife.txt';

async function openArticle(page: Page, lng: string) {
  await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
  await expect(page.locator('.editor-pane .monaco-editor').first()).toContainText('date 2024-03-13');
  return {
    editor: page.getByRole('textbox', { name: uiPattern(lng, 'review.translationEditor') }),
    source: page.getByRole('region', { name: uiPattern(lng, 'review.sourcePane') }),
    text: page.locator('.editor-pane .view-lines'),
    saved: page.getByRole('status').filter({ hasText: ui(lng, 'review.allSaved') }),
  };
}

for (const lng of ['en', 'ar', 'de']) {
  test(`Tab and Shift+Tab move the focus and never write into the translation (${lng})`, async ({ page, served, pageErrors }) => {
    await served.open(page, lng);
    const { editor, source, text, saved } = await openArticle(page, lng);
    await text.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Tab');
    // The focus went on to the side panel's open tab; the text is as it was.
    await expect(page.getByRole('tab', { selected: true })).toBeFocused();
    await expect(editor).not.toBeFocused();
    await expect(text).toContainText('date 2024-03-13 The heavy rains');
    await expect(saved).toBeVisible();
    await text.click();
    await page.keyboard.press('Shift+Tab');
    await expect(source).toBeFocused();
    await expect(saved).toBeVisible();
    expect(await text.textContent()).not.toContain('\t');
    expect(pageErrors).toEqual([]);
  });

  test(`F6 and Shift+F6 go round the panes and panels (${lng})`, async ({ page, served }) => {
    await served.open(page, lng);
    const { editor, source, text } = await openArticle(page, lng);
    await text.click();
    await expect(editor).toBeFocused();
    await page.keyboard.press('F6');
    await expect(page.getByRole('tab', { selected: true })).toBeFocused();
    await page.keyboard.press('F6');
    await expect(page.getByRole('button', { name: ui(lng, 'review.back') })).toBeFocused();
    await page.keyboard.press('F6');
    await expect(source).toBeFocused();
    await page.keyboard.press('F6');
    await expect(editor).toBeFocused();
    await page.keyboard.press('Shift+F6');
    await expect(source).toBeFocused();
    await page.keyboard.press('Shift+F6');
    await expect(page.getByRole('button', { name: ui(lng, 'review.back') })).toBeFocused();
    // In the Changes view the translation is the diff's right side; F6 reaches it and the panel.
    await page.getByRole('button', { name: ui(lng, 'review.changesMode'), exact: true }).click();
    await expect(page.locator('.monaco-diff-editor')).toBeVisible();
    await page.keyboard.press('F6');
    await expect(page.getByRole('textbox', { name: ui(lng, 'changes.current') })).toBeFocused();
    await page.keyboard.press('F6');
    await expect(page.getByRole('tab', { selected: true })).toBeFocused();
  });

  test(`a quote typed over a selection replaces it; brackets and quotes are not closed (${lng})`, async ({ page, served }) => {
    await served.open(page, lng);
    const { text } = await openArticle(page, lng);
    await text.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+F');
    await page.keyboard.type('heavy');
    await page.keyboard.press('Escape'); // the find widget leaves "heavy" selected
    await page.keyboard.type('"');
    await expect(text).toContainText('The " rains');
    await expect(text).not.toContainText('"heavy"');
    await page.keyboard.type('(big «x');
    await expect(text).toContainText('The "(big «x rains');
    await expect(text).not.toContainText('x)');
    await expect(text).not.toContainText('"(big «x"');
    await page.screenshot({ path: shot(`${lng}-prose-typing`) });
  });
}

test('the keys list in Settings comes from the keymap, Tab and F6 included (en, ar)', async ({ page, served }) => {
  for (const lng of ['en', 'ar']) {
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'settings.title'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: ui(lng, 'settings.title') });
    for (const [keys, label] of [['Tab', 'keys.tabFocus'], ['Shift + Tab', 'keys.shiftTabFocus'], ['F6', 'keys.nextPane'], ['Shift + F6', 'keys.previousPane'], ['F8', 'keys.nextProblem'], ['Alt + 1 … Alt + 4', 'keys.annotate']]) {
      const row = dialog.locator('.shortcuts > div').filter({ has: page.getByText(ui(lng, label!), { exact: true }) });
      await expect(row.locator('kbd')).toHaveText(keys!);
    }
    await page.screenshot({ path: shot(`${lng}-settings-keys`) });
  }
});

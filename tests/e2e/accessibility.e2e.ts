import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './served-project';
import { ui } from './locale';

/**
 * Automated accessibility checks (axe-core, WCAG 2.1 A and AA) of Calque's own UI, in English and in
 * the mirrored Arabic layout. Monaco's editor internals are left to Monaco (its hidden textarea and
 * view layers are its own accessibility design); the controls around them are ours.
 */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('.monaco-editor').analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const lng of ['en', 'ar']) {
  test(`no accessibility violations in the article list and the review (${lng})`, async ({ page, served }) => {
    await served.open(page, lng);
    await expect(page.getByRole('button', { name: ui(lng, 'list.open', { name: 'news/flood-recife.txt' }) })).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: 'news/flood-recife.txt' }) }).click();
    await expect(page.locator('.monaco-editor').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
    // The problems panel is filled by the checks; then the annotations panel, and the annotation dialog.
    await expect(page.getByRole('list', { name: ui(lng, 'problems.title') }).getByRole('listitem').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('tab', { name: new RegExp(ui(lng, 'annotations.title')) }).click();
    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Alt+2');
    await expect(page.getByRole('dialog', { name: ui(lng, 'annotate.title') })).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: ui(lng, 'review.changesMode'), exact: true }).click();
    await expect(page.locator('.monaco-diff-editor')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}

test('no accessibility violations in the dark theme and in dialogs', async ({ page, served }) => {
  await served.open(page, 'en');
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Export all' }).click();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Project settings…' }).click();
  await expect(page.getByRole('dialog', { name: 'Project settings' }).getByRole('table').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Import MQM…' }).click();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Report…' }).click();
  expect(await violations(page)).toEqual([]);
});

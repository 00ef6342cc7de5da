/**
 * Every main screen as a reviewer sees it, in English and Arabic, on the two laptop sizes: screenshotted
 * (tests/screenshots/tour-*) to be looked at, and held to what a glance at them checks — nothing wider
 * than the window, and every control with an accessible name.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, shot, startServe, test } from './served-project';
import { ui } from './locale';

const ARTICLE = 'news/flood-recife.txt';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
];

/** Buttons, fields and selects with no accessible name (by the browser's own computation of it). */
async function unnamedControls(page: Page, within: string): Promise<string[]> {
  const snapshot = await page.locator(within).first().ariaSnapshot();
  return snapshot.split('\n').filter((line) => /^\s*- (button|combobox|textbox|searchbox|checkbox|radio|tab|spinbutton)(\s*\[[^\]]*\])*:?\s*$/.test(line));
}

/** No part of the page sticks out of the window sideways (a clipped or scrolled-off control). */
async function expectNoSidewaysOverflow(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

for (const lng of ['en', 'ar']) {
  for (const size of SIZES) {
    const tag = `${lng}-${size.width}`;
    test(`the main screens at ${size.width}×${size.height}: within the window, every control named (${lng})`, async ({ page, served, pageErrors }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(size);
      await served.open(page, lng);

      await expect(page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) })).toBeVisible();
      await page.screenshot({ path: shot(`tour-${tag}-list`) });
      await expectNoSidewaysOverflow(page);
      expect(await unnamedControls(page, 'body')).toEqual([]);

      await page.getByRole('button', { name: ui(lng, 'settings.title'), exact: true }).click();
      const settings = page.getByRole('dialog', { name: ui(lng, 'settings.title') });
      await expect(settings).toBeVisible();
      await page.screenshot({ path: shot(`tour-${tag}-settings`) });
      expect(await unnamedControls(page, 'dialog[open]')).toEqual([]);
      await settings.getByRole('heading', { name: ui(lng, 'keys.title') }).scrollIntoViewIfNeeded();
      await settings.getByRole('button', { name: ui(lng, 'settings.close'), exact: true }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot(`tour-${tag}-keys`) });
      await settings.getByRole('button', { name: ui(lng, 'settings.close'), exact: true }).click();

      await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
      await expect(page.locator('.monaco-editor').first()).toContainText('heavy rains', { timeout: 30_000 });
      await page.getByRole('tab', { name: new RegExp(ui(lng, 'problems.tab_other').replace(/\s*\(.*$/, '')) }).click();
      await page.locator('.editor-pane .monaco-editor .view-lines').click();
      await page.screenshot({ path: shot(`tour-${tag}-review`) });
      await expectNoSidewaysOverflow(page);
      expect(await unnamedControls(page, '.review')).toEqual([]);

      await page.getByRole('button', { name: ui(lng, 'review.changesMode') }).click();
      await expect(page.locator('.diff-pane .monaco-diff-editor')).toBeVisible();
      await page.screenshot({ path: shot(`tour-${tag}-changes`) });
      await expectNoSidewaysOverflow(page);
      expect(await unnamedControls(page, '.review')).toEqual([]);
      await page.getByRole('button', { name: ui(lng, 'review.reviewMode') }).click();

      await page.locator('.editor-pane .monaco-editor .view-lines').click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('Shift+End');
      await page.keyboard.press('Alt+3');
      const annotate = page.getByRole('dialog', { name: ui(lng, 'annotate.title') });
      await expect(annotate).toBeVisible();
      await page.screenshot({ path: shot(`tour-${tag}-annotate`) });
      expect(await unnamedControls(page, 'dialog[open]')).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(annotate).toBeHidden();

      await page.getByRole('button', { name: ui(lng, 'report.open') }).click();
      const report = page.getByRole('dialog', { name: ui(lng, 'report.title') });
      await expect(report).toBeVisible();
      await page.screenshot({ path: shot(`tour-${tag}-report`) });
      expect(await unnamedControls(page, 'dialog[open]')).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  }
}

for (const lng of ['en', 'ar']) {
  for (const size of SIZES) {
    test(`the direction question at ${size.width}×${size.height}: within the window, every control named (${lng})`, async ({ page }) => {
      // File names with language tags only: Calque asks which way the project translates.
      const root = mkdtempSync(join(tmpdir(), 'calque-tour-'));
      writeFileSync(join(root, 'report.pt.txt'), 'O rio subiu dois metros.\n');
      writeFileSync(join(root, 'report.en.txt'), 'The river rose two meters.\n');
      const { child, url } = await startServe(root);
      try {
        await page.setViewportSize(size);
        await page.goto(`${url}&lng=${lng}`);
        await expect(page.getByRole('dialog', { name: ui(lng, 'languages.title') })).toBeVisible();
        await page.screenshot({ path: shot(`tour-${lng}-${size.width}-direction`) });
        expect(await unnamedControls(page, 'dialog[open]')).toEqual([]);
        await expectNoSidewaysOverflow(page);
      } finally {
        child.kill('SIGTERM');
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
}

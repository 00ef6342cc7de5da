import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, shot, test } from './served-project';
import { ui, uiPattern } from './locale';

const ARTICLE = 'news/flood-recife.txt';
const FILE = 'news/flood-recife.en.txt';

async function openArticle(page: Page, lng: string) {
  await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
  const text = page.locator('.editor-pane .view-lines');
  await expect(text).toContainText('by the the Fire Department');
  return { text, editor: page.getByRole('textbox', { name: uiPattern(lng, 'review.translationEditor') }) };
}

/** In `page`'s article list: search the translations for "the the", to replace it with "the" in every article. */
async function previewReplace(page: Page, lng: string) {
  await page.getByRole('button', { name: ui(lng, 'search.open') }).click();
  const dialog = page.getByRole('dialog', { name: ui(lng, 'search.title') });
  await dialog.getByRole('searchbox', { name: ui(lng, 'search.pattern') }).fill('the the');
  await dialog.getByRole('checkbox', { name: ui(lng, 'search.wholeWord') }).check();
  await dialog.getByRole('textbox', { name: ui(lng, 'search.replacement') }).fill('the');
  await dialog.getByRole('button', { name: ui(lng, 'search.find'), exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(ui(lng, 'search.found', { count: 5, articles: 5 }));
  return dialog;
}

async function replaceAll(dialog: ReturnType<Page['getByRole']>, lng: string) {
  await dialog.getByRole('button', { name: ui(lng, 'search.replaceAll', { count: 5 }) }).click();
  await expect(dialog.getByRole('status')).toContainText(ui(lng, 'search.found', { count: 0, articles: 0 }));
}

for (const lng of ['en', 'ar']) {
  test(`a project replacement reaches the article open in another tab, undoable there, and is undone from the search (${lng})`, async ({ page, served, pageErrors }) => {
    await served.open(page, lng);
    const tab = await openArticle(page, lng);
    const other = await page.context().newPage();
    await served.open(other, lng);
    const dialog = await previewReplace(other, lng);
    await replaceAll(dialog, lng);
    const disk = () => readFileSync(join(served.root, FILE), 'utf8');
    expect(disk()).toContain('by the Fire Department');

    // The open tab had no unsaved edits: it shows the replaced text, says so, and one undo takes it back.
    await expect(tab.text).toContainText('by the Fire Department');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.reloadedByProject') })).toBeVisible();
    await page.screenshot({ path: shot(`project-edit-reloaded-${lng}`) });
    await tab.editor.focus();
    await page.keyboard.press('Control+z');
    await expect(tab.text).toContainText('by the the Fire Department');
    // Its next save is a save, not a conflict.
    await page.keyboard.press('Control+s');
    await expect.poll(disk).toContain('by the the Fire Department');
    await expect(page.getByRole('dialog', { name: ui(lng, 'conflict.title') })).toHaveCount(0);

    // The search's undo puts back the four other articles; the one changed since is left as it is.
    await dialog.getByRole('button', { name: ui(lng, 'search.undo') }).click();
    await expect(other.getByRole('status').filter({ hasText: ui(lng, 'search.undone', { restored: 4, conflicts: 1 }).replace(/\d/g, (d) => new Intl.NumberFormat(lng).format(Number(d))) })).toBeVisible();
    expect(readFileSync(join(served.root, 'review/chuva-salvador.tsv'), 'utf8')).toContain('the the');
    expect(disk()).toContain('by the the Fire Department');
    expect(pageErrors).toEqual([]);
  });

  test(`a project replacement over unsaved edits in an open tab asks: keep mine, take theirs or compare (${lng})`, async ({ page, served }) => {
    await served.open(page, lng);
    const tab = await openArticle(page, lng);
    const other = await page.context().newPage();
    await served.open(other, lng);
    const dialog = await previewReplace(other, lng);
    await tab.editor.focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('MINE ');
    // The tab autosaves after a pause: replace before that, so its edits are still unsaved.
    await replaceAll(dialog, lng);
    const conflict = page.getByRole('dialog', { name: ui(lng, 'conflict.title') });
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole('button', { name: ui(lng, 'conflict.compare') })).toBeEnabled();
    await conflict.getByRole('button', { name: ui(lng, 'conflict.takeTheirs') }).click();
    await expect(tab.text).toContainText('by the Fire Department');
    await expect(tab.text).not.toContainText('MINE');
  });
}

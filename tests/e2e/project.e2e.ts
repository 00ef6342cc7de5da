import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, shot, startServe, test } from './served-project';
import { ui } from './locale';

test('a new folder whose languages cannot be told from the names asks for them', async ({ page, pageErrors }) => {
  const root = mkdtempSync(join(tmpdir(), 'calque-new-'));
  writeFileSync(join(root, 'report.pt.txt'), 'O rio subiu dois metros.\n');
  writeFileSync(join(root, 'report.en.txt'), 'The river rose two meters.\n');
  writeFileSync(join(root, 'notes.txt'), 'no language here\n');
  const { child, url } = await startServe(root);
  try {
    await page.goto(`${url}&lng=en`);
    const dialog = page.getByRole('dialog', { name: 'Languages of this project' });
    await expect(dialog).toBeVisible();
    // English is proposed as the translation's language; the editor confirms.
    await expect(dialog.getByRole('combobox', { name: 'Source language' })).toHaveValue('pt');
    await expect(dialog.getByRole('combobox', { name: 'Translation language' })).toHaveValue('en');
    await page.screenshot({ path: shot('en-language-dialog') });
    await dialog.getByRole('button', { name: 'Use these languages' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Open report.txt' })).toBeVisible();
    const config = JSON.parse(readFileSync(join(root, '.calque/project.json'), 'utf8'));
    expect(config.pairs).toEqual([{ source: 'pt', target: 'en' }]);
    // The file without a language is listed, not hidden.
    await page.getByText('1 file without a partner').click();
    await expect(page.getByText('notes.txt')).toBeVisible();
    expect(pageErrors).toEqual([]);
  } finally {
    child.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  }
});

test('an unreadable translation is an error row with a localized reason; the others still open', async ({ page, served, pageErrors }) => {
  writeFileSync(join(served.root, 'news/broken.pt-BR.txt'), 'Texto.\n');
  writeFileSync(join(served.root, 'news/broken.en.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  await served.open(page, 'fr');
  const row = page.getByRole('row', { name: /news\/broken\.txt/ });
  await expect(row).toContainText(ui('fr', 'errors.binaryFile', { path: 'news/broken.en.txt' }));
  await expect(row.getByRole('button')).toHaveCount(0);
  await page.screenshot({ path: shot('fr-error-row') });
  await page.getByRole('button', { name: ui('fr', 'list.open', { name: 'news/flood-recife.txt' }) }).click();
  await expect(page.locator('.monaco-editor').first()).toContainText('heavy rains');
  expect(pageErrors).toEqual([]);
});

test('status, filter and sort in the article list', async ({ page, served }) => {
  await served.open(page, 'en');
  await page.getByRole('button', { name: 'Open tech/satelite.txt' }).click();
  await page.getByRole('combobox', { name: 'Review status' }).selectOption('done');
  await expect(page.getByText('Status set to Done.')).toBeVisible();
  await page.getByRole('button', { name: 'Back to articles' }).click();
  await expect(page.getByRole('row', { name: /tech\/satelite/ })).toContainText('Done');
  const review = JSON.parse(readFileSync(join(served.root, '.calque/reviews/tech/satelite.txt.json'), 'utf8'));
  expect(review.status).toBe('done');

  await page.getByRole('combobox', { name: 'Status' }).selectOption('done');
  await expect(page.getByRole('row')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('all');
  await page.getByRole('searchbox', { name: 'Filter articles' }).fill('madrid');
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('row').nth(1)).toContainText('news/inflacion-madrid.txt');
  await page.getByRole('searchbox', { name: 'Filter articles' }).fill('');

  // Sort by words, largest first.
  await page.getByRole('button', { name: 'Words', exact: true }).click();
  await page.getByRole('button', { name: 'Words', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'Words' }).first()).toHaveAttribute('aria-sort', 'descending');
  const first = await page.getByRole('row').nth(1).textContent();
  expect(first).toContain('news/flood-recife.txt');
});

test('keyboard: Alt+F5 selects the next change, so typing replaces it', async ({ page, served }) => {
  await served.open(page, 'en');
  await page.getByRole('button', { name: 'Open news/flood-recife.txt' }).click();
  const editor = page.getByRole('textbox', { name: 'Translation (English), editable' });
  await editor.focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('One ');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Two');
  // From the end, "next" wraps to the first change; the one after it is the last.
  await page.keyboard.press('Alt+F5');
  await page.keyboard.type('Uno');
  await page.keyboard.press('Alt+F5');
  await page.keyboard.type('Dos');
  await page.keyboard.press('Shift+Alt+F5');
  await page.keyboard.type('Primero');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  const text = readFileSync(join(served.root, 'news/flood-recife.en.txt'), 'utf8');
  expect(text.slice(0, 40)).toBe('Primero date 2024-03-13 The heavy rains ');
  expect(text.trimEnd().slice(-20)).toMatch(/ Dos$/);
  // The same keys work in the Changes view.
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  await page.keyboard.press('Alt+F5');
  await page.keyboard.type('Erstes');
  await expect(page.locator('.monaco-diff-editor .editor.modified .view-lines')).toContainText('Erstes date');
});

test('theme: dark and high contrast restyle the page and Monaco together', async ({ page, served }) => {
  await served.open(page, 'en');
  await page.getByRole('button', { name: 'Open news/flood-recife.txt' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.monaco-editor').first()).toHaveClass(/vs-dark/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.screenshot({ path: shot('en-dark') });
  await page.getByRole('button', { name: 'Settings' }).click();
  await dialog.getByRole('combobox', { name: 'Theme' }).selectOption('high-contrast');
  await expect(page.locator('.monaco-editor').first()).toHaveClass(/hc-/);
  // The choice of language in settings switches the UI at once.
  await dialog.getByRole('combobox', { name: 'Interface language' }).selectOption('pt-BR');
  await expect(page.getByRole('button', { name: ui('pt-BR', 'review.changesMode'), exact: true })).toBeVisible();
});

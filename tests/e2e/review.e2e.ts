import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shot, test } from './served-project';
import { ui } from './locale';

const ARTICLE = 'news/flood-recife.txt';
const TARGET = 'news/flood-recife.en.txt';

test('review an article: edit, save, see it in Changes, reload, export', async ({ page, served, pageErrors }) => {
  await served.open(page, 'en');
  await expect(page.getByRole('heading', { name: /Articles/ })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(10); // header + three sample article pairs, a subtitle pair, one bilingual table, one PO file, one HTML pair, one XLIFF file, one Word pair
  await page.screenshot({ path: shot('en-article-list') });

  await page.getByRole('button', { name: `Open ${ARTICLE}` }).click();
  const source = page.getByRole('region', { name: 'Source text (Brazilian Portuguese)' });
  await expect(source).toContainText('As fortes chuvas');
  const editor = page.getByRole('textbox', { name: 'Translation (English), editable' });
  await expect(page.locator('.monaco-editor').first()).toContainText('date 2024-03-13');

  // Replace the glued dateline at the very start of the translation.
  await editor.focus();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 'date 2024-03-13 '.length; i++) await page.keyboard.press('Delete');
  await page.keyboard.type('Recife, March 13 (EFE) - ');
  await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  const onDisk = readFileSync(join(served.root, TARGET), 'utf8');
  expect(onDisk.startsWith('Recife, March 13 (EFE) - The heavy rains')).toBe(true);
  expect(onDisk.endsWith('\n')).toBe(true);
  // The baseline keeps the machine translation as first opened.
  expect(readFileSync(join(served.root, '.calque/baselines', ARTICLE), 'utf8').startsWith('date 2024-03-13 The heavy')).toBe(true);
  await page.screenshot({ path: shot('en-review-edited') });

  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  const summary = page.getByRole('group', { name: 'Changes against the machine translation' });
  await expect(summary).toContainText('2 words replaced');
  await expect(summary).toContainText('2 words inserted');
  await expect(page.locator('.monaco-diff-editor .word-deleted').first()).toBeVisible();
  await expect(page.locator('.monaco-diff-editor .word-replaced, .monaco-diff-editor .word-inserted').first()).toBeVisible();
  await page.screenshot({ path: shot('en-changes-side-by-side') });
  await page.getByRole('button', { name: 'Inline', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Inline', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: shot('en-changes-inline') });

  // Reload: the edit persisted.
  await page.reload(); // returns to the open article by itself
  await expect(page.locator('.monaco-editor').first()).toContainText('Recife, March 13 (EFE) - The heavy rains');

  // Export: the downloaded file is the file on disk, byte for byte.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('flood-recife.en.txt');
  const saved = join(served.root, '..', `download-${Date.now()}.txt`);
  await file.saveAs(saved);
  expect(readFileSync(saved)).toEqual(readFileSync(join(served.root, TARGET)));

  await page.getByRole('button', { name: 'Back to articles' }).click();
  const row = page.getByRole('row', { name: new RegExp(ARTICLE) });
  await expect(row).toContainText('In review');
  await expect(row.getByRole('cell').nth(3)).toHaveText('4'); // words changed
  expect(pageErrors).toEqual([]);
});

test('revert paragraph and revert article are undoable edits', async ({ page, served, pageErrors }) => {
  await served.open(page, 'en');
  await page.getByRole('button', { name: 'Open news/inflacion-madrid.txt' }).click();
  const editor = page.getByRole('textbox', { name: 'Translation (English), editable' });
  await expect(page.locator('.monaco-editor').first()).toContainText('hostelería');
  await editor.focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('EDITED ');
  await expect(page.locator('.monaco-editor').first()).toContainText('EDITED');
  await page.getByRole('button', { name: ui('en', 'review.revertParagraph'), exact: true }).click();
  await expect(page.locator('.monaco-editor').first()).not.toContainText('EDITED');
  await editor.focus();
  await page.keyboard.press('Control+Z');
  await expect(page.locator('.monaco-editor').first()).toContainText('EDITED');
  await page.getByRole('button', { name: 'Revert article' }).click();
  await expect(page.locator('.monaco-editor').first()).not.toContainText('EDITED');
  await page.keyboard.press('Control+Z');
  await expect(page.locator('.monaco-editor').first()).toContainText('EDITED');
  expect(pageErrors).toEqual([]);
});

test('a change on disk reloads a clean article and asks when there are unsaved edits', async ({ page, served, pageErrors }) => {
  await served.open(page, 'en');
  await page.getByRole('button', { name: 'Open news/inflacion-madrid.txt' }).click();
  const monacoView = page.locator('.monaco-editor').first();
  await expect(monacoView).toContainText('hostelería');
  const path = join(served.root, 'news/inflacion-madrid.en.txt');
  const original = readFileSync(path, 'utf8');

  // No unsaved edits: the article reloads in place.
  writeFileSync(path, original.replace('hostelería', 'hospitality'));
  await expect(monacoView).toContainText('hospitality', { timeout: 5_000 });
  await expect(page.getByText('The file changed on disk and was reloaded.')).toBeVisible();

  // Unsaved edits: the editor is asked, and can compare first.
  const editor = page.getByRole('textbox', { name: 'Translation (English), editable' });
  await editor.focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('MINE ');
  writeFileSync(path, 'THEIRS\n\n' + original);
  const dialog = page.getByRole('dialog', { name: 'The translation changed on disk' });
  await expect(dialog).toBeVisible({ timeout: 5_000 });
  await dialog.getByRole('button', { name: 'Compare' }).click();
  await expect(dialog.locator('.monaco-diff-editor')).toBeVisible();
  // The comparison marks what differs (Monaco's own highlights in this dialog).
  await expect(dialog.locator('.line-insert, .char-insert').first()).toBeVisible();
  await expect(dialog.locator('.line-delete, .char-delete').first()).toBeVisible();
  await page.screenshot({ path: shot('en-conflict-compare') });
  await dialog.getByRole('button', { name: 'Keep mine' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => readFileSync(path, 'utf8').startsWith('MINE ')).toBe(true);
  expect(readFileSync(path, 'utf8')).not.toContain('THEIRS');
  expect(pageErrors).toEqual([]);
});

test('export all writes every translation, with progress', async ({ page, served }) => {
  await served.open(page, 'en');
  await page.getByRole('button', { name: 'Export all' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export all translations' });
  // A folder inside the one `calque serve` grants for exports (<folder>-export by default).
  const out = `${served.root}-export/week-1`;
  await dialog.getByRole('textbox', { name: 'Destination folder' }).fill(out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Exported 9 translations to');
  for (const rel of ['culture/azulejos.en.docx', 'news/flood-recife.en.txt', 'news/inflacion-madrid.en.txt', 'review/biblioteca-porto-alegre.xlf', 'review/chuva-salvador.tsv', 'software/mare-app.po', 'tech/satelite.en.txt', 'video/mangue.en.srt', 'web/feira-livro.en.html']) {
    expect(readFileSync(join(out, rel))).toEqual(readFileSync(join(served.root, rel)));
  }
});

test('Arabic UI mirrors the layout while each text keeps its own direction', async ({ page, served, pageErrors }) => {
  await served.open(page, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { name: new RegExp(ui('ar', 'project.articles')) })).toBeVisible();
  await page.screenshot({ path: shot('ar-article-list') });
  await page.getByRole('button', { name: ui('ar', 'list.open', { name: 'tech/satelite.txt' }) }).click();
  await expect(page.getByRole('button', { name: ui('ar', 'review.changesMode'), exact: true })).toBeVisible();
  // The editor still lays out and shows the English translation inside the mirrored page.
  await expect(page.locator('.editor-pane .view-line').first()).toContainText('Jiuquan');
  await expect(page.locator('.editor-pane .view-line').first()).not.toHaveAttribute('dir', 'rtl');
  const para = page.locator('.source-pane p').first();
  await expect(para).toHaveAttribute('dir', 'ltr');
  await expect(para).toHaveAttribute('lang', 'zh-Hans');
  // The toolbar runs right to left: "back" is at the right edge.
  const back = await page.getByRole('button', { name: ui('ar', 'review.back') }).boundingBox();
  expect(back!.x).toBeGreaterThan(700);
  await page.screenshot({ path: shot('ar-review') });
  expect(pageErrors).toEqual([]);
});

test('German UI: the review works by the German names', async ({ page, served, pageErrors }) => {
  await served.open(page, 'de');
  await page.getByRole('button', { name: ui('de', 'list.open', { name: ARTICLE }) }).click();
  await page.getByRole('button', { name: ui('de', 'review.changesMode'), exact: true }).click();
  await expect(page.getByRole('group', { name: ui('de', 'changes.summary') })).toContainText(ui('de', 'changes.none'));
  await page.screenshot({ path: shot('de-changes') });
  expect(pageErrors).toEqual([]);
});

test('the page has no Node or Electron powers and the server wants its token', async ({ page, served }) => {
  await served.open(page, 'en');
  await expect(page.getByRole('heading', { name: /Articles/ })).toBeVisible();
  const powers = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(powers).toEqual({ require: 'undefined', process: 'undefined' });
  const origin = new URL(served.url).origin;
  const noToken = await fetch(`${origin}/api/openProject`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  expect(noToken.status).toBe(401);
  const csp = (await page.request.get(`${origin}/`)).headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
});

test('an Arabic translation is laid out right to left in the editor, in an English UI', async ({ page, served, pageErrors }) => {
  // Add an English→Arabic pair to the served project.
  mkdirSync(join(served.root, 'world'), { recursive: true });
  writeFileSync(join(served.root, 'world/budget.en.txt'), 'The council approved the new budget on Monday.\n\nIt includes funds for schools.\n');
  writeFileSync(join(served.root, 'world/budget.ar.txt'), 'وافق المجلس على الميزانية الجديدة يوم الاثنين.\n\nوتشمل أموالا للمدارس.\n');
  const configPath = join(served.root, '.calque/project.json');
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as { pairs: { source: string; target: string }[] };
  config.pairs.push({ source: 'en', target: 'ar' });
  writeFileSync(configPath, JSON.stringify(config));

  await served.open(page, 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByRole('button', { name: 'Open world/budget.txt' }).click();
  const firstLine = page.locator('.editor-pane .view-line').first();
  await expect(firstLine).toContainText('وافق المجلس');
  await expect(firstLine).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.source-pane p').first()).toHaveAttribute('dir', 'ltr');
  // The Arabic text ends at the right edge of its pane.
  const pane = (await page.locator('.editor-pane').boundingBox())!;
  const text = (await firstLine.locator('span').first().boundingBox())!;
  expect(pane.x + pane.width - (text.x + text.width)).toBeLessThan(60);
  await page.screenshot({ path: shot('en-ui-arabic-translation') });
  expect(pageErrors).toEqual([]);
});

test('markup in a document is shown as text, never run or rendered', async ({ page, served, pageErrors }) => {
  const evil = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> <b>bold</b>';
  writeFileSync(join(served.root, 'news/markup.pt-BR.txt'), `${evil}\n`);
  writeFileSync(join(served.root, 'news/markup.en.txt'), `${evil}\n`);
  await served.open(page, 'en');
  await page.getByRole('button', { name: 'Open news/markup.txt' }).click();
  await expect(page.locator('.source-pane p').first()).toHaveText(evil);
  await expect(page.locator('.monaco-editor').first()).toContainText('<img src=x onerror=');
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  await expect(page.locator('.monaco-diff-editor')).toBeVisible();
  expect(await page.locator('img, b').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(pageErrors).toEqual([]);
});

test('find and replace, autosave after a pause, and autosave when leaving the article', async ({ page, served, pageErrors }) => {
  const path = join(served.root, TARGET);
  await served.open(page, 'en');
  await page.getByRole('button', { name: `Open ${ARTICLE}` }).click();
  const editor = page.getByRole('textbox', { name: 'Translation (English), editable' });
  await expect(page.locator('.monaco-editor').first()).toContainText('by the the Fire');
  await editor.focus();
  // Monaco's find widget, replace mode: fix the repeated word everywhere.
  await page.keyboard.press('Control+H');
  await page.getByRole('textbox', { name: 'Find' }).fill('the the ');
  await page.getByRole('textbox', { name: 'Replace' }).fill('the ');
  await page.getByRole('button', { name: /Replace All/ }).click();
  await expect(page.locator('.find-widget .matchesCount')).toHaveText('No results'); // no "the the" left
  await expect(page.locator('.editor-pane .view-lines')).toContainText('by the Fire Department');
  // No Ctrl+S: the autosave writes it after a pause in typing.
  await expect.poll(() => readFileSync(path, 'utf8').includes('by the Fire Department'), { timeout: 5_000 }).toBe(true);
  expect(readFileSync(path, 'utf8')).not.toContain('the the');

  // Leaving the article right after an edit saves it too.
  await editor.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' (END)');
  await page.getByRole('button', { name: 'Back to articles' }).click();
  await expect(page.getByRole('heading', { name: /Articles/ })).toBeVisible();
  expect(readFileSync(path, 'utf8').trimEnd().endsWith(' (END)')).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('keyboard in the source: arrows step through sentences with their partners, Enter edits the partner', async ({ page, served }) => {
  await served.open(page, 'en');
  await page.getByRole('button', { name: `Open ${ARTICLE}` }).click();
  const source = page.getByRole('region', { name: 'Source text (Brazilian Portuguese)' });
  await expect(source.locator('[data-sentence]').first()).toBeVisible(); // the alignment has arrived
  // The partner of the translation's cursor (at the start) is active; Down steps sentence by sentence:
  // the first paragraph has one, the second two, the third starts with the quote.
  await expect(source.locator('.sent-active')).toContainText('As fortes chuvas');
  await source.focus();
  for (const expected of ['De acordo com a Agência', 'As zonas oeste e sul', 'A água subiu muito rápido']) {
    await page.keyboard.press('ArrowDown');
    await expect(source.locator('.sent-active')).toContainText(expected);
  }
  await expect(page.locator('.editor-pane .sent-active-range').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type('QUOTE ');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  const paragraphs = readFileSync(join(served.root, TARGET), 'utf8').split('\n\n');
  expect(paragraphs[2]!.startsWith('QUOTE “The water rose')).toBe(true);
});

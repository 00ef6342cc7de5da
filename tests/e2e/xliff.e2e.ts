import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shot, test } from './served-project';
import { ui } from './locale';

const ARTICLE = 'review/biblioteca-porto-alegre.xlf';
const langName = (lng: string, tag: string) => new Intl.DisplayNames([lng], { type: 'language' }).of(tag)!;

for (const lng of ['en', 'ar']) {
  test(`an XLIFF file is an article: its segments side by side, its notes, an edit saved into that segment only (${lng})`, async ({ page, served, pageErrors }) => {
    const file = join(served.root, ARTICLE);
    const before = readFileSync(file, 'utf8');
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();

    const source = page.getByRole('region', { name: ui(lng, 'review.sourcePane', { lang: langName(lng, 'pt-BR') }) });
    await expect(source).toContainText('O prédio, de 1922, teve o telhado');
    // Inline codes show as their short display text, never as raw markup.
    await expect(source).toContainText('<1>acervo de 250 mil livros</1>');
    await expect(source).not.toContainText('ctype');
    const editor = page.locator('.editor-pane .monaco-editor');
    await expect(editor).toContainText('restored from of the original project');

    // The file's notes, in their own tab.
    await page.getByRole('tab', { name: ui(lng, `notes.tab_${new Intl.PluralRules(lng).select(2)}`, { count: 2 }) }).click();
    const notes = page.getByRole('list', { name: ui(lng, 'notes.title') });
    await expect(notes.getByRole('listitem')).toHaveCount(2);
    await expect(notes).toContainText('Headline: no full stop, sentence case.');
    await expect(notes).toContainText(ui(lng, 'notes.unit', { id: 'bib-3' }));
    await page.screenshot({ path: shot(`${lng}-xliff-notes`) });

    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('from of');
    await page.keyboard.press('Escape');
    await page.keyboard.type('from');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.unsaved') })).toBeVisible();
    await page.keyboard.press('Control+S');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.allSaved') })).toBeVisible();

    expect(readFileSync(file, 'utf8')).toBe(before.replace('restored from of the original', 'restored from the original'));
    expect(pageErrors).toEqual([]);
  });

  test(`a broken XLIFF is an error row with its reason; the others still open (${lng})`, async ({ page, served, pageErrors }) => {
    writeFileSync(join(served.root, 'review/broken.xlf'), '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file source-language="pt-BR" target-language="en"><body>\n<trans-unit id="1"><source>Texto</source>\n</body></file></xliff>\n');
    writeFileSync(join(served.root, 'review/legacy.xliff'), '<xliff version="3.0"><file/></xliff>');
    await served.open(page, lng);
    const row = page.getByRole('row', { name: /review\/broken\.xlf/ });
    await expect(row).toContainText(ui(lng, 'errors.xmlInvalid', { path: 'review/broken.xlf', line: 5, column: 7, reason: 'unexpected close tag.' }));
    await expect(row.getByRole('button')).toHaveCount(0);
    const legacy = page.getByRole('row', { name: /review\/legacy\.xliff/ });
    await expect(legacy).toContainText(ui(lng, 'errors.xliffVersionUnknown', { path: 'review/legacy.xliff', version: '3.0' }));
    await page.screenshot({ path: shot(`${lng}-xliff-error-row`) });
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    await expect(page.locator('.editor-pane .monaco-editor')).toContainText('State Public Library reopens');
    expect(pageErrors).toEqual([]);
  });
}

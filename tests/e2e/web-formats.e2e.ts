import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shot, test } from './served-project';
import { ui } from './locale';

const HTML = 'web/feira-livro.html';
const langName = (lng: string, tag: string) => new Intl.DisplayNames([lng], { type: 'language' }).of(tag)!;

for (const lng of ['en', 'ar']) {
  test(`an HTML article shows its text without markup and saves only the edited bytes (${lng})`, async ({ page, served, pageErrors }) => {
    const file = join(served.root, 'web/feira-livro.en.html');
    const before = readFileSync(file, 'utf8');
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: HTML }) }).click();

    const source = page.getByRole('region', { name: ui(lng, 'review.sourcePane', { lang: langName(lng, 'pt-BR') }) });
    await expect(source).toContainText('Segundo a organização, foram vendidos 412');
    const editor = page.locator('.editor-pane .monaco-editor');
    await expect(editor).toContainText('Porto Alegre Book Fair breaks attendance record');
    await expect(editor).toContainText('Book stalls under the jacaranda trees of the square'); // the image's alt text
    // No head, script, attributes or entities: only the text and its inline tags.
    for (const noise of ['DOCTYPE', 'analytics', 'stylesheet', 'href', 'class=', '&nbsp;', '&middot;', 'cabeçalho']) {
      await expect(source).not.toContainText(noise);
      await expect(editor).not.toContainText(noise);
    }

    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('421');
    await page.keyboard.press('Escape');
    await page.keyboard.type('412');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.unsaved') })).toBeVisible();
    await page.keyboard.press('Control+S');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.allSaved') })).toBeVisible();
    await page.screenshot({ path: shot(`${lng}-html-article`) });

    // One number changed in the file; its entities, no-break spaces, head and script are as they were.
    expect(readFileSync(file, 'utf8')).toBe(before.replace('421&nbsp;thousand', '412&nbsp;thousand'));
    expect(pageErrors).toEqual([]);
  });

  test(`a Markdown article reports nothing inside its code block and URL, and the same problems in prose (${lng})`, async ({ page, served, pageErrors }) => {
    writeFileSync(join(served.root, 'web/guia.pt-BR.md'), '# Guia\n\nRode o comando abaixo e leia https://exemplo.org/recieve-42.\n\n```sh\nrecieve --count 42\n```\n\nSão 30 passos.\n');
    writeFileSync(join(served.root, 'web/guia.en.md'), '# Guide\n\nRun the command below and read https://example.org/recieve-43.\n\n```sh\nrecieve --count 43\n```\n\nThere are 31 steps we recieve.\n');
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: 'web/guia.md' }) }).click();
    const problems = page.getByRole('list', { name: ui(lng, 'problems.title') });
    await expect(problems.getByRole('listitem').first()).toBeVisible();
    // The prose has a misspelling and a wrong number; the URL and the code block have the same, unreported.
    await expect(problems.getByRole('listitem').filter({ hasText: 'recieve' })).toHaveCount(1);
    await expect(problems.getByRole('listitem').filter({ hasText: '31' })).toHaveCount(1);
    await expect(problems.getByRole('listitem').filter({ hasText: '43' })).toHaveCount(0);
    await expect(page.locator('.editor-pane .monaco-editor')).toContainText('recieve --count 43');
    await page.screenshot({ path: shot(`${lng}-markdown-protected`) });
    expect(pageErrors).toEqual([]);
  });
}

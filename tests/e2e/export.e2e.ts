import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shot, test } from './served-project';
import { ui } from './locale';

for (const lng of ['en', 'ar']) {
  test(`Export all lists the files it would replace and asks first (${lng})`, async ({ page, served, pageErrors }) => {
    // The folder `calque serve` granted by default, already holding a file of the same name.
    const outDir = `${served.root}-export`;
    mkdirSync(join(outDir, 'news'), { recursive: true });
    writeFileSync(join(outDir, 'news/flood-recife.en.txt'), 'MY OWN NOTES');

    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'project.exportAll'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: ui(lng, 'exportAll.title') });
    await expect(dialog.getByRole('textbox', { name: ui(lng, 'exportAll.folder') })).toHaveValue(outDir);
    await dialog.getByRole('button', { name: ui(lng, 'exportAll.start'), exact: true }).click();

    const question = dialog.getByRole('alert');
    await expect(question.getByRole('listitem')).toHaveText(['news/flood-recife.en.txt']);
    await page.screenshot({ path: shot(`${lng}-export-replace`) });
    // Nothing was written yet.
    expect(readFileSync(join(outDir, 'news/flood-recife.en.txt'), 'utf8')).toBe('MY OWN NOTES');

    await dialog.getByRole('button', { name: ui(lng, 'exportAll.keep'), exact: true }).click();
    await expect(question).toBeHidden();
    expect(readFileSync(join(outDir, 'news/flood-recife.en.txt'), 'utf8')).toBe('MY OWN NOTES');

    await dialog.getByRole('button', { name: ui(lng, 'exportAll.start'), exact: true }).click();
    await dialog.getByRole('button', { name: ui(lng, 'exportAll.replaceConfirm'), exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText(outDir);
    expect(readFileSync(join(outDir, 'news/flood-recife.en.txt'), 'utf8')).toBe(readFileSync(join(served.root, 'news/flood-recife.en.txt'), 'utf8'));
    expect(pageErrors).toEqual([]);
  });
}

test('Export all into a folder the server was not given is refused with a clear message', async ({ page, served, pageErrors }) => {
  await served.open(page, 'en');
  await page.getByRole('button', { name: ui('en', 'project.exportAll'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: ui('en', 'exportAll.title') });
  await dialog.getByRole('textbox', { name: ui('en', 'exportAll.folder') }).fill('/tmp');
  await dialog.getByRole('button', { name: ui('en', 'exportAll.start'), exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(`may only export into ${served.root}-export`);
  expect(pageErrors).toEqual([]);
});

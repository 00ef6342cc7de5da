import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shot, test } from './served-project';
import { ui } from './locale';

const ARTICLE = 'review/chuva-salvador.tsv';
const langName = (lng: string, tag: string) => new Intl.DisplayNames([lng], { type: 'language' }).of(tag)!;

for (const lng of ['en', 'ar']) {
  test(`a bilingual table is reviewed side by side and saved changing only the edited cell (${lng})`, async ({ page, served, pageErrors }) => {
    const file = join(served.root, ARTICLE);
    const before = readFileSync(file, 'utf8');
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();

    // The source column on one side, the target column in the editor, aligned row by row.
    const source = page.getByRole('region', { name: ui(lng, 'review.sourcePane', { lang: langName(lng, 'pt-BR') }) });
    await expect(source).toContainText('Segundo o órgão, 35 famílias foram retiradas');
    await expect(source).not.toContainText('CHU-3');
    await expect(page.locator('.editor-pane .monaco-editor')).toContainText('removed from of risk areas');

    // Select "from of" with the find widget and type over it.
    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('from of');
    await page.keyboard.press('Escape');
    await page.keyboard.type('from');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.unsaved') })).toBeVisible();
    await page.keyboard.press('Control+S');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.allSaved') })).toBeVisible();
    await page.screenshot({ path: shot(`${lng}-bilingual-table`) });

    const after = readFileSync(file, 'utf8');
    expect(after).toBe(before.replace('removed from of risk areas', 'removed from risk areas'));
    // The id and status columns and the CRLF line endings are untouched.
    expect(after.split('\r\n')[3]).toBe('CHU-3\tSegundo o órgão, 35 famílias foram retiradas de áreas de risco no subúrbio.\tAccording to the agency, 35 families were removed from risk areas in the the suburb.\tMT');
    expect(pageErrors).toEqual([]);
  });
}

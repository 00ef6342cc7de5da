import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shot, test } from './served-project';
import { ui } from './locale';

const ARTICLE = 'news/flood-recife.txt';

// Our own three-segment TSV in Google's WMT MQM format, with one malformed row (line 5: a seg_id that is no number).
const TSV = [
  'system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\tcomment',
  'sysA\ttalk1\t1\t1\trater1\tThe river rose fast.\tDer Fluss <v>stieg</v> schnell an.\tFluency/Grammar\tMinor\t',
  'sysA\ttalk1\t1\t2\trater1\tIt rained all night.\tEs regnete die ganze Nacht.\tNo-error\tNo-error\t',
  'sysA\ttalk1\t1\t3\trater1\tThe schools closed.\t<v>Die Schulen</v> schlossen.\tAccuracy/Mistranslation\tMajor\tshould be "Schools"',
  'sysA\ttalk1\t1\tthree\trater1\tA.\tB.\tOther\tMinor\t',
].join('\n');

for (const lng of ['en', 'es']) {
  test(`project settings: switch a check off, re-grade another, set a pass threshold (${lng})`, async ({ page, served }) => {
    await served.open(page, lng);
    // Problems are counted in the background, without opening the articles.
    await expect(page.getByRole('row').filter({ hasText: 'news/inflacion-madrid.txt' }).locator('.problem-counts')).toBeVisible();

    await page.getByRole('button', { name: ui(lng, 'projectSettings.open') }).click();
    const dialog = page.getByRole('dialog', { name: ui(lng, 'projectSettings.title') });
    await dialog.getByRole('checkbox', { name: ui(lng, 'projectSettings.enableRule', { rule: 'en.stacked-prepositions' }) }).uncheck();
    await dialog.getByRole('combobox', { name: ui(lng, 'projectSettings.gradeRule', { rule: 'en.article-proper-noun' }) }).selectOption('critical');
    await dialog.getByLabel(ui(lng, 'projectSettings.threshold')).fill('10');
    await dialog.getByRole('button', { name: ui(lng, 'projectSettings.saveProfile') }).click();
    await expect(dialog.getByRole('status')).toHaveText(ui(lng, 'projectSettings.saved'));
    await page.screenshot({ path: shot(`${lng}-project-settings`) });
    const config = JSON.parse(readFileSync(join(served.root, '.calque/project.json'), 'utf8')) as {
      checks: { disabled: string[]; severity: Record<string, string> };
      scoring: { threshold: number };
    };
    expect(config.checks.disabled).toEqual(['en.stacked-prepositions']);
    expect(config.checks.severity['en.article-proper-noun']).toBe('critical');
    expect(config.scoring.threshold).toBe(10);
    await dialog.getByRole('button', { name: ui(lng, 'settings.close') }).click();

    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    const problems = page.getByRole('list', { name: ui(lng, 'problems.title') });
    await expect(problems.getByRole('listitem').filter({ hasText: '“the Brazil”' })).toContainText(ui(lng, 'severity.critical'));
    await expect(problems.getByRole('listitem').filter({ hasText: '“from of”' })).toHaveCount(0);
  });
}

test('import a WMT MQM file: malformed rows listed by line, then skipped on request', async ({ page, served }) => {
  await served.open(page, 'en');
  await page.getByRole('button', { name: 'Import MQM…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import MQM annotations' });
  await dialog.getByLabel('MQM TSV file').setInputFiles({ name: 'ted.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(TSV) });
  await dialog.getByLabel('Source language').fill('en');
  await dialog.getByLabel('Translation language').fill('de');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('list', { name: 'Rows that cannot be read' })).toContainText('Line 5:');
  await page.screenshot({ path: shot('en-mqm-import-problems') });
  await dialog.getByRole('button', { name: 'Skip these rows and import the rest' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import finished. Articles: 1; annotations: 2; rows skipped: 1.' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'sysA/talk1.txt' });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').nth(8)).toHaveText('2'); // the Annotations column (Segments comes after it)

  await page.getByRole('button', { name: 'Open sysA/talk1.txt' }).click();
  await page.getByRole('tab', { name: /Annotations \(2\)/ }).click();
  await expect(page.getByRole('list', { name: 'Annotations' })).toContainText('should be "Schools"');
  await expect(page.locator('.editor-pane .ann-major')).toHaveText('Die Schulen');
});

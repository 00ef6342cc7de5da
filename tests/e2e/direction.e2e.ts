import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, shot, startServe, test } from './served-project';
import { ui } from './locale';

/** One article whose two files carry language tags only: the names cannot tell the direction. */
function folder(config?: object): string {
  const root = mkdtempSync(join(tmpdir(), 'calque-direction-'));
  writeFileSync(join(root, 'report.pt.txt'), 'O rio subiu dois metros.\n');
  writeFileSync(join(root, 'report.en.txt'), 'The river rose two meters.\n');
  if (config) {
    mkdirSync(join(root, '.calque'));
    writeFileSync(join(root, '.calque/project.json'), JSON.stringify(config));
  }
  return root;
}

for (const lng of ['en', 'ar']) {
  test(`serve without --from/--to asks for the direction in the page; no baseline before the answer (${lng})`, async ({ page, pageErrors }) => {
    const root = folder();
    const { child, url } = await startServe(root);
    try {
      await page.goto(`${url}&lng=${lng}`);
      const dialog = page.getByRole('dialog', { name: ui(lng, 'languages.title') });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('combobox', { name: ui(lng, 'languages.source') })).toHaveValue('pt');
      await page.screenshot({ path: shot(`${lng}-direction-question`) });
      // The question is open: nothing of Calque's was captured yet.
      expect(existsSync(join(root, '.calque/baselines'))).toBe(false);
      await dialog.getByRole('button', { name: ui(lng, 'languages.save') }).click();
      await expect(dialog).toBeHidden();
      await page.getByRole('button', { name: ui(lng, 'list.open', { name: 'report.txt' }) }).click();
      await expect(page.locator('.monaco-editor').first()).toContainText('The river rose', { timeout: 30_000 }); // Monaco loads slowly on a loaded machine
      expect(readFileSync(join(root, '.calque/baselines/report.txt'), 'utf8')).toBe('The river rose two meters.\n');
      expect(pageErrors).toEqual([]);
    } finally {
      child.kill('SIGTERM');
      rmSync(root, { recursive: true, force: true });
    }
  });

  test(`a direction changed in the project settings offers to replace the old baseline, keeping a backup (${lng})`, async ({ page, pageErrors }) => {
    // Set up the wrong way round: the Portuguese file was taken as the translation.
    const root = folder({ formatVersion: 1, pairs: [{ source: 'en', target: 'pt' }] });
    const { child, url } = await startServe(root);
    try {
      await page.goto(`${url}&lng=${lng}`);
      await page.getByRole('button', { name: ui(lng, 'list.open', { name: 'report.txt' }) }).click();
      await expect(page.locator('.monaco-editor').first()).toContainText('O rio subiu', { timeout: 30_000 });
      await page.getByRole('button', { name: ui(lng, 'review.back') }).click();
      await page.getByRole('button', { name: ui(lng, 'projectSettings.open') }).click();
      const dialog = page.getByRole('dialog', { name: ui(lng, 'projectSettings.title') });
      const section = dialog.getByRole('region', { name: ui(lng, 'projectSettings.languages') });
      const pair = ui(lng, 'languages.pair', { source: languageName('en', lng), target: languageName('pt', lng) });
      await dialog.getByRole('button', { name: ui(lng, 'projectSettings.swapPair', { pair }) }).click();
      await dialog.getByRole('button', { name: ui(lng, 'projectSettings.saveLanguages') }).click();
      await expect(section.getByRole('status')).toHaveText(ui(lng, 'projectSettings.languagesSaved'));
      const offer = section.getByRole('group', { name: ui(lng, 'projectSettings.staleBaselines_one', { count: 1 }) });
      await expect(offer).toBeVisible();
      await expect(offer.getByRole('list', { name: ui(lng, 'projectSettings.staleList') })).toHaveText('report.txt');
      await page.screenshot({ path: shot(`${lng}-direction-changed`) });
      // Offered, not done: the old baseline is still there until the editor says so.
      expect(readFileSync(join(root, '.calque/baselines/report.txt'), 'utf8')).toBe('O rio subiu dois metros.\n');
      await offer.getByRole('button', { name: ui(lng, 'projectSettings.replaceBaselines_one', { count: 1 }) }).click();
      await expect(section.getByRole('status')).toHaveText(ui(lng, 'projectSettings.baselinesReplaced_one', { count: 1 }));
      await expect(offer).toBeHidden();
      expect(readFileSync(join(root, '.calque/baselines/report.txt'), 'utf8')).toBe('The river rose two meters.\n');
      const backups = readdirSync(join(root, '.calque/backups/baselines'));
      expect(backups).toHaveLength(1);
      expect(readFileSync(join(root, '.calque/backups/baselines', backups[0]!), 'utf8')).toBe('O rio subiu dois metros.\n');
      expect(JSON.parse(readFileSync(join(root, '.calque/project.json'), 'utf8')).pairs).toEqual([{ source: 'pt', target: 'en' }]);
      expect(pageErrors).toEqual([]);
    } finally {
      child.kill('SIGTERM');
      rmSync(root, { recursive: true, force: true });
    }
  });
}

/** The language names as the page shows them (Intl.DisplayNames in the UI language). */
function languageName(tag: string, lng: string): string {
  return new Intl.DisplayNames([lng], { type: 'language' }).of(tag) ?? tag;
}

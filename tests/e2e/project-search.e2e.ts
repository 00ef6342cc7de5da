import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shot, test } from './served-project';
import { ui } from './locale';

const FLOOD = 'news/flood-recife.en.txt';

for (const lng of ['en', 'ar']) {
  test(`search the project, preview replacements, replace the selected match only (${lng})`, async ({ page, served, pageErrors }) => {
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'search.open') }).click();
    const dialog = page.getByRole('dialog', { name: ui(lng, 'search.title') });
    await expect(dialog).toBeVisible();

    // A bad regular expression: a clear, localized error, nothing searched.
    await dialog.getByRole('searchbox', { name: ui(lng, 'search.pattern') }).fill('the (');
    await dialog.getByRole('checkbox', { name: ui(lng, 'search.regex') }).check();
    await dialog.getByRole('button', { name: ui(lng, 'search.find'), exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(ui(lng, 'errors.invalidPattern', { reason: '' }).slice(0, 12));

    // "the the" in five of the sample articles: a regex with a group, whole words.
    await dialog.getByRole('searchbox', { name: ui(lng, 'search.pattern') }).fill('\\b(the) the\\b');
    await dialog.getByRole('textbox', { name: ui(lng, 'search.replacement') }).fill('$1');
    await dialog.getByRole('button', { name: ui(lng, 'search.find'), exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText(ui(lng, 'search.found', { count: 5, articles: 5 }));
    const flood = dialog.getByRole('list', { name: ui(lng, 'search.matchesIn', { article: 'news/flood-recife.txt' }) });
    await expect(flood.getByRole('listitem')).toHaveCount(1);
    await expect(flood.locator('mark')).toHaveText('the the');
    await expect(flood.locator('ins')).toHaveText('the');
    await page.screenshot({ path: shot(`${lng}-project-search`) });

    await flood.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: ui(lng, 'search.replaceSelected', { count: 1 }) }).click();
    await expect.poll(() => readFileSync(join(served.root, FLOOD), 'utf8')).toContain('rescued alive by the Fire Department');
    // The other article was not selected: unchanged, and the search runs again to show what is left.
    expect(readFileSync(join(served.root, 'review/chuva-salvador.tsv'), 'utf8')).toContain('the the');
    await expect(dialog.getByRole('status')).toContainText(ui(lng, 'search.found', { count: 4, articles: 4 }));

    // Replace all takes the rest.
    await dialog.getByRole('button', { name: ui(lng, 'search.replaceAll', { count: 4 }) }).click();
    await expect.poll(() => readFileSync(join(served.root, 'review/chuva-salvador.tsv'), 'utf8')).not.toContain('the the');
    expect(pageErrors).toEqual([]);
  });

  test(`concordance: a source word and how the project translated its sentences (${lng})`, async ({ page, served }) => {
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'search.open') }).click();
    const dialog = page.getByRole('dialog', { name: ui(lng, 'search.title') });
    await dialog.getByRole('radio', { name: ui(lng, 'search.sides.source') }).check();
    await dialog.getByRole('checkbox', { name: ui(lng, 'search.concordance') }).check();
    await dialog.getByRole('checkbox', { name: ui(lng, 'search.wholeWord') }).check();
    await dialog.getByRole('searchbox', { name: ui(lng, 'search.pattern') }).fill('chuva');
    await dialog.getByRole('button', { name: ui(lng, 'search.find'), exact: true }).click();
    const flood = dialog.getByRole('list', { name: ui(lng, 'search.matchesIn', { article: 'news/flood-recife.txt' }) });
    await expect(flood.getByRole('listitem').first()).toBeVisible();
    // "antes que a chuva volte a apertar" is translated "before the rain gets heavier again".
    await expect(flood.getByRole('listitem').filter({ hasText: 'volte a apertar' })).toContainText('before the rain gets heavier again');
    await expect(dialog.getByRole('textbox', { name: ui(lng, 'search.replacement') })).toHaveCount(0);
    await page.screenshot({ path: shot(`${lng}-concordance`) });
  });
}

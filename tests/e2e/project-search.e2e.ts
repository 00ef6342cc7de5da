import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, shot, startServe, test } from './served-project';
import { ui, uiPattern } from './locale';

const FLOOD = 'news/flood-recife.en.txt';
const num = (lng: string, n: number) => new Intl.NumberFormat(lng).format(n);

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

/**
 * Books long enough that a concordance takes a while: each source has "rio" once, and each match's
 * book is aligned sentence by sentence (about a tenth of a second of CPU per book).
 */
const BOOKS = 60;
function booksProject(): { tmp: string; root: string } {
  const tmp = mkdtempSync(join(tmpdir(), 'calque-e2e-search-'));
  const root = join(tmp, 'books');
  mkdirSync(root);
  const fonte = 'A cidade do Recife ficou alagada na sexta-feira, e quatro pessoas morreram nas enchentes.';
  const para = 'The city of Recife was flooded on Friday, and four people died in the floods.';
  for (let i = 0; i < BOOKS; i++) {
    writeFileSync(join(root, `book${i}.pt.txt`), ['O rio subiu.', ...Array<string>(1999).fill(fonte)].join('\n\n') + '\n');
    writeFileSync(join(root, `book${i}.en.txt`), ['The river rose.', ...Array<string>(1999).fill(para)].join('\n\n') + '\n');
  }
  return { tmp, root };
}

for (const lng of ['en', 'ar']) {
  test(`a long project search shows its progress and stops on Cancel, keeping no result; the next search runs (${lng})`, async ({ page, pageErrors }) => {
    test.setTimeout(180_000);
    const { tmp, root } = booksProject();
    const { child, url } = await startServe(root, ['--from', 'pt', '--to', 'en']);
    try {
      await page.goto(`${url}&lng=${lng}`);
      await page.getByRole('button', { name: ui(lng, 'search.open') }).click();
      const dialog = page.getByRole('dialog', { name: ui(lng, 'search.title') });
      await dialog.getByRole('radio', { name: ui(lng, 'search.sides.source') }).check();
      await dialog.getByRole('checkbox', { name: ui(lng, 'search.concordance') }).check();
      await dialog.getByRole('checkbox', { name: ui(lng, 'search.wholeWord') }).check();
      await dialog.getByRole('searchbox', { name: ui(lng, 'search.pattern') }).fill('rio');
      await dialog.getByRole('button', { name: ui(lng, 'search.find'), exact: true }).click();
      const status = dialog.getByRole('status');
      await expect(status).toHaveText(uiPattern(lng, 'search.progress'), { timeout: 30_000 });
      await page.screenshot({ path: shot(`${lng}-project-search-progress`) });
      await dialog.getByRole('button', { name: ui(lng, 'search.cancel'), exact: true }).click();
      await expect(status).toHaveText(ui(lng, 'search.cancelled'), { timeout: 30_000 });
      await expect(dialog.getByRole('list')).toHaveCount(0);
      await expect(dialog.getByRole('button', { name: ui(lng, 'search.cancel'), exact: true })).toHaveCount(0);
      // The same search without the concordance runs to its end: every book has its "rio".
      await dialog.getByRole('checkbox', { name: ui(lng, 'search.concordance') }).uncheck();
      await dialog.getByRole('button', { name: ui(lng, 'search.find'), exact: true }).click();
      await expect(status).toHaveText(ui(lng, 'search.found', { count: num(lng, BOOKS), articles: num(lng, BOOKS) }), { timeout: 60_000 });
      expect(pageErrors).toEqual([]);
    } finally {
      child.kill('SIGTERM');
      rmSync(tmp, { recursive: true, force: true });
    }
  });
}

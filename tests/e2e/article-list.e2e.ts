import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, shot, test } from './served-project';
import { ui } from './locale';

/** The five sample translations with "the the", each once. */
const DOUBLED = ['news/flood-recife.en.txt', 'review/chuva-salvador.tsv'];
const num = (lng: string, n: number) => new Intl.NumberFormat(lng).format(n);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The label of the "the the" group (its rule id after it), as the locale writes it. */
const doubledLabel = (lng: string) => ui(lng, 'problems.groupWord', { text: 'the the', rule: '' });
const rowOf = (page: Page, lng: string, id: string) => page.getByRole('row').filter({ has: page.getByRole('button', { name: ui(lng, 'list.open', { name: id }) }) });

for (const lng of ['en', 'ar']) {
  test(`an article never opened shows its figures in the list, not dashes (${lng})`, async ({ page, served }) => {
    await served.open(page, lng);
    const row = rowOf(page, lng, 'tech/satelite.txt');
    // Segments: none reviewed yet, out of the article's real number; HTER and chrF of an untouched text.
    await expect(row.locator('.segment-progress')).toHaveText(new RegExp(`^${num(lng, 0)} / [${num(lng, 1)}-${num(lng, 9)}]`));
    // The problems column fills in from the background counts: then no cell is left without a figure.
    await expect(row).not.toContainText('—');
    await page.screenshot({ path: shot(`article-list-never-opened-${lng}`) });
  });

  test(`problems across the project: grouped by rule and words, counted per article, fixed everywhere in one undo, ignored everywhere (${lng})`, async ({ page, served, pageErrors }) => {
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'projectProblems.open') }).click();
    const dialog = page.getByRole('dialog', { name: ui(lng, 'projectProblems.title') });
    const groups = dialog.getByRole('list', { name: ui(lng, 'projectProblems.title') });
    const doubled = groups.getByRole('listitem', { name: new RegExp(`^${escape(doubledLabel(lng))}`) });
    await expect(doubled).toHaveCount(1);
    // Counted per article: five articles, once each.
    const perArticle = doubled.getByRole('list');
    await expect(perArticle.getByRole('listitem')).toHaveCount(5);
    await expect(perArticle.getByRole('listitem').filter({ hasText: 'news/flood-recife.txt' })).toContainText(ui(lng, 'problems.groupCount', { count: num(lng, 1) }));
    await page.screenshot({ path: shot(`project-problems-${lng}`) });

    // Fix all in every article: one save each, the list's counts follow; one undo puts them back.
    const before = DOUBLED.map((f) => readFileSync(join(served.root, f), 'utf8'));
    await doubled.getByRole('button', { name: new RegExp(`^${escape(ui(lng, 'problems.fixAllNamed', { count: num(lng, 5), group: '' }))}`) }).click();
    await expect(dialog.getByRole('status')).toContainText(ui(lng, 'projectProblems.fixed', { count: num(lng, 5), articles: num(lng, 5), conflicts: num(lng, 0) }));
    await expect(doubled).toHaveCount(0);
    for (const f of DOUBLED) expect(readFileSync(join(served.root, f), 'utf8')).not.toContain('the the');
    await dialog.getByRole('button', { name: ui(lng, 'projectProblems.undo') }).click();
    await expect(dialog.getByRole('status')).toContainText(ui(lng, 'search.undone', { restored: num(lng, 5), conflicts: num(lng, 0) }));
    await expect(doubled).toHaveCount(1);
    expect(DOUBLED.map((f) => readFileSync(join(served.root, f), 'utf8'))).toEqual(before);

    // Ignore everywhere: kept in project.json, the group leaves the list.
    await doubled.getByRole('button', { name: new RegExp(`^${escape(ui(lng, 'problems.ignoreEverywhereNamed', { group: '' }) + doubledLabel(lng))}`) }).click();
    await expect(doubled).toHaveCount(0);
    const config = JSON.parse(readFileSync(join(served.root, '.calque/project.json'), 'utf8')) as { checks?: { ignores?: { text: string }[] } };
    expect(config.checks?.ignores?.map((i) => i.text)).toContain('the the');
    expect(pageErrors).toEqual([]);
  });
}

for (const lng of ['en', 'ar']) {
  for (const width of [1280, 1440]) {
    test(`at ${width} px the project's actions stand on one row of their own, under the heading and the filters (${lng})`, async ({ page, served }) => {
      await page.setViewportSize({ width, height: 800 });
      await served.open(page, lng);
      const actions = page.getByRole('group', { name: ui(lng, 'project.actions') });
      await expect(actions.getByRole('button', { name: ui(lng, 'projectSettings.open') })).toBeVisible();
      const buttons = await actions.getByRole('button').all();
      expect(buttons.length).toBeGreaterThanOrEqual(5);
      const first = (await buttons[0]!.boundingBox())!;
      for (const b of buttons) expect((await b.boundingBox())!.y).toBeCloseTo(first.y, 0);
      // The row starts at the reading start, under the filters.
      const filter = (await page.getByRole('searchbox', { name: ui(lng, 'list.filter') }).boundingBox())!;
      expect(first.y).toBeGreaterThan(filter.y + filter.height);
      const row = (await actions.boundingBox())!;
      if (lng === 'ar') expect(first.x + first.width).toBeCloseTo(row.x + row.width, 0);
      else expect(first.x).toBeCloseTo(row.x, 0);
    });
  }
}

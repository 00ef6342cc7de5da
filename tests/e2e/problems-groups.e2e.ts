import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shot, test } from './served-project';
import { ui } from './locale';

const ARTICLE = 'news/flood-recife.txt';
const TARGET = 'news/flood-recife.en.txt';
/** The source press's date style, four times in the sample: one group of en.weekday-day-number. */
const WEEKDAYS = ['Monday (11)', 'Wednesday (13)', 'Tuesday (12)', 'Friday (15)'];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An accessible name made from a locale string whose {{group}} holds the rule id somewhere. */
const named = (lng: string, key: string, params: Record<string, string | number>, rule: string) => {
  const [before, after] = ui(lng, key, { ...params, group: '\u0000' }).split('\u0000');
  return new RegExp(`^${escape(before!)}.*${escape(rule)}.*${escape(after!)}$`);
};

for (const lng of ['en', 'ar']) {
  test(`problems grouped by rule: fix all in one undo step, ignore all, search, segment numbers (${lng})`, async ({ page, served, pageErrors }) => {
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    const problems = page.getByRole('list', { name: ui(lng, 'problems.title') });
    await expect(problems.getByRole('listitem').first()).toBeVisible({ timeout: 30_000 }); // the first check of a cold server

    // Each card names its segment: "this Wednesday (13)" is in the first paragraph.
    await expect(problems.getByRole('listitem').filter({ hasText: 'this Wednesday (13)' })).toContainText(ui(lng, 'problems.segment', { n: 1 }));

    await page.getByLabel(ui(lng, 'problems.groupBy')).selectOption('rule');
    const fixAll = page.getByRole('button', { name: named(lng, 'problems.fixAllNamed', { count: 4 }, 'en.weekday-day-number') });
    await expect(fixAll).toBeVisible();
    await expect(page.getByRole('button', { name: /en\.weekday-day-number/, expanded: false })).toContainText(ui(lng, 'problems.groupCount', { count: 4 }));
    await page.screenshot({ path: shot(`${lng}-problems-grouped`) });

    await fixAll.click();
    await expect(fixAll).toHaveCount(0);
    // Saved to look at the whole text (Monaco renders only the lines in view): every date of the group rewritten.
    const saved = () => readFileSync(join(served.root, TARGET), 'utf8');
    await page.keyboard.press('Control+S');
    await expect.poll(() => WEEKDAYS.filter((d) => saved().includes(d))).toEqual([]);
    // One undo takes the whole group back.
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+S');
    await expect.poll(() => WEEKDAYS.filter((d) => saved().includes(d))).toEqual(WEEKDAYS);
    await expect(fixAll).toBeVisible();

    // Open a group by keyboard: its cards are listed under it.
    const toggle = page.getByRole('button', { name: /en\.weekday-day-number/, expanded: false });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('list', { name: /en\.weekday-day-number/ }).getByRole('listitem')).toHaveCount(4);
    await page.screenshot({ path: shot(`${lng}-problems-group-open`) });

    // Ignore all of a group: one write into the article's review; the group leaves the panel.
    await page.getByRole('button', { name: named(lng, 'problems.ignoreAllNamed', { count: 4 }, 'en.weekday-day-number') }).click();
    await expect(fixAll).toHaveCount(0);
    await expect
      .poll(() => (JSON.parse(readFileSync(join(served.root, '.calque/reviews', `${ARTICLE}.json`), 'utf8')) as { ignores: { rule: string }[] }).ignores.filter((i) => i.rule === 'en.weekday-day-number').length)
      .toBe(4);

    // Search narrows the list to what matches.
    await page.getByLabel(ui(lng, 'problems.groupBy')).selectOption('none');
    await page.getByRole('searchbox', { name: ui(lng, 'problems.search') }).fill('the the');
    await expect(problems.getByRole('listitem')).toHaveCount(1);
    await expect(problems.getByRole('listitem')).toContainText('“the the”');
    expect(pageErrors).toEqual([]);
  });
}

for (const lng of ['en', 'ar']) {
  test(`the problems panel sorts by position, by severity and by rule (${lng})`, async ({ page, served }) => {
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    const cards = page.getByRole('list', { name: ui(lng, 'problems.title') }).getByRole('listitem');
    await expect(cards.first()).toBeVisible({ timeout: 30_000 }); // the first check of a cold server
    const sort = page.getByRole('combobox', { name: ui(lng, 'problems.sortBy') });
    const texts = (n: number) => cards.locator('.finding-text').evaluateAll((els, n) => els.slice(0, n).map((e) => e.textContent), n);
    // By position (the default): the translation from its start, the source's findings after it.
    await expect.poll(() => texts(3)).toEqual(['“date 2024-03-13 ”', '“this Monday (11)”', '“1,520”']);
    await expect(cards.last()).toContainText('“EFE”');
    // By severity: the three major ones first, in text order, then the minor ones.
    await sort.selectOption('severity');
    await expect.poll(() => texts(4)).toEqual(['“1,520”', '“Actually”', '“pretends”', '“date 2024-03-13 ”']);
    await expect(cards.nth(2).locator('.sev-badge')).toHaveText(ui(lng, 'severity.major'));
    await expect(cards.nth(3).locator('.sev-badge')).toHaveText(ui(lng, 'severity.minor'));
    // By rule id (en.article-proper-noun first, qa.repeated-words last), each rule's in text order.
    await sort.selectOption('rule');
    await expect.poll(() => texts(3)).toEqual(['“the Recife”', '“the Brazil”', '“date 2024-03-13 ”']);
    await expect(cards.last()).toContainText('“the the”');
    await page.screenshot({ path: shot(`${lng}-problems-sorted-by-rule`) });
    await sort.selectOption('position');
    await expect.poll(() => texts(1)).toEqual(['“date 2024-03-13 ”']);
  });
}

test('ignore a rule for a word everywhere: kept in project.json, gone from the other articles too', async ({ page, served }) => {
  await served.open(page, 'en');
  await page.getByRole('button', { name: ui('en', 'list.open', { name: ARTICLE }) }).click();
  const problems = page.getByRole('list', { name: ui('en', 'problems.title') });
  await expect(problems.getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
  await page.getByLabel(ui('en', 'problems.groupBy')).selectOption('word');
  const pretends = page.getByRole('button', { name: named('en', 'problems.ignoreEverywhereNamed', {}, '“pretends” · pt-en.false-friends') });
  await pretends.click();
  await expect
    .poll(() => (JSON.parse(readFileSync(join(served.root, '.calque/project.json'), 'utf8')) as { checks?: { ignores?: { rule: string; text: string }[] } }).checks?.ignores ?? [])
    .toContainEqual({ rule: 'pt-en.false-friends', text: 'pretends' });
  await expect(pretends).toHaveCount(0);
  // The other false friend of this article is still reported: only that word is ignored.
  await expect(page.getByRole('button', { name: named('en', 'problems.ignoreEverywhereNamed', {}, 'pt-en.false-friends') })).toHaveCount(1);
  // Another article with the same word no longer reports it either.
  await page.getByRole('button', { name: ui('en', 'review.back') }).click();
  await page.getByRole('button', { name: ui('en', 'list.open', { name: 'review/chuva-salvador.tsv' }) }).click();
  await expect(problems.getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
  await expect(problems.getByRole('listitem').filter({ hasText: '“the the”' })).toHaveCount(1);
  await expect(problems.getByRole('listitem').filter({ hasText: '“pretends”' })).toHaveCount(0);
});

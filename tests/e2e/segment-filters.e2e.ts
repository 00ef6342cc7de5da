import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, shot, test } from './served-project';
import { ui } from './locale';

// Six short segments, each with one thing the filters look for: a problem in 2 ("the the"), a word to
// search for in 3, an edit in 4, an annotation in 5; 1 is rejected.
const ARTICLE = 'world/porto.txt';
const SOURCE = ['O porto abriu ao amanhecer de segunda-feira.', 'Os pescadores levaram o pescado ao mercado.', 'O prefeito elogiou o novo farol.', 'Os preços caíram durante a tarde.', 'Os barcos voltaram antes da tempestade.', 'O mercado fechou às seis.'];
const TARGET = ['The harbour opened at dawn on Monday.', 'The fishermen took the the catch to the market.', 'The mayor praised the new lighthouse.', 'Prices fell during the afternoon.', 'The boats came back before the storm.', 'The market closed at six.'];

const bar = (page: Page, lng: string) => page.getByRole('toolbar', { name: ui(lng, 'segments.toolbar') });
const current = (page: Page, lng: string) => bar(page, lng).getByRole('status');
const countOf = (page: Page, lng: string, s: string) => bar(page, lng).getByRole('list', { name: ui(lng, 'segments.counts') }).locator(`.seg-${s} b`);
const num = (lng: string, n: number) => new Intl.NumberFormat(lng).format(n);

/** Exactly the segments `shown` are visible, in the source pane and in the editor's gutter. */
async function expectShown(page: Page, lng: string, shown: number[]) {
  for (let n = 1; n <= SOURCE.length; n++) {
    const para = page.locator(`.source-pane .para[data-segment="${n}"]`);
    if (shown.includes(n)) await expect(para).toBeVisible();
    else await expect(para).toBeHidden();
    await expect(page.locator('.editor-pane .line-numbers').filter({ hasText: new RegExp(`^${n}$`) })).toHaveCount(shown.includes(n) ? 1 : 0);
  }
  await expect(bar(page, lng).getByText(ui(lng, 'segments.shown', { count: num(lng, shown.length) }))).toBeVisible();
}

for (const lng of ['en', 'ar']) {
  test(`reject a segment; show only the edited ones, those with problems, with annotations, or matching a search (${lng})`, async ({ page, served, pageErrors }) => {
    mkdirSync(join(served.root, 'world'), { recursive: true });
    writeFileSync(join(served.root, 'world/porto.pt-BR.txt'), SOURCE.join('\n\n') + '\n');
    writeFileSync(join(served.root, 'world/porto.en.txt'), TARGET.join('\n\n') + '\n');
    await page.setViewportSize({ width: 1400, height: 900 });
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    const editor = page.locator('.editor-pane .monaco-editor');
    await expect(editor.locator('.view-lines')).toContainText('harbour');
    const total = SOURCE.length;

    // Reject segment 1 with the bar's button.
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    await bar(page, lng).getByRole('button', { name: ui(lng, 'segments.reject'), exact: true }).click();
    await expect(current(page, lng)).toHaveText(ui(lng, 'segments.current', { number: num(lng, 1), total: num(lng, total), state: ui(lng, 'segments.state.rejected') }));
    await expect(countOf(page, lng, 'rejected')).toHaveText(num(lng, 1));
    await expect(page.locator('.source-pane .para[data-segment="1"]')).toHaveClass(/seg-rejected/);

    // Edit segment 4: its state follows its text.
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Alt+ArrowDown');
    await expect(current(page, lng)).toContainText(ui(lng, 'segments.current', { number: num(lng, 4), total: num(lng, total), state: ui(lng, 'segments.state.not-reviewed') }));
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft'); // before the full stop: a sentence that lost its stop is a problem of its own
    await page.keyboard.type(' sharply');
    await expect(countOf(page, lng, 'edited')).toHaveText(num(lng, 1), { timeout: 20_000 });

    // Annotate segment 5's sentence (selected from its start to the end of its line).
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Alt+ArrowDown');
    await expect(current(page, lng)).toContainText(ui(lng, 'segments.current', { number: num(lng, 5), total: num(lng, total), state: '' }));
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Alt+3');
    const dialog = page.getByRole('dialog', { name: ui(lng, 'annotate.title') });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Control+Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('tab', { name: ui(lng, 'annotations.tab_one', { count: num(lng, 1) }) })).toBeVisible();
    // The checks have run: the repeated word is the one problem (the panel shows the annotations now).
    await expect(page.getByRole('tab', { name: ui(lng, 'problems.tab_one', { count: num(lng, 1) }) })).toBeVisible({ timeout: 30_000 });

    const filter = bar(page, lng).getByRole('combobox', { name: ui(lng, 'segments.filter') });
    await filter.selectOption('edited');
    await expectShown(page, lng, [4]);
    await filter.selectOption('problems');
    await expectShown(page, lng, [2]);
    await page.screenshot({ path: shot(`segments-filter-problems-${lng}`) });
    // The cursor never rests in a hidden segment: Ctrl+End (the end of segment 6, hidden) lands at the
    // end of segment 2, and what is typed goes there, not into text no one sees.
    await editor.getByText('The fishermen').click();
    await page.keyboard.press('Control+End');
    await expect(current(page, lng)).toContainText(ui(lng, 'segments.current', { number: num(lng, 2), total: num(lng, total), state: '' }));
    await page.keyboard.type(' Fresh');
    await expect(editor.locator('.view-line').filter({ hasText: 'the market. Fresh' })).toHaveCount(1);
    await filter.selectOption('annotations');
    await expectShown(page, lng, [5]);
    // A search matches the translation or the source of a segment.
    await filter.selectOption('all');
    const search = bar(page, lng).getByRole('searchbox', { name: ui(lng, 'segments.search') });
    await search.fill('lighthouse');
    await expectShown(page, lng, [3]);
    await search.fill('mercado');
    await expectShown(page, lng, [2, 6]);
    await page.screenshot({ path: shot(`segments-filter-search-${lng}`) });
    // A search within a filter: the segments with problems that match.
    await filter.selectOption('problems');
    await expectShown(page, lng, [2]);
    await search.fill('');
    await filter.selectOption('all');
    for (let n = 1; n <= total; n++) await expect(page.locator(`.source-pane .para[data-segment="${n}"]`)).toBeVisible();
    await expect(editor.locator('.view-line').filter({ hasText: 'The market closed at six' })).toHaveText(TARGET[5]!);
    expect(pageErrors).toEqual([]);
  });
}

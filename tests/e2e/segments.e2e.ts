import { expect, shot, test } from './served-project';
import { ui } from './locale';

const ARTICLE = 'news/flood-recife.txt';
type Page = import('@playwright/test').Page;
type APIResponse = import('@playwright/test').APIResponse;

async function openArticle(page: Page, lng: string) {
  await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
  await expect(page.locator('.editor-pane .monaco-editor .view-lines')).toBeVisible();
}
const bar = (page: Page, lng: string) => page.getByRole('toolbar', { name: ui(lng, 'segments.toolbar') });
const current = (page: Page, lng: string) => bar(page, lng).getByRole('status');
const stateName = (lng: string, s: string) => ui(lng, `segments.state.${s}`);
/** An API answer (`{ ok, result }`) whose review status says `status`. */
const withStatus = (body: { ok: boolean; result: object }, status: string) => ({ ...body, result: { ...body.result, status } });
const countOf = (page: Page, lng: string, s: string) => bar(page, lng).getByRole('list', { name: ui(lng, 'segments.counts') }).locator(`.seg-${s} b`);

for (const lng of ['en', 'ar']) {
  test(`Ctrl+Enter confirms the segment, goes to the next unconfirmed one, and the counts follow in the view and the list (${lng})`, async ({ page, served }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await served.open(page, lng);
    await openArticle(page, lng);
    const total = Number(await countOf(page, lng, 'not-reviewed').textContent());
    expect(total).toBeGreaterThan(3);
    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    await expect(current(page, lng)).toHaveText(ui(lng, 'segments.current', { number: 1, total, state: stateName(lng, 'not-reviewed') }));
    // The gutter numbers segments on their first line, in both panes.
    await expect(page.locator('.editor-pane .line-numbers').filter({ hasText: /^1$/ })).toHaveCount(1);
    await expect(page.locator('.source-pane .para[data-segment="2"]')).toBeVisible();

    await page.keyboard.press('Control+Enter');
    await expect(current(page, lng)).toHaveText(ui(lng, 'segments.current', { number: 2, total, state: stateName(lng, 'not-reviewed') }));
    await expect(countOf(page, lng, 'confirmed')).toHaveText('1');
    await expect(page.locator('.source-pane .para[data-segment="1"]')).toHaveClass(/seg-confirmed/);
    await page.keyboard.press('Control+Enter');
    await expect(countOf(page, lng, 'confirmed')).toHaveText('2');
    await expect(current(page, lng)).toContainText(ui(lng, 'segments.current', { number: 3, total, state: stateName(lng, 'not-reviewed') }));
    // Back to segment 1 and on: Shift+Alt+↓ skips the confirmed segment 2.
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect(current(page, lng)).toHaveText(ui(lng, 'segments.current', { number: 1, total, state: stateName(lng, 'confirmed') }));
    await page.keyboard.press('Shift+Alt+ArrowDown');
    await expect(current(page, lng)).toHaveText(ui(lng, 'segments.current', { number: 3, total, state: stateName(lng, 'not-reviewed') }));
    await page.screenshot({ path: shot(`segments-confirmed-${lng}`) });

    await page.getByRole('button', { name: ui(lng, 'review.back') }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }) });
    await expect(row.locator('.segment-progress')).toHaveText(`2 / ${total}`.replace(/\d+/g, (d) => new Intl.NumberFormat(lng).format(Number(d))));
    await expect(row.getByText(ui(lng, 'status.in-review'))).toBeVisible();
  });

  test(`confirming every segment makes the article done, in the view and the list (${lng})`, async ({ page, served }) => {
    await served.open(page, lng);
    await openArticle(page, lng);
    const statusBox = page.getByRole('combobox', { name: ui(lng, 'status.label') });
    const total = Number(await countOf(page, lng, 'not-reviewed').textContent());
    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    for (let k = 1; k <= total; k++) {
      await page.keyboard.press('Control+Enter');
      await expect(countOf(page, lng, 'confirmed')).toHaveText(String(k));
    }
    await expect(statusBox).toHaveValue('done');
    await page.getByRole('button', { name: ui(lng, 'review.back') }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }) });
    await expect(row.getByText(ui(lng, 'status.done'))).toBeVisible();
  });

  test(`a locked segment refuses an edit; the filter "not confirmed" hides confirmed segments in both panes (${lng})`, async ({ page, served }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await served.open(page, lng);
    await openArticle(page, lng);
    const editor = page.locator('.editor-pane .monaco-editor');
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+l');
    await expect(current(page, lng)).toContainText(ui(lng, 'segments.lockedTag'));
    await expect(bar(page, lng).getByRole('button', { name: ui(lng, 'segments.unlock') })).toBeVisible();
    const before = await editor.locator('.view-line').first().textContent();
    await page.keyboard.type('XYZ');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'segments.lockedEditor', { number: new Intl.NumberFormat(lng).format(1) }) })).toBeVisible();
    expect(await editor.locator('.view-line').first().textContent()).toBe(before);
    await page.screenshot({ path: shot(`segments-locked-${lng}`) });
    // Unlocked, the same keys type.
    await page.keyboard.press('Alt+l');
    await page.keyboard.type('XYZ');
    await expect(editor.locator('.view-line').first()).toContainText('XYZ');
    await page.keyboard.press('Control+z');

    // Confirm segments 2 and 3, then show only what is not confirmed.
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Control+Enter');
    await expect(countOf(page, lng, 'confirmed')).toHaveText('2');
    await bar(page, lng).getByRole('combobox', { name: ui(lng, 'segments.filter') }).selectOption('notConfirmed');
    await expect(page.locator('.source-pane .para[data-segment="2"]')).toBeHidden();
    await expect(page.locator('.source-pane .para[data-segment="3"]')).toBeHidden();
    await expect(page.locator('.source-pane .para[data-segment="1"]')).toBeVisible();
    await expect(page.locator('.source-pane .para[data-segment="4"]')).toBeVisible();
    // In the editor the hidden segments' lines are gone: segment 4 follows segment 1.
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    const numbers = editor.locator('.line-numbers');
    await expect(numbers.filter({ hasText: /^1$/ })).toHaveCount(1);
    await expect(numbers.filter({ hasText: /^2$/ })).toHaveCount(0);
    await expect(numbers.filter({ hasText: /^4$/ })).toHaveCount(1);
    await page.screenshot({ path: shot(`segments-filter-${lng}`) });
    await bar(page, lng).getByRole('combobox', { name: ui(lng, 'segments.filter') }).selectOption('all');
    await expect(page.locator('.source-pane .para[data-segment="2"]')).toBeVisible();
  });
}

for (const lng of ['en', 'ar']) {
  test(`reloading the page returns to the open article and segment (${lng})`, async ({ page, served }) => {
    await served.open(page, lng);
    await openArticle(page, lng);
    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    const total = Number(await countOf(page, lng, 'not-reviewed').textContent());
    for (let i = 0; i < 4; i++) await page.keyboard.press('Alt+ArrowDown');
    await expect(current(page, lng)).toHaveText(ui(lng, 'segments.current', { number: 5, total, state: stateName(lng, 'not-reviewed') }));
    await page.reload();
    await expect(current(page, lng)).toHaveText(ui(lng, 'segments.current', { number: 5, total, state: stateName(lng, 'not-reviewed') }));
    await expect(page.getByRole('heading', { name: ARTICLE })).toBeVisible();
    // Back at the list, a reload stays at the list.
    await page.getByRole('button', { name: ui(lng, 'review.back') }).click();
    await page.reload();
    await expect(page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) })).toBeVisible();
  });
}

for (const lng of ['en', 'ar']) {
  test(`a lock's late answer does not lock the segment again once it is unlocked: every letter typed after the unlock lands (${lng})`, async ({ page, served }) => {
    await served.open(page, lng);
    await openArticle(page, lng);
    const editor = page.locator('.editor-pane .monaco-editor');
    const statusBox = page.getByRole('combobox', { name: ui(lng, 'status.label') });
    // A loaded server answers the lock after the unlock has been answered: the route holds the lock's
    // answer until then. Each answer carries a review status the page shows, so the test sees when the
    // page has taken it (the lock itself shows at once either way).
    let releaseLock!: () => void;
    const lockReleased = new Promise<void>((r) => (releaseLock = r));
    let lockStored!: Promise<APIResponse>;
    let calls = 0;
    await page.route('**/api/setSegmentState', async (route) => {
      const n = ++calls;
      if (n === 1) {
        lockStored = route.fetch();
        const res = await lockStored;
        await lockReleased;
        await route.fulfill({ response: res, json: withStatus(await res.json(), 'done') });
      } else {
        await lockStored; // stored in the order made: the server ends unlocked
        const res = await route.fetch();
        await route.fulfill({ response: res, json: withStatus(await res.json(), 'in-review') });
      }
    });
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+l');
    await expect(current(page, lng)).toContainText(ui(lng, 'segments.lockedTag'));
    await page.keyboard.press('Alt+l');
    await expect(current(page, lng)).not.toContainText(ui(lng, 'segments.lockedTag'));
    await expect(statusBox).toHaveValue('in-review'); // the unlock's answer is in
    releaseLock();
    await expect(statusBox).toHaveValue('done'); // and now the lock's, late
    await expect(current(page, lng)).not.toContainText(ui(lng, 'segments.lockedTag'));
    await expect(bar(page, lng).getByRole('button', { name: ui(lng, 'segments.lock') })).toBeVisible();
    await page.keyboard.type('XYZ');
    await expect(editor.locator('.view-line').first()).toContainText('XYZ');
  });
}

test('the Settings dialog lists the segment keys with what they do (en, ar)', async ({ page, served }) => {
  for (const lng of ['en', 'ar']) {
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'settings.title'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: ui(lng, 'settings.title') });
    const segmentKeys = [
      ['Ctrl/⌘ + Enter', 'keys.confirmSegment'],
      ['Alt + ↓', 'keys.nextSegment'],
      ['Alt + ↑', 'keys.previousSegment'],
      ['Shift + Alt + ↓', 'keys.nextUnconfirmed'],
      ['Alt + L', 'keys.toggleLock'],
    ] as const;
    for (const [keys, label] of segmentKeys) {
      const row = dialog.locator('.shortcuts > div').filter({ has: page.getByRole('definition').getByText(ui(lng, label), { exact: true }) });
      await expect(row.getByRole('term')).toHaveText(keys);
    }
    await page.screenshot({ path: shot(`${lng}-settings-segment-keys`) });
    await dialog.getByRole('button', { name: ui(lng, 'settings.close'), exact: true }).click();
  }
});

for (const lng of ['en', 'ar']) {
  test(`a paragraph inserted in the browser leaves the other segments' states with their paragraphs, saved and reloaded (${lng})`, async ({ page, served }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await served.open(page, lng);
    await openArticle(page, lng);
    const total = Number(await countOf(page, lng, 'not-reviewed').textContent());
    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Enter');
    await expect(countOf(page, lng, 'confirmed')).toHaveText('3');
    // A new paragraph between segments 1 and 2: typed on the blank line that separates them.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    await expect(current(page, lng)).toHaveText(ui(lng, 'segments.current', { number: 2, total, state: stateName(lng, 'confirmed') }));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Rescue teams worked through the night.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+s');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.allSaved') })).toBeVisible({ timeout: 20_000 });

    await page.reload();
    await expect(countOf(page, lng, 'confirmed')).toHaveText('3');
    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    const at = (n: number, s: string) => ui(lng, 'segments.current', { number: n, total: total + 1, state: stateName(lng, s) });
    await expect(current(page, lng)).toHaveText(at(1, 'confirmed'));
    await page.keyboard.press('Alt+ArrowDown');
    await expect(current(page, lng)).toHaveText(at(2, 'edited'));
    await expect(page.locator('.editor-pane .view-line').filter({ hasText: 'Rescue teams worked through the night.' })).toHaveCount(1);
    // The old segments 2 and 3 are now 3 and 4, still confirmed; 5 was never touched.
    await page.keyboard.press('Alt+ArrowDown');
    await expect(current(page, lng)).toHaveText(at(3, 'confirmed'));
    await page.keyboard.press('Alt+ArrowDown');
    await expect(current(page, lng)).toHaveText(at(4, 'confirmed'));
    await page.keyboard.press('Alt+ArrowDown');
    await expect(current(page, lng)).toHaveText(at(5, 'not-reviewed'));
    await page.screenshot({ path: shot(`segments-inserted-paragraph-${lng}`) });
  });
}

for (const lng of ['en', 'ar']) {
  test(`back at the list while a confirmation is still being stored: the list counts it once it is stored (${lng})`, async ({ page, served }) => {
    await served.open(page, lng);
    await openArticle(page, lng);
    const total = Number(await countOf(page, lng, 'not-reviewed').textContent());
    // The server is slow to take the confirmation: the route holds it until the list is on screen.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    await page.route('**/api/setSegmentState', async (route) => {
      await released;
      await route.continue();
    });
    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+Enter');
    await expect(countOf(page, lng, 'confirmed')).toHaveText('1');
    await page.getByRole('button', { name: ui(lng, 'review.back') }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }) });
    await expect(row).toBeVisible();
    release();
    await expect(row.locator('.segment-progress')).toHaveText(`1 / ${total}`.replace(/\d+/g, (d) => new Intl.NumberFormat(lng).format(Number(d))), { timeout: 20_000 });
  });
}

import { expect, test } from './served-project';
import { ui, uiPattern } from './locale';

const ARTICLE = 'news/flood-recife.txt';

declare global {
  interface Window {
    /** The methods the page asked of its workers (Monaco's editor worker names them in each request). */
    __workerMethods: string[];
  }
}

// Once the Changes view is closed, nothing may keep diffing the article: on a book, a leaked diff
// re-computed the whole diff in Monaco's editor worker after every pause in typing (seconds of CPU each).
for (const lng of ['en', 'ar']) {
  test(`typing in the review view after the Changes view was closed diffs nothing (${lng})`, async ({ page, served }) => {
    await page.addInitScript(() => {
      window.__workerMethods = [];
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: never[]) {
        const method = (message as { method?: unknown } | null)?.method;
        if (typeof method === 'string') window.__workerMethods.push(method);
        return post.call(this, message, ...rest);
      } as Worker['postMessage'];
    });
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    const editor = page.getByRole('textbox', { name: uiPattern(lng, 'review.translationEditor') });
    await editor.focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Rescuers worked all night. ');

    // The Changes view diffs the article while it is shown...
    await page.getByRole('button', { name: ui(lng, 'review.changesMode'), exact: true }).click();
    await expect(page.locator('.monaco-diff-editor .word-inserted').first()).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.__workerMethods.filter((m) => /computeDiff/i.test(m)).length)).toBeGreaterThan(0);

    // ...and not after it is closed, however long the pauses in typing.
    await page.getByRole('button', { name: ui(lng, 'review.reviewMode'), exact: true }).click();
    await editor.focus();
    await page.keyboard.press('Control+End');
    const before = await page.evaluate(() => window.__workerMethods.length);
    for (const word of [' They', ' found', ' more.']) {
      await page.keyboard.type(word);
      await page.waitForTimeout(700); // past the diff editor's 200 ms debounce
    }
    await expect(page.locator('.editor-pane .monaco-editor')).toContainText('They found more.');
    const after = await page.evaluate((from) => window.__workerMethods.slice(from), before);
    expect(after.filter((m) => /computeDiff/i.test(m))).toEqual([]);
  });
}

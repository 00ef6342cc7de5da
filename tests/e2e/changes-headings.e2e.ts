/**
 * The Changes view says which side is which: "Machine translation" over the original, "Current translation"
 * over the edited text, in either UI direction (the diff is laid out left to right in both).
 */
import { expect, test } from './served-project';
import { ui } from './locale';

const ARTICLE = 'news/flood-recife.txt';

for (const lng of ['en', 'ar']) {
  test(`side by side, each half of the Changes view is headed by what it shows (${lng})`, async ({ page, served }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    await expect(page.locator('.monaco-editor').first()).toContainText('heavy rains', { timeout: 30_000 });
    await page.getByRole('button', { name: ui(lng, 'review.changesMode') }).click();
    await expect(page.getByRole('button', { name: ui(lng, 'changes.sideBySide') })).toHaveAttribute('aria-pressed', 'true');
    const pane = page.locator('.diff-pane');
    const original = (await pane.locator('.editor.original').boundingBox())!;
    const modified = (await pane.locator('.editor.modified').boundingBox())!;
    for (const [key, half] of [
      ['changes.baseline', original],
      ['changes.current', modified],
    ] as const) {
      const heading = (await pane.getByText(ui(lng, key), { exact: true }).boundingBox())!;
      // Above its half, and within it.
      expect(heading.y + heading.height).toBeLessThanOrEqual(half.y + 0.5);
      expect(heading.x).toBeGreaterThanOrEqual(half.x - 16);
      expect(heading.x + heading.width).toBeLessThanOrEqual(half.x + half.width + 16);
    }
    await page.getByRole('button', { name: ui(lng, 'changes.inline') }).click();
    await expect(pane.getByText(ui(lng, 'changes.current'), { exact: true })).toHaveCount(0);
    await expect(pane.getByText(ui(lng, 'changes.summary'), { exact: true })).toBeVisible();
  });
}

/**
 * The review screen's rows on laptop sizes, in both directions: what a reviewer saw broken — the toolbar
 * on two lines at 1280 px, a metrics label cut without an ellipsis, "Show" touching its select, the
 * metrics sitting lower than the word counts — held by geometry, found by role and accessible name.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, shot, startServe, test } from './served-project';
import { ui, uiPattern } from './locale';

const ARTICLE = 'news/flood-recife.txt';

async function openArticle(page: Page, served: { open(page: Page, lng?: string): Promise<void> }, lng: string, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  await served.open(page, lng);
  await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
  await expect(page.locator('.monaco-editor').first()).toContainText('heavy rains', { timeout: 30_000 });
  await page.locator('.editor-pane .monaco-editor .view-lines').click();
}

const box = async (l: Locator) => (await l.boundingBox())!;

/**
 * Whether a label shows whole (its text fits its box, and no ancestor that clips cuts the box), whether
 * it ends in an ellipsis, and the title around it (where a cut label's whole text must be).
 */
async function labelShowsWhole(label: Locator): Promise<{ text: string; fits: boolean; ellipsis: boolean; title: string }> {
  return label.evaluate((el) => {
    const r = el.getBoundingClientRect();
    let uncut = el.scrollWidth <= el.clientWidth;
    for (let a = el.parentElement; a && uncut; a = a.parentElement) {
      if (getComputedStyle(a).overflowX === 'visible') continue;
      const c = a.getBoundingClientRect();
      uncut = r.left >= c.left - 0.5 && r.right <= c.right + 0.5;
    }
    return { text: el.textContent ?? '', fits: uncut, ellipsis: getComputedStyle(el).textOverflow === 'ellipsis', title: el.closest('[title]')?.getAttribute('title') ?? '' };
  });
}

for (const lng of ['en', 'ar']) {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1440, height: 900 },
  ]) {
    test(`at ${size.width} px the review toolbar is one row, "all saved" included, and the article's name shows or is its title (${lng})`, async ({ page, served }) => {
      await openArticle(page, served, lng, size);
      const toolbar = page.getByRole('toolbar', { name: ARTICLE });
      const save = await box(toolbar.getByRole('button', { name: ui(lng, 'review.save') }));
      for (const button of await toolbar.getByRole('button').all()) expect((await box(button)).y).toBeCloseTo(save.y, 0);
      const state = await box(toolbar.getByRole('status'));
      expect(state.y + state.height / 2).toBeGreaterThan(save.y);
      expect(state.y + state.height / 2).toBeLessThan(save.y + save.height);
      const t = await box(toolbar);
      expect(state.x).toBeGreaterThanOrEqual(t.x);
      expect(state.x + state.width).toBeLessThanOrEqual(t.x + t.width);
      const name = await labelShowsWhole(toolbar.getByRole('heading', { name: ARTICLE }));
      expect(name.fits || (name.ellipsis && name.title === ARTICLE)).toBe(true);
      await page.screenshot({ path: shot(`review-toolbar-${size.width}-${lng}`), clip: { x: 0, y: 0, width: size.width, height: 200 } });
    });
  }

  test(`"Show" keeps its distance from its select, on the reading side (${lng})`, async ({ page, served }) => {
    await openArticle(page, served, lng, { width: 1280, height: 800 });
    const bar = page.getByRole('toolbar', { name: ui(lng, 'segments.toolbar') });
    const label = await box(bar.getByText(ui(lng, 'segments.filter'), { exact: true }));
    const select = await box(bar.getByRole('combobox', { name: ui(lng, 'segments.filter') }));
    const gap = lng === 'ar' ? label.x - (select.x + select.width) : select.x - (label.x + label.width);
    expect(gap).toBeGreaterThanOrEqual(4);
  });

  test(`with a banner at 1400 px, every metrics label shows whole or ends in an ellipsis with its text in the title, level with the word counts (${lng})`, async ({ page, served }) => {
    await openArticle(page, served, lng, { width: 1400, height: 850 });
    // Edited: the word counts take their room in the row.
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Breaking: ');
    const summary = page.getByRole('group', { name: ui(lng, 'changes.summary') });
    await expect(summary.getByRole('list')).toBeVisible();
    await page.getByRole('button', { name: ui(lng, 'review.changesMode') }).click();
    await page.getByRole('combobox', { name: ui(lng, 'status.label') }).selectOption('in-review');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.statusChanged', { status: ui(lng, 'status.in-review') }) })).toBeVisible();
    const metrics = page.getByRole('group', { name: ui(lng, 'metrics.title') });
    await page.screenshot({ path: shot(`metrics-banner-1400-${lng}`), clip: { x: 0, y: 0, width: 1400, height: 220 } });
    const m = await box(metrics);
    const terms = await metrics.getByRole('term').all();
    expect(terms.length).toBeGreaterThanOrEqual(4);
    for (const term of terms) {
      const label = await labelShowsWhole(term);
      expect(label.fits || (label.ellipsis && label.title.includes(label.text)), `"${label.text}" is cut`).toBe(true);
      const b = await box(term);
      expect(b.x).toBeGreaterThanOrEqual(m.x - 0.5);
      expect(b.x + b.width).toBeLessThanOrEqual(m.x + m.width + 0.5);
    }
    // The metrics sit on the word counts' line, not below it.
    const none = await box(summary.getByRole('listitem').first());
    const hter = await box(metrics.getByRole('term').filter({ hasText: ui(lng, 'metrics.hter') }));
    expect(Math.abs(none.y + none.height / 2 - (hter.y + hter.height / 2))).toBeLessThanOrEqual(2);
  });

  test(`the direction question's Swap button stands level with the two language selects (${lng})`, async ({ page }) => {
    const root = mkdtempSync(join(tmpdir(), 'calque-layout-'));
    writeFileSync(join(root, 'report.pt.txt'), 'O rio subiu dois metros.\n');
    writeFileSync(join(root, 'report.en.txt'), 'The river rose two meters.\n');
    const { child, url } = await startServe(root);
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${url}&lng=${lng}`);
      const dialog = page.getByRole('dialog', { name: ui(lng, 'languages.title') });
      const source = await box(dialog.getByRole('combobox', { name: ui(lng, 'languages.source') }));
      const target = await box(dialog.getByRole('combobox', { name: ui(lng, 'languages.target') }));
      const swap = await box(dialog.getByRole('button', { name: ui(lng, 'languages.swap') }));
      expect(swap.y + swap.height).toBeCloseTo(source.y + source.height, 0);
      expect(target.y + target.height).toBeCloseTo(source.y + source.height, 0);
    } finally {
      child.kill('SIGTERM');
      rmSync(root, { recursive: true, force: true });
    }
  });
}

for (const lng of ['en', 'ar']) {
  test(`the annotation dialog quotes English words with the opening mark before them, left of the first letter (${lng})`, async ({ page, served }) => {
    await openArticle(page, served, lng, { width: 1280, height: 800 });
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Alt+2');
    const dialog = page.getByRole('dialog', { name: ui(lng, 'annotate.title') });
    await expect(dialog).toContainText('“date”');
    // Where the browser draws the opening mark and the first letter of the quote.
    const [mark, letter] = await dialog.evaluate((d) => {
      const walker = document.createTreeWalker(d, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const x = (n: Text, i: number) => {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        return r.getBoundingClientRect().x;
      };
      // React writes the mark and the quote as neighbouring text nodes.
      const i = nodes.findIndex((n, k) => n.data.startsWith('date') && k > 0 && nodes[k - 1]!.data.endsWith('“'));
      return i < 0 ? [NaN, NaN] : [x(nodes[i - 1]!, nodes[i - 1]!.data.length - 1), x(nodes[i]!, 0)];
    });
    expect(mark).toBeLessThan(letter!);
  });
}

for (const lng of ['en', 'ar']) {
  test(`the source pane keeps the segment numbers' gutter where the source's lines start, in either UI direction (${lng})`, async ({ page, served }) => {
    await openArticle(page, served, lng, { width: 1280, height: 800 });
    const pane = page.getByRole('region', { name: uiPattern(lng, 'review.sourcePane') });
    const p = await box(pane.getByRole('paragraph').first());
    const b = await box(pane);
    // Portuguese starts on the left: room there for a three-digit number (0.8em digits and a 6 px gap).
    expect(p.x - b.x).toBeGreaterThanOrEqual(36);
    await pane.screenshot({ path: shot(`source-gutter-${lng}`) });
  });
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, shot, test } from './served-project';
import { ui } from './locale';

const ARTICLE = 'news/flood-recife.txt';
const TARGET = 'news/flood-recife.en.txt';
const annotationsFile = (root: string) => join(root, '.calque/annotations', `${ARTICLE}.jsonl`);
const readAnnotations = (root: string) =>
  existsSync(annotationsFile(root))
    ? readFileSync(annotationsFile(root), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { start: number; end: number; side: string; category: string; severity: string; comment: string; quote: { exact: string } })
    : [];

/** Put the translation's cursor on the first match of `text` (Monaco's find widget selects it). */
async function selectInTranslation(page: Page, text: string): Promise<void> {
  await page.locator('.editor-pane .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+F');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

for (const lng of ['en', 'de']) {
  test(`annotate a span by keyboard, keep it through edits and outside changes (${lng})`, async ({ page, served, pageErrors }) => {
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    await expect(page.locator('.monaco-editor').first()).toContainText('date 2024-03-13');

    // Select "date 2024-03-13", Alt+3 (major), type-ahead the category, comment, Ctrl+Enter.
    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 'date 2024-03-13'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Alt+3');
    const dialog = page.getByRole('dialog', { name: ui(lng, 'annotate.title') });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('radio', { name: new RegExp(ui(lng, 'severity.major')) })).toBeChecked();
    await page.keyboard.type(lng === 'de' ? 'datum' : 'date');
    await expect(dialog.getByRole('option')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Dateline glued <b>into</b> the lead');
    await page.screenshot({ path: shot(`${lng}-annotate-dialog`) });
    await page.keyboard.press('Control+Enter');
    await expect(dialog).toBeHidden();

    const list = page.getByRole('list', { name: ui(lng, 'annotations.title') });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list).toContainText('Dateline glued <b>into</b> the lead'); // a comment is text, never HTML
    await expect.poll(() => readAnnotations(served.root)).toMatchObject([
      { side: 'target', start: 0, end: 15, category: 'Locale convention/Date', severity: 'major', quote: { exact: 'date 2024-03-13' } },
    ]);
    await expect(page.locator('.editor-pane .ann-major')).toHaveCount(1);
    await page.screenshot({ path: shot(`${lng}-annotations-panel`) });

    // Typing before it moves it; the file follows.
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Recife: ');
    await expect(page.locator('.monaco-editor').first()).toContainText('Recife: date 2024-03-13');
    await page.keyboard.press('Control+S');
    await expect.poll(() => readAnnotations(served.root)[0]).toMatchObject({ start: 8, end: 23, quote: { exact: 'date 2024-03-13' } });

    // Another program rewrites the file with a new first paragraph: re-anchored by its quote on reopen.
    const disk = readFileSync(join(served.root, TARGET), 'utf8');
    await page.getByRole('button', { name: ui(lng, 'review.back') }).click();
    writeFileSync(join(served.root, TARGET), `Flood update.\n\n${disk}`);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    await page.getByRole('tab', { name: new RegExp(ui(lng, 'annotations.tab_one', { count: 1 }).replace(/[()]/g, '\\$&')) }).click();
    await page.getByRole('list', { name: ui(lng, 'annotations.title') }).getByRole('button', { name: /date 2024-03-13/ }).first().click();
    await expect(page.locator('.editor-pane .ann-major')).toHaveCount(1);

    // The MT's words are deleted elsewhere: the annotation stays where they were and quotes the MT (issue 11).
    await page.getByRole('button', { name: ui(lng, 'review.back') }).click();
    writeFileSync(join(served.root, TARGET), disk.replace('date 2024-03-13 ', ''));
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    await page.getByRole('tab', { name: new RegExp(ui(lng, 'annotations.tab_one', { count: 1 }).replace(/[()]/g, '\\$&')) }).click();
    await expect(page.getByRole('list', { name: ui(lng, 'annotations.title') })).toContainText(ui(lng, 'annotations.mtWords', { text: 'date 2024-03-13' }));
    await expect(page.getByRole('list', { name: ui(lng, 'annotations.orphanedList') })).toHaveCount(0);

    // Its whole paragraph is gone: the annotation is kept, listed as orphaned.
    await page.getByRole('button', { name: ui(lng, 'review.back') }).click();
    writeFileSync(join(served.root, TARGET), disk.slice(disk.indexOf('\n\n') + 2));
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    await page.getByRole('tab', { name: new RegExp(ui(lng, 'annotations.tab_one', { count: 1 }).replace(/[()]/g, '\\$&')) }).click();
    const orphans = page.getByRole('list', { name: ui(lng, 'annotations.orphanedList') });
    await expect(orphans.getByRole('listitem')).toHaveCount(1);
    await page.screenshot({ path: shot(`${lng}-annotation-orphaned`) });

    // Deleting it empties the file.
    await orphans.getByRole('button', { name: ui(lng, 'annotations.deleteOne', { quote: 'date 2024-03-13' }) }).click();
    await expect.poll(() => readAnnotations(served.root)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
}

test('a source error is annotated in the source pane', async ({ page, served }) => {
  await served.open(page, 'en');
  await page.getByRole('button', { name: `Open ${ARTICLE}` }).click();
  const source = page.getByRole('region', { name: 'Source text (Brazilian Portuguese)' });
  await expect(source.locator('[data-sentence]').first()).toBeVisible();
  // Select the word "desalojados" in the source pane, as a mouse drag would.
  await page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('.source-pane')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf('desalojados');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + 'desalojados'.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return;
    }
  });
  await page.keyboard.press('Alt+2');
  const dialog = page.getByRole('dialog', { name: 'New annotation' });
  await expect(dialog).toContainText('Source:');
  await page.keyboard.type('source err');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => readAnnotations(served.root)).toMatchObject([{ side: 'source', category: 'Source error', severity: 'minor', quote: { exact: 'desalojados' } }]);
  await expect(source.locator('.ann-minor')).toHaveText('desalojados');
});

test('the cursor in a translation sentence highlights its source partner; the source steps by sentence', async ({ page, served }) => {
  await served.open(page, 'en');
  await page.getByRole('button', { name: `Open ${ARTICLE}` }).click();
  const source = page.getByRole('region', { name: 'Source text (Brazilian Portuguese)' });
  await expect(source.locator('[data-sentence]').first()).toBeVisible();

  await selectInTranslation(page, 'The west and south zones');
  await expect(source.locator('.sent-active')).toHaveCount(1);
  await expect(source.locator('.sent-active')).toContainText('As zonas oeste e sul da capital');
  await expect(page.locator('.editor-pane .sent-active-range').first()).toBeVisible();
  await page.screenshot({ path: shot('en-sentence-sync') });

  // Down in the source pane: the next sentence and its partner; Enter puts the cursor there.
  await source.locator('.sent-active').click();
  await source.focus();
  await page.keyboard.press('ArrowDown');
  await expect(source.locator('.sent-active')).toContainText('A água subiu muito rápido');
  await page.keyboard.press('Enter');
  await page.keyboard.type('XYZ ');
  await expect(page.locator('.monaco-editor').first()).toContainText('XYZ “The water rose very fast');
});

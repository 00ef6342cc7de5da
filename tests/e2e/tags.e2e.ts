import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, shot, test } from './served-project';
import { ui } from './locale';

// The sample HTML pair: "… ended this Sunday (16) with <b>1.4 million visitors</b>, the largest …" in the
// translation, "<b>1,4 milhão de visitantes</b>" in the source; the nav links are tags too.
const ARTICLE = 'web/feira-livro.html';
const FILE = 'web/feira-livro.en.html';

/** A check message as the locale words it (qa.json), with its parameters. */
function qa(lng: string, key: string, params: Record<string, string>): string {
  const file = resolve(fileURLToPath(new URL('../../locales', import.meta.url)), lng, 'qa.json');
  const text = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)[key]!;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
}

for (const lng of ['en', 'ar']) {
  test(`HTML inline tags are chips: Backspace removes one whole, the tag check reports it, F9 puts it back (${lng})`, async ({ page, served, pageErrors }) => {
    const file = join(served.root, FILE);
    const before = readFileSync(file, 'utf8');
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();

    // Chips in the translation and in the source, as many on each side, each named in its title.
    const editor = page.locator('.editor-pane .monaco-editor');
    await expect(editor).toContainText('<b>1.4 million visitors</b>');
    const chips = await editor.locator('.tag-chip').count();
    expect(chips).toBeGreaterThanOrEqual(2);
    await expect(page.locator('.source-pane .tag-chip')).toHaveCount(chips);
    await expect(page.locator('.source-pane .tag-chip').filter({ hasText: '</b>' })).toHaveAttribute('title', ui(lng, 'tags.label', { display: '</b>', type: 'b', kind: ui(lng, 'tags.kind.close') }));
    await page.screenshot({ path: shot(`${lng}-tag-chips`) });

    // The cursor right after the chip "</b>", then Backspace: the whole chip goes, nothing else.
    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('visitors</b>');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Backspace');
    // (Monaco's wrapped lines are not in reading order in the DOM after an edit: look at one line.)
    const line = (text: string) => editor.locator('.view-line').filter({ hasText: text });
    await expect(line('million visitors, the largest')).toHaveCount(1);
    await expect(editor.locator('.tag-chip')).toHaveCount(chips - 1);
    await expect(editor.locator('.tag-chip').filter({ hasText: '</b>' })).toHaveCount(0);

    // The tag check reports the missing tag in the problems panel.
    const problems = page.getByRole('list', { name: ui(lng, 'problems.title') });
    const missing = problems.getByRole('listitem').filter({ hasText: qa(lng, 'tagMissing', { tag: '</b>' }) });
    await expect(missing).toHaveCount(1);
    await page.screenshot({ path: shot(`${lng}-tag-missing`) });

    // F9 inserts the segment's missing source tag at the cursor, where it was: the chip and the file are as before.
    await page.keyboard.press('F9');
    await expect(page.getByRole('status').filter({ hasText: '</b>' })).toBeVisible();
    await expect(line('million visitors</b>, the largest')).toHaveCount(1);
    await expect(editor.locator('.tag-chip')).toHaveCount(chips);
    await expect(editor.locator('.tag-chip').filter({ hasText: '</b>' })).toHaveCount(1);
    await expect(missing).toHaveCount(0);
    await page.keyboard.press('Control+S');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.allSaved') })).toBeVisible();
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(pageErrors).toEqual([]);
  });
}

// The sample XLIFF's second unit: "… with <g id="1" ctype="bold">a collection of 250 thousand books</g> and …",
// shown as "<1>a collection of 250 thousand books</1>"; its fourth has a line-break code <x id="2"/>.
const XLIFF = 'review/biblioteca-porto-alegre.xlf';

for (const lng of ['en', 'ar']) {
  test(`XLIFF codes are chips: Backspace removes one whole, the tag check reports it, F9 puts it back (${lng})`, async ({ page, served, pageErrors }) => {
    const file = join(served.root, XLIFF);
    const before = readFileSync(file, 'utf8');
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: XLIFF }) }).click();

    // Chips in the translation and in the source: <1>, </1> and the line break's code in each.
    const editor = page.locator('.editor-pane .monaco-editor');
    await expect(editor).toContainText('<1>a collection of 250 thousand books</1>');
    await expect(editor.locator('.tag-chip')).toHaveCount(3);
    await expect(page.locator('.source-pane .tag-chip')).toHaveCount(3);
    await expect(page.locator('.source-pane .tag-chip').first()).toHaveAttribute('title', /<1>/);
    await page.screenshot({ path: shot(`${lng}-tag-chips`) });

    // The cursor right after the chip "</1>", then Backspace: the whole chip goes, nothing else.
    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('</1>');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Backspace');
    // (Monaco's wrapped lines are not in reading order in the DOM after an edit: look at one line.)
    const line = (text: string) => editor.locator('.view-line').filter({ hasText: text });
    await expect(line('thousand books and air')).toHaveCount(1);
    await expect(editor.locator('.tag-chip')).toHaveCount(2);
    await expect(editor.locator('.tag-chip').filter({ hasText: '/1' })).toHaveCount(0);

    // The tag check reports the missing tag in the problems panel.
    const problems = page.getByRole('list', { name: ui(lng, 'problems.title') });
    const missing = problems.getByRole('listitem').filter({ hasText: qa(lng, 'tagMissing', { tag: '</1>' }) });
    await expect(missing).toHaveCount(1);
    await page.screenshot({ path: shot(`${lng}-tag-missing`) });

    // F9 inserts the segment's missing source tag at the cursor, where it was: the chip and the file are as before.
    await page.keyboard.press('F9');
    await expect(page.getByRole('status').filter({ hasText: '</1>' })).toBeVisible();
    await expect(line('thousand books</1> and air')).toHaveCount(1);
    await expect(editor.locator('.tag-chip')).toHaveCount(3);
    await expect(editor.locator('.tag-chip').filter({ hasText: '</1>' })).toHaveCount(1);
    await expect(missing).toHaveCount(0);
    await page.keyboard.press('Control+S');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.allSaved') })).toBeVisible();
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(pageErrors).toEqual([]);
  });
}

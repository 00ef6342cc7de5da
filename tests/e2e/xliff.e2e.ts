import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shot, test } from './served-project';
import { ui } from './locale';

const ARTICLE = 'review/biblioteca-porto-alegre.xlf';
const langName = (lng: string, tag: string) => new Intl.DisplayNames([lng], { type: 'language' }).of(tag)!;

for (const lng of ['en', 'ar']) {
  test(`an XLIFF file is an article: its segments side by side, its notes, an edit saved into that segment only (${lng})`, async ({ page, served, pageErrors }) => {
    const file = join(served.root, ARTICLE);
    const before = readFileSync(file, 'utf8');
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();

    const source = page.getByRole('region', { name: ui(lng, 'review.sourcePane', { lang: langName(lng, 'pt-BR') }) });
    await expect(source).toContainText('O prédio, de 1922, teve o telhado');
    // Inline codes show as their short display text, never as raw markup.
    await expect(source).toContainText('<1>acervo de 250 mil livros</1>');
    await expect(source).not.toContainText('ctype');
    const editor = page.locator('.editor-pane .monaco-editor');
    await expect(editor).toContainText('restored from of the original project');

    // The file's notes, in their own tab.
    await page.getByRole('tab', { name: ui(lng, `notes.tab_${new Intl.PluralRules(lng).select(2)}`, { count: 2 }) }).click();
    const notes = page.getByRole('list', { name: ui(lng, 'notes.title') });
    await expect(notes.getByRole('listitem')).toHaveCount(2);
    await expect(notes).toContainText('Headline: no full stop, sentence case.');
    await expect(notes).toContainText(ui(lng, 'notes.unit', { id: 'bib-3' }));
    await page.screenshot({ path: shot(`${lng}-xliff-notes`) });

    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('from of');
    await page.keyboard.press('Escape');
    await page.keyboard.type('from');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.unsaved') })).toBeVisible();
    await page.keyboard.press('Control+S');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.allSaved') })).toBeVisible();

    expect(readFileSync(file, 'utf8')).toBe(before.replace('restored from of the original', 'restored from the original'));
    expect(pageErrors).toEqual([]);
  });

  test(`a broken XLIFF is an error row with its reason; the others still open (${lng})`, async ({ page, served, pageErrors }) => {
    writeFileSync(join(served.root, 'review/broken.xlf'), '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file source-language="pt-BR" target-language="en"><body>\n<trans-unit id="1"><source>Texto</source>\n</body></file></xliff>\n');
    writeFileSync(join(served.root, 'review/legacy.xliff'), '<xliff version="3.0"><file/></xliff>');
    await served.open(page, lng);
    const row = page.getByRole('row', { name: /review\/broken\.xlf/ });
    await expect(row).toContainText(ui(lng, 'errors.xmlInvalid', { path: 'review/broken.xlf', line: 5, column: 7, reason: 'unexpected close tag.' }));
    await expect(row.getByRole('button')).toHaveCount(0);
    const legacy = page.getByRole('row', { name: /review\/legacy\.xliff/ });
    await expect(legacy).toContainText(ui(lng, 'errors.xliffVersionUnknown', { path: 'review/legacy.xliff', version: '3.0' }));
    await page.screenshot({ path: shot(`${lng}-xliff-error-row`) });
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    await expect(page.locator('.editor-pane .monaco-editor')).toContainText('State Public Library reopens');
    expect(pageErrors).toEqual([]);
  });
}

// Four units in the states a translation tool leaves: final and signed-off read as confirmed.
const STATES_XLF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="mercado.html" source-language="pt-BR" target-language="en" datatype="html">
    <body>
      <trans-unit id="m-1"><source>O mercado abre às sete.</source><target state="final">The market opens at seven.</target></trans-unit>
      <trans-unit id="m-2"><source>Os peixes chegam de barco.</source><target state="translated">The fish arrive by boat.</target></trans-unit>
      <trans-unit id="m-3"><source>As frutas vêm do interior.</source><target state="signed-off">The fruit comes from inland.</target></trans-unit>
      <trans-unit id="m-4"><source>O mercado fecha ao meio-dia.</source><target state="needs-review-translation">The market closes at noon.</target></trans-unit>
    </body>
  </file>
</xliff>
`;

for (const lng of ['en', 'ar']) {
  test(`the XLIFF file's own segment states show in the view: final and signed-off units are confirmed (${lng})`, async ({ page, served, pageErrors }) => {
    writeFileSync(join(served.root, 'review/mercado.xlf'), STATES_XLF);
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: 'review/mercado.xlf' }) }).click();
    const editor = page.locator('.editor-pane .monaco-editor');
    await expect(editor).toContainText('The market opens at seven.');
    const bar = page.getByRole('toolbar', { name: ui(lng, 'segments.toolbar') });
    const count = (s: string) => bar.getByRole('list', { name: ui(lng, 'segments.counts') }).locator(`.seg-${s} b`);
    const num = (n: number) => new Intl.NumberFormat(lng).format(n);
    await expect(count('confirmed')).toHaveText(num(2));
    await expect(count('not-reviewed')).toHaveText(num(2));
    for (const [n, confirmed] of [[1, true], [2, false], [3, true], [4, false]] as const) {
      const para = page.locator(`.source-pane .para[data-segment="${n}"]`);
      if (confirmed) await expect(para).toHaveClass(/seg-confirmed/);
      else await expect(para).not.toHaveClass(/seg-confirmed/);
    }
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    const state = (s: string) => ui(lng, `segments.state.${s}`);
    await expect(bar.getByRole('status')).toHaveText(ui(lng, 'segments.current', { number: num(1), total: num(4), state: state('confirmed') }));
    await page.keyboard.press('Alt+ArrowDown');
    await expect(bar.getByRole('status')).toHaveText(ui(lng, 'segments.current', { number: num(2), total: num(4), state: state('not-reviewed') }));
    await page.screenshot({ path: shot(`${lng}-xliff-states`) });
    // The list counts them the same way.
    await page.getByRole('button', { name: ui(lng, 'review.back') }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: ui(lng, 'list.open', { name: 'review/mercado.xlf' }) }) });
    await expect(row.locator('.segment-progress')).toHaveText(`${num(2)} / ${num(4)}`);
    expect(pageErrors).toEqual([]);
  });
}

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shot, test } from './served-project';
import { ui } from './locale';

const langName = (lng: string, tag: string) => new Intl.DisplayNames([lng], { type: 'language' }).of(tag)!;

/** Select `text` in the translation editor with the find widget (the cursor ends inside it). */
async function selectInEditor(page: import('@playwright/test').Page, text: string) {
  await page.locator('.editor-pane .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+F');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

for (const lng of ['en', 'ar']) {
  test(`a subtitle pair lines up cue by cue and a save changes only the edited cue (${lng})`, async ({ page, served, pageErrors }) => {
    const file = join(served.root, 'video/mangue.en.srt');
    const before = readFileSync(file, 'utf8');
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: 'video/mangue.srt' }) }).click();
    const source = page.getByRole('region', { name: ui(lng, 'review.sourcePane', { lang: langName(lng, 'pt-BR') }) });
    await expect(source.locator('[data-sentence]').first()).toBeVisible(); // the alignment has arrived
    // The cue text only: no numbers, no timings.
    await expect(source).toContainText('A lama guarda o cheiro do mar.');
    await expect(source).not.toContainText('-->');
    await expect(page.locator('.editor-pane .monaco-editor')).not.toContainText('-->');

    // The last English cue partners the last Portuguese one, although the cue before it is missing in English.
    await selectInEditor(page, 'Actually, there');
    await expect(source.locator('.sent-active')).toHaveCount(1);
    await expect(source.locator('.sent-active')).toContainText('Atualmente, são 12 famílias');
    await selectInEditor(page, 'come out of');
    await expect(source.locator('.sent-active')).toContainText('Os caranguejos saem das tocas');
    await page.screenshot({ path: shot(`${lng}-subtitle-pair`) });

    await selectInEditor(page, 'the the');
    await page.keyboard.type('the');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.unsaved') })).toBeVisible();
    await page.keyboard.press('Control+S');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.allSaved') })).toBeVisible();
    // Only that cue's text changed: numbers, timings, CRLF untouched.
    expect(readFileSync(file, 'utf8')).toBe(before.replace('out of the the burrows', 'out of the burrows'));
    expect(pageErrors).toEqual([]);
  });

  test(`a PO file is one article, entries side by side, and a save changes only that msgstr (${lng})`, async ({ page, served, pageErrors }) => {
    const file = join(served.root, 'software/mare-app.po');
    const before = readFileSync(file, 'utf8');
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: 'software/mare-app.po' }) }).click();
    const source = page.getByRole('region', { name: ui(lng, 'review.sourcePane', { lang: langName(lng, 'pt-BR') }) });
    await expect(source.locator('[data-sentence]').first()).toBeVisible();
    // msgids on one side, msgstrs in the editor; the header and the keywords are not text.
    await expect(source).toContainText('Próxima maré alta');
    await expect(source).not.toContainText('msgid');
    await expect(source).not.toContainText('Project-Id-Version');
    await expect(page.locator('.editor-pane .monaco-editor')).toContainText('Next high tide');

    await selectInEditor(page, 'Warn before');
    await expect(source.locator('.sent-active')).toContainText('Avisar uma hora antes da maré');
    await selectInEditor(page, 'from of');
    await expect(source.locator('.sent-active')).toContainText('As tábuas de maré são calculadas');
    await page.keyboard.type('from');
    await page.keyboard.press('Control+S');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.allSaved') })).toBeVisible();
    await page.screenshot({ path: shot(`${lng}-po`) });

    // Only that entry's msgstr changed (re-wrapped as msgmerge wraps); every other byte is the same.
    const after = readFileSync(file, 'utf8');
    const msgstr = /msgstr ""\n"The tide tables[^]*?"\n\n/;
    expect(after.replace(msgstr, '')).toBe(before.replace(msgstr, ''));
    expect(after.match(msgstr)![0]).toBe('msgstr ""\n"The tide tables are calculated from the Navy\'s data and can vary with the "\n"wind."\n\n');
    expect(pageErrors).toEqual([]);
  });

  test(`subtitle markup (<i>, <c.x>, <v Name>) is chips on both sides, and a save writes the cue back with its tags (${lng})`, async ({ page, served, pageErrors }) => {
    const cues = (a: string, b: string) => `WEBVTT\n\n00:01.000 --> 00:03.000\n<v Zefa>${a}\n\n00:03.500 --> 00:06.000\n${b}\n`;
    writeFileSync(join(served.root, 'video/farol.pt-BR.vtt'), cues('O farol acende <i>ao anoitecer</i>.', '<c.keeper>Ninguém dorme</c> no cais.'));
    const file = join(served.root, 'video/farol.en.vtt');
    const before = cues('The lighthouse comes on <i>at dusk</i>.', '<c.keeper>Nobody sleep</c> on the pier.');
    writeFileSync(file, before);
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: 'video/farol.vtt' }) }).click();
    const editor = page.locator('.editor-pane .monaco-editor');
    await expect(editor).toContainText('Nobody sleep');
    await expect(editor.locator('.tag-chip')).toHaveCount(5);
    await expect(page.locator('.source-pane .tag-chip')).toHaveCount(5);
    await expect(page.locator('.source-pane .tag-chip').filter({ hasText: '<i>' })).toHaveAttribute('title', ui(lng, 'tags.label', { display: '<i>', type: 'i', kind: ui(lng, 'tags.kind.open') }));
    await page.screenshot({ path: shot(`${lng}-subtitle-tags`) });
    await selectInEditor(page, 'Nobody sleep');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('s');
    await page.keyboard.press('Control+S');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.allSaved') })).toBeVisible();
    expect(readFileSync(file, 'utf8')).toBe(before.replace('Nobody sleep<', 'Nobody sleeps<'));
    expect(pageErrors).toEqual([]);
  });
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docx } from '../../main/core/formats/docx/index.js';
import { openZip, readEntry } from '../../main/core/formats/docx/zip.js';
import { expect, shot, test } from './served-project';
import { ui } from './locale';

const ARTICLE = 'culture/azulejos.docx';
const TARGET = 'culture/azulejos.en.docx';
const langName = (lng: string, tag: string) => new Intl.DisplayNames([lng], { type: 'language' }).of(tag)!;
const documentXml = (bytes: Uint8Array) => {
  const entry = openZip(bytes, 'x').entries.find((e) => e.name === 'word/document.xml')!;
  return new TextDecoder().decode(readEntry(entry, 'x'));
};

for (const lng of ['en', 'ar']) {
  test(`a Word article opens paragraph by paragraph, saves an edit into the .docx and exports it with tracked changes (${lng})`, async ({ page, served, pageErrors }) => {
    const file = join(served.root, TARGET);
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();

    // The source document's paragraphs beside the translation's, footnote and table cells included.
    const source = page.getByRole('region', { name: ui(lng, 'review.sourcePane', { lang: langName(lng, 'pt-BR') }) });
    await expect(source).toContainText('Oficina devolve cor aos azulejos do centro de São Luís');
    await expect(source).toContainText('Dados da coordenação do projeto, novembro de 2026.');
    const editor = page.locator('.editor-pane .monaco-editor');
    await expect(editor).toContainText('who pretends to open the workshop');

    await page.locator('.editor-pane .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('in the the workshop');
    await page.keyboard.press('Escape');
    await page.keyboard.type('in the workshop');
    await page.keyboard.press('Control+S');
    await expect(page.getByRole('status').filter({ hasText: ui(lng, 'review.allSaved') })).toBeVisible();
    await page.screenshot({ path: shot(`${lng}-docx-review`) });

    // Saved into the Word file: only that paragraph changed, its italic run kept.
    const saved = docx.read(readFileSync(file), { path: TARGET });
    expect(saved.text.target).toContain('Actually, eight apprentices work in the workshop, most of them');
    expect(documentXml(readFileSync(file))).toContain('<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">cleaning</w:t></w:r>');

    // Export all offers the Word deliverable with tracked changes.
    await page.getByRole('button', { name: ui(lng, 'review.back') }).click();
    await page.getByRole('button', { name: ui(lng, 'project.exportAll'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: ui(lng, 'exportAll.title') });
    await dialog.getByRole('radio', { name: ui(lng, 'exportAll.as.docx-tracked') }).check();
    await page.screenshot({ path: shot(`${lng}-docx-export`) });
    await dialog.getByRole('button', { name: ui(lng, 'exportAll.start'), exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText(`${served.root}-export`);
    const exported = join(`${served.root}-export`, TARGET);
    expect(existsSync(exported)).toBe(true);
    // Only Word articles are exported with tracked changes.
    expect(existsSync(join(`${served.root}-export`, 'news/flood-recife.en.txt'))).toBe(false);
    const xml = documentXml(readFileSync(exported));
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Calque reviewer" w:date="[^"]+"><w:r><w:delText xml:space="preserve">the <\/w:delText><\/w:r><\/w:del>/);
    expect(docx.read(readFileSync(exported), { path: TARGET }).text.target).toBe(saved.text.target);
    expect(pageErrors).toEqual([]);
  });
}

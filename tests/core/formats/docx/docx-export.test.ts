import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../../main/cli/index.js';
import { piecesText } from '../../../../main/contract/document.js';
import type { Annotation } from '../../../../main/contract/review.js';
import { readBilingualDocx } from '../../../../main/core/formats/docx/bilingual.js';
import { docx } from '../../../../main/core/formats/docx/index.js';
import { CalqueService } from '../../../../main/core/service.js';
import { buildDocx, richDocx, unzipText } from '../../../helpers/docx-fixture.js';
import { writeProject } from '../../../helpers/project.js';

const PT = buildDocx({
  body: ['Os jardins do telhado', 'Nos telhados de Lisboa, os tomates crescem ao lado das antenas.', 'O projeto tem uma página web atualizada em 3 de dezembro.'].map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join(''),
});

let root: string;
let out: string;
beforeEach(() => {
  const dir = mkdtempSync(join(tmpdir(), 'calque-docx-export-'));
  root = writeProject(join(dir, 'project'), {
    '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }], reviewer: 'Rita Revisora' }),
    'roof.pt.docx': Buffer.from(PT),
    'roof.en.docx': Buffer.from(richDocx()),
  });
  out = join(dir, 'out');
});
afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

function annotation(text: string, start: number, end: number, over: Partial<Annotation> = {}): Annotation {
  return { id: `a${start}`, side: 'target', start, end, quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 8), start), suffix: text.slice(end, end + 8) }, category: 'Accuracy/Mistranslation', severity: 'major', comment: 'beside means ao lado', created: '2026-12-03T18:00:00Z', modified: '2026-12-03T18:00:00Z', ...over };
}

/** Open, edit one paragraph, annotate the new words, save: what a review leaves behind. */
async function review(service: CalqueService) {
  await service.openProject({});
  const view = await service.getArticle({ id: 'roof.docx' });
  expect(view.source.text).toContain('Os jardins do telhado');
  const text = view.target.text.replace('grow beside the antennas', 'grow next to the antennas');
  await service.saveArticle({ id: 'roof.docx', text, expectedRevision: view.revision });
  const at = text.indexOf('next to');
  await service.saveAnnotations({ id: 'roof.docx', annotations: [annotation(text, at, at + 7)] });
  return text;
}

describe('DOCX deliverables', () => {
  it('saves an edit of a Word article into the .docx, changing only that paragraph', async () => {
    const service = new CalqueService({ root, host: { kind: 'cli' } });
    const text = await review(service);
    const saved = readFileSync(join(root, 'roof.en.docx'));
    expect(docx.read(saved, { path: 'x' }).text.target).toBe(text);
    // The baseline is the machine translation's bytes as first opened.
    expect(Buffer.from(readFileSync(join(root, '.calque/baselines/roof.docx'))).equals(Buffer.from(richDocx()))).toBe(true);
    service.dispose();
  });

  it('exports the original with the review as tracked changes and the annotation as a comment, and reads it back', async () => {
    const service = new CalqueService({ root, host: { kind: 'cli' } });
    const text = await review(service);
    const res = await service.exportArticle({ id: 'roof.docx', as: 'docx-tracked' });
    expect(res.fileName).toBe('roof.en.docx');
    const bytes = Buffer.from(res.dataBase64!, 'base64');
    const parts = unzipText(bytes);
    const xml = parts.get('word/document.xml')!;
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Rita Revisora" w:date="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"><w:r><w:delText xml:space="preserve">beside <\/w:delText><\/w:r><\/w:del>/);
    expect(xml).toMatch(/<w:commentRangeStart w:id="6"\/><w:ins w:id="\d+" w:author="Rita Revisora"[^>]*><w:r><w:t xml:space="preserve">next to<\/w:t><\/w:r><\/w:ins><w:commentRangeEnd w:id="6"\/>/);
    expect(parts.get('word/comments.xml')).toContain('<w:comment w:id="6" w:author="Rita Revisora"');
    expect(parts.get('word/comments.xml')).toContain('Accuracy/Mistranslation · major: beside means ao lado');
    // The other reviewer's revisions and comment are still there.
    expect(xml).toContain('<w:del w:id="11" w:author="Ana Lima"');
    expect(parts.get('word/comments.xml')).toContain('Check this with the source.');
    // Read back in Calque: the text is the corrected one (insertions shown, deletions not), the comment a note.
    const back = docx.read(bytes, { path: 'roof.en.docx' });
    expect(back.text.target).toBe(text);
    expect(back.units[1]!.notes).toEqual(['Rita Revisora: Accuracy/Mistranslation · major: beside means ao lado', expect.stringMatching(/\(Rita Revisora\): 2 inserted, 1 deleted/)]);
    service.dispose();
  });

  it('exports a bilingual review table that reads back to the same segments', async () => {
    const service = new CalqueService({ root, host: { kind: 'cli' } });
    await review(service);
    const res = await service.exportArticle({ id: 'roof.docx', as: 'bilingual-docx' });
    expect(res.fileName).toBe('roof.en.review.docx');
    const table = readBilingualDocx(Buffer.from(res.dataBase64!, 'base64'), res.fileName)!;
    const target = docx.read(readFileSync(join(root, 'roof.en.docx')), { path: 'x' });
    expect(table.sourceLang).toBe('pt');
    expect(table.targetLang).toBe('en');
    expect(table.units.map((u) => u.id)).toEqual(target.units.map((u) => u.id));
    expect(table.units.map((u) => piecesText(u.segments[0]!.target!.content))).toEqual(target.units.map((u) => piecesText(u.segments[0]!.target!.content)));
    expect(piecesText(table.units[1]!.segments[0]!.source!.content)).toBe('Nos telhados de Lisboa, os tomates crescem ao lado das antenas.');
    expect(table.units[1]!.notes).toEqual(['Accuracy/Mistranslation · major: beside means ao lado']);
    service.dispose();
  });

  it('refuses a tracked-changes export of a text article', async () => {
    writeProject(root, { 'b.pt.txt': 'Olá.\n', 'b.en.txt': 'Hello.\n' });
    const service = new CalqueService({ root, host: { kind: 'cli' } });
    await service.openProject({});
    await expect(service.exportArticle({ id: 'b.txt', as: 'docx-tracked' })).rejects.toMatchObject({ code: 'exportNeedsDocx' });
    service.dispose();
  });

  it('calque export --as docx-tracked and --as bilingual-docx write the Word deliverables', async () => {
    const service = new CalqueService({ root, host: { kind: 'cli' } });
    const text = await review(service);
    service.dispose();
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await main(['export', root, '--out', out, '--as', 'docx-tracked'])).toBe(0);
    expect(docx.read(readFileSync(join(out, 'roof.en.docx')), { path: 'x' }).text.target).toBe(text);
    expect(unzipText(readFileSync(join(out, 'roof.en.docx'))).get('word/document.xml')).toContain('w:author="Rita Revisora"');
    expect(await main(['export', root, '--out', out, '--as', 'bilingual-docx'])).toBe(0);
    expect(readBilingualDocx(readFileSync(join(out, 'roof.en.review.docx')), 'x')?.units).toHaveLength(12);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await main(['export', root, '--out', out, '--as', 'pdf'])).toBe(2);
    expect(existsSync(join(out, 'roof.en.pdf'))).toBe(false);
  });
});

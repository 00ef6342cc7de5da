/**
 * `npm run conformance -- docx-render`: the tracked-changes export of the sample Word article, made
 * through the service as a review leaves it (an edited paragraph, an MQM annotation), converted by
 * LibreOffice (`soffice`, when installed: `apt-get install libreoffice-writer-nogui`) to PDF, and the
 * PDF's first page to PNG with poppler's pdftoppm (`apt-get install poppler-utils`; Writer without a GUI
 * cannot export PNG), in tests/screenshots/, to look at. Without soffice it says so and is skipped.
 * It passes when the page's text has each replaced word beside its replacement (LibreOffice shows a
 * tracked deletion struck through next to the insertion; an export that applied the edits would have
 * only the new words) and the PDF has the annotation as a comment with its category and severity.
 * LibreOffice 7.4 exports comments as PDF notes (the icon on the page), not in the margin.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Annotation } from '../main/contract/review.js';
import { CalqueService } from '../main/core/service.js';
import type { PartResult } from './eval-data.js';
import { pdfNotes } from './pdf-notes.js';

const repo = fileURLToPath(new URL('..', import.meta.url));

export async function run(): Promise<PartResult> {
  if (spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status !== 0) {
    console.log('  skipped: LibreOffice (soffice) is not installed');
    return { ran: false, passed: true };
  }
  const tmp = mkdtempSync(join(tmpdir(), 'calque-docx-render-'));
  try {
    const root = join(tmp, 'samples');
    cpSync(join(repo, 'samples'), root, { recursive: true });
    const service = new CalqueService({ root, host: { kind: 'cli' } });
    await service.openProject({});
    const view = await service.getArticle({ id: 'culture/azulejos.docx' });
    const text = view.target.text.replace('in the the workshop', 'in the workshop').replace('who pretends to open', 'who intends to open').replace('Actually, eight', 'Currently, eight');
    await service.saveArticle({ id: 'culture/azulejos.docx', text, expectedRevision: view.revision });
    const at = text.indexOf('gives back colour');
    const now = new Date().toISOString();
    const annotation: Annotation = { id: 'render1', side: 'target', start: at, end: at + 'gives back colour'.length, quote: { exact: 'gives back colour', prefix: '', suffix: '' }, category: 'Accuracy/Mistranslation', severity: 'major', comment: 'literal: "restores the colour of"', created: now, modified: now };
    await service.saveAnnotations({ id: 'culture/azulejos.docx', annotations: [annotation] });
    const res = await service.exportArticle({ id: 'culture/azulejos.docx', as: 'docx-tracked' });
    service.dispose();
    const docxPath = join(tmp, 'azulejos-tracked.docx');
    writeFileSync(docxPath, Buffer.from(res.dataBase64!, 'base64'));
    const outDir = join(repo, 'tests', 'screenshots');
    mkdirSync(outDir, { recursive: true });
    const t0 = performance.now();
    // Comments are left out of the PDF unless asked for (filter options as JSON: LibreOffice 7.4 and later).
    const toPdf = `pdf:writer_pdf_Export:${JSON.stringify({ ExportNotes: { type: 'boolean', value: 'true' } })}`;
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(tmp, 'lo-profile')}`, '--convert-to', toPdf, '--outdir', outDir, docxPath], { stdio: 'pipe', timeout: 120_000 });
    const pdf = join(outDir, 'azulejos-tracked.pdf');
    const made = [pdf];
    const checks: [string, boolean][] = [];
    if (spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).error) console.log('  no PNG and no text check: pdftoppm and pdftotext (poppler-utils) are not installed');
    else {
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(outDir, 'azulejos-tracked')], { stdio: 'ignore', timeout: 60_000 }); // it warns of the comment's popup box
      made.push(join(outDir, 'azulejos-tracked.png'));
      const page = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 });
      checks.push(['tracked replacements on the page ("pretends" beside "intends", "Actually" beside "Currently")', /pretends\s*intends/.test(page) && /Actually\s*Currently/.test(page)]);
    }
    const notes = existsSync(pdf) ? pdfNotes(readFileSync(pdf)) : [];
    checks.push([`the annotation as a comment (${notes.map((n) => `${n.author}: ${n.text}`).join('; ') || 'none'})`, notes.some((n) => n.text.startsWith('Accuracy/Mistranslation · major:') && n.text.includes('restores the colour of'))]);
    const ok = made.every((f) => existsSync(f)) && checks.every(([, pass]) => pass);
    console.log(`  LibreOffice converted the tracked-changes export in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${made.join(', ')}${made.every((f) => existsSync(f)) ? '' : ' (MISSING)'}`);
    for (const [what, pass] of checks) console.log(`  ${pass ? 'ok' : 'FAILED'}: ${what}`);
    return { ran: true, passed: ok };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

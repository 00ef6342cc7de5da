/**
 * A 300-page Word article (about 150,000 words in 3,000 paragraphs of several formatted runs, with
 * tables, footnotes and a header): reading it into its document (unzip, parse, paragraphs), opening
 * it in the review view through the service, and saving one edited paragraph, against the goals
 * (open < 2 s, save < 1 s) and against the same text as a .txt article (the baseline).
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docx } from '../main/core/formats/docx/index.js';
import { CalqueService } from '../main/core/service.js';
import { buildDocx } from '../tests/helpers/docx-fixture.js';
import { against, record } from './baseline.js';
import { timed, timedAsync, wallAndCpu } from './cpu-time.js';
import { generatePair } from './generate.js';

const PAGES = 300;
const PARAGRAPHS = PAGES * 10;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Paragraph text cut into runs, every third one bold or italic, as Word's runs come. */
function paragraphXml(text: string, i: number): string {
  const words = text.split(' ');
  const runs: string[] = [];
  for (let k = 0; k < words.length; k += 7) {
    const chunk = words.slice(k, k + 7).join(' ') + (k + 7 < words.length ? ' ' : '');
    const rPr = k % 21 === 7 ? '<w:rPr><w:b/></w:rPr>' : k % 21 === 14 ? '<w:rPr><w:i/></w:rPr>' : '';
    runs.push(`<w:r w:rsidR="00${(i % 90) + 10}">${rPr}<w:t xml:space="preserve">${esc(chunk)}</w:t></w:r>`);
  }
  const note = i % 50 === 0 ? `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${i / 50 + 1}"/></w:r>` : '';
  return `<w:p><w:pPr><w:spacing w:after="120"/></w:pPr>${runs.join('')}${note}</w:p>`;
}

export function bigDocx(texts: string[]): Uint8Array {
  const body = texts
    .map((t, i) => (i % 100 === 99 ? `<w:tbl><w:tr><w:tc>${paragraphXml(t, i)}</w:tc><w:tc><w:p><w:r><w:t>${i}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` : paragraphXml(t, i)))
    .join('');
  const footnotes = texts
    .filter((_, i) => i % 50 === 0)
    .map((_, k) => `<w:footnote w:id="${k + 1}"><w:p><w:r><w:t xml:space="preserve">Note ${k + 1}.</w:t></w:r></w:p></w:footnote>`)
    .join('');
  return buildDocx({ body, footnotes, header: '<w:p><w:r><w:t>Bench</w:t></w:r></w:p>' });
}

const row = (name: string, t: { wallMs: number; cpuMs: number }, key: string, note: string) =>
  console.log(`${name.padEnd(44)} ${wallAndCpu(t)}   ${[note, against(`${key}-cpu-ms`, record(`${key}-cpu-ms`, t.cpuMs))].filter(Boolean).join('; ')}`);
const goal = (t: { cpuMs: number }, ms: number) => `goal < ${ms.toLocaleString('en')} ms CPU: ${t.cpuMs < ms ? 'met' : 'MISSED'}`;

export async function bench(): Promise<void> {
  console.log(`\n== core: a ${PAGES}-page Word article ==`);
  const pair = generatePair(PARAGRAPHS * 50, 0.1, 50, 7);
  const texts = pair.baseline.split('\n\n').slice(0, PARAGRAPHS);
  const sourceTexts = pair.source.split('\n\n').slice(0, PARAGRAPHS);
  const bytes = bigDocx(texts);
  const words = texts.join(' ').split(/\s+/).length;
  console.log(`  ${texts.length.toLocaleString('en')} paragraphs, ${words.toLocaleString('en')} words, ${(bytes.length / 1e6).toFixed(1)} MB zipped`);

  // The first read in a process pays for the JIT; the app is a long-lived process, so both are shown.
  const coldBytes = bigDocx(texts.map((t) => `${t} cold`));
  const cold = timed(() => docx.read(coldBytes, { path: 'cold.docx' }));
  for (let k = 0; k < 2; k++) docx.read(bigDocx(texts.slice(0, 600).map((t) => `${t} ${k}`)), { path: 'warm.docx' });
  const read = timed(() => docx.read(bytes, { path: 'big.en.docx' }));
  record('docx.read-300p-ms', read.wallMs);
  const doc = read.value;
  const write = timed(() => docx.write(docx.withText(doc, 'target', doc.text.target.replace(texts[1500]!, `${texts[1500]!} Edited.`)), bytes));
  record('docx.write-300p-ms', write.wallMs);
  if (docx.read(write.value, { path: 'x' }).text.target !== doc.text.target.replace(texts[1500]!, `${texts[1500]!} Edited.`)) throw new Error('the bench save did not read back');

  const root = fs.mkdtempSync(join(tmpdir(), 'calque-bench-docx-'));
  try {
    fs.mkdirSync(join(root, '.calque'));
    fs.writeFileSync(join(root, '.calque/project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }));
    fs.writeFileSync(join(root, 'big.pt.docx'), bigDocx(sourceTexts));
    fs.writeFileSync(join(root, 'big.en.docx'), bytes);
    fs.writeFileSync(join(root, 'plain.pt.txt'), sourceTexts.join('\n\n'));
    fs.writeFileSync(join(root, 'plain.en.txt'), texts.join('\n\n'));
    const service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
    await service.openProject({});
    // The first open: reads both files (the source's bytes are new to the process) and captures the baseline.
    const d = await timedAsync(() => service.getArticle({ id: 'big.docx' }));
    const p = await timedAsync(() => service.getArticle({ id: 'plain.txt' }));
    const save = (id: string, view: typeof d.value) => timedAsync(() => service.saveArticle({ id, text: view.target.text.replace('. ', '. Edited. '), expectedRevision: view.revision }));
    const dSave = await save('big.docx', d.value);
    const pSave = await save('plain.txt', p.value);
    // The next save starts from the file the first one wrote: what every save while editing costs.
    const dAgain = await timedAsync(() => service.saveArticle({ id: 'big.docx', text: d.value.target.text.replace('. ', '. Edited again. '), expectedRevision: dSave.value.revision }));
    service.dispose();
    row('DOCX read, first in the process (cold JIT)', cold, 'docx.read-cold-300p', '');
    row('DOCX read (unzip, parse, paragraphs)', read, 'docx.read-300p', goal(read, 2000));
    row('DOCX write, one paragraph changed', write, 'docx.write-300p', goal(write, 1000));
    record('docx.open-300p-ms', d.wallMs);
    record('docx.save-300p-ms', dSave.wallMs);
    row('open in the review view (getArticle)', d, 'docx.open-300p', `${goal(d, 2000)}; ${(d.cpuMs / p.cpuMs).toFixed(2)}× the CPU of the same text as .txt (${p.cpuMs.toFixed(0)} ms)`);
    row('save one edit (saveArticle)', dSave, 'docx.save-300p', `${goal(dSave, 1000)}; ${(dSave.cpuMs / pSave.cpuMs).toFixed(2)}× the CPU of the same text as .txt (${pSave.cpuMs.toFixed(0)} ms)`);
    row('the next save (saveArticle)', dAgain, 'docx.save-again-300p', goal(dAgain, 1000));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

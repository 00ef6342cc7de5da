/**
 * Opening and saving big web pages and Markdown files through their formats (read → Document; one
 * segment edited → withText → write), against the named baseline of this part: the plain-text format
 * on the same editor text (decode, split paragraphs, encode), which is what these files cost before
 * they were read by structure.
 */
import { readFileSync } from 'node:fs';
import { html } from '../main/core/formats/html/index.js';
import { markdown } from '../main/core/formats/markdown/index.js';
import { plainText } from '../main/core/formats/plain-text/index.js';
import type { FileFormat } from '../main/core/formats/registry.js';
import { against, record } from './baseline.js';
import { timed, wallAndCpu } from './cpu-time.js';

function openSave(format: FileFormat, bytes: Buffer, key: string): void {
  const read = timed(() => format.read(bytes, { path: `big.${format.extensions[0]}` }));
  const doc = read.value;
  const seg = doc.units[Math.floor(doc.units.length / 2)]!.segments[0]!.target!;
  const text = doc.text.target.slice(0, seg.start) + 'Edited: ' + doc.text.target.slice(seg.start);
  const save = timed(() => format.write(format.withText(doc, 'target', text), bytes));
  // The baseline: plain text of the same editor text, read and written.
  const plainBytes = Buffer.from(doc.text.target, 'utf8');
  const plainRead = timed(() => plainText.read(plainBytes, { path: 'big.txt' }));
  const plainSave = timed(() => plainText.write(plainText.withText(plainRead.value, 'target', text), plainBytes));
  const mb = (bytes.length / 1e6).toFixed(1);
  console.log(`  ${format.id}, ${mb} MB, ${doc.units.length.toLocaleString('en')} units (${save.value.length === bytes.length + 8 ? 'only the edit grew the file' : 'SIZE CHANGED UNEXPECTEDLY'})`);
  console.log(`    open:          ${wallAndCpu(read)}   ${against(`${key}.open-cpu-ms`, record(`${key}.open-cpu-ms`, read.cpuMs))}`);
  console.log(`    save one edit: ${wallAndCpu(save)}   ${against(`${key}.save-cpu-ms`, record(`${key}.save-cpu-ms`, save.cpuMs))}`);
  console.log(`    baseline, plain text of the same ${(plainBytes.length / 1e6).toFixed(1)} MB text: open CPU ${plainRead.cpuMs.toFixed(0)} ms (${(read.cpuMs / plainRead.cpuMs).toFixed(1)}×), save CPU ${plainSave.cpuMs.toFixed(0)} ms (${(save.cpuMs / plainSave.cpuMs).toFixed(1)}×)`);
  record(`${key}.open-ms`, read.wallMs);
  record(`${key}.save-ms`, save.wallMs);
}

export async function bench(): Promise<void> {
  console.log('\n== web formats: open and save ==');
  const page = readFileSync(new URL('../tests/core/formats/fixtures/news-article.html', import.meta.url), 'utf8');
  const body = page.slice(page.indexOf('<article>'), page.indexOf('</article>') + '</article>'.length);
  const head = page.slice(0, page.indexOf('<article>'));
  // About 3 MB: 3,000 copies of the fixture's article in one page.
  openSave(html, Buffer.from(head + Array.from({ length: 3000 }, () => body).join('\r\n') + '\r\n</body>\r\n</html>\r\n'), 'web.html-3mb');
  const md = readFileSync(new URL('../tests/core/formats/fixtures/markdown-article.md', import.meta.url), 'utf8').replace(/^---[\s\S]*?---\n/, '');
  // About 1 MB of Markdown (micromark reads about 30 KB of such mixed Markdown per second here).
  openSave(markdown, Buffer.from(Array.from({ length: 700 }, () => md).join('\n')), 'web.markdown-1mb');
}

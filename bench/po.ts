/**
 * A large PO file (12.7 MB, 40,000 entries: wrapped strings, plurals, context, fuzzy with `#|`):
 * open (read into a document), save one edited msgstr (withText + write), save with no edit; against
 * the named baseline, the plain-text format reading the same bytes (decode + paragraphs: the least
 * any reader does).
 */
import { po } from '../main/core/formats/po/index.js';
import { plainText } from '../main/core/formats/plain-text/index.js';
import { record } from './baseline.js';

function largePo(entries: number): string {
  const out = ['msgid ""', 'msgstr ""', '"Language: pt_BR\\n"', '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"', ''];
  for (let i = 0; i < entries; i++) {
    out.push(`#: src/module${i % 97}.c:${i}`);
    if (i % 11 === 0) out.push('#, fuzzy', `#| msgid "Old string number ${i}"`);
    if (i % 13 === 0) out.push('msgctxt "menu"');
    if (i % 7 === 0) {
      out.push(`msgid "One file in folder ${i}"`, `msgid_plural "%d files in folder ${i}"`, `msgstr[0] "Um arquivo na pasta ${i}"`, `msgstr[1] "%d arquivos na pasta ${i}"`, '');
      continue;
    }
    out.push(
      'msgid ""',
      `"The lighthouse keeper ${i} climbs the stairs every evening, lights the lamp and "`,
      '"writes the weather in the log book before the boats come back.\\n"',
      'msgstr ""',
      `"O faroleiro ${i} sobe a escada todas as noites, acende a lâmpada e escreve "`,
      '"o tempo no diário de bordo antes de os barcos voltarem.\\n"',
      '',
    );
  }
  return out.join('\n');
}

/** The best of `runs` in CPU time (this thread's user + system: the shared machine's load inflates wall time several times over). */
function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = process.cpuUsage();
    fn();
    const used = process.cpuUsage(t0);
    min = Math.min(min, (used.user + used.system) / 1000);
  }
  return min;
}

export async function bench(): Promise<void> {
  const bytes = Buffer.from(largePo(40_000), 'utf8');
  const doc = po.read(bytes, { path: 'big.po' });
  // Fresh copies: the reader keeps the last parse of each byte array (for the save that follows a read).
  const open = best(3, () => po.read(Buffer.from(bytes), { path: 'big.po' }));
  const plain = best(3, () => plainText.read(Buffer.from(bytes), { path: 'big.txt' }));
  const k = Math.floor(doc.units.length / 2);
  const seg = doc.units[k]!.segments[0]!.target!;
  const edited = doc.text.target.slice(0, seg.start) + 'Editado. ' + doc.text.target.slice(seg.start);
  let out: Uint8Array = bytes;
  // A save reads the file as it is on disk again (the revision check), then maps the edit and patches.
  const save = best(3, () => {
    const current = Buffer.from(bytes);
    out = po.write(po.withText(po.read(current, { path: 'big.po' }), 'target', edited), current);
  });
  const same = best(3, () => {
    const current = Buffer.from(bytes);
    po.write(po.withText(po.read(current, { path: 'big.po' }), 'target', doc.text.target), current);
  });
  console.log('\n== formats: a large PO file ==');
  console.log(`  ${(bytes.length / 1e6).toFixed(1)} MB, ${doc.units.length.toLocaleString('en')} entries, ${doc.units.reduce((n, u) => n + u.segments.length, 0).toLocaleString('en')} segments`);
  console.log(`  open (read into a document): ${open.toFixed(0)} ms; baseline, plain-text read of the same bytes: ${plain.toFixed(0)} ms (ratio ${(open / plain).toFixed(2)})`);
  console.log(`  save one edited msgstr (re-read, map the edit back, patch, encode): ${save.toFixed(0)} ms, ${Math.abs(out.length - bytes.length)} bytes changed in size`);
  console.log(`  save with no edit (re-read, compare): ${same.toFixed(0)} ms (goal: open under 2 s, save under 1 s; CPU time, best of 3)`);
  record('po.open-12mb-cpu-ms', open);
  record('po.save-12mb-cpu-ms', save);
}

/**
 * A save whose text no longer maps onto the file's segments (a blank line between two of them
 * removed) is refused naming the file and, in the user's language, what its segments are: the rows of
 * a table, XLIFF segments, a document's paragraphs, subtitle cues, PO entries.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CalqueError } from '../../main/contract/api.js';
import { describeError } from '../../main/core/messages.js';
import { bytesWithText, readSide } from '../../main/core/text/read-text-file.js';
import { buildDocx } from '../helpers/docx-fixture.js';
import { PO } from './formats/po-fixture.js';
import { SRT_PT } from './formats/subtitle-fixtures.js';

const CASES: { path: string; bytes: Uint8Array; en: string; pt: string }[] = [
  { path: 'a.tsv', bytes: Buffer.from('id\tsource\ttarget\n1\tUm.\tOne.\n2\tDois.\tTwo.\n'), en: 'between the rows of the table', pt: 'entre as linhas da tabela' },
  { path: 'a.xlf', bytes: readFileSync(new URL('../fixtures/xliff/plain-1.2.xlf', import.meta.url)), en: 'between the XLIFF segments', pt: 'entre os segmentos XLIFF' },
  { path: 'a.en.docx', bytes: buildDocx({ body: '<w:p><w:r><w:t>One.</w:t></w:r></w:p><w:p><w:r><w:t>Two.</w:t></w:r></w:p>' }), en: "between the document's paragraphs", pt: 'entre os parágrafos do documento' },
  { path: 'a.en.html', bytes: Buffer.from('<html><body><p>One.</p><p>Two.</p></body></html>'), en: "between the document's paragraphs", pt: 'entre os parágrafos do documento' },
  { path: 'a.pt.srt', bytes: Buffer.from(SRT_PT), en: 'between the subtitle cues', pt: 'entre as legendas' },
  { path: 'a.po', bytes: Buffer.from(PO), en: 'between the translations of the PO entries', pt: 'entre as traduções das entradas PO' },
];

describe('segmentsChanged says what the segments of the file are', () => {
  it.each(CASES)('$path', ({ path, bytes, en, pt }) => {
    const base = readSide(bytes, path, 'target', path);
    const text = base.text;
    const at = text.indexOf('\n\n');
    expect(at).toBeGreaterThan(0);
    let error: unknown;
    try {
      bytesWithText(path, { doc: base.doc, bytes }, 'target', text.slice(0, at) + ' ' + text.slice(at + 2));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CalqueError);
    const info = (error as CalqueError).toInfo();
    expect(info.code).toBe('segmentsChanged');
    expect(info.params).toMatchObject({ path });
    expect(describeError(info, 'en')).toContain(`${path} was not saved: the edited text no longer has one blank line ${en}`);
    expect(describeError(info, 'pt-BR')).toContain(pt);
  });

  it('a blank line typed inside a subtitle cue is named as such', () => {
    const bytes = Buffer.from(SRT_PT);
    const base = readSide(bytes, 'a.pt.srt', 'target', 'a.pt.srt');
    let error: unknown;
    try {
      bytesWithText('a.pt.srt', { doc: base.doc, bytes }, 'target', base.text.replace('voltam\nantes', 'voltam\n\n\nantes'));
    } catch (err) {
      error = err;
    }
    expect(describeError((error as CalqueError).toInfo(), 'en')).toContain('or a cue has a blank line inside it');
  });
});

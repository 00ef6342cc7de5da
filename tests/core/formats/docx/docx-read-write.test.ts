import { describe, expect, it } from 'vitest';
import { CalqueError } from '../../../../main/contract/api.js';
import { piecesText } from '../../../../main/contract/document.js';
import { docx } from '../../../../main/core/formats/docx/index.js';
import { formatForPath } from '../../../../main/core/formats/registry.js';
import { buildDocx, richDocx, unzipText } from '../../../helpers/docx-fixture.js';

const read = (bytes: Uint8Array) => docx.read(bytes, { path: 'story.en.docx', side: 'target' });
const edit = (bytes: Uint8Array, change: (t: string) => string) => {
  const doc = read(bytes);
  return docx.write(docx.withText(doc, 'target', change(doc.text.target)), bytes);
};
const changedParts = (a: Uint8Array, b: Uint8Array) => {
  const x = unzipText(a);
  const y = unzipText(b);
  return [...x.keys()].filter((k) => x.get(k) !== y.get(k));
};
const paragraphsXml = (xml: string) => xml.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? [];

describe('DOCX reader', () => {
  it('is the registry format for .docx', () => {
    expect(formatForPath('news/story.pt.docx').id).toBe('docx');
  });

  it('reads paragraphs across runs, tables, text boxes, footnotes and headers as units', () => {
    const doc = read(richDocx());
    const texts = doc.units.map((u) => piecesText(u.segments[0]!.target!.content));
    expect(texts).toEqual([
      'The gardens of the roof',
      'On the roofs of Lisbon, tomatoes grow beside the antennas.<1/>',
      'The project has a web page updated on <1/>.',
      'Neighbours now share the harvest.',
      'Crop',
      'Kilos',
      'Lettuce',
      'See the box. <1/>',
      'Water twice a day.',
      'The end of the story & a tab:\tdone',
      ' Data from the city council, 2025.',
      'Urban farming',
    ]);
    expect(doc.units.map((u) => u.id).slice(-3)).toEqual(['document:11', 'footnotes:3', 'header1:1']);
    // The editor's text is the segments with a blank line between, and offsets point into it.
    for (const u of doc.units) {
      const s = u.segments[0]!.target!;
      expect(doc.text.target.slice(s.start, s.end)).toBe(piecesText(s.content));
    }
  });

  it('shows footnote references, fields and drawings as tags, and keeps bookmarks and proofing marks out of the text', () => {
    const doc = read(richDocx());
    const tagsOf = (i: number) => doc.units[i]!.segments[0]!.target!.content.filter((p) => p.kind !== 'text');
    expect(tagsOf(1).map((t) => t.type)).toEqual(['footnote']);
    const field = tagsOf(2)[0]!;
    expect(field.type).toBe('field');
    // The field's code and result are the tag's markup, not text to translate.
    expect(field.original).toContain('DATE');
    expect(doc.text.target).not.toContain('3 December');
    expect(tagsOf(7).map((t) => t.type)).toEqual(['image']);
  });

  it('shows tracked insertions as text, hides deletions, and tells the reviewer; comments are notes', () => {
    const doc = read(richDocx());
    const u = doc.units[3]!;
    expect(piecesText(u.segments[0]!.target!.content)).toBe('Neighbours now share the harvest.');
    expect(u.notes).toEqual(['Ana Lima: Check this with the source.', expect.stringMatching(/Tracked changes in the file \(Ana Lima\): 1 inserted, 1 deleted/)]);
  });
});

describe('DOCX writer', () => {
  it('gives the same bytes back when nothing was edited', () => {
    const bytes = richDocx();
    const out = edit(bytes, (t) => t);
    expect(Buffer.from(out).equals(Buffer.from(bytes))).toBe(true);
  });

  it('changes only the edited paragraph, keeping its runs’ formatting, bookmarks, tags and revisions', () => {
    const bytes = richDocx();
    const out = edit(bytes, (t) => t.replace('grow beside the antennas', 'grow next to the antennas'));
    expect(changedParts(bytes, out)).toEqual(['word/document.xml']);
    const before = paragraphsXml(unzipText(bytes).get('word/document.xml')!);
    const after = paragraphsXml(unzipText(out).get('word/document.xml')!);
    expect(after.length).toBe(before.length);
    const differ = before.map((p, i) => (p === after[i] ? -1 : i)).filter((i) => i >= 0);
    expect(differ).toEqual([1]);
    const p = after[1]!;
    expect(p).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">tomatoes</w:t></w:r>');
    expect(p).toContain('<w:rPr><w:i/></w:rPr><w:t xml:space="preserve">the antennas</w:t>');
    expect(p).toContain('<w:bookmarkStart w:id="0" w:name="roofs"/>');
    expect(p).toContain('<w:footnoteReference w:id="1"/>');
    expect(p).not.toContain('beside');
    expect(read(out).units[1]!.segments[0]!.target!.content[0]).toEqual({ kind: 'text', text: 'On the roofs of Lisbon, tomatoes grow next to the antennas.' });
  });

  it('keeps a replaced word inside its hyperlink and the existing revisions of other reviewers', () => {
    const bytes = richDocx();
    const out = edit(bytes, (t) => t.replace('web page', 'website').replace('share the harvest', 'split the harvest'));
    const xml = unzipText(out).get('word/document.xml')!;
    expect(xml).toMatch(/<w:hyperlink r:id="rId9" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">website/);
    expect(xml).toContain('<w:del w:id="11" w:author="Ana Lima" w:date="2026-11-30T10:00:00Z"><w:r><w:delText xml:space="preserve">very </w:delText></w:r></w:del>');
    expect(xml).toContain('<w:ins w:id="12" w:author="Ana Lima"');
    expect(read(out).units[3]!.notes?.[1]).toMatch(/1 inserted, 1 deleted/);
  });

  it('writes an edit inside a text box into the drawing, and an edit of the paragraph holding it too', () => {
    const bytes = richDocx();
    const out = edit(bytes, (t) => t.replace('See the box.', 'See the box below.').replace('Water twice a day.', 'Water it twice daily.'));
    const doc = read(out);
    expect(doc.units.map((u) => piecesText(u.segments[0]!.target!.content)).slice(7, 9)).toEqual(['See the box below. <1/>', 'Water it twice daily.']);
  });

  it('writes special characters escaped, and a tab as an element in the run it came from', () => {
    const bytes = richDocx();
    const out = edit(bytes, (t) => t.replace('The end of the story & a tab:\tdone', 'Fim <da> história & "aspas":\tpronto'));
    expect(unzipText(out).get('word/document.xml')).toContain('Fim &lt;da&gt; história &amp; "aspas":</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">pronto</w:t></w:r>');
    expect(piecesText(read(out).units[9]!.segments[0]!.target!.content)).toBe('Fim <da> história & "aspas":\tpronto');
  });

  it('drops a tag the editor deleted and keeps one it moved', () => {
    const bytes = richDocx();
    const out = edit(bytes, (t) => t.replace('antennas.<1/>', 'antennas<1/>.').replace('updated on <1/>.', 'updated recently.'));
    const doc = read(out);
    expect(piecesText(doc.units[1]!.segments[0]!.target!.content)).toBe('On the roofs of Lisbon, tomatoes grow beside the antennas<1/>.');
    expect(piecesText(doc.units[2]!.segments[0]!.target!.content)).toBe('The project has a web page updated recently.');
    expect(unzipText(out).get('word/document.xml')).not.toContain('DATE');
  });

  it('refuses an edit that merges two paragraphs', () => {
    const doc = read(richDocx());
    expect(() => docx.withText(doc, 'target', doc.text.target.replace('roof\n\nOn', 'roof On'))).toThrow(CalqueError);
  });

  it('reads a document with no text as no units', () => {
    const doc = read(buildDocx({ body: '<w:p/><w:p><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p>' }));
    expect(doc.units).toEqual([]);
  });
});

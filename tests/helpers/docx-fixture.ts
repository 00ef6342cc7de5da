import { createZip, openZip, readEntry } from '../../main/core/formats/docx/zip.js';

/**
 * Word documents written by hand for the tests, shaped after what Word itself writes (ECMA-376 part
 * names, relationships, content types, rsid attributes, proofing marks, runs split mid-word).
 */

export const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"';

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export interface DocxParts {
  body: string;
  footnotes?: string;
  comments?: string;
  header?: string;
  /** Target of the relationship rId9 (a hyperlink). */
  link?: string;
  /** Extra entries, as they are. */
  extra?: Record<string, string>;
}

export function buildDocx(parts: DocxParts): Uint8Array {
  const enc = (s: string) => new TextEncoder().encode(s);
  const overrides = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
    parts.footnotes ? '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>' : '',
    parts.comments ? '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' : '',
    parts.header ? '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' : '',
  ].join('');
  const rels = [
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
    parts.footnotes ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>' : '',
    parts.comments ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>' : '',
    parts.header ? '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' : '',
    `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${parts.link ?? 'https://example.org/gardens'}" TargetMode="External"/>`,
  ].join('');
  const files: { name: string; data: Uint8Array }[] = [
    { name: '[Content_Types].xml', data: enc(`${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`) },
    { name: '_rels/.rels', data: enc(`${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`) },
    { name: 'word/document.xml', data: enc(`${DECL}<w:document ${W}><w:body>${parts.body}<w:sectPr>${parts.header ? '<w:headerReference w:type="default" r:id="rId4"/>' : ''}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`) },
    { name: 'word/_rels/document.xml.rels', data: enc(`${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`) },
    { name: 'word/styles.xml', data: enc(`${DECL}<w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style></w:styles>`) },
  ];
  if (parts.footnotes) files.push({ name: 'word/footnotes.xml', data: enc(`${DECL}<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>${parts.footnotes}</w:footnotes>`) });
  if (parts.comments) files.push({ name: 'word/comments.xml', data: enc(`${DECL}<w:comments ${W}>${parts.comments}</w:comments>`) });
  if (parts.header) files.push({ name: 'word/header1.xml', data: enc(`${DECL}<w:hdr ${W}>${parts.header}</w:hdr>`) });
  for (const [name, text] of Object.entries(parts.extra ?? {})) files.push({ name, data: enc(text) });
  return createZip(files);
}

/** The article in English (the machine translation) with everything Word documents carry. */
export function richDocx(): Uint8Array {
  return buildDocx({
    body: [
      '<w:p w:rsidR="00A1" w:rsidRDefault="00A1"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>The gardens of the roof</w:t></w:r></w:p>',
      // Runs split mid-word, a proofing mark, bold and italic, a bookmark.
      '<w:p><w:r w:rsidR="00B2"><w:t xml:space="preserve">On the roofs of </w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>Lis</w:t></w:r><w:r w:rsidR="00C3"><w:t>bon</w:t></w:r><w:proofErr w:type="spellEnd"/><w:bookmarkStart w:id="0" w:name="roofs"/><w:r><w:t xml:space="preserve">, </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>tomatoes</w:t></w:r><w:bookmarkEnd w:id="0"/><w:r><w:t xml:space="preserve"> grow beside </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>the antennas</w:t></w:r><w:r><w:t>.</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r></w:p>',
      // A hyperlink and a field (a date).
      '<w:p><w:r><w:t xml:space="preserve">The project has a </w:t></w:r><w:hyperlink r:id="rId9" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>web page</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> updated on </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "d MMMM yyyy" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3 December 2026</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>',
      // Existing revisions by another reviewer and a comment range.
      '<w:p><w:commentRangeStart w:id="5"/><w:r><w:t xml:space="preserve">Neighbours </w:t></w:r><w:del w:id="11" w:author="Ana Lima" w:date="2026-11-30T10:00:00Z"><w:r><w:delText xml:space="preserve">very </w:delText></w:r></w:del><w:ins w:id="12" w:author="Ana Lima" w:date="2026-11-30T10:00:00Z"><w:r><w:t xml:space="preserve">now </w:t></w:r></w:ins><w:r><w:t>share the harvest.</w:t></w:r><w:commentRangeEnd w:id="5"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="5"/></w:r></w:p>',
      // A table: each cell paragraph is a unit; an empty cell is none.
      '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>Crop</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Kilos</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Lettuce</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>',
      // A text box inside a drawing: its paragraph is a unit of its own.
      '<w:p><w:r><w:t xml:space="preserve">See the box. </w:t></w:r><w:r><w:drawing><wp:anchor><wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Water twice a day.</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>',
      '<w:p><w:r><w:t>The end of the story &amp; a tab:</w:t></w:r><w:r><w:tab/><w:t>done</w:t></w:r></w:p>',
    ].join(''),
    footnotes: '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Data from the city council, 2025.</w:t></w:r></w:p></w:footnote>',
    comments: '<w:comment w:id="5" w:author="Ana Lima" w:date="2026-11-30T10:05:00Z" w:initials="AL"><w:p><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r><w:r><w:t>Check this with the source.</w:t></w:r></w:p></w:comment>',
    header: '<w:p><w:r><w:t>Urban farming</w:t></w:r></w:p>',
  });
}

/** Every entry of a package as text (parts compared after unzipping). */
export function unzipText(bytes: Uint8Array): Map<string, string> {
  const a = openZip(bytes, 'test.docx');
  return new Map(a.entries.map((e) => [e.name, new TextDecoder().decode(readEntry(e, 'test.docx'))]));
}

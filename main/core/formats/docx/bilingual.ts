import type { Document, Piece, Segment, Unit } from '../../../contract/document.js';
import { piecesText } from '../../../contract/document.js';
import { joinSegments } from '../segment-text.js';
import { contentOf, loadDocx } from './load.js';
import { paragraphsOf, parseParagraph, W_NS } from './paragraph.js';
import { childElements, readPart } from './package.js';
import { createZip } from './zip.js';
import { escapeText, type XmlDocument, type XmlElement } from './xml.js';

/**
 * A bilingual review table as a Word document, for reviewers without Calque: one row per segment
 * with id, source, target and comments, as CAT tools hand them out. It reads back by its header row
 * (id | source (lang) | target (lang) | comments): the id column names the segment each row belongs
 * to, so the reviewer's target cells map back onto the article's segments.
 */

export interface ReviewRow {
  id: string;
  source: string;
  target: string;
  comments: string[];
}

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const NS = `xmlns:w="${W_NS}"`;

function cell(text: string, width: number, header = false): string {
  const lines = text.split('\n');
  const paras = lines.map((l) => `<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>${l ? `<w:r>${header ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeText(l)}</w:t></w:r>` : ''}</w:p>`);
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paras.join('')}</w:tc>`;
}

export function bilingualDocx(opts: { title: string; sourceLang: string; targetLang: string; rows: ReviewRow[] }): Uint8Array {
  const widths = [1100, 4000, 4000, 2400];
  const header = ['id', `source (${opts.sourceLang})`, `target (${opts.targetLang})`, 'comments'];
  const row = (cells: string[], isHeader = false) => `<w:tr>${isHeader ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.map((c, i) => cell(c, widths[i]!, isHeader)).join('')}</w:tr>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="999999"/>`).join('');
  const table = `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${row(header, true)}${opts.rows.map((r) => row([r.id, r.source, r.target, r.comments.join('\n')])).join('')}</w:tbl>`;
  const title = `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">${escapeText(opts.title)}</w:t></w:r></w:p>`;
  const landscape = '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1000" w:right="1000" w:bottom="1000" w:left="1000" w:header="500" w:footer="500" w:gutter="0"/></w:sectPr>';
  const enc = (s: string) => new TextEncoder().encode(s);
  return createZip([
    { name: '[Content_Types].xml', data: enc(`${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`) },
    { name: '_rels/.rels', data: enc(`${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`) },
    { name: 'word/_rels/document.xml.rels', data: enc(`${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`) },
    { name: 'word/styles.xml', data: enc(`${DECL}<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Noto Sans CJK SC" w:cs="Arial"/><w:sz w:val="20"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style></w:styles>`) },
    { name: 'word/document.xml', data: enc(`${DECL}<w:document ${NS}><w:body>${title}${table}${landscape}</w:body></w:document>`) },
  ]);
}

const cellText = (xml: XmlDocument, tc: XmlElement) =>
  paragraphsOf(tc)
    .map((p) => piecesText(contentOf(xml.raw, parseParagraph(xml, p))))
    .join('\n');

/**
 * Read a review table back: a bilingual document (one unit per row, ids from the id column), or
 * null when the Word document holds no table with an id | source | target header.
 */
export function readBilingualDocx(bytes: Uint8Array, path: string): Document | null {
  const loaded = loadDocx(bytes, path);
  const main = loaded.pkg.stories.find((s) => s.kind === 'document')!;
  const xml = loaded.parts.get(main.name) ?? readPart(loaded.pkg, main.name);
  const body = childElements(xml.root, 'body')[0];
  const table = body && childElements(body, 'tbl')[0];
  if (!table) return null;
  const rows = childElements(table, 'tr').map((tr) => childElements(tr, 'tc').map((tc) => cellText(xml, tc)));
  const head = rows[0]?.map((h) => h.trim().toLowerCase());
  if (!head || head[0] !== 'id' || !head[1]?.startsWith('source') || !head[2]?.startsWith('target')) return null;
  const lang = (h: string) => /\(([^)]+)\)/.exec(h)?.[1];
  const data = rows.slice(1).filter((r) => r[0]?.trim());
  const src = joinSegments(data.map((r) => r[1] ?? ''));
  const tgt = joinSegments(data.map((r) => r[2] ?? ''));
  const units: Unit[] = data.map((r, i) => {
    const id = r[0]!.trim();
    const text = (s: string): Piece[] => (s ? [{ kind: 'text', text: s }] : []);
    const segment: Segment = {
      id,
      source: { content: text(r[1] ?? ''), start: src.ranges[i]![0], end: src.ranges[i]![1] },
      target: { content: text(r[2] ?? ''), start: tgt.ranges[i]![0], end: tgt.ranges[i]![1] },
    };
    const notes = (r[3] ?? '').split('\n').filter((n) => n.trim());
    return { id, kind: 'row', segments: [segment], ...(notes.length ? { notes } : {}) };
  });
  const sourceLang = lang(rows[0]![1]!);
  const targetLang = lang(rows[0]![2]!);
  return {
    format: 'bilingual-docx',
    bilingual: true,
    ...(sourceLang ? { sourceLang } : {}),
    ...(targetLang ? { targetLang } : {}),
    units,
    text: { source: src.text, target: tgt.text },
    file: { encoding: 'utf-8', lineEnding: '\n', finalNewline: false },
  };
}

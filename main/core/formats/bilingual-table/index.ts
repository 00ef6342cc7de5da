import { CalqueError } from '../../../contract/api.js';
import type { Document, Segment, Unit } from '../../../contract/document.js';
import { piecesText } from '../../../contract/document.js';
import { decodeRaw, detectLineEnding, encodeRaw } from '../../text/encoding.js';
import type { FileFormat } from '../registry.js';
import { joinSegments, withSegmentText } from '../segment-text.js';
import { detectColumns, type Columns } from './columns.js';
import { encodeField, parseDelimited, type Field, type Row } from './parse.js';

/**
 * Bilingual review tables (.tsv, .csv) as CAT tools export them for reviewers: one row per segment
 * with id, source and target columns (other columns, such as status or comments, are kept as they
 * are). One file is one article. Saving replaces only the cells whose text changed.
 */

interface Table {
  raw: string;
  encoding: Document['file']['encoding'];
  delimiter: string;
  rows: Row[];
  columns: Columns;
  /** Data rows with the unit id each one gets. */
  data: { row: Row; id: string }[];
}

/** CSV from European spreadsheets often uses semicolons: the first line tells. */
function delimiterFor(path: string, raw: string): string {
  if (/\.tsv$/i.test(path)) return '\t';
  const firstLine = raw.slice(0, raw.search(/\r|\n/) === -1 ? raw.length : raw.search(/\r|\n/)).replace(/"[^"]*"/g, '');
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ',';
}

/** The cell's text as the editor shows it: NFC, "\n" line breaks. */
const cellText = (f: Field | undefined) => (f ? f.value.replace(/\r\n?/g, '\n').normalize('NFC') : '');

function parseTable(bytes: Uint8Array, path: string, delimiterHint?: string): Table {
  const { raw, encoding } = decodeRaw(bytes, path);
  const delimiter = delimiterHint ?? delimiterFor(path, raw);
  const rows = parseDelimited(raw, delimiter);
  const columns = detectColumns(rows);
  if (!columns) throw new CalqueError('tableColumnsMissing', { path });
  const data: Table['data'] = [];
  const used = new Set<string>();
  rows.forEach((row, i) => {
    if (i < columns.firstRow || row.fields.every((f) => f.value.trim() === '')) return;
    // The id column's value when it is usable, else the row's line in the table (1-based).
    let id = columns.id !== undefined ? (row.fields[columns.id]?.value.trim() ?? '') : '';
    if (!id || used.has(id)) id = id ? `${id}~${i + 1}` : `row${i + 1}`;
    used.add(id);
    data.push({ row, id });
  });
  return { raw, encoding, delimiter, rows, columns, data };
}

export const bilingualTable: FileFormat = {
  id: 'bilingual-table',
  extensions: ['tsv', 'csv'],
  bilingual: true,
  capabilities: { inlineTags: false, segmentStates: false, notes: false, freeText: false },

  read(bytes, ctx) {
    const t = parseTable(bytes, ctx.path);
    const src = joinSegments(t.data.map((d) => cellText(d.row.fields[t.columns.source])));
    const tgt = joinSegments(t.data.map((d) => cellText(d.row.fields[t.columns.target])));
    const units: Unit[] = t.data.map((d, i): Unit => {
      const segment: Segment = {
        id: d.id,
        source: { content: [{ kind: 'text', text: src.text.slice(...src.ranges[i]!) }], start: src.ranges[i]![0], end: src.ranges[i]![1] },
        target: { content: [{ kind: 'text', text: tgt.text.slice(...tgt.ranges[i]!) }], start: tgt.ranges[i]![0], end: tgt.ranges[i]![1] },
      };
      return { id: d.id, kind: 'row', segments: [segment] };
    });
    return {
      format: 'bilingual-table',
      bilingual: true,
      ...(t.columns.sourceLang ? { sourceLang: t.columns.sourceLang } : {}),
      ...(t.columns.targetLang ? { targetLang: t.columns.targetLang } : {}),
      units,
      text: { source: src.text, target: tgt.text },
      // Line endings and final newline are the file's own; they are never rewritten here.
      file: { encoding: t.encoding, lineEnding: detectLineEnding(t.raw), finalNewline: /[\r\n]$/.test(t.raw) },
      dialect: { delimiter: t.delimiter },
    };
  },

  write(doc, original) {
    const t = parseTable(original, '', doc.dialect?.delimiter);
    const byId = new Map(doc.units.map((u) => [u.id, u.segments[0]] as const));
    const newline = doc.file.lineEnding;
    const edits: { start: number; end: number; text: string }[] = [];
    for (const { row, id } of t.data) {
      const seg = byId.get(id);
      if (!seg) continue;
      for (const side of ['source', 'target'] as const) {
        const col = t.columns[side];
        const field = row.fields[col];
        const text = seg[side] ? piecesText(seg[side].content) : undefined;
        if (text === undefined || text === cellText(field)) continue;
        const cellNewline = field?.value.match(/\r\n?|\n/)?.[0] ?? newline;
        const encoded = encodeField(text, t.delimiter, !!field?.quoted, cellNewline);
        if (field) edits.push({ start: field.start, end: field.end, text: encoded });
        else edits.push({ start: row.end, end: row.end, text: t.delimiter.repeat(col - row.fields.length + 1) + encoded });
      }
    }
    let raw = t.raw;
    for (const e of edits.sort((a, b) => b.start - a.start)) raw = raw.slice(0, e.start) + e.text + raw.slice(e.end);
    return edits.length ? encodeRaw(raw, t.encoding) : original;
  },

  withText(doc, side, text) {
    return withSegmentText(doc, side, text);
  },
};

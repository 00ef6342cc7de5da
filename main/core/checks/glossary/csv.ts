/**
 * Glossary from CSV or TSV: a header row, then `source,target[,alternatives…]`. RFC 4180 quoting ("a, b",
 * doubled "" inside quotes, line breaks inside quotes). The delimiter is a tab when the header has one,
 * else a semicolon when the header has one and no comma, else a comma. A header column named
 * "caseSensitive" (or "case") marks entries matched with their case; it is not an alternative.
 */
import type { GlossaryEntry } from '../types.js';
import { GLOSSARY_LIMITS, tooManyEntries } from './limits.js';

export function parseDelimited(text: string, delimiter: string, maxRows = Infinity, name = 'glossary'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      if (rows.length > maxRows) throw tooManyEntries(name);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function detectDelimiter(firstLine: string): string {
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';') && !firstLine.includes(',')) return ';';
  return ',';
}

export function readCsvGlossary(text: string, name = 'glossary'): GlossaryEntry[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  // Rows counted before blank ones are dropped: the header plus the entries, with headroom for blank lines.
  const [header, ...rows] = parseDelimited(text, detectDelimiter(firstLine), GLOSSARY_LIMITS.maxEntries * 2, name);
  if (rows.length > GLOSSARY_LIMITS.maxEntries) throw tooManyEntries(name);
  if (!header) return [];
  const caseCol = header.findIndex((h) => /^case(?:[ _-]?sensitive)?$/i.test(h.trim()));
  const out: GlossaryEntry[] = [];
  for (const row of rows) {
    const source = row[0]?.trim() ?? '';
    const target = row[1]?.trim() ?? '';
    if (!source || !target) continue;
    const alternatives = row
      .slice(2)
      .filter((_, i) => i + 2 !== caseCol)
      .map((a) => a.trim())
      .filter(Boolean);
    const entry: GlossaryEntry = { source, target };
    if (alternatives.length) entry.alternatives = alternatives;
    if (caseCol >= 0 && /^(?:1|true|yes|y|x)$/i.test(row[caseCol]?.trim() ?? '')) entry.caseSensitive = true;
    out.push(entry);
  }
  return out;
}

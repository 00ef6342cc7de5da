/**
 * Delimited tables (CSV and TSV) as spreadsheets and CAT tools write them (RFC 4180 quoting: a field
 * in double quotes may hold delimiters, line breaks and doubled quotes), with the exact place of every
 * field in the decoded text so that a writer can replace one cell and keep every other byte.
 */

export interface Field {
  /** [start, end) of the field as written, quotes included. */
  start: number;
  end: number;
  /** The field's value: quotes removed, doubled quotes undone, line breaks as written. */
  value: string;
  quoted: boolean;
}

export interface Row {
  fields: Field[];
  /** Where the row starts and where its content ends (before its line break). */
  start: number;
  end: number;
}

export function parseDelimited(raw: string, delimiter: string): Row[] {
  const rows: Row[] = [];
  const d = delimiter.charCodeAt(0);
  let i = 0;
  const n = raw.length;
  // Where an unquoted field ends: the next delimiter or line break (a regex scan, not char by char).
  const stop = new RegExp(`[${delimiter === '\t' ? '\\t' : delimiter}\\r\\n]`, 'g');
  const fieldEnd = (from: number) => {
    stop.lastIndex = from;
    return stop.exec(raw)?.index ?? n;
  };
  while (i < n) {
    const rowStart = i;
    const fields: Field[] = [];
    for (;;) {
      const start = i;
      let value: string;
      let quoted = false;
      if (raw.charCodeAt(i) === 34 /* " */) {
        quoted = true;
        let v = '';
        i++;
        for (;;) {
          const q = raw.indexOf('"', i);
          if (q === -1) {
            // An unterminated quote runs to the end of the file, as spreadsheets read it.
            v += raw.slice(i);
            i = n;
            break;
          }
          v += raw.slice(i, q);
          if (raw.charCodeAt(q + 1) === 34) {
            v += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // Text after the closing quote (malformed) stays part of the value, not lost.
        const after = i;
        i = fieldEnd(i);
        value = v + raw.slice(after, i);
      } else {
        i = fieldEnd(i);
        value = raw.slice(start, i);
      }
      fields.push({ start, end: i, value, quoted });
      if (i < n && raw.charCodeAt(i) === d) {
        i++;
        continue;
      }
      break;
    }
    const end = i;
    if (raw[i] === '\r') i++;
    if (raw[i] === '\n') i++;
    rows.push({ fields, start: rowStart, end });
  }
  return rows;
}

/** A field as it is written: quoted when it must be (or was), with its line breaks in `newline`. */
export function encodeField(value: string, delimiter: string, quote: boolean, newline: string): string {
  const v = value.replace(/\r\n?|\n/g, newline);
  const must = quote || v.includes(delimiter) || v.includes('"') || /[\r\n]/.test(v) || (v !== v.trim() && delimiter === ',');
  return must ? `"${v.replace(/"/g, '""')}"` : v;
}

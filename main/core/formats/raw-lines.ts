/** A line of a raw file as written (any of CRLF, LF, CR ends it): its text, where it starts, its 1-based number. */
export interface RawFileLine {
  text: string;
  start: number;
  number: number;
}

/** The file's lines with their positions, for readers that patch bytes in place (PO, subtitles). */
export function splitRawLines(raw: string): RawFileLine[] {
  const out: RawFileLine[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let n = 1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    out.push({ text: raw.slice(start, m.index), start, number: n++ });
    start = m.index + m[0].length;
  }
  if (start < raw.length) out.push({ text: raw.slice(start), start, number: n });
  return out;
}

/**
 * The text notes (comments) of a PDF that LibreOffice wrote, read from its annotation dictionaries:
 * enough to confirm a Word comment came through a conversion. Not a PDF reader: it only finds
 * uncompressed `/Subtype /Text` annotations, which is how LibreOffice 7 exports comments.
 */
export function pdfNotes(pdf: Buffer): { author: string; text: string }[] {
  const src = pdf.toString('latin1');
  const notes: { author: string; text: string }[] = [];
  for (const m of src.matchAll(/<<((?:(?!>>)[\s\S])*?\/Subtype\s*\/Text\b[\s\S]*?)>>/g)) {
    const dict = m[1]!;
    const text = pdfString(/\/Contents\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(dict)?.[1]);
    const author = pdfString(/\/T\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(dict)?.[1]);
    if (text) notes.push({ author, text });
  }
  return notes;
}

/** A PDF string literal `(…)` or hex string `<…>` (UTF-16BE with its BOM, or PDFDocEncoding read as Latin-1). */
function pdfString(token: string | undefined): string {
  if (!token) return '';
  const bytes = token.startsWith('<')
    ? Buffer.from(token.slice(1, -1).replace(/\s/g, ''), 'hex')
    : Buffer.from(token.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e)), 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

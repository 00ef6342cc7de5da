import type { FileFormatInfo, LineEnding, TextEncodingName } from '../../contract/api.js';
import { CalqueError } from '../../contract/api.js';

/** A decoded text file: NFC text with "\n" line endings and no final newline, plus how to write it back. */
export interface DecodedText {
  text: string;
  format: FileFormatInfo;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (startsWith(bytes, UTF8_BOM)) return 'utf-8-bom';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return 'utf-8';
}

/** The line ending used most often; "\n" for text without line breaks. */
export function detectLineEnding(raw: string): LineEnding {
  // indexOf, not a loop over every character: this runs on each read and save of files up to 100 MB.
  let crlf = 0;
  let lf = 0;
  for (let i = raw.indexOf('\n'); i !== -1; i = raw.indexOf('\n', i + 1)) {
    if (i > 0 && raw.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  let cr = -crlf;
  for (let i = raw.indexOf('\r'); i !== -1; i = raw.indexOf('\r', i + 1)) cr++;
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

/** Decoded file content exactly as stored (no line-ending or NFC change), and its encoding. */
export interface RawText {
  raw: string;
  encoding: TextEncodingName;
}

/**
 * Decode a file's bytes losslessly: `encodeRaw(decodeRaw(b))` gives `b` back. Refuses binary content
 * (NUL bytes outside UTF-16) and invalid UTF-8 with a CalqueError rather than showing replacement
 * characters that a save would then write back.
 */
export function decodeRaw(bytes: Uint8Array, path = ''): RawText {
  const encoding = detectEncoding(bytes);
  let raw: string;
  try {
    if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
      const body = encoding === 'utf-8-bom' ? bytes.subarray(3) : bytes;
      if (body.includes(0)) throw new CalqueError('binaryFile', { path });
      raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } else {
      if ((bytes.length - 2) % 2 !== 0) throw new CalqueError('invalidEncoding', { path, encoding });
      raw = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
    }
  } catch (err) {
    if (err instanceof CalqueError) throw err;
    throw new CalqueError('invalidEncoding', { path, encoding: encoding === 'utf-8-bom' ? 'utf-8' : encoding });
  }
  if (/[\x00-\x08\x0e-\x1a\x1c-\x1f]/.test(raw.slice(0, 8192)) && encoding.startsWith('utf-16')) {
    throw new CalqueError('binaryFile', { path });
  }
  return { raw, encoding };
}

/** Encode decoded content back in its encoding, byte-order mark included. */
export function encodeRaw(raw: string, encoding: TextEncodingName): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(raw, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from(UTF8_BOM), Buffer.from(raw, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(raw, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(raw, 'utf16le');
      le.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
  }
}

/** Decode a text file to NFC text with "\n" line endings and no final newline, remembering how to write it back. */
export function decodeText(bytes: Uint8Array, path = ''): DecodedText {
  const { raw, encoding } = decodeRaw(bytes, path);
  const lineEnding = detectLineEnding(raw);
  let text = raw.replace(/\r\n?/g, '\n');
  const finalNewline = text.endsWith('\n');
  if (finalNewline) text = text.slice(0, -1);
  return { text: text.normalize('NFC'), format: { encoding, lineEnding, finalNewline } };
}

/** Encode text (with "\n" line endings, no final newline) back into the file's own format. */
export function encodeText(text: string, format: FileFormatInfo): Uint8Array {
  let raw = text.replace(/\r\n?/g, '\n');
  if (format.finalNewline) raw += '\n';
  if (format.lineEnding !== '\n') raw = raw.replace(/\n/g, format.lineEnding);
  return encodeRaw(raw, format.encoding);
}

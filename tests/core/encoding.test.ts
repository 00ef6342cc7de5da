import { describe, expect, it } from 'vitest';
import { CalqueError, type ErrorCode, type LineEnding, type TextEncodingName } from '../../main/contract/api.js';
import { decodeText, detectLineEnding, encodeText } from '../../main/core/text/encoding.js';
import { seededRandom } from '../../stress/random.js';

/** The error a sync call throws, checked to be a CalqueError with the given code. */
function calqueErrorOf(fn: () => unknown, code: ErrorCode): CalqueError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected CalqueError ${code}`).toBeInstanceOf(CalqueError);
  expect((caught as CalqueError).code).toBe(code);
  return caught as CalqueError;
}

/** Bytes of a file, built independently of encodeText (so the round trip is not checked against itself). */
function fileBytes(raw: string, encoding: TextEncodingName): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(raw, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(raw, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(raw, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(raw, 'utf16le');
      const be = Buffer.alloc(le.length);
      for (let i = 0; i < le.length; i += 2) {
        be[i] = le[i + 1]!;
        be[i + 1] = le[i]!;
      }
      return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
    }
  }
}

const ENCODINGS: TextEncodingName[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'];
const LINE_ENDINGS: LineEnding[] = ['\n', '\r\n', '\r'];
const LINES = ['Olá, mundo — café é bom.', '中文测试：你好世界。', 'Emoji 🎉 and 👩‍💻 too', '', 'Last line après a blank one'];

describe('decodeText / encodeText round trip', () => {
  for (const encoding of ENCODINGS) {
    for (const eol of LINE_ENDINGS) {
      for (const finalNewline of [true, false]) {
        const label = `${encoding}, ${JSON.stringify(eol)}, ${finalNewline ? 'with' : 'without'} final newline`;
        it(label, () => {
          const raw = LINES.join(eol) + (finalNewline ? eol : '');
          const bytes = fileBytes(raw, encoding);
          const decoded = decodeText(bytes);
          expect(decoded.text).toBe(LINES.join('\n'));
          expect(decoded.format).toEqual({ encoding, lineEnding: eol, finalNewline });
          const back = encodeText(decoded.text, decoded.format);
          expect(Buffer.from(back).equals(bytes)).toBe(true);
        });
      }
    }
  }

  it('keeps non-ASCII text (é, 中文, emoji) exact and offsets in UTF-16 code units', () => {
    const raw = 'é中文🎉x';
    const decoded = decodeText(fileBytes(raw, 'utf-8'));
    expect(decoded.text).toBe(raw);
    // 🎉 is a surrogate pair: two code units, so "x" sits at index 5.
    expect(decoded.text.indexOf('x')).toBe(5);
    expect(Buffer.from(encodeText(decoded.text, decoded.format)).toString('utf8')).toBe(raw);
  });

  it('writes edited text back in the original format', () => {
    const decoded = decodeText(fileBytes('one\r\ntwo\r\n', 'utf-16be'));
    const out = Buffer.from(encodeText('one\nTWO\nthree', decoded.format));
    expect(out.equals(fileBytes('one\r\nTWO\r\nthree\r\n', 'utf-16be'))).toBe(true);
  });

  it('decodes an empty file as empty UTF-8 text and writes it back empty', () => {
    const decoded = decodeText(new Uint8Array());
    expect(decoded.text).toBe('');
    expect(decoded.format).toEqual({ encoding: 'utf-8', lineEnding: '\n', finalNewline: false });
    expect(encodeText(decoded.text, decoded.format).length).toBe(0);
  });

  it('round-trips a BOM-only UTF-16LE file', () => {
    const bytes = Buffer.from([0xff, 0xfe]);
    const decoded = decodeText(bytes);
    expect(decoded.text).toBe('');
    expect(decoded.format.encoding).toBe('utf-16le');
    expect(Buffer.from(encodeText('', decoded.format)).equals(bytes)).toBe(true);
  });
});

describe('decodeText refuses what it cannot show faithfully', () => {
  it('invalid UTF-8 → invalidEncoding', () => {
    const err = calqueErrorOf(() => decodeText(Buffer.from([0x61, 0xc3, 0x28, 0x62]), 'a.txt'), 'invalidEncoding');
    expect(err.params.path).toBe('a.txt');
  });

  it('a truncated multi-byte sequence → invalidEncoding', () => {
    calqueErrorOf(() => decodeText(Buffer.from('café', 'utf8').subarray(0, 4)), 'invalidEncoding');
  });

  it('NUL bytes in UTF-8 → binaryFile', () => {
    calqueErrorOf(() => decodeText(Buffer.from('abc\0def', 'latin1')), 'binaryFile');
  });

  it('NUL bytes after a UTF-8 BOM → binaryFile', () => {
    calqueErrorOf(() => decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x00, 0x62])), 'binaryFile');
  });

  it('a PNG file header → binaryFile', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, // signature
      0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, // IHDR chunk length and type
      0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00,
    ]);
    calqueErrorOf(() => decodeText(png), 'binaryFile');
  });

  it('control characters in UTF-16 text → binaryFile', () => {
    calqueErrorOf(() => decodeText(fileBytes('ab\x01\x02cd', 'utf-16le')), 'binaryFile');
  });

  it('odd-length UTF-16LE → invalidEncoding', () => {
    const bytes = Buffer.concat([fileBytes('hello', 'utf-16le'), Buffer.from([0x41])]);
    calqueErrorOf(() => decodeText(bytes), 'invalidEncoding');
  });

  it('odd-length UTF-16BE → invalidEncoding', () => {
    const bytes = Buffer.concat([fileBytes('hello', 'utf-16be'), Buffer.from([0x00])]);
    calqueErrorOf(() => decodeText(bytes), 'invalidEncoding');
  });

  it('a lone UTF-16 surrogate → invalidEncoding', () => {
    calqueErrorOf(() => decodeText(Buffer.from([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00])), 'invalidEncoding');
  });
});

describe('normalisation', () => {
  it('returns decomposed input (e + U+0301) as NFC', () => {
    const decoded = decodeText(Buffer.from('cafe\u0301 re\u0301sume\u0301', 'utf8'));
    expect(decoded.text).toBe('caf\u00e9 r\u00e9sum\u00e9');
    expect(decoded.text.length).toBe(11);
  });

  it('NFC applies to UTF-16 files as well', () => {
    expect(decodeText(fileBytes('e\u0301', 'utf-16le')).text).toBe('\u00e9');
  });

  it('picks the most frequent line ending in a mixed file', () => {
    const decoded = decodeText(Buffer.from('a\r\nb\r\nc\nd', 'utf8'));
    expect(decoded.format.lineEnding).toBe('\r\n');
    expect(decoded.text).toBe('a\nb\nc\nd');
  });
});

describe('detectLineEnding', () => {
  /** The count it is defined by, one character at a time: "\r\n" pairs, lone "\r", lone "\n". */
  function byCounting(raw: string): LineEnding {
    let crlf = 0;
    let lf = 0;
    let cr = 0;
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] === '\r' && raw[i + 1] === '\n') {
        crlf++;
        i++;
      } else if (raw[i] === '\r') cr++;
      else if (raw[i] === '\n') lf++;
    }
    if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
    return cr > lf ? '\r' : '\n';
  }

  it('names the line ending used most often, with "\\r\\r\\n" and "\\n\\r" counted as the pairs they are', () => {
    expect(detectLineEnding('a\r\nb\r\nc\nd')).toBe('\r\n');
    expect(detectLineEnding('a\r\r\nb\n')).toBe('\r\n'); // one pair, one lone CR, one LF: the pair wins ties
    expect(detectLineEnding('a\r\r\nb\rc\n')).toBe('\r'); // two lone CRs outnumber the pair
    expect(detectLineEnding('a\n\rb\n\rc\r\n')).toBe('\n'); // "\n\r" is an LF then a CR
    expect(detectLineEnding('\r\r\n\r')).toBe('\r');
    expect(detectLineEnding('no break')).toBe('\n');
    const rand = seededRandom(1009).next;
    for (let n = 0; n < 2000; n++) {
      const raw = Array.from({ length: Math.floor(rand() * 12) }, () => 'ab\r\n'[Math.floor(rand() * 4)]).join('');
      expect(detectLineEnding(raw), JSON.stringify(raw)).toBe(byCounting(raw));
    }
  });
});

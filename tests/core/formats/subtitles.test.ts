import { describe, expect, it } from 'vitest';
import { CalqueError, MAX_FILE_BYTES } from '../../../main/contract/api.js';
import { formatForPath } from '../../../main/core/formats/registry.js';
import { srt, vtt } from '../../../main/core/formats/subtitles/index.js';
import { parseTiming } from '../../../main/core/formats/subtitles/parse.js';
import { SRT_PT, VTT } from './subtitle-fixtures.js';

const enc = (s: string) => Buffer.from(s, 'utf8');
const dec = (b: Uint8Array) => Buffer.from(b).toString('utf8');

function edit(format: typeof srt, src: string, from: string, to: string, side: 'source' | 'target' = 'target'): string {
  const doc = format.read(enc(src), { path: 'x', side });
  expect(doc.text[side]).toContain(from);
  return dec(format.write(format.withText(doc, side, doc.text[side].replace(from, to)), enc(src)));
}

describe('SRT and WebVTT formats', () => {
  it('are registered for .srt and .vtt, monolingual (they pair by name)', () => {
    expect(formatForPath('talk.pt.srt')).toBe(srt);
    expect(formatForPath('talk.en.vtt')).toBe(vtt);
    expect(srt.bilingual).toBe(false);
  });

  it('SRT: one unit per cue, its number as id, its lines kept as line breaks, the timing as a note; CRLF and BOM seen', () => {
    const doc = srt.read(enc(SRT_PT), { path: 'talk.pt.srt', side: 'source' });
    expect(doc.units.map((u) => u.id)).toEqual(['1', '2', '3']);
    expect(doc.text.source).toBe('O farol acende ao anoitecer.\n\nOs barcos voltam\nantes da maré.\n\nNinguém dorme no cais.');
    expect(doc.text.target).toBe('');
    expect(doc.units[1]!.notes).toEqual(['00:00:03,400 --> 00:00:06,000']);
    expect(doc.file).toEqual({ encoding: 'utf-8-bom', lineEnding: '\r\n', finalNewline: true });
  });

  it('VTT: header, STYLE, REGION and NOTE blocks are not text; ids, settings and cues without id', () => {
    const doc = vtt.read(enc(VTT), { path: 'talk.en.vtt' });
    expect(doc.units.map((u) => u.id)).toEqual(['intro', 'second-cue', 'cue3']);
    expect(doc.text.target).toBe('<v Keeper>The lamp needs oil every night.\n\nIt burns until morning,\n<c.keeper>even in the storm.</c>\n\nA cue with no id.');
    expect(doc.units[0]!.notes).toEqual(['00:01.000 --> 00:03.000 align:start position:10%']);
  });

  it('timings: hours optional, comma or dot, settings after', () => {
    expect(parseTiming('00:01.000 --> 00:03.5 align:start')).toEqual({ startMs: 1000, endMs: 3500 });
    expect(parseTiming('01:00:00,250 --> 01:00:02,000')).toEqual({ startMs: 3_600_250, endMs: 3_602_000 });
    expect(parseTiming('00:01 --> 00:02')).toBeNull();
  });

  for (const [name, format, text] of [
    ['SRT with CRLF and BOM', srt, SRT_PT],
    ['SRT with LF, no final newline', srt, SRT_PT.slice(1).replace(/\r\n/g, '\n').trimEnd()],
    ['VTT', vtt, VTT],
    ['VTT with CRLF', vtt, VTT.replace(/\n/g, '\r\n')],
  ] as const) {
    it(`${name}: no edit writes the same bytes`, () => {
      const bytes = enc(text);
      const doc = format.read(bytes, { path: 'x' });
      expect(Buffer.from(format.write(format.withText(doc, 'target', doc.text.target), bytes)).equals(bytes)).toBe(true);
    });
  }

  it('an edited cue changes only its text lines, in the cue’s own line endings; ids and timings stay', () => {
    expect(edit(srt, SRT_PT, 'Os barcos voltam\nantes da maré.', 'Os barcos\nvoltam cedo\nantes da maré.')).toBe(
      SRT_PT.replace('Os barcos voltam\r\nantes da maré.', 'Os barcos\r\nvoltam cedo\r\nantes da maré.'),
    );
    expect(edit(vtt, VTT, 'A cue with no id.', 'A cue, no id.')).toBe(VTT.replace('A cue with no id.', 'A cue, no id.'));
  });

  it('a cue emptied keeps its id and timing; an empty cue filled gets its text after the timing', () => {
    const emptied = edit(srt, SRT_PT, 'Ninguém dorme no cais.', '');
    expect(emptied).toBe(SRT_PT.replace('\r\nNinguém dorme no cais.', ''));
    const doc = srt.read(enc(emptied), { path: 'x' });
    expect(doc.units.map((u) => u.id)).toEqual(['1', '2', '3']);
    const filled = dec(srt.write(srt.withText(doc, 'target', doc.text.target + 'De novo.'), enc(emptied)));
    expect(filled).toBe(SRT_PT.replace('Ninguém dorme no cais.', 'De novo.'));
  });

  it('a blank line inside a cue, or two cues merged, is refused', () => {
    const doc = srt.read(enc(SRT_PT), { path: 'x' });
    expect(() => srt.withText(doc, 'target', doc.text.target.replace('voltam\nantes', 'voltam\n\n\nantes'))).toThrow(expect.objectContaining({ code: 'segmentsChanged' }));
    expect(() => srt.withText(doc, 'target', doc.text.target.replace('anoitecer.\n\nOs', 'anoitecer. Os'))).toThrow(expect.objectContaining({ code: 'segmentsChanged' }));
  });

  for (const [name, format, text, line] of [
    ['a bad timing', srt, '1\n00:00:01,000 --> 00:0x:02,000\nText\n', 2],
    ['a block with no timing', srt, '1\n00:00:01,000 --> 00:00:02,000\nText\n\nstray words\nmore\n', 5],
    ['a VTT without its WEBVTT line', vtt, '00:01.000 --> 00:02.000\nText\n', 1],
    ['a VTT cue with a bad timing', vtt, 'WEBVTT\n\nid\n00:01.000 -> 00:02.000\nText\n', 3],
  ] as const) {
    it(`${name}: subtitleSyntax with the line`, () => {
      try {
        format.read(enc(text), { path: 'x.srt' });
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(CalqueError);
        expect((err as CalqueError).code).toBe('subtitleSyntax');
        expect((err as CalqueError).params).toEqual({ path: 'x.srt', line });
      }
    });
  }

  it('binary and oversized input: binaryFile, fileTooLarge', () => {
    expect(() => srt.read(Uint8Array.from([0x31, 0, 1, 2]), { path: 'x.srt' })).toThrow(expect.objectContaining({ code: 'binaryFile' }));
    expect(() => vtt.read(new Uint8Array(MAX_FILE_BYTES + 1), { path: 'x.vtt' })).toThrow(expect.objectContaining({ code: 'fileTooLarge' }));
  });
});

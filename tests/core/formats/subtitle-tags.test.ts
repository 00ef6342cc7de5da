/** Cue markup (SRT `<i>`/`<b>`/`<u>`/`<font>`, WebVTT `<c.x>`, `<v Name>`, timestamps) is inline tags, written back byte for byte. */
import { describe, expect, it } from 'vitest';
import type { InlineTag, Piece } from '../../../main/contract/document.js';
import { tagSpans } from '../../../main/core/formats/inline-tags.js';
import { srt, vtt } from '../../../main/core/formats/subtitles/index.js';
import { VTT } from './subtitle-fixtures.js';

const enc = (s: string) => Buffer.from(s, 'utf8');
const dec = (b: Uint8Array) => Buffer.from(b).toString('utf8');
const tags = (content: readonly Piece[]) => content.filter((p): p is InlineTag => p.kind !== 'text').map((t) => [t.kind, t.display, t.partner ?? null]);

const SRT = ['1', '00:00:01,000 --> 00:00:03,000', '<i>The lighthouse</i> comes <B>on</B> at dusk.', '', '2', '00:00:03,500 --> 00:00:05,000', '<font color="#ffff00">Nobody</font> sleeps, a < b > c.', ''].join('\r\n');

describe('subtitle cue markup', () => {
  it('SRT: <i>, <b> in any case and <font> are paired tags shown as written; other angle brackets are text', () => {
    const doc = srt.read(enc(SRT), { path: 'x.en.srt' });
    expect(srt.capabilities.inlineTags).toBe(true);
    const [one, two] = doc.units.map((u) => u.segments[0]!.target!.content);
    expect(tags(one!)).toEqual([
      ['open', '<i>', '1c'],
      ['close', '</i>', '1'],
      ['open', '<B>', '3c'],
      ['close', '</B>', '3'],
    ]);
    expect(tags(two!)).toEqual([
      ['open', '<font color="#ffff00">', '1c'],
      ['close', '</font>', '1'],
    ]);
    expect(two!.filter((p) => p.kind === 'text').map((p) => (p as { text: string }).text)).toEqual(['Nobody', ' sleeps, a < b > c.']);
    // The editor's text is the file's cue text; the tags sit at their places in it.
    expect(doc.text.target).toBe('<i>The lighthouse</i> comes <B>on</B> at dusk.\n\n<font color="#ffff00">Nobody</font> sleeps, a < b > c.');
    expect(tagSpans(doc, 'target').map((s) => doc.text.target.slice(s.start, s.end))).toEqual(['<i>', '</i>', '<B>', '</B>', '<font color="#ffff00">', '</font>']);
    expect(dec(srt.write(doc, enc(SRT)))).toBe(SRT);
  });

  it('VTT: classes, voices, languages and timestamps are tags; an unclosed <v> is an open tag without partner', () => {
    const cue = '<v.loud Roger Bingham><c.yellow.bg_blue>Hello</c> <00:00:05.000>there, <lang pt>obrigado</lang>';
    const file = `WEBVTT\n\n00:01.000 --> 00:06.000\n${cue}\n`;
    const doc = vtt.read(enc(file), { path: 'x.en.vtt' });
    expect(tags(doc.units[0]!.segments[0]!.target!.content)).toEqual([
      ['open', '<v.loud Roger Bingham>', null],
      ['open', '<c.yellow.bg_blue>', '2c'],
      ['close', '</c>', '2'],
      ['standalone', '<00:00:05.000>', null],
      ['open', '<lang pt>', '5c'],
      ['close', '</lang>', '5'],
    ]);
    expect(doc.text.target).toBe(cue);
    expect(dec(vtt.write(doc, enc(file)))).toBe(file);
    // The fixture's <v Keeper> and <c.keeper>…</c> too.
    const fixture = vtt.read(enc(VTT), { path: 'f.vtt' });
    expect(tagSpans(fixture, 'target').map((s) => s.display)).toEqual(['<v Keeper>', '<c.keeper>', '</c>']);
  });

  it('an edit keeps the tags it did not touch, drops a deleted one, and changes only that cue', () => {
    const doc = srt.read(enc(SRT), { path: 'x.en.srt' });
    const edited = srt.withText(doc, 'target', doc.text.target.replace('comes <B>on</B>', 'comes <B>alight</B>').replace('<font color="#ffff00">Nobody</font>', 'Nobody'));
    expect(tags(edited.units[0]!.segments[0]!.target!.content)).toHaveLength(4);
    expect(tags(edited.units[1]!.segments[0]!.target!.content)).toEqual([]);
    expect(dec(srt.write(edited, enc(SRT)))).toBe(SRT.replace('<B>on</B>', '<B>alight</B>').replace('<font color="#ffff00">Nobody</font>', 'Nobody'));
  });
});

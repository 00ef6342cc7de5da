/**
 * Seeded random SRT and WebVTT files (ids or none, settings, NOTE/STYLE blocks, multi-line and empty
 * cues, CRLF, BOM): no edit writes the same bytes; one edited cue changes only its text lines, and
 * the file reads back with every id and timing as it was.
 */
import { describe, expect, it } from 'vitest';
import { srt, vtt } from '../../../main/core/formats/subtitles/index.js';
import { parseSubtitles } from '../../../main/core/formats/subtitles/parse.js';
import { rng } from '../../../conformance/format-fuzz.js';

const WORDS = ['mar', 'Olá', 'é', 'e\u0301', '“x”', '😀', '<i>sim</i>', '♪', '-', 'fim.'];
const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
const stamp = (ms: number, sep: string) => {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(Math.floor(ms / 3_600_000))}:${p(Math.floor(ms / 60_000) % 60)}:${p(Math.floor(ms / 1000) % 60)}${sep}${p(ms % 1000, 3)}`;
};

function line(r: () => number): string {
  return Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(r, WORDS)).join(' ');
}

function randomFile(r: () => number, kind: 'srt' | 'vtt'): string {
  const eol = r() < 0.4 ? '\r\n' : '\n';
  const blocks: string[] = kind === 'vtt' ? [r() < 0.5 ? 'WEBVTT' : 'WEBVTT - random\nKind: captions'] : [];
  let t = 0;
  for (let n = 1; n <= 1 + Math.floor(r() * 6); n++) {
    if (kind === 'vtt' && r() < 0.15) blocks.push(r() < 0.5 ? `NOTE ${line(r)}` : 'STYLE\n::cue { color: white }');
    const start = (t += Math.floor(r() * 3000));
    const end = (t += 500 + Math.floor(r() * 3000));
    const id = kind === 'srt' ? String(n) : r() < 0.5 ? `c${n}` : '';
    const timing = `${stamp(start, kind === 'srt' ? ',' : '.')} --> ${stamp(end, kind === 'srt' ? ',' : '.')}${kind === 'vtt' && r() < 0.3 ? ' align:start line:90%' : ''}`;
    const lines = Array.from({ length: Math.floor(r() * 3) }, () => line(r));
    blocks.push([...(id ? [id] : []), timing, ...lines].join('\n'));
  }
  return (r() < 0.3 ? '\ufeff' : '') + blocks.join('\n\n').replace(/\n/g, eol) + (r() < 0.7 ? eol : '');
}

describe('subtitles, random files', () => {
  for (const [format, kind] of [[srt, 'srt'], [vtt, 'vtt']] as const) {
    it(`${kind}: 1,000 seeded files round-trip; one edited cue changes only its text`, () => {
      const r = rng(kind === 'srt' ? 17 : 29);
      let edits = 0;
      for (let n = 0; n < 1000; n++) {
        const raw = randomFile(r, kind);
        const bytes = Buffer.from(raw, 'utf8');
        const doc = format.read(bytes, { path: `x.${kind}`, side: 'target' });
        expect(Buffer.from(format.write(format.withText(doc, 'target', doc.text.target), bytes)).equals(bytes)).toBe(true);
        const k = Math.floor(r() * doc.units.length);
        const seg = doc.units[k]!.segments[0]!.target!;
        const replacement = r() < 0.2 ? '' : [line(r), line(r)].slice(0, 1 + Math.floor(r() * 2)).join('\n');
        const edited = doc.text.target.slice(0, seg.start) + replacement + doc.text.target.slice(seg.end);
        const out = Buffer.from(format.write(format.withText(doc, 'target', edited), bytes)).toString('utf8');
        const again = format.read(Buffer.from(out, 'utf8'), { path: `x.${kind}` });
        expect(again.text.target).toBe(edited.normalize('NFC'));
        expect(again.units.map((u) => [u.id, u.notes])).toEqual(doc.units.map((u) => [u.id, u.notes]));
        const text = raw.replace(/^\ufeff/, '');
        const after = out.replace(/^\ufeff/, '');
        const cue = parseSubtitles(text, kind, 'x').cues[k]!;
        // Everything before the cue's text and after it is the same bytes.
        expect(after.startsWith(text.slice(0, cue.textStart))).toBe(true);
        expect(after.endsWith(text.slice(cue.textEnd))).toBe(true);
        expect(after.length - (text.length - cue.textEnd)).toBeGreaterThanOrEqual(cue.textStart);
        if (after !== text) edits++;
      }
      expect(edits).toBeGreaterThan(600);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { xliff } from '../../../../main/core/formats/xliff/index.js';
import { changedRange, decode, editTarget, errorOf, fixture, read, segment, targetContentRange, targetText } from './helpers.js';

/** For every dialect: a segment to change, a word in it and its replacement. */
const CASES = [
  { file: 'trados.sdlxliff', seg: 'a1b2c3d4-0001:2', from: 'The traffic was slow in', to: 'Traffic was slow for' },
  { file: 'memoq.mqxliff', seg: '2', from: 'In July fell only', to: 'Only' },
  { file: 'phrase.mxliff', seg: 'a9FqXk1:2', from: 'The entry is free the', to: 'Entry is free on' },
  { file: 'plain-1.2.xlf', seg: 't1', from: 'The book fair', to: 'The Book Fair' },
  { file: 'v2.xlf', seg: 'u2:s1', from: 'The works', to: 'Construction' },
] as const;

describe.each(CASES)('$file', ({ file, seg, from, to }) => {
  const bytes = fixture(file);

  it('opens and saves with no edit byte for byte', () => {
    const doc = read(bytes, file);
    expect(Buffer.compare(Buffer.from(xliff.write(doc, bytes)), Buffer.from(bytes))).toBe(0);
    // Also after an edit that is undone: the text is the same, so nothing is written differently.
    const undone = xliff.withText(xliff.withText(doc, 'target', doc.text.target + 'x'), 'target', doc.text.target);
    expect(Buffer.compare(Buffer.from(xliff.write(undone, bytes)), Buffer.from(bytes))).toBe(0);
  });

  it('changes one segment: only that segment’s target content differs, and it reads back', () => {
    const doc = read(bytes, file);
    const edited = editTarget(doc, seg, from, to);
    const out = xliff.write(edited, bytes);
    const [start, end] = changedRange(decode(bytes), decode(out));
    const [cStart, cEnd] = targetContentRange(bytes, seg);
    expect(start).toBeGreaterThanOrEqual(cStart);
    expect(end).toBeLessThanOrEqual(cEnd);
    // Encoding, BOM and line endings kept.
    expect([...out.slice(0, 3)]).toEqual([...bytes.slice(0, 3)]);
    expect(decode(out).split('\r\n').length).toBe(decode(bytes).split('\r\n').length);
    const again = read(out, file);
    expect(targetText(again, seg)).toBe(targetText(edited, seg));
    for (const u of doc.units) {
      for (const s of u.segments) {
        if (s.id === seg) continue;
        expect(segment(again, s.id).target!.content).toEqual(s.target!.content);
        expect(segment(again, s.id).state).toBe(s.state);
      }
    }
  });
});

describe('edits keep what the editor did not change', () => {
  it('an edit in a segment the tool locked is refused with segmentLocked (Trados, memoQ, Phrase)', () => {
    expect(errorOf(() => editTarget(read(fixture('trados.sdlxliff')), 'a1b2c3d4-0002:3', 'the work cost', 'the works cost'))).toEqual(['segmentLocked', { segment: 'a1b2c3d4-0002:3' }]);
    expect(errorOf(() => editTarget(read(fixture('memoq.mqxliff')), '3', 'Source', 'From'))[0]).toBe('segmentLocked');
    expect(errorOf(() => editTarget(read(fixture('phrase.mxliff')), 'a9FqXk1:1', 'Hours', 'Opening hours'))[0]).toBe('segmentLocked');
  });

  it('a changed segment keeps its tag markup and writes > as &gt; like the rest of the file', () => {
    const bytes = fixture('plain-1.2.xlf');
    const doc = editTarget(read(bytes), 't2', 'children do not pay', 'children > 12 pay');
    const out = decode(xliff.write(doc, bytes));
    expect(out).toContain('<target state="translated">Entry: R$ 10 &gt; children &gt; 12 pay.<x id="2" ctype="lb"/>Parking &amp; coffee on site.</target>');
  });

  it('whitespace inside segments is kept exactly (Trados xml:space="default" files too)', () => {
    const bytes = fixture('trados.sdlxliff');
    const doc = read(bytes);
    expect(targetText(doc, 'a1b2c3d4-0003:4')).toBe('Residents   celebrated.');
    const out = decode(xliff.write(editTarget(doc, 'a1b2c3d4-0003:4', 'celebrated', 'cheered'), bytes));
    expect(out).toContain('<mrk mtype="seg" mid="4">Residents   cheered.</mrk>');
  });

  it('a source tag typed into the target by its display text becomes that tag', () => {
    const bytes = fixture('plain-1.2.xlf');
    const doc = read(bytes);
    const t = segment(doc, 't3').target!;
    const text = doc.text.target;
    const edited = xliff.withText(doc, 'target', text.slice(0, t.start) + 'See the <1>map</1> and the <2>program</2>, {3} <4>here.' + text.slice(t.end));
    expect(Buffer.compare(Buffer.from(xliff.write(edited, bytes)), Buffer.from(bytes))).toBe(0);
    const moved = xliff.withText(doc, 'target', text.slice(0, t.start) + '<4>See {3} the <2>program</2> and the <1>map</1>.' + text.slice(t.end));
    const out = decode(xliff.write(moved, bytes));
    expect(out).toContain('<target><it id="6" pos="open">&lt;span&gt;</it>See <ph id="5">&lt;img src="logo.png"/&gt;</ph> the <bx id="4" ctype="italic"/>program<ex id="4"/> and the <bpt id="3">&lt;a href="/mapa"&gt;</bpt>map<ept id="3">&lt;/a&gt;</ept>.</target>');
  });

  it('a tag typed a second time stays text: a code is written once, its id never doubled', () => {
    const bytes = fixture('plain-1.2.xlf');
    const doc = read(bytes);
    const t = segment(doc, 't3').target!;
    const text = doc.text.target;
    const twice = xliff.withText(doc, 'target', text.slice(0, t.start) + 'See the <1>map</1> and the <2>program</2>, {3} {3} <4>here.' + text.slice(t.end));
    const target = /<target>[^\n]*See the[^\n]*<\/target>/.exec(decode(xliff.write(twice, bytes)))![0];
    expect(target.match(/<ph id="5">/g)).toHaveLength(1);
    expect(target).toContain('<ph id="5">&lt;img src="logo.png"/&gt;</ph> {3} <it id="6"');
  });
});

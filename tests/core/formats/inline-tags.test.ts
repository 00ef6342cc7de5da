import { describe, expect, it } from 'vitest';
import { piecesText } from '../../../main/contract/document.js';
import { knownTags, piecesFromText, tagSpans, withPartnerTags } from '../../../main/core/formats/inline-tags.js';
import { withSegmentText } from '../../../main/core/formats/segment-text.js';
import { blankTags, cutsTag, maskTags } from '../../../main/common/tags.js';
import { close, open, ph, pieces, tagDocument } from './tag-document.js';

const doc = () =>
  tagDocument([
    { id: 's1', source: pieces('Clique ', open('1'), 'aqui', close('1'), '.'), target: pieces('Click ', open('1'), 'here', close('1'), '.') },
    { id: 's2', source: pieces('Total: ', ph('2'), ' itens', ph('3')), target: pieces('Total: ', ph('2'), ' items') },
  ]);

describe('tag spans of a document', () => {
  it('gives every tag its display range in the side text, with its segment, for both sides', () => {
    const d = doc();
    const target = tagSpans(d, 'target');
    expect(target.map((t) => [t.segment, t.id, t.kind, d.text.target.slice(t.start, t.end)])).toEqual([
      ['s1', '1', 'open', '<1>'],
      ['s1', '1c', 'close', '</1>'],
      ['s2', '2', 'standalone', '<2/>'],
    ]);
    const source = tagSpans(d, 'source');
    expect(source.map((t) => d.text.source.slice(t.start, t.end))).toEqual(['<1>', '</1>', '<2/>', '<3/>']);
    expect(source[0]).toMatchObject({ partner: '1c', type: 'bold', display: '<1>' });
    expect(source[0]).not.toHaveProperty('original');
  });
});

describe('saving an edited text keeps tags as tags', () => {
  it('re-splits a changed segment: the kept display text becomes the InlineTag piece, its markup intact', () => {
    const d = doc();
    const edited = d.text.target.replace('here', 'right here');
    const next = withSegmentText(d, 'target', edited);
    const content = next.units[0]!.segments[0]!.target!.content;
    expect(content).toEqual(pieces('Click ', open('1'), 'right here', close('1'), '.'));
    expect(next.text.target).toBe(edited);
    expect(tagSpans(next, 'target').map((t) => next.text.target.slice(t.start, t.end))).toEqual(['<1>', '</1>', '<2/>']);
  });

  it('takes a source tag the translation lacks when its display is typed or inserted into the translation', () => {
    const d = doc();
    const next = withSegmentText(d, 'target', d.text.target.replace(' items', ' items<3/>'));
    const content = next.units[1]!.segments[0]!.target!.content;
    expect(content.filter((p) => p.kind !== 'text').map((p) => ('original' in p ? p.original : ''))).toEqual(['<x id="2"/>', '<x id="3"/>']);
  });

  it('leaves unknown tag-like text and a second copy of a tag as text', () => {
    const d = doc();
    const next = withSegmentText(d, 'target', d.text.target.replace('here', 'here <x> <1>'));
    const content = next.units[0]!.segments[0]!.target!.content;
    expect(content.filter((p) => p.kind !== 'text')).toHaveLength(2);
    expect(piecesText(content)).toBe('Click <1>here <x> <1></1>.');
    expect(content[2]).toEqual({ kind: 'text', text: 'here <x> <1>' });
  });

  it('a deleted tag is gone from the pieces; the untouched segment keeps its own pieces object', () => {
    const d = doc();
    const next = withSegmentText(d, 'target', d.text.target.replace('<2/>', ''));
    expect(next.units[1]!.segments[0]!.target!.content).toEqual(pieces('Total:  items'));
    expect(next.units[0]!.segments[0]!.target!.content).toBe(d.units[0]!.segments[0]!.target!.content);
  });

  it('prefers the longest display at a position and the segment’s own tag over the source’s', () => {
    const a = ph('1');
    const b = ph('10');
    expect(piecesFromText('x<10/>y', [a, b])).toEqual(pieces('x', b, 'y'));
    const own = { ...ph('9'), display: '{0}', original: 'own' };
    const src = { ...ph('8'), display: '{0}', original: 'src' };
    expect(piecesFromText('{0}', [own, src])).toEqual([own]);
    const d = tagDocument([{ id: 's', source: pieces(ph('4'), 'a'), target: pieces('a') }]);
    expect(knownTags(d.units[0]!.segments[0]!, 'target').map((t) => t.id)).toEqual(['4']);
    expect(knownTags(d.units[0]!.segments[0]!, 'source').map((t) => t.id)).toEqual(['4']);
  });
});

describe('text helpers over tag spans', () => {
  const text = 'a <1>b</1> c';
  const spans = [
    { start: 2, end: 5 },
    { start: 6, end: 10 },
  ];
  it('masks tags without moving offsets, and blanks them for the metrics', () => {
    expect(maskTags(text, spans)).toBe('a \uFFFC\uFFFC\uFFFCb\uFFFC\uFFFC\uFFFC\uFFFC c');
    expect(maskTags(text, spans)).toHaveLength(text.length);
    expect(blankTags(text, spans)).toBe('a    b     c');
  });
  it('tells whether a range cuts a tag (covering whole tags does not)', () => {
    expect(cutsTag(spans, 0, 2)).toBe(false);
    expect(cutsTag(spans, 1, 3)).toBe(true);
    expect(cutsTag(spans, 5, 6)).toBe(false);
    expect(cutsTag(spans, 3, 3)).toBe(true);
    expect(cutsTag(spans, 2, 2)).toBe(false);
    expect(cutsTag(spans, 5, 5)).toBe(false);
    expect(cutsTag(spans, 3, 4)).toBe(true);
    expect(cutsTag(spans, 9, 11)).toBe(true);
    expect(cutsTag(spans, 2, 5)).toBe(false);
    expect(cutsTag(spans, 0, 12)).toBe(false);
    expect(cutsTag(spans, 10, 12)).toBe(false);
    expect(cutsTag(spans, 7, 12)).toBe(true);
  });
});

describe('a pair of monolingual files', () => {
  const side = (doc: ReturnType<typeof tagDocument>, keep: 'source' | 'target') => ({
    ...doc,
    bilingual: false,
    side: keep,
    units: doc.units.map((u) => ({ ...u, segments: u.segments.map((s) => ({ id: s.id, [keep]: s[keep] })) })),
    text: { source: keep === 'source' ? doc.text.source : '', target: keep === 'target' ? doc.text.target : '' },
  });
  it('a source tag inserted into the translation file is saved as that tag, with the source file’s markup', () => {
    const both = tagDocument([{ id: 'p1', source: pieces('Um ', open('1'), 'texto', close('1'), '.'), target: pieces('A ', open('1'), 'text.') }]);
    const source = side(both, 'source');
    const target = side(both, 'target');
    const typed = target.text.target.replace('text.', 'text</1>.');
    // Without the source file, the display text is text; with it, the tag.
    expect(withSegmentText(target, 'target', typed).units[0]!.segments[0]!.target!.content).toEqual(pieces('A ', open('1'), 'text</1>.'));
    const saved = withSegmentText(withPartnerTags(target, source), 'target', typed);
    expect(saved.units[0]!.segments[0]!.target!.content).toEqual(pieces('A ', open('1'), 'text', close('1'), '.'));
  });
});

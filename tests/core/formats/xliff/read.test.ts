import { describe, expect, it } from 'vitest';
import type { InlineTag } from '../../../../main/contract/document.js';
import { errorOf, fixture, read, segment, targetText } from './helpers.js';

const tags = (pieces: readonly { kind: string }[]) => pieces.filter((p): p is InlineTag => p.kind !== 'text');

describe('XLIFF 1.2 and its dialects', () => {
  it('Trados: seg-source sentences are segments with their confirmation level, lock, languages and comments', () => {
    const doc = read(fixture('trados.sdlxliff'));
    expect([doc.sourceLang, doc.targetLang, doc.dialect?.xliff]).toEqual(['pt-BR', 'en-US', 'trados']);
    const states = doc.units.flatMap((u) => u.segments.map((s) => [s.id, s.state, s.subState, s.locked ?? false]));
    expect(states).toEqual([
      ['a1b2c3d4-0001:1', 'translated', 'Translated', false],
      ['a1b2c3d4-0001:2', 'initial', 'Draft', false],
      ['a1b2c3d4-0002:3', 'final', 'ApprovedSignOff', true],
      ['a1b2c3d4-0003:4', 'initial', 'RejectedTranslation', false],
      ['a1b2c3d4-0003:5', 'reviewed', 'ApprovedTranslation', false],
      ['a1b2c3d4-0004:6', 'initial', undefined, false],
    ]);
    // The structure unit (translate="no") is not a segment; the comment is a note of its unit.
    expect(doc.units.map((u) => u.id)).not.toContain('0');
    expect(doc.units.find((u) => u.id === 'a1b2c3d4-0003')!.notes).toEqual(['Check the name of the bridge with the client.']);
    // tag-defs give the code its type; the display is the same in source and target.
    const src = tags(segment(doc, 'a1b2c3d4-0002:3').source!.content);
    const tgt = tags(segment(doc, 'a1b2c3d4-0002:3').target!.content);
    expect(tgt).toEqual([
      { kind: 'open', id: 'pt1', partner: '/pt1', type: 'cf', display: '<1>', original: '<g id="pt1">' },
      { kind: 'close', id: '/pt1', partner: 'pt1', type: 'cf', display: '</1>', original: '</g>' },
    ]);
    expect(src.map((t) => t.display)).toEqual(['<1>', '</1>']);
    expect(targetText(doc, 'a1b2c3d4-0002:3')).toBe('<1>City hall</1>: the work cost 40 million > planned.');
    // An untranslated sentence has an empty, editable target.
    expect(targetText(doc, 'a1b2c3d4-0004:6')).toBe('');
    expect(doc.text.source.split('\n\n')).toHaveLength(6);
  });

  it('memoQ: mq:status and mq:locked, notes, bpt/ept pairs, UTF-8 BOM and CRLF', () => {
    const doc = read(fixture('memoq.mqxliff'));
    expect(doc.file).toEqual({ encoding: 'utf-8-bom', lineEnding: '\r\n', finalNewline: true });
    expect(doc.units.map((u) => u.segments[0]!).map((s) => [s.state, s.subState, s.locked ?? false])).toEqual([
      ['translated', 'ManuallyConfirmed', false],
      ['initial', 'MachineTranslated', false],
      ['initial', 'NotStarted', true],
      ['initial', 'NotStarted', false],
    ]);
    expect(doc.units[1]!.notes).toEqual(['Term: "Messungen" = records, per client glossary.']);
    const t = tags(segment(doc, '2').target!.content);
    expect(t.map((x) => [x.kind, x.id, x.partner, x.type, x.display, x.original])).toEqual([
      ['open', '1', '/1', 'bold', '<1>', '<bpt id="1" ctype="bold">{}</bpt>'],
      ['close', '/1', '1', 'bold', '</1>', '<ept id="1">{}</ept>'],
    ]);
  });

  it('Phrase: m:confirmed and m:locked; groups are read through', () => {
    const doc = read(fixture('phrase.mxliff'));
    expect(doc.units.map((u) => [u.id, u.segments[0]!.state, u.segments[0]!.locked ?? false])).toEqual([
      ['a9FqXk1:0', 'translated', false],
      ['a9FqXk1:1', 'initial', true],
      ['a9FqXk1:2', 'initial', false],
    ]);
  });

  it('plain 1.2: every inline code is a tag with its markup kept opaque; states from state and approved', () => {
    const doc = read(fixture('plain-1.2.xlf'));
    expect(targetText(doc, 't3')).toBe('See the <1>map</1> and the <2>program</2>, {3} <4>here.');
    expect(tags(segment(doc, 't3').target!.content).map((t) => [t.kind, t.type, t.partner ?? null, t.original])).toEqual([
      ['open', 'bpt', '/3', '<bpt id="3">&lt;a href="/mapa"&gt;</bpt>'],
      ['close', 'bpt', '3', '<ept id="3">&lt;/a&gt;</ept>'],
      ['open', 'italic', '/4', '<bx id="4" ctype="italic"/>'],
      ['close', 'italic', '4', '<ex id="4"/>'],
      ['standalone', 'ph', null, '<ph id="5">&lt;img src="logo.png"/&gt;</ph>'],
      ['open', 'it', null, '<it id="6" pos="open">&lt;span&gt;</it>'],
    ]);
    expect(targetText(doc, 't4')).toBe('Guest <1>authors</1> speak at 6 p.m.');
    expect(segment(doc, 't4').state).toBe('reviewed');
    expect(segment(doc, 't1')).toMatchObject({ state: 'translated', subState: 'needs-review-translation' });
    expect(targetText(doc, 't2')).toBe('Entry: R$ 10 > children do not pay.{1}Parking & coffee on site.');
    expect(doc.units[0]!.notes).toEqual(['Headline: keep it short.']);
  });
});

describe('XLIFF 2.x', () => {
  const doc = read(fixture('v2.xlf'));

  it('units with several segments, states and subStates, notes, languages; ignorable and translate="no" are not text', () => {
    expect([doc.sourceLang, doc.targetLang, doc.dialect]).toEqual(['fr', 'en', { xliff: 'xliff2', version: '2.0' }]);
    expect(doc.units.map((u) => [u.id, u.segments.map((s) => [s.id, s.state ?? null, s.subState ?? null])])).toEqual([
      ['u1', [['u1:s1', 'translated', null], ['u1:s2', 'reviewed', 'acme:checked']]],
      ['u2', [['u2:s1', 'initial', null], ['u2:s2', null, null]]],
      ['u3', [['u3', null, null]]],
    ]);
    expect(doc.units[0]!.notes).toEqual(['Lead paragraph.']);
    expect(doc.text.source).not.toContain('TRAM-2027');
    expect(doc.text.source.split('\n\n')[1]).toBe('Deux lignes ouvriront en 2027.{2}');
  });

  it('pc, ph, sc/ec across segments, mrk and sm/em are tags with their permissions', () => {
    expect(tags(segment(doc, 'u1:s2').target!.content)).toEqual([{ kind: 'standalone', id: '2', type: 'ph', canDelete: false, display: '{2}', original: '<ph id="2" dataRef="d3" canDelete="no"/>' }]);
    expect(tags(segment(doc, 'u1:s1').target!.content).map((t) => [t.kind, t.type, t.display])).toEqual([['open', 'fmt', '<1>'], ['close', 'fmt', '</1>']]);
    // sc in one segment and ec in the next: halves without a partner in their segment.
    const s1 = tags(segment(doc, 'u2:s1').target!.content);
    const s2 = tags(segment(doc, 'u2:s2').target!.content);
    expect(s1[0]).toMatchObject({ kind: 'open', id: '3', display: '<1>' });
    expect(s1[0]!.partner).toBeUndefined();
    expect(s2[s2.length - 1]).toMatchObject({ kind: 'close', id: '/3', display: '</1>', original: '<ec startRef="3"/>' });
    expect(s2.slice(0, 2).map((t) => [t.kind, t.partner, t.type])).toEqual([['open', '/m2', 'comment'], ['close', 'm2', 'comment']]);
  });
});

describe('bad input: one clear error each', () => {
  const x12 = (body: string) => `<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="de"><body>${body}</body></file></xliff>`;
  it.each([
    ['an unknown version', '<xliff version="3.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>', 'xliffVersionUnknown', { version: '3.0' }],
    ['no version', '<xliff/>', 'xliffVersionUnknown', { version: '—' }],
    ['another XML', '<html><body/></html>', 'xliffNotXliff', { root: 'html' }],
    ['a trans-unit without source', x12('<trans-unit id="a"><target>x</target></trans-unit>'), 'xliffMissingSource', { unit: 'a' }],
    ['a bpt without its ept', x12('<trans-unit id="a"><source>a <bpt id="1">&lt;b&gt;</bpt>b</source></trans-unit>'), 'xliffTagsUnpaired', {}],
    ['an ec without its sc (2.x)', '<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en"><file id="f"><unit id="u"><segment><source>a<ec startRef="9"/></source></segment></unit></file></xliff>', 'xliffTagsUnpaired', {}],
    ['a DOCTYPE with entities (billion laughs)', '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>' + x12('<trans-unit id="a"><source>&b;</source></trans-unit>'), 'xmlDoctype', {}],
    ['an external entity (XXE)', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + x12('<trans-unit id="a"><source>&e;</source></trans-unit>'), 'xmlDoctype', {}],
    ['an undeclared entity', x12('<trans-unit id="a"><source>a&nbsp;b</source></trans-unit>'), 'xmlEntity', { entity: 'nbsp' }],
    ['broken XML (a g never closed)', x12('<trans-unit id="a"><source>a <g id="1">b</source></trans-unit>'), 'xmlInvalid', {}],
    ['deep nesting', x12(`<trans-unit id="a"><source>${'<g id="1">'.repeat(300)}x${'</g>'.repeat(300)}</source></trans-unit>`), 'xmlTooDeep', { limit: 256 }],
  ])('%s', (_name, xml, code, params) => {
    const [c, p] = errorOf(() => read(xml, 'bad.xlf'));
    expect(c).toBe(code);
    expect(p).toMatchObject({ path: 'bad.xlf', ...params });
  });

  it('XLIFF 2.1 and 2.2 read like 2.0', () => {
    for (const v of ['2.1', '2.2']) {
      const d = read(`<xliff version="${v}" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="de"><file id="f"><unit id="u"><segment><source>Hi</source><target>Hallo</target></segment></unit></file></xliff>`);
      expect(d.text).toEqual({ source: 'Hi', target: 'Hallo' });
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { Document, SegmentState } from '../../../../main/contract/document.js';
import { xliffForDelivery } from '../../../../main/core/formats/xliff/delivery.js';
import { xliff } from '../../../../main/core/formats/xliff/index.js';
import { changedRange, decode, editTarget, errorOf, fixture, read, segment, targetText } from './helpers.js';

function withState(doc: Document, id: string, state: SegmentState): Document {
  return { ...doc, units: doc.units.map((u) => ({ ...u, segments: u.segments.map((s) => (s.id === id ? { ...s, state } : s)) })) };
}

describe('a missing target is inserted after its source, in the file’s indentation', () => {
  it('plain 1.2', () => {
    const bytes = fixture('plain-1.2.xlf');
    const out = decode(xliff.write(editTarget(read(bytes), 't5', '', 'The full programme comes out tomorrow.'), bytes));
    expect(out).toContain('        <source>A programação completa sai amanhã.</source>\n        <target>The full programme comes out tomorrow.</target>\n      </trans-unit>');
  });

  it('memoQ, with its CRLF and the xml:space of its source', () => {
    const bytes = fixture('memoq.mqxliff');
    const out = decode(xliff.write(editTarget(read(bytes), '4', '', 'Farmers expect {1}smaller harvests.'), bytes));
    expect(out).toContain('geringeren Ernten.</source>\r\n        <target xml:space="preserve">Farmers expect <ph id="2">&lt;tab/&gt;</ph>smaller harvests.</target>\r\n      </trans-unit>');
  });

  it('Trados: a new target copies the seg-source skeleton with the sentence’s mrk', () => {
    const bytes = fixture('trados.sdlxliff');
    const out = decode(xliff.write(editTarget(read(bytes), 'a1b2c3d4-0004:6', '', 'The opening had live music.'), bytes));
    expect(out).toContain('</seg-source><target><mrk mtype="seg" mid="6">The opening had live music.</mrk></target><sdl:seg-defs>');
    expect(targetText(read(out), 'a1b2c3d4-0004:6')).toBe('The opening had live music.');
  });

  it('XLIFF 2: after the segment’s source', () => {
    const bytes = fixture('v2.xlf');
    const out = decode(xliff.write(editTarget(read(bytes), 'u3', '', 'The mayor hailed “a project for all”.'), bytes));
    expect(out).toContain('<source>Le maire a salué « un projet pour tous ».</source>\n        <target>The mayor hailed “a project for all”.</target>\n      </segment>');
  });
});

it('an empty <target/> is opened up, keeping its attributes', () => {
  const text = '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="de"><body><trans-unit id="a"><source>Hi</source><target state="new" /></trans-unit></body></file></xliff>';
  const bytes = new TextEncoder().encode(text);
  const out = decode(xliff.write(editTarget(read(bytes), 'a', '', 'Hallo & tschüss'), bytes));
  expect(out).toBe(text.replace('<target state="new" />', '<target state="new" >Hallo &amp; tschüss</target>'));
});

describe('states are written in each dialect’s terms, and only the state attribute changes', () => {
  it.each([
    ['trados.sdlxliff', 'a1b2c3d4-0001:2', 'reviewed', '<sdl:seg id="2" conf="ApprovedTranslation" origin="mt"/>'],
    ['trados.sdlxliff', 'a1b2c3d4-0001:2', 'final', '<sdl:seg id="2" conf="ApprovedSignOff" origin="mt"/>'],
    ['memoq.mqxliff', '2', 'reviewed', '<trans-unit id="2" mq:status="Reviewer1Confirmed" '],
    ['memoq.mqxliff', '2', 'translated', '<trans-unit id="2" mq:status="ManuallyConfirmed" '],
    // Phrase has only confirmed or not: read back, a confirmed segment is translated.
    ['phrase.mxliff', 'a9FqXk1:2', 'reviewed', 'm:confirmed="1" m:locked="false" m:score="0.0" m:trans-origin="mt">', 'translated'],
    ['plain-1.2.xlf', 't1', 'reviewed', '<target state="signed-off">The book fair'],
    ['plain-1.2.xlf', 't3', 'final', '<target state="final">See the'],
    // The writer keeps a subState the document keeps (xliffForDelivery drops a stale one).
    ['v2.xlf', 'u1:s2', 'final', '<segment id="s2" state="final" subState="acme:checked">'],
  ] as const)('%s %s → %s', (file, id, state, expected, readBack?: string) => {
    const bytes = fixture(file);
    const doc = read(bytes, file);
    const out = xliff.write(withState(doc, id, state), bytes);
    expect(decode(out)).toContain(expected);
    expect(segment(read(out, file), id).state).toBe(readBack ?? state);
    const [start, end] = changedRange(decode(bytes), decode(out));
    expect(end - start).toBeLessThan(40);
  });
});

describe('xliffForDelivery', () => {
  it('1.2: sets the states of reviewed segments and adds the annotations as notes', () => {
    const bytes = fixture('memoq.mqxliff');
    const doc = read(bytes);
    const t = segment(doc, '1').target!;
    const at = doc.text.target.indexOf('warmest', t.start);
    const out = decode(
      xliffForDelivery(doc, bytes, {
        states: { '1': 'reviewed', '2': 'reviewed' },
        annotations: [{ start: at, end: at + 7, category: 'Accuracy/Mistranslation', severity: 'major', comment: 'hottest' }],
      }),
    );
    expect(out).toContain('<trans-unit id="1" mq:status="Reviewer1Confirmed"');
    expect(out).toContain('<trans-unit id="2" mq:status="Reviewer1Confirmed"');
    expect(out).toContain('beginning of the measurements.</target>\r\n        <note>MQM Accuracy/Mistranslation · major: “warmest” — hottest</note>\r\n      </trans-unit>');
    expect(read(new TextEncoder().encode(out)).units[0]!.notes).toEqual(['MQM Accuracy/Mistranslation · major: “warmest” — hottest']);
  });

  it('2.x: an annotation becomes an ITS locQualityIssue mark around its text; one across a tag a note', () => {
    const bytes = fixture('v2.xlf');
    const doc = read(bytes);
    const t = segment(doc, 'u2:s1').target!;
    const at = doc.text.target.indexOf('begin', t.start);
    const t1 = segment(doc, 'u1:s1').target!;
    const out = decode(
      xliffForDelivery(doc, bytes, {
        states: { 'u1:s2': 'final' },
        annotations: [
          { start: at + 1, end: at + 5, category: 'Fluency/Spelling', severity: 'minor' },
          { start: t1.start, end: t1.end, category: 'Style/Awkward', severity: 'neutral', comment: 'reword' },
        ],
      }),
    );
    expect(out).toContain(
      'The works <mrk id="m1" type="term">b<mrk xmlns:its="http://www.w3.org/2005/11/its" id="lqi1" type="its:lqi" its:locQualityIssueType="misspelling" its:locQualityIssueSeverity="10" its:locQualityIssueComment="Fluency/Spelling · minor">egin</mrk></mrk> in March.</target>',
    );
    expect(out).toContain('<segment id="s2" state="final">');
    expect(out).toContain('<note category="context">Lead paragraph.</note>\n        <note>MQM Style/Awkward · neutral:');
    // Read back: the mark is a tag of its own, the text unchanged.
    expect(targetText(read(new TextEncoder().encode(out)), 'u2:s1')).toBe('<1>The works <2>b<3>egin</3></2> in March.');
  });

  it('2.x: nested annotations nest their marks (the shorter inside, whichever came first); one overlapping another is a note', () => {
    const bytes = fixture('v2.xlf');
    const doc = read(bytes);
    const t = segment(doc, 'u1:s1').target!;
    const at = (w: string) => doc.text.target.indexOf(w, t.start);
    const a = (start: number, end: number, category: string) => ({ start, end, category, severity: 'minor' });
    const out = decode(
      xliffForDelivery(doc, bytes, {
        annotations: [a(at('The'), at('tramway') + 7, 'Fluency/Grammar'), a(at('The'), at(' of') + 3, 'Style/Awkward'), a(at('tramway'), at(' of') + 3, 'Fluency/Spelling')],
      }),
    );
    // "The tramway" (Grammar) inside "The tramway of" (Awkward) though written first; "tramway of" overlaps "The tramway": a note.
    expect(out).toMatch(/<target><mrk [^>]*Style\/Awkward · minor"><mrk [^>]*Fluency\/Grammar · minor">The tramway<\/mrk> of<\/mrk> <pc id="1"/);
    expect(out).toContain('<note>MQM Fluency/Spelling · minor: “tramway of”</note>');
    expect(read(new TextEncoder().encode(out)).text.target).toContain('<2><3>The tramway</3> of</2> <1>Bordeaux</1>');
  });

  it('a new state drops a subState that meant the old one (2.x) and keeps the tool’s own value when it agrees (Trados)', () => {
    const v2 = fixture('v2.xlf');
    expect(decode(xliffForDelivery(read(v2), v2, { states: { 'u1:s2': 'final' } }))).toContain('<segment id="s2" state="final">');
    const trados = fixture('trados.sdlxliff');
    // Already reviewed (ApprovedTranslation): nothing to write.
    expect(Buffer.compare(Buffer.from(xliffForDelivery(read(trados), trados, { states: { 'a1b2c3d4-0003:5': 'reviewed' } })), Buffer.from(trados))).toBe(0);
  });
});

describe('nothing is written that would not be XLIFF', () => {
  it('a deleted closing tag is refused with xliffTagsUnpaired', () => {
    const bytes = fixture('plain-1.2.xlf');
    const doc = editTarget(read(bytes), 't1', '<1>Saturday</1>', '<1>Saturday');
    expect(errorOf(() => xliff.write(doc, bytes))).toEqual(['xliffTagsUnpaired', { path: '', tag: '<1>' }]);
    const crossed = editTarget(read(fixture('plain-1.2.xlf')), 't4', '<1>authors</1>', '</1>authors<1>');
    expect(errorOf(() => xliff.write(crossed, bytes))[0]).toBe('xliffTagsUnpaired');
  });

  it('text that looks like a tag but is none stays text, escaped', () => {
    const bytes = fixture('plain-1.2.xlf');
    const out = decode(xliff.write(editTarget(read(bytes), 't1', 'The book fair', 'The <9> fair {7}'), bytes));
    expect(out).toContain('<target state="needs-review-translation">The &lt;9&gt; fair {7}   starts');
  });

  it('removing a blank line between segments is refused (segmentsChanged)', () => {
    const doc = read(fixture('phrase.mxliff'));
    expect(errorOf(() => xliff.withText(doc, 'target', doc.text.target.replace('\n\n', ' ')))[0]).toBe('segmentsChanged');
  });
});

import { describe, expect, it } from 'vitest';
import { CalqueError, MAX_FILE_BYTES } from '../../../main/contract/api.js';
import { po } from '../../../main/core/formats/po/index.js';
import { withSegmentStates } from '../../../main/core/formats/segment-states.js';
import { formatForPath } from '../../../main/core/formats/registry.js';
import { PO } from './po-fixture.js';

const enc = (s: string) => Buffer.from(s, 'utf8');
const dec = (b: Uint8Array) => Buffer.from(b).toString('utf8');
const read = (s: string) => po.read(enc(s), { path: 'guide.po' });

/** The changed span between two texts after their common prefix and suffix. */
function changed(a: string, b: string): { a: string; b: string } {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { a: a.slice(p, a.length - s), b: b.slice(p, b.length - s) };
}

function edit(src: string, from: string, to: string): string {
  const doc = read(src);
  expect(doc.text.target).toContain(from);
  return dec(po.write(po.withText(doc, 'target', doc.text.target.replace(from, to)), enc(src)));
}

describe('PO format', () => {
  it('is the registered format of .po and .pot files, bilingual', () => {
    expect(formatForPath('x/guide.pt.po')).toBe(po);
    expect(formatForPath('template.pot')).toBe(po);
    expect(po.bilingual).toBe(true);
  });

  it('reads entries as units, plurals as segments, the header as languages, not as a segment', () => {
    const doc = read(PO);
    expect(doc.targetLang).toBe('pt-BR');
    expect(doc.units.map((u) => u.segments.length)).toEqual([1, 1, 1, 2, 1, 1]);
    expect(doc.text.source.split('\n\n')).toEqual([
      'The keeper climbs the stairs',
      'She said "wait" and %s left',
      'Open',
      'One gull',
      '%d gulls',
      'The lamp turns once every ten seconds, and the beam reaches the reef at the far end of the bay.\nTab:\there.',
      'Not yet translated',
    ]);
    expect(doc.text.target.split('\n\n')).toEqual([
      'O faroleiro sobe a escada',
      'Ela disse "espere" e %s saiu',
      'Abrir',
      'Uma gaivota',
      '%d gaivotas',
      'A lâmpada gira uma vez a cada dez segundos, e o feixe alcança o recife no fim da baía.\nTab:\taqui.',
      '',
    ]);
    for (const u of doc.units) for (const s of u.segments) expect(doc.text.target.slice(s.target!.start, s.target!.end)).toBe((s.target!.content[0] as { text: string }).text);
  });

  it('context, comments, references, other flags and the previous msgid are notes; fuzzy is the state', () => {
    const doc = read(PO);
    expect(doc.units[0]!.notes).toEqual(['#. Title of the first chapter', '#: guide/intro.c:12']);
    expect(doc.units[1]!.notes).toEqual(['# Translator: keep the quotes', '#: guide/intro.c:20 guide/intro.c:31', '#, c-format', '#| msgid: He said "wait" and %s left']);
    expect(doc.units[2]!.notes).toEqual(['msgctxt: menu']);
    expect(doc.units.map((u) => [u.segments[0]!.state, u.segments[0]!.subState])).toEqual([
      ['translated', undefined],
      ['initial', 'fuzzy'],
      ['translated', undefined],
      ['translated', undefined],
      ['translated', undefined],
      ['initial', undefined],
    ]);
  });

  it('ids are stable across reads and differ between contexts; plural segments are id[n]', () => {
    const a = read(PO);
    const b = read(PO.replace('"Open"', '"Open"\nmsgstr "x"\n\nmsgid "Open"').replace('msgstr "x"\n\nmsgid "Open"\nmsgstr "Abrir"', 'msgstr "Abrir"\n\nmsgid "Open"\nmsgstr "Abrir"'));
    expect(read(PO).units.map((u) => u.id)).toEqual(a.units.map((u) => u.id));
    expect(new Set(b.units.map((u) => u.id)).size).toBe(b.units.length);
    expect(a.units[3]!.segments.map((s) => s.id)).toEqual([`${a.units[3]!.id}[0]`, `${a.units[3]!.id}[1]`]);
  });

  for (const [name, text] of [
    ['LF', PO],
    ['CRLF', PO.replace(/\n/g, '\r\n')],
    ['no final newline', PO.trimEnd()],
  ] as const) {
    it(`${name}: no edit writes the same bytes`, () => {
      const bytes = enc(text);
      const doc = po.read(bytes, { path: 'g.po' });
      expect(Buffer.from(po.write(po.withText(doc, 'target', doc.text.target), bytes)).equals(bytes)).toBe(true);
    });
  }

  it('BOM and UTF-16: no edit writes the same bytes', () => {
    for (const bytes of [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), enc(PO)]), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PO, 'utf16le')])]) {
      const doc = po.read(bytes, { path: 'g.po' });
      expect(doc.targetLang).toBe('pt-BR');
      expect(Buffer.from(po.write(doc, bytes)).equals(bytes)).toBe(true);
    }
  });

  it('one edited msgstr changes only its own literal, escaped', () => {
    const out = edit(PO, 'O faroleiro sobe a escada', 'O "faroleiro"\tsobe');
    expect(changed(PO, out)).toEqual({ a: 'faroleiro sobe a escada', b: '\\"faroleiro\\"\\tsobe' });
    expect(out).toBe(PO.replace('msgstr "O faroleiro sobe a escada"', 'msgstr "O \\"faroleiro\\"\\tsobe"'));
    expect(read(out).text.target.split('\n\n')[0]).toBe('O "faroleiro"\tsobe');
  });

  it('a plural form is patched in its own msgstr[n]', () => {
    const out = edit(PO, '%d gaivotas', '%d gaivotas brancas');
    expect(out).toBe(PO.replace('msgstr[1] "%d gaivotas"', 'msgstr[1] "%d gaivotas brancas"'));
  });

  it('an untranslated entry gets its msgstr; a one-line msgstr stays on one line even with \\n', () => {
    const doc = read(PO);
    const text = doc.text.target.replace(/\n\n$/, '\n\nAinda não\ntraduzido');
    const out = dec(po.write(po.withText(doc, 'target', text), enc(PO)));
    expect(out).toBe(PO.replace('msgid "Not yet translated"\nmsgstr ""', 'msgid "Not yet translated"\nmsgstr "Ainda não\\ntraduzido"'));
  });

  it('an edited wrapped msgstr is wrapped again as msgmerge does (after \\n, at spaces, 79 columns), in the file’s line endings', () => {
    const crlf = PO.replace(/\n/g, '\r\n');
    const out = edit(crlf, 'no fim da baía.\nTab:\taqui.', 'no fim da baía, onde os barcos esperam a maré subir antes de entrar no porto.\nTab:\taqui.');
    const start = out.indexOf('msgstr ""\r\n"A lâmpada');
    const block = out.slice(start, out.indexOf('\r\n\r\n', start)).split('\r\n');
    expect(block[0]).toBe('msgstr ""');
    for (const l of block.slice(1)) {
      expect(l.length).toBeLessThanOrEqual(79);
      expect(l).toMatch(/^".*"$/);
    }
    expect(block.some((l) => l.endsWith('\\n"'))).toBe(true);
    expect(read(out).text.target).toContain('antes de entrar no porto.\nTab:\taqui.');
    // Only that entry's msgstr changed.
    const { a } = changed(crlf, out);
    expect(crlf.indexOf(a)).toBeGreaterThan(crlf.indexOf('msgstr ""\r\n"A lâmpada'));
  });

  it('a short edit of a wrapped msgstr that fits on one line goes on one line, as msgmerge writes it', () => {
    const doc = read(PO);
    const parts = doc.text.target.split('\n\n');
    parts[5] = 'Curto.';
    const out = dec(po.write(po.withText(doc, 'target', parts.join('\n\n')), enc(PO)));
    expect(out).toContain('msgstr "Curto."\n\nmsgid "Not yet');
  });

  it('a confirmed segment loses fuzzy (the flag line keeps its other flags); a segment set back gains it', () => {
    const doc = read(PO);
    const fuzzyId = doc.units[1]!.segments[0]!.id;
    const cleared = dec(po.write(withSegmentStates(doc, { [fuzzyId]: 'reviewed' }), enc(PO)));
    expect(cleared).toBe(PO.replace('#, c-format, fuzzy', '#, c-format'));
    expect(read(cleared).units[1]!.segments[0]!.state).toBe('translated');
    const firstId = doc.units[0]!.segments[0]!.id;
    const back = dec(po.write(withSegmentStates(doc, { [firstId]: 'initial' }), enc(PO)));
    expect(back).toBe(PO.replace('#: guide/intro.c:12\n', '#: guide/intro.c:12\n#, fuzzy\n'));
    const only = PO.replace('#, c-format, fuzzy\n', '#, fuzzy\n');
    expect(dec(po.write(withSegmentStates(read(only), { [fuzzyId]: 'final' }), enc(only)))).toBe(PO.replace('#, c-format, fuzzy\n', ''));
  });

  it('an edit that merges two entries is refused, nothing written', () => {
    const doc = read(PO);
    expect(() => po.withText(doc, 'target', doc.text.target.replace('escada\n\nEla', 'escada Ela'))).toThrow(expect.objectContaining({ code: 'segmentsChanged' }));
  });

  for (const [name, text, line] of [
    ['an unterminated string', 'msgid "a"\nmsgstr "b\n', 2],
    ['a msgid without msgstr', 'msgid "a"\n\nmsgid "b"\nmsgstr "c"\n', 3],
    ['text that is not PO', 'msgid "a"\nmsgstr "b"\nhello world\n', 3],
    ['msgstr[1] before msgstr[0]', 'msgid "a"\nmsgid_plural "as"\nmsgstr[1] "b"\n', 3],
    ['a continuation after a blank line', 'msgid "a"\nmsgstr "b"\n\n"c"\n', 4],
  ] as const) {
    it(`${name}: poSyntax with the line`, () => {
      try {
        read(text);
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(CalqueError);
        expect((err as CalqueError).code).toBe('poSyntax');
        expect((err as CalqueError).params).toEqual({ path: 'guide.po', line });
      }
    });
  }

  it('binary and oversized input: binaryFile, fileTooLarge', () => {
    expect(() => po.read(Uint8Array.from([0x6d, 0, 1, 2, 0xff]), { path: 'x.po' })).toThrow(expect.objectContaining({ code: 'binaryFile' }));
    expect(() => po.read(new Uint8Array(MAX_FILE_BYTES + 1), { path: 'x.po' })).toThrow(expect.objectContaining({ code: 'fileTooLarge' }));
  });
});

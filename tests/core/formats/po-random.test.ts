/**
 * Seeded random PO files (escapes, wrapped and one-line strings, plurals, context, comments, fuzzy,
 * CRLF): writing with no edit gives the same bytes, and editing one msgstr changes only the bytes of
 * that msgstr's literals; the file reads back with the new text there and every other entry as it was.
 */
import { describe, expect, it } from 'vitest';
import { po } from '../../../main/core/formats/po/index.js';
import { parsePo } from '../../../main/core/formats/po/parse.js';
import { escapePo } from '../../../main/core/formats/po/write.js';
import { rng } from '../../../conformance/format-fuzz.js';

const PIECES = ['a', 'Olá', ' ', '"', '\\', '\t', '\n', 'é', 'e\u0301', '“x”', '😀', '%s', '{0}', 'fim.'];

function randomString(r: () => number, min = 0): string {
  let s = '';
  for (let i = Math.floor(r() * 6) + min; i > 0; i--) s += PIECES[Math.floor(r() * PIECES.length)]!;
  return s;
}

/** A field in one of the ways tools write it: one line, or msgmerge's `""` and continuation lines. */
function field(r: () => number, kw: string, value: string, eol: string): string {
  if (r() < 0.5 || !value) return `${kw} "${escapePo(value)}"`;
  const e = escapePo(value);
  const cuts = [0, ...[1, 2].map(() => Math.floor(r() * e.length)).sort((a, b) => a - b), e.length].filter((c, i, all) => i === 0 || (c > all[i - 1]! && e[c - 1] !== '\\' && !/[\udc00-\udfff]/.test(e[c] ?? '')));
  const parts = cuts.slice(1).map((c, i) => e.slice(cuts[i], c));
  return [`${kw} ""`, ...parts.map((p) => `"${p}"`)].join(eol);
}

function randomPo(r: () => number): { text: string; msgstrs: number } {
  const eol = r() < 0.3 ? '\r\n' : '\n';
  const blocks = [['msgid ""', 'msgstr ""', '"Language: de\\n"'].join(eol)];
  let msgstrs = 0;
  for (let n = Math.floor(r() * 6) + 1; n > 0; n--) {
    const lines: string[] = [];
    if (r() < 0.3) lines.push(`# note ${n}`);
    if (r() < 0.3) lines.push(`#: src/file${n}.c:${n}`);
    if (r() < 0.3) lines.push(r() < 0.5 ? '#, fuzzy' : '#, c-format, fuzzy');
    if (r() < 0.2) lines.push(`#| msgid "old ${n}"`);
    if (r() < 0.3) lines.push(field(r, 'msgctxt', `ctx${n}`, eol));
    lines.push(field(r, 'msgid', `id ${n} ${randomString(r)}`, eol));
    if (r() < 0.25) {
      lines.push(field(r, 'msgid_plural', `ids ${n}`, eol));
      for (let k = 0; k < 3; k++) lines.push(field(r, `msgstr[${k}]`, randomString(r), eol));
      msgstrs += 3;
    } else {
      lines.push(field(r, 'msgstr', randomString(r), eol));
      msgstrs++;
    }
    blocks.push(lines.join(eol));
  }
  return { text: blocks.join(eol + eol) + (r() < 0.7 ? eol : ''), msgstrs };
}

describe('PO, random files', () => {
  it('2,000 seeded files round-trip byte for byte; one edited msgstr changes only its literals', () => {
    const r = rng(20261203);
    let edits = 0;
    for (let n = 0; n < 2000; n++) {
      const { text } = randomPo(r);
      const bytes = Buffer.from(text, 'utf8');
      const doc = po.read(bytes, { path: 'x.po' });
      expect(Buffer.from(po.write(po.withText(doc, 'target', doc.text.target), bytes)).equals(bytes)).toBe(true);
      const segs = doc.units.flatMap((u) => u.segments);
      const k = Math.floor(r() * segs.length);
      const seg = segs[k]!.target!;
      const replacement = randomString(r, 1).replace(/\n\n+/g, '\n').replace(/^\n|\n$/g, 'x');
      const edited = doc.text.target.slice(0, seg.start) + replacement + doc.text.target.slice(seg.end);
      const out = Buffer.from(po.write(po.withText(doc, 'target', edited), bytes)).toString('utf8');
      const again = po.read(Buffer.from(out, 'utf8'), { path: 'x.po' });
      expect(again.text.target).toBe(edited.normalize('NFC'));
      expect(again.units.map((u) => u.id)).toEqual(doc.units.map((u) => u.id));
      // Bytes outside that msgstr are the same: the change lies inside its literals.
      const field = parsePo(text, 'x.po').entries.slice(1).flatMap((e) => e.msgstr)[k]!;
      let p = 0;
      while (p < text.length && text[p] === out[p]) p++;
      let s = 0;
      while (s < text.length - p && s < out.length - p && text[text.length - 1 - s] === out[out.length - 1 - s]) s++;
      if (out !== text) {
        expect(p).toBeGreaterThanOrEqual(field.start);
        expect(text.length - s).toBeLessThanOrEqual(field.end);
        edits++;
      }
    }
    expect(edits).toBeGreaterThan(1500);
  });
});

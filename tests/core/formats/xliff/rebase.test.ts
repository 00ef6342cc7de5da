import { describe, expect, it } from 'vitest';
import type { Document, SegmentState } from '../../../../main/contract/document.js';
import { withSegmentStates } from '../../../../main/core/formats/segment-states.js';
import { xliff } from '../../../../main/core/formats/xliff/index.js';
import { parseXliff, parseXliffOnce, type ParsedXliff } from '../../../../main/core/formats/xliff/parse.js';
import type { XmlNode } from '../../../../main/core/formats/xml/index.js';
import { seededRandom } from '../../../../stress/random.js';
import { fixture, read } from './helpers.js';

/**
 * A save leaves the parse of what it wrote, made from the parse it patched (rebase.ts), for the reads
 * that follow: it must be the parse a fresh read of the written bytes gives, node for node.
 */

/** A parse as plain data: the tree with offsets and each node's parent's start, the sites by offsets. */
function plain(p: ParsedXliff) {
  const node = (n: XmlNode, parentStart: number | null): unknown =>
    n.type === 'element'
      ? { ...n, parent: n.parent ? n.parent.start : null, parentStart, children: n.children.map((c) => node(c, n.start)) }
      : { ...n, parentStart };
  const el = (e: { start: number; end: number; name: string } | undefined) => (e ? [e.name, e.start, e.end] : null);
  const units = p.units.map((u) => ({
    ...u,
    el: el(u.el),
    sourceEl: el(u.sourceEl),
    segSourceEl: el(u.segSourceEl),
    targetEl: el(u.targetEl),
    segments: u.segments.map((s) => ({ ...s, el: el(s.el), targetEl: el(s.targetEl), stateSite: s.stateSite ? { ...s.stateSite, el: el(s.stateSite.el) } : null })),
  }));
  return { text: p.text, root: node(p.xml.root, null), units, version: p.version, dialect: p.dialect, sourceLang: p.sourceLang, targetLang: p.targetLang, style: p.style, newline: p.newline };
}

/** Edits like a reviewer's: words in a few segments' targets (created where missing), states, a note. */
function edited(doc: Document, rand: () => number): Document {
  const segs = doc.units.flatMap((u) => u.segments).filter((s) => s.target && !s.locked);
  let text = doc.text.target;
  const picked = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => segs[Math.floor(rand() * segs.length)]!))].sort((a, b) => b.target!.start - a.target!.start);
  for (const s of picked) text = text.slice(0, s.target!.end) + ' & more > words' + text.slice(s.target!.end);
  let next = xliff.withText(doc, 'target', text);
  const states: Record<string, SegmentState> = {};
  for (const s of segs) if (rand() < 0.2) states[s.id] = (['translated', 'reviewed', 'final', 'initial'] as const)[Math.floor(rand() * 4)]!;
  next = withSegmentStates(next, states);
  const k = Math.floor(rand() * next.units.length);
  return { ...next, units: next.units.map((u, i) => (i === k && rand() < 0.5 ? { ...u, notes: [...(u.notes ?? []), 'Accuracy · minor: a note'] } : u)) };
}

describe('the parse a save leaves for the next read', () => {
  const files = ['trados.sdlxliff', 'memoq.mqxliff', 'phrase.mxliff', 'plain-1.2.xlf', 'v2.xlf'];
  for (const name of files) {
    it(`is the parse of the written bytes: ${name}, 40 seeded edits`, () => {
      const rand = seededRandom(name.length * 7919).next;
      let bytes = fixture(name);
      let compared = 0;
      let shared = 0;
      for (let round = 0; round < 40; round++) {
        const doc = read(bytes, name);
        const out = xliff.write(edited(doc, rand), bytes);
        if (out === bytes) continue;
        // parseXliffOnce serves what the write left (untouched units share their pieces with the
        // parse it came from, so it was not read afresh); parseXliff reads the bytes afresh.
        const before = parseXliffOnce(bytes, name);
        const served = parseXliffOnce(out, name);
        const slice = (f: ParsedXliff, i: number) => f.text.raw.slice(f.units[i]!.el.start, f.units[i]!.el.end);
        const untouched = served.units.filter((_, i) => slice(served, i) === slice(before, i));
        for (const u of untouched) expect(u.segments[0]!.source).toBe(before.units[served.units.indexOf(u)]!.segments[0]!.source);
        shared += untouched.length;
        expect(plain(served)).toEqual(plain(parseXliff(out, name)));
        compared++;
        bytes = out; // the next save starts from this one's file, as while editing
      }
      expect(compared).toBeGreaterThan(20);
      expect(shared).toBeGreaterThan(0);
    });
  }

  it('serves the next save without parsing the file again (a large Trados file)', () => {
    const unit = (i: number) =>
      `<trans-unit id="u${i}"><source>Ponte ${i}. <g id="1">Rio</g>.</source><seg-source><mrk mtype="seg" mid="${i}">Ponte ${i}. <g id="1">Rio</g>.</mrk></seg-source><target><mrk mtype="seg" mid="${i}">The bridge ${i}. <g id="1">River</g>.</mrk></target><sdl:seg-defs><sdl:seg id="${i}" conf="Translated"/></sdl:seg-defs></trans-unit>\n`;
    const bytes = new TextEncoder().encode(
      `<?xml version="1.0" encoding="utf-8"?>\n<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file source-language="pt" target-language="en"><body>\n${Array.from({ length: 2000 }, (_, i) => unit(i)).join('')}</body></file></xliff>\n`,
    );
    const doc = read(bytes, 'big.sdlxliff');
    const out = xliff.write(xliff.withText(doc, 'target', doc.text.target.replace('bridge', 'viaduct')), bytes);
    const served = parseXliffOnce(out, 'big.sdlxliff');
    expect(served).toBe(parseXliffOnce(out, 'big.sdlxliff'));
    expect(plain(served)).toEqual(plain(parseXliff(out, 'big.sdlxliff')));
  });

  it('leaves a written unit that does not read back to the full read, which refuses it', () => {
    const bytes = fixture('plain-1.2.xlf');
    const doc = read(bytes);
    // A target whose tags no longer pair: the writer checks its markup; the reader refuses the file.
    const seg = doc.units.flatMap((u) => u.segments).find((s) => s.target)!;
    const broken = { ...doc, units: doc.units.map((u) => ({ ...u, segments: u.segments.map((s) => (s === seg ? { ...s, target: { ...s.target!, content: [{ kind: 'open' as const, id: '9', type: 'x', display: '<9>', original: '<bpt id="9">[</bpt>' }] } } : s)) })) };
    let out: Uint8Array | null = null;
    try {
      out = xliff.write(broken, bytes);
    } catch {
      return; // refused by the writer already
    }
    expect(() => parseXliffOnce(out!, 'f.xlf')).toThrow();
  });
});

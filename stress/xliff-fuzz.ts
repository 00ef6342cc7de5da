/**
 * Fuzzed XLIFF (1.2 with the Trados, memoQ and Phrase dialects, and 2.x), mutated from the test
 * fixtures with a seed. Each input goes through what opening and saving an article does: read; when it
 * reads, save with no edit (must be byte-identical), then edit one segment and save (must be refused
 * with a CalqueError or read back with that edit). Anything else thrown is a crash.
 */
import { readFileSync } from 'node:fs';
import { CalqueError } from '../main/contract/api.js';
import { piecesText, type Document } from '../main/contract/document.js';
import { xliff } from '../main/core/formats/xliff/index.js';
import type { Random } from './random.js';

const FIXTURES = ['trados.sdlxliff', 'memoq.mqxliff', 'phrase.mxliff', 'plain-1.2.xlf', 'v2.xlf'];

export function seeds(): { name: string; text: string }[] {
  return FIXTURES.map((name) => ({ name, text: readFileSync(new URL(`../tests/fixtures/xliff/${name}`, import.meta.url), 'utf8') }));
}

const PIECES = [
  '<', '>', '</', '/>', '&', '&amp;', '&gt;', '&#160;', '&#x110000;', '&#0;', '&#xD800;', '&nbsp;', ']]>', '<![CDATA[', '<!--', '-->', '<?pi x?>',
  '<!DOCTYPE x [<!ENTITY a "&a;&a;">]>', '<!DOCTYPE x SYSTEM "file:///etc/passwd">', '"', "'", '=', ' ', '\n', '\r\n', '\t', '\u0000', '\uFEFF', '\uD800', 'ß', '<1>', '</1>', '{2}',
  '<g id="1">', '</g>', '<x id="9"/>', '<bpt id="7">&lt;b&gt;</bpt>', '<ept id="7">&lt;/b&gt;</ept>', '<it pos="open" id="3"/>', '<ph id="4"/>', '<mrk mtype="seg" mid="1">', '</mrk>',
  '<pc id="1">', '</pc>', '<sc id="5"/>', '<ec startRef="5"/>', '<ec startRef="nope"/>', '<sm id="m9"/>', '<em startRef="m9"/>', '<target>', '</target>', '<source>', '</source>', '<target/>',
  '<seg-source>', '<trans-unit id="z">', '<unit id="z">', '<segment>', ' version="2.1"', ' version="9"', ' state="final"', ' translate="no"', ' mq:status="Rejected"', ' conf="ApprovedSignOff"', ' locked="true"',
  ' xmlns:q="urn:q"', ' q:x="1"', ' undeclared:x="1"', ' id="dup"', '__proto__', 'constructor',
];

/** Well-formed pieces to put between two tags: the file stays XML, so the reader and writer get further. */
const WELL_FORMED = [
  'text', ' & more', '&amp;', '&lt;tag&gt;', '&#160;', '&#x1F600;', '\u00e9\u0301', '\n\n', '  ', '<x id="9"/>', '<g id="1">a</g>', '<g id="42">b<x id="43"/></g>', '<mrk mtype="term">t</mrk>',
  '<ph id="4">&lt;br/&gt;</ph>', '<bpt id="8">x</bpt>y<ept id="8">z</ept>', '<it id="3" pos="close">c</it>', '<pc id="1">p</pc>', '<sc id="5"/>', '<ec startRef="5"/>', '<sm id="m9"/>t<em startRef="m9"/>',
  '<![CDATA[raw <b>]]>', '<!-- note -->', '<note>n</note>', '<target>t</target>', '<target/>', '<cp hex="0001"/>', '<mrk mtype="seg" mid="99">s</mrk>',
];

export function mutate(text: string, r: Random): string {
  return r.chance(0.5) ? mutateGently(text, r) : mutateHard(text, r);
}

/** Insert well-formed pieces right after a tag, or change an attribute's value. */
function mutateGently(text: string, r: Random): string {
  let s = text;
  const n = 1 + r.int(3);
  for (let k = 0; k < n; k++) {
    const ends = [...s.matchAll(/>/g)].map((m) => m.index + 1);
    if (r.chance(0.25)) {
      const values = [...s.matchAll(/="([^"]*)"/g)];
      const v = values.length ? r.pick(values) : undefined;
      if (v) s = s.slice(0, v.index + 2) + r.pick(['final', 'translated', 'Draft', 'Rejected', '1', '0', 'yes', 'no', 'locked', '', 'x-custom', '2.0', '1.2']) + s.slice(v.index + 2 + v[1]!.length);
      continue;
    }
    const at = ends.length ? r.pick(ends) : 0;
    s = s.slice(0, at) + r.pick(WELL_FORMED) + s.slice(at);
  }
  return s;
}

function mutateHard(text: string, r: Random): string {
  let s = text;
  const n = 1 + r.int(5);
  for (let k = 0; k < n; k++) {
    const at = r.int(s.length + 1);
    switch (r.int(8)) {
      case 0:
      case 1:
        s = s.slice(0, at) + r.pick(PIECES) + s.slice(at);
        break;
      case 2:
        s = s.slice(0, at) + s.slice(at + 1 + r.int(30));
        break;
      case 3: {
        const part = s.slice(at, at + 1 + r.int(300));
        s = s.slice(0, at) + part.repeat(1 + r.int(r.chance(0.1) ? 2000 : 5)) + s.slice(at);
        break;
      }
      case 4: {
        const depth = 1 + r.int(r.chance(0.5) ? 300 : 50_000);
        s = s.slice(0, at) + '<g id="1">'.repeat(depth) + s.slice(at);
        break;
      }
      case 5:
        s = s.slice(0, at);
        break;
      case 6: {
        // Swap two ranges (moves tags past each other, closes before opens).
        const b = r.int(s.length + 1);
        const [x, y] = at < b ? [at, b] : [b, at];
        const len = Math.min(1 + r.int(40), y - x);
        s = s.slice(0, x) + s.slice(y, y + len) + s.slice(x + len, y) + s.slice(x, x + len) + s.slice(y + len);
        break;
      }
      default: {
        // Replace one character with a random code unit.
        const code = r.chance(0.5) ? 32 + r.int(95) : r.int(0x10000);
        s = s.slice(0, at) + String.fromCharCode(code) + s.slice(at + 1);
      }
    }
  }
  return s;
}

export type Outcome = { outcome: 'ok' | 'refused' | 'crash'; detail: string };

/** Read, save unchanged, edit one segment and save: see the file comment. */
export function tryXliff(bytes: Uint8Array, name: string): Outcome {
  let doc: Document;
  try {
    doc = xliff.read(bytes, { path: name });
  } catch (err) {
    return failure(err);
  }
  try {
    const same = xliff.write(doc, bytes);
    if (Buffer.compare(Buffer.from(same), Buffer.from(bytes)) !== 0) return { outcome: 'crash', detail: 'saving with no edit changed the file' };
    const seg = doc.units.flatMap((u) => u.segments).find((s) => s.target && !s.locked);
    if (!seg) return { outcome: 'ok', detail: 'read, nothing editable' };
    const t = seg.target!;
    const text = doc.text.target;
    const edited = xliff.withText(doc, 'target', `${text.slice(0, t.end)} & <edit>${text.slice(t.end)}`);
    const out = xliff.write(edited, bytes);
    const again = xliff.read(out, { path: name });
    const back = again.units.flatMap((u) => u.segments).find((s) => s.id === seg.id);
    const want = piecesText(edited.units.flatMap((u) => u.segments).find((s) => s.id === seg.id)!.target!.content);
    if (!back?.target || piecesText(back.target.content) !== want) return { outcome: 'crash', detail: `edit of ${seg.id} did not read back` };
    return { outcome: 'ok', detail: 'read, saved, edited' };
  } catch (err) {
    return failure(err);
  }
}

function failure(err: unknown): Outcome {
  if (err instanceof CalqueError) return { outcome: 'refused', detail: err.code };
  return { outcome: 'crash', detail: err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 200) : String(err) };
}

import { CalqueError, MAX_FILE_BYTES } from '../../../contract/api.js';
import type { Document, Piece, Side, Unit } from '../../../contract/document.js';
import { decodeRaw, detectLineEnding, encodeRaw } from '../../text/encoding.js';
import type { FileFormat } from '../registry.js';
import { joinSegments, withSegmentText } from '../segment-text.js';
import { piecesFromText, protectedInPieces } from '../tag-pieces.js';
import { atomPieces, unitAtoms, type Atom } from './atoms.js';
import { rewriteSegment } from './rewrite.js';
import { htmlUnits, type HtmlUnit } from './structure.js';

/**
 * HTML pages (monolingual: story.pt.html pairs with story.en.html). Each block element and each
 * text attribute is a unit with one segment; inline elements are tags of it (FORMATS.md, "Inline
 * tags"). The editor's text is the segments joined by blank lines, as for a table, each tag shown as
 * its display text ("<b>", "</b>"), which the checks skip along with code and translate="no"
 * content. Saving rewrites only the segments that changed, by position in the original text: the
 * page is never serialised again.
 */

interface Parsed {
  raw: string;
  encoding: Document['file']['encoding'];
  units: { id: string; unit: HtmlUnit; atoms: Atom[] }[];
}

/** The last pages parsed, by their bytes: a save parses the file it read once more otherwise. */
const parsedCache = new WeakMap<Uint8Array, Parsed>();

function parseHtml(bytes: Uint8Array, path: string): Parsed {
  const hit = parsedCache.get(bytes);
  if (hit) return hit;
  if (bytes.length > MAX_FILE_BYTES) throw new CalqueError('fileTooLarge', { path, size: bytes.length, limit: MAX_FILE_BYTES });
  const { raw, encoding } = decodeRaw(bytes, path);
  const units = htmlUnits(raw)
    .map((unit) => ({ unit, atoms: unitAtoms(raw, unit) }))
    .filter((u) => u.atoms.length)
    .map((u, i) => ({ id: `p${i + 1}`, ...u }));
  const parsed = { raw, encoding, units };
  parsedCache.set(bytes, parsed);
  return parsed;
}

/** Text pieces and tags in order, compared to tell whether a segment changed. */
const signature = (content: readonly Piece[]) => content.map((p) => (p.kind === 'text' ? `t${p.text}` : `g${p.id}`)).join('\u0001');

function protectedRanges(units: readonly Unit[], side: Side): [number, number][] {
  const out: [number, number][] = [];
  for (const u of units) for (const seg of u.segments) {
    const s = seg[side];
    if (s) for (const [a, b] of protectedInPieces(s.content)) out.push([s.start + a, s.start + b]);
  }
  return out;
}

export const html: FileFormat = {
  id: 'html',
  extensions: ['html', 'htm', 'xhtml'],
  bilingual: false,
  capabilities: { inlineTags: true, segmentStates: false, notes: false, freeText: false },

  read(bytes, ctx) {
    const side = ctx.side ?? 'target';
    const p = parseHtml(bytes, ctx.path);
    const contents = p.units.map((u) => atomPieces(u.atoms));
    const laid = joinSegments(contents.map((c) => c.map((x) => (x.kind === 'text' ? x.text : x.display)).join('')));
    const units: Unit[] = p.units.map((u, i) => ({
      id: u.id,
      kind: 'paragraph',
      segments: [{ id: u.id, [side]: { content: contents[i]!, start: laid.ranges[i]![0], end: laid.ranges[i]![1] } }],
    }));
    return {
      format: 'html',
      bilingual: false,
      side,
      units,
      text: { source: side === 'source' ? laid.text : '', target: side === 'target' ? laid.text : '' },
      protectedRanges: { [side]: protectedRanges(units, side) },
      file: { encoding: p.encoding, lineEnding: detectLineEnding(p.raw), finalNewline: /[\r\n]$/.test(p.raw) },
    };
  },

  write(doc, original) {
    const side = doc.side ?? 'target';
    const p = parseHtml(original, '');
    const byId = new Map(doc.units.map((u) => [u.id, u.segments[0]?.[side]?.content] as const));
    const changed = p.units.filter((u) => {
      const content = byId.get(u.id);
      return content !== undefined && signature(content) !== signature(atomPieces(u.atoms));
    });
    if (!changed.length) return original;
    // An attribute unit (alt, title) sits inside a tag of another unit: a tag's markup is written
    // with the attribute edits inside it, so both edits land whatever else changed.
    const edits = changed.map((u) => ({ start: u.atoms[0]!.start, end: u.atoms[u.atoms.length - 1]!.end, unit: u, content: byId.get(u.id)! }));
    const newline = detectLineEnding(p.raw);
    const rendered = new Map<(typeof edits)[number], string>();
    const withEditsInside = (start: number, end: number, self: (typeof edits)[number]): string => {
      let out = '';
      let pos = start;
      for (const e of edits) {
        if (e === self || e.start < start || e.end > end || e.start < pos) continue;
        out += p.raw.slice(pos, e.start) + render(e);
        pos = e.end;
      }
      return out + p.raw.slice(pos, end);
    };
    const render = (e: (typeof edits)[number]): string => {
      let s = rendered.get(e);
      if (s === undefined) {
        const first = e.unit.unit.items[0];
        const quote = first?.kind === 'text' && first.attribute ? quoteAround(p.raw, first.start, first.end) : undefined;
        s = rewriteSegment(e.unit.atoms, e.content, { newline, ...(quote !== undefined ? { quote } : {}), tagMarkup: (a) => withEditsInside(a.start, a.end, e) });
        rendered.set(e, s);
      }
      return s;
    };
    // Outermost edits only: an attribute edit inside a rewritten segment's tag is written by that segment.
    const outer = edits.filter((e) => !edits.some((o) => o !== e && o.start <= e.start && e.end <= o.end && (o.start !== e.start || o.end !== e.end)));
    let raw = '';
    let pos = 0;
    for (const e of outer.sort((a, b) => a.start - b.start)) {
      if (e.start < pos) continue;
      raw += p.raw.slice(pos, e.start) + render(e);
      pos = e.end;
    }
    return encodeRaw(raw + p.raw.slice(pos), p.encoding);
  },

  withText(doc, side, text) {
    const next = withSegmentText(doc, side, text, piecesFromText);
    return { ...next, protectedRanges: { ...doc.protectedRanges, [side]: protectedRanges(next.units, side) } };
  },
};

/** The quote an attribute value sits in ('' when unquoted). */
function quoteAround(raw: string, start: number, end: number): string {
  const q = raw[start - 1];
  return (q === '"' || q === "'") && raw[end] === q ? q : '';
}

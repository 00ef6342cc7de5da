import { CalqueError } from '../../../contract/api.js';
import type { Document, InlineTag, Piece, Segment, Side, Unit } from '../../../contract/document.js';
import { piecesText } from '../../../contract/document.js';
import type { FileFormat } from '../registry.js';
import { joinSegments, segmentsWith, splitEditedText } from '../segment-text.js';
import { xliffForDelivery } from './delivery.js';
import { parseXliffOnce } from './parse.js';
import { writeXliff } from './write.js';

/**
 * XLIFF 1.2 (with the Trados SDLXLIFF, memoQ MQXLIFF and Phrase MXLIFF dialects) and XLIFF 2.0–2.2.
 * A unit (trans-unit, unit) is a Unit; its sentence segments (seg-source `<mrk mtype="seg">`, 2.x
 * `<segment>`) are its Segments; inline codes are InlineTag pieces shown by their display text.
 * Saving patches only what changed (see write.ts).
 */
export const xliff: FileFormat = {
  id: 'xliff',
  extensions: ['xlf', 'xliff', 'sdlxliff', 'mqxliff', 'mxliff'],
  bilingual: true,
  capabilities: { inlineTags: true, segmentStates: true, notes: true, freeText: false },

  read(bytes, ctx) {
    const file = parseXliffOnce(bytes, ctx.path);
    const units: Unit[] = file.units.map((u) => ({
      id: u.id,
      kind: 'unit',
      segments: u.segments.map(
        (s): Segment => ({
          id: s.id,
          source: { content: s.source, start: 0, end: 0 },
          target: { content: s.target ?? [], start: 0, end: 0 },
          ...(s.state ? { state: s.state } : {}),
          ...(s.subState !== undefined ? { subState: s.subState } : {}),
          ...(s.locked ? { locked: true } : {}),
        }),
      ),
      ...(u.notes.length ? { notes: u.notes } : {}),
    }));
    const raw = file.text.raw;
    return laidOut({
      format: 'xliff',
      bilingual: true,
      ...(file.sourceLang ? { sourceLang: file.sourceLang } : {}),
      ...(file.targetLang ? { targetLang: file.targetLang } : {}),
      units,
      text: { source: '', target: '' },
      file: { encoding: file.text.encoding, lineEnding: file.newline as Document['file']['lineEnding'], finalNewline: /[\r\n]$/.test(raw) },
      dialect: { xliff: file.dialect, version: file.version },
    });
  },

  write(doc, original) {
    return writeXliff(doc, original);
  },

  withText(doc, side, text) {
    return xliffWithText(doc, side, text);
  },

  deliver(doc, original, review) {
    return xliffForDelivery(doc, original, review);
  },
};

/** Each side's text: its segments' texts (tags as their display) one blank line apart; offsets set to match. */
function laidOut(doc: Document): Document {
  const text = { ...doc.text };
  let units = doc.units;
  for (const side of ['source', 'target'] as const) {
    const segs = segmentsWith({ ...doc, units }, side);
    const laid = joinSegments(segs.map((s) => piecesText(s[side]!.content)));
    const at = new Map(segs.map((s, i) => [s, laid.ranges[i]!] as const));
    units = units.map((u) => ({
      ...u,
      segments: u.segments.map((s) => {
        const r = at.get(s);
        return r ? { ...s, [side]: { ...s[side]!, start: r[0], end: r[1] } } : s;
      }),
    }));
    text[side] = laid.text;
  }
  return { ...doc, units, text };
}

/**
 * The document with one side's text replaced by the editor's: the edit is mapped onto the segments
 * (segment-text.ts), and each changed segment's text is read back into pieces, a tag's display text
 * (`<1>`, `</1>`, `{2}`) becoming that tag again when the segment's source or target has it.
 */
export function xliffWithText(doc: Document, side: Side, text: string): Document {
  const segs = segmentsWith(doc, side);
  const texts = splitEditedText(
    doc.text[side],
    segs.map((s) => [s[side]!.start, s[side]!.end]),
    text.normalize('NFC'),
  );
  if (!texts) throw new CalqueError('segmentsChanged', { path: '' });
  const changed = new Map<Segment, Piece[]>();
  segs.forEach((s, i) => {
    if (texts[i] === piecesText(s[side]!.content)) return;
    if (s.locked) throw new CalqueError('segmentLocked', { segment: s.id });
    changed.set(s, textToPieces(texts[i]!, [...(s.target?.content ?? []), ...(s.source?.content ?? [])]));
  });
  if (!changed.size) return doc;
  const units = doc.units.map((u) => ({
    ...u,
    segments: u.segments.map((s) => {
      const content = changed.get(s);
      return content ? { ...s, [side]: { ...s[side]!, content } } : s;
    }),
  }));
  return laidOut({ ...doc, units });
}

const DISPLAY = /<\/?\d+>|\{\d+\}/g;

/** Text → pieces: a display text of a known tag becomes that tag; anything else stays text. */
export function textToPieces(text: string, known: readonly Piece[]): Piece[] {
  const tags = new Map<string, InlineTag>();
  for (const p of known) if (p.kind !== 'text' && !tags.has(p.display)) tags.set(p.display, p);
  const out: Piece[] = [];
  let at = 0;
  const pushText = (t: string) => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + t };
    else out.push({ kind: 'text', text: t });
  };
  for (const m of text.matchAll(DISPLAY)) {
    const tag = tags.get(m[0]);
    if (!tag) continue;
    pushText(text.slice(at, m.index));
    out.push(tag);
    at = m.index + m[0].length;
  }
  pushText(text.slice(at));
  return out;
}

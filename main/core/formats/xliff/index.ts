import { CalqueError } from '../../../contract/api.js';
import type { Document, Segment, Side, Unit } from '../../../contract/document.js';
import { piecesText } from '../../../contract/document.js';
import type { FileFormat } from '../registry.js';
import { joinSegments, segmentsWith, withSegmentText } from '../segment-text.js';
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
 * The document with one side's text replaced by the editor's: the edit mapped onto the segments and
 * each changed segment's text read back into pieces (segment-text.ts), a tag's display text (`<1>`,
 * `</1>`, `{2}`) becoming that tag again when the segment's source or target has it. A segment the
 * tool locked keeps its text.
 */
export function xliffWithText(doc: Document, side: Side, text: string): Document {
  const next = withSegmentText(doc, side, text);
  const before = segmentsWith(doc, side);
  const after = segmentsWith(next, side);
  let changed = false;
  after.forEach((s, i) => {
    if (s[side]!.content === before[i]![side]!.content) return;
    if (s.locked) throw new CalqueError('segmentLocked', { segment: s.id });
    changed = true;
  });
  return changed ? next : doc;
}

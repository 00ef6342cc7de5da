import { CalqueError } from '../../../contract/api.js';
import type { Document, Piece, Segment, Side, Unit } from '../../../contract/document.js';
import { piecesText } from '../../../contract/document.js';
import type { FileFormat } from '../registry.js';
import { SEGMENT_SEPARATOR, segmentsWith, withSegmentText } from '../segment-text.js';
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
    const laid = { source: layout(), target: layout() };
    const units: Unit[] = file.units.map((u) => ({
      id: u.id,
      kind: 'unit',
      segments: u.segments.map(
        (s): Segment => ({
          id: s.id,
          source: laid.source.place(s.source),
          target: laid.target.place(s.target ?? []),
          ...(s.state ? { state: s.state } : {}),
          ...(s.subState !== undefined ? { subState: s.subState } : {}),
          ...(s.locked ? { locked: true } : {}),
        }),
      ),
      ...(u.notes.length ? { notes: u.notes } : {}),
    }));
    const raw = file.text.raw;
    return {
      format: 'xliff',
      bilingual: true,
      ...(file.sourceLang ? { sourceLang: file.sourceLang } : {}),
      ...(file.targetLang ? { targetLang: file.targetLang } : {}),
      units,
      text: { source: laid.source.text(), target: laid.target.text() },
      file: { encoding: file.text.encoding, lineEnding: file.newline as Document['file']['lineEnding'], finalNewline: raw.endsWith('\n') || raw.endsWith('\r') },
      dialect: { xliff: file.dialect, version: file.version },
    };
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

/**
 * One side's text as it is built, segment by segment: each segment's text (tags as their display) one
 * blank line after the previous one, as joinSegments lays them out. One pass over the units, because
 * this runs on every read of a file that may be 10 MB.
 */
function layout() {
  const texts: string[] = [];
  let pos = 0;
  return {
    place(content: Piece[]) {
      const t = piecesText(content);
      if (texts.length) pos += SEGMENT_SEPARATOR.length;
      texts.push(t);
      const start = pos;
      pos += t.length;
      return { content, start, end: pos };
    },
    text: () => texts.join(SEGMENT_SEPARATOR),
  };
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

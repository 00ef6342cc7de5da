/**
 * The document model (DESIGN.md, "The document model"; FORMATS.md, "Inline tags"): what every file
 * format reads into and writes back from. Types only; imports nothing but the contract.
 *
 * An article is a Document: ordered units (a paragraph, a table row, later an XLIFF unit, a subtitle
 * cue, a PO entry), each holding one or more segments; a segment has a source and/or a target side,
 * whose content is text pieces and inline tags. Offsets are UTF-16 code units of NFC text with "\n"
 * line endings, like everywhere else in Calque.
 */
import type { FileFormatInfo } from './api.js';

export type Side = 'source' | 'target';

/** Plain text inside a segment (NFC, "\n" line endings). */
export interface TextPiece {
  kind: 'text';
  text: string;
}

/**
 * An inline code (XLIFF `<pc>`/`<sc>`/`<ec>`/`<ph>`, a Word run boundary, an HTML `<b>`): never text to
 * translate. Shown as a chip that cannot be half-deleted; counts as one token in diffs and checks.
 */
export interface InlineTag {
  /** An opening or closing half of a pair, or a standalone code (a placeholder, a line break). */
  kind: 'open' | 'close' | 'standalone';
  /** Unique within the segment side; a tag keeps its id between source and target. */
  id: string;
  /** The other half of a pair (open ↔ close). Absent for standalone tags and for halves whose partner is in another segment. */
  partner?: string;
  /** What the code is: "bold", "link", "x", "fmt"… as the format names it. */
  type: string;
  /** XLIFF 2 canCopy / canDelete / canReorder; absent means allowed. */
  canCopy?: boolean;
  canDelete?: boolean;
  canReorder?: boolean;
  /**
   * The content between this opening half and its partner (or the segment's end) is not text to
   * translate: HTML `translate="no"` or `<code>`, XLIFF `<mrk translate="no">`. The checks skip it.
   */
  protectsContent?: boolean;
  /** Short text for the chip ("<b1>", "{0}"). */
  display: string;
  /** The original markup, kept opaque and written back as it was. */
  original: string;
}

export type Piece = TextPiece | InlineTag;

/** XLIFF 2's states; dialects (Trados conf levels, memoQ status, Phrase confirmed) map onto these, keeping theirs in `subState`. */
export type SegmentState = 'initial' | 'translated' | 'reviewed' | 'final';
export const SEGMENT_STATES: readonly SegmentState[] = ['initial', 'translated', 'reviewed', 'final'];

/** One side of a segment: its content and where it sits in the side's text (Document.text). */
export interface SegmentSide {
  content: Piece[];
  /** [start, end) in Document.text[side]. */
  start: number;
  end: number;
}

export interface Segment {
  /** Stable across reads of the same file: reviews and annotations attach to it. */
  id: string;
  source?: SegmentSide;
  target?: SegmentSide;
  state?: SegmentState;
  /** The format's own state name when it has finer ones (Trados "ApprovedSignOff"). */
  subState?: string;
  /** The tool that made the file forbids editing this segment. */
  locked?: boolean;
}

export type UnitKind = 'paragraph' | 'row' | 'unit' | 'cue' | 'entry';

export interface Unit {
  /** Stable id (a table's id column, an XLIFF unit id, a paragraph's number). */
  id: string;
  kind: UnitKind;
  segments: Segment[];
  /** Notes and comments the file carries for the unit, shown to the editor. */
  notes?: string[];
  /** When the unit is on screen (a subtitle cue), milliseconds. */
  timing?: { startMs: number; endMs: number };
}

/**
 * Which segments of a monolingual pair's two files are shown side by side (subtitle cues paired by
 * timing): `source`/`target` are each side's segment count (the editor's text splits into that many
 * pieces at the blank lines between segments), `groups` the indices of the segments that correspond,
 * in order, every segment in exactly one group. A group with one side empty has no partner there.
 */
export interface SegmentGroups {
  source: number;
  target: number;
  groups: { source: number[]; target: number[] }[];
}

export interface Document {
  /** Id of the format in the registry that read it ("plain-text", "bilingual-table"…). */
  format: string;
  /** One file holding both sides (a table, XLIFF), or one side of a pair of files. */
  bilingual: boolean;
  /** Monolingual files: the side of the article this file was read as. */
  side?: Side;
  /** Languages the file declares itself (a table's header, XLIFF srcLang/trgLang). */
  sourceLang?: string;
  targetLang?: string;
  units: Unit[];
  /**
   * The text the editor shows of each side, which segment offsets point into: for plain text and
   * Markdown the file's own text (their skeleton is the file); for segmented formats the segments
   * joined by a blank line. A monolingual file fills only the side it was read as.
   */
  text: Record<Side, string>;
  /**
   * Spans of each side's text that are not text to translate (code, URLs and link targets, markup,
   * front matter, `translate="no"`): the checks neither read nor report inside them. Sorted, disjoint.
   */
  protectedRanges?: Partial<Record<Side, [number, number][]>>;
  /** The file's own conventions, kept when it is written back. */
  file: FileFormatInfo;
  /** Choices the reader made that the writer needs again (a table's delimiter). */
  dialect?: Record<string, string>;
}

/** The segment whose side contains `offset` (a segment's end counts as inside it), or undefined. */
export function segmentAt(doc: Document, side: Side, offset: number): Segment | undefined {
  for (const unit of doc.units) {
    for (const seg of unit.segments) {
      const s = seg[side];
      if (s && offset >= s.start && offset <= s.end) return seg;
    }
  }
  return undefined;
}

/** The plain text of a segment side; tags contribute their display text. */
export function piecesText(content: readonly Piece[]): string {
  return content.map((p) => (p.kind === 'text' ? p.text : p.display)).join('');
}

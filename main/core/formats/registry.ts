import type { Document, SegmentGroups, SegmentState, Side } from '../../contract/document.js';
import { bilingualTable } from './bilingual-table/index.js';
import { docx } from './docx/index.js';
import { html } from './html/index.js';
import { markdown } from './markdown/index.js';
import { plainText } from './plain-text/index.js';
import { po } from './po/index.js';
import { srt, vtt } from './subtitles/index.js';
import { xliff } from './xliff/index.js';

/** What a format can carry, so the UI and the checks know what to offer. */
export interface FormatCapabilities {
  /** Segments can hold inline tags. */
  inlineTags: boolean;
  /** Segments carry a workflow state (translated, reviewed…). */
  segmentStates: boolean;
  /** Units carry notes or comments. */
  notes: boolean;
  /**
   * The file is its text (plain text, Markdown): the editor may add and remove paragraphs freely.
   * Otherwise the units are fixed by the file, and an edit must keep one blank line between them.
   */
  freeText: boolean;
}

export interface ReadContext {
  /** Project-relative path, for error messages. */
  path: string;
  /** Monolingual files: the side of the article this file is (default target). */
  side?: Side;
}

/** An MQM annotation of the translation as a delivered file carries it. */
export interface DeliveryAnnotation {
  /** [start, end) in the document's target text (Document.text.target), as annotations are stored. */
  start: number;
  end: number;
  /** MQM category ("Accuracy/Mistranslation") and severity (neutral, minor, major, critical). */
  category: string;
  severity: string;
  comment?: string;
}

/** What the review adds to a file exported in its own format. */
export interface DeliveryReview {
  /** Segment id → the state the review gives it (segments whose state it leaves as the file has it are not listed). */
  states: Readonly<Record<string, SegmentState>>;
  annotations: readonly DeliveryAnnotation[];
}

/**
 * One file format: one folder under main/core/formats/ and one line in FORMATS below. Everything
 * else (scan, pairing, the article view, save, baselines, export, the CLI) goes through this.
 */
export interface FileFormat {
  id: string;
  /** Lower-case, without the dot. */
  extensions: readonly string[];
  /** One file holding both sides (an article by itself), or one side of a pair of files. */
  bilingual: boolean;
  capabilities: FormatCapabilities;
  /** File bytes → Document. Throws a CalqueError the user can act on when the file cannot be read. */
  read(bytes: Uint8Array, ctx: ReadContext): Document;
  /** Document → file bytes: the original bytes except where a segment's content changed. */
  write(doc: Document, original: Uint8Array): Uint8Array;
  /**
   * The document with one side's text replaced by the editor's (Document.text[side] → `text`).
   * Throws `segmentsChanged` when the edited text cannot be mapped back onto the file's segments.
   */
  withText(doc: Document, side: Side, text: string): Document;
  /**
   * The file as the reviewer delivers it (export in its own format): the review's states and MQM
   * annotations written in the file's own terms (XLIFF). Without it, a format that carries states is
   * written with them (`write`), and the annotations stay in Calque's report.
   */
  deliver?(doc: Document, original: Uint8Array, review: DeliveryReview): Uint8Array;
  /**
   * Formats whose sides line up segment by segment rather than by the sentence aligner (subtitle cues
   * by timing; a PO entry's msgid and msgstr): which segments of the source and target documents
   * correspond. For a bilingual file both are the same document.
   */
  groupSegments?(source: Document, target: Document): SegmentGroups | undefined;
}

/** The registry: a new format is a folder plus one line here. */
export const FORMATS: readonly FileFormat[] = [plainText, markdown, bilingualTable, po, srt, vtt, html, xliff, docx];

const byExtension = new Map(FORMATS.flatMap((f) => f.extensions.map((e) => [e, f] as const)));

export function formatForExtension(ext: string): FileFormat | undefined {
  return byExtension.get(ext.replace(/^\./, '').toLowerCase());
}

/** The extension of a file name ("story.pt.md" → "md"), or '' when it has none. */
export function extensionOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Whether a file is one Calque reads (the project scan lists only these). */
export function isSupportedPath(path: string): boolean {
  return !!formatForExtension(extensionOf(path));
}

/** The format of a file by its name; plain text for anything else. */
export function formatForPath(path: string): FileFormat {
  return formatForExtension(extensionOf(path)) ?? plainText;
}

export function formatById(id: string): FileFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}

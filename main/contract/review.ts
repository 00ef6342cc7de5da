/**
 * Review data shared by core, hosts and renderer: sentence alignment, check findings, MQM annotations
 * and post-edit metrics. Types and plain value tables only; imports nothing (like api.ts).
 * Offsets are UTF-16 code units of the NFC text with "\n" line endings (DESIGN.md).
 */

// ---------- sentences and alignment ----------

/** One sentence of a document: [start, end) offsets into the document text, trimmed of surrounding spaces. */
export interface Sentence {
  start: number;
  end: number;
  /** Index of the paragraph (see main/common/paragraphs.ts) the sentence starts in. */
  paragraph: number;
}

/** A link between consecutive source sentences and consecutive target sentences (1–1, 1–2, 2–1, 2–2, 1–0, 0–1). */
export interface AlignmentLink {
  source: number[];
  target: number[];
}

export interface DocumentAlignment {
  source: Sentence[];
  target: Sentence[];
  /** In document order; every sentence of both sides is in exactly one link. */
  links: AlignmentLink[];
}

// ---------- MQM ----------

export type MqmSeverity = 'neutral' | 'minor' | 'major' | 'critical';
export const MQM_SEVERITIES: readonly MqmSeverity[] = ['neutral', 'minor', 'major', 'critical'];

/** The typology of the WMT MQM evaluations (Freitag et al. 2021), as written in their TSV files. */
export const MQM_CATEGORIES = [
  'Accuracy/Addition',
  'Accuracy/Omission',
  'Accuracy/Mistranslation',
  'Accuracy/Untranslated text',
  'Fluency/Punctuation',
  'Fluency/Spelling',
  'Fluency/Grammar',
  'Fluency/Register',
  'Fluency/Inconsistency',
  'Fluency/Character encoding',
  'Terminology/Inappropriate for context',
  'Terminology/Inconsistent use of terminology',
  'Style/Awkward',
  'Locale convention/Address',
  'Locale convention/Currency',
  'Locale convention/Date',
  'Locale convention/Name',
  'Locale convention/Telephone',
  'Locale convention/Time format',
  'Other',
  'Source error',
  'Non-translation!',
] as const;
export type MqmCategory = (typeof MQM_CATEGORIES)[number];

// ---------- checks ----------

/** A replacement of [start, end) of the translation by `text`; several edits apply together as one undo step. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** Localized label parameters: shown as "Replace with “{{text}}”" unless `labelKey` says otherwise. */
  labelKey?: string;
  edits: TextEdit[];
}

/** A localized message: an i18next key (with namespace, e.g. "checks:stackedPrepositions") and its parameters. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * A finding's level: the MQM severities, and "hint" for a rule that has not earned its place among the
 * problems (measured below 0.8 precision on real MT): shown faintly, outside every problem count.
 */
export type FindingSeverity = 'hint' | Exclude<MqmSeverity, 'neutral'>;
export const FINDING_SEVERITIES: readonly FindingSeverity[] = ['hint', 'minor', 'major', 'critical'];

export interface Finding {
  /** Rule id, e.g. "en.stacked-prepositions" or "qa.number-mismatch". */
  rule: string;
  category: MqmCategory;
  severity: FindingSeverity;
  /** Which text the span is in (most findings are in the translation). */
  side: 'target' | 'source';
  start: number;
  end: number;
  /** The text of the span (for reports and to re-find it after edits). */
  text: string;
  message: Message;
  fixes: Fix[];
  /**
   * How often the article has this very finding (the same misspelled word, say): every occurrence is a
   * finding of its own with this count, and they count as one problem. Absent for one occurrence.
   */
  occurrences?: number;
}

// ---------- annotations ----------

/** W3C Web Annotation TextQuoteSelector: the quoted text with a little context to re-anchor it. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Annotation {
  /** Stable id (random, URL-safe). */
  id: string;
  side: 'target' | 'source';
  /** Id of the document segment the annotation starts in (see document.ts), on its side; absent when unknown. */
  segment?: string;
  start: number;
  end: number;
  quote: TextQuote;
  category: MqmCategory;
  severity: MqmSeverity;
  comment: string;
  /** ISO 8601 times. */
  created: string;
  modified: string;
  /** Set when the annotation came from a check finding. */
  rule?: string;
  /** True when the quote could not be found after the text changed: kept, shown apart, never dropped. */
  orphaned?: boolean;
  /**
   * Target annotations of machine-translation words: their span and words in the baseline (the MT),
   * which never changes. The current span follows the baseline→current word diff, so correcting the
   * words keeps the annotation on the correction; `exact` is what the MT said (quoted by reports and
   * the MQM export). Absent for words the editor wrote (nothing in the MT) and for source annotations.
   */
  baseline?: BaselineSpan;
}

/** [start, end) in the baseline text and the words there. */
export interface BaselineSpan {
  start: number;
  end: number;
  exact: string;
}

// ---------- metrics ----------

export interface TerBreakdown {
  insertions: number;
  deletions: number;
  substitutions: number;
  shifts: number;
  /** insertions + deletions + substitutions + shifts */
  edits: number;
  /** Number of reference tokens (the post-edit). */
  refLength: number;
  /** edits / refLength capped at 1 (HTER); 0 when both are empty. */
  score: number;
}

export interface SegmentMetrics {
  /** Index of the alignment link (or paragraph) the metrics are for. */
  segment: number;
  hter: TerBreakdown;
  /** chrF2, 0..100. */
  chrf: number;
  /** Milliseconds of active editing inside this segment. */
  editingMs: number;
}

/**
 * The check engine's plug-in interface. Two kinds of checks implement it:
 *  - rule packs (JSON data under main/core/checks/packs/, run by the pack interpreter), and
 *  - code checks (QA checks such as numbers, brackets, spelling under main/core/checks/qa/).
 * The engine (main/core/checks/engine.ts) aligns the texts, runs every enabled check that applies to
 * the language pair, applies the project's overrides (off, re-graded) and ignores, and returns Findings.
 */
import type { DocumentAlignment, Finding, Fix, Message, MqmCategory, TextQuote } from '../../contract/review.js';

export type CheckSeverity = Finding['severity'];

/** One aligned segment as a check sees it: the texts of its sentences and where they start. */
export interface SegmentView {
  /** Index of the link in DocumentAlignment.links. */
  index: number;
  /** Source sentences joined by one space; '' for a 0–1 link. */
  source: string;
  /** Target text of the link: the document text from its first sentence's start to its last's end; '' for 1–0. */
  target: string;
  /** Offset of `target` in the target document (findings are reported in document offsets). */
  targetStart: number;
  /** Offset of the first source sentence in the source document. */
  sourceStart: number;
  /** True for the first segment of the document (datelines, glued metadata). */
  first: boolean;
}

export interface GlossaryEntry {
  source: string;
  target: string;
  /** Optional: other accepted target terms. */
  alternatives?: string[];
  caseSensitive?: boolean;
}

/** What the project knows beyond one article. */
export interface ProjectCheckData {
  glossary: GlossaryEntry[];
  /** Words the project accepts as correctly spelled (the project word list). */
  wordList: string[];
  /**
   * Other translations of the same source sentence elsewhere in the project (consistency check):
   * key = normalised source sentence, value = the distinct target sentences with an article id.
   */
  translations?: ReadonlyMap<string, readonly { articleId: string; target: string }[]>;
}

export interface CheckContext {
  sourceLang: string;
  targetLang: string;
  /** NFC text with "\n" line endings. */
  source: string;
  target: string;
  alignment: DocumentAlignment;
  segments: readonly SegmentView[];
  /** The article's date when it carries one (dateline "date 2023-12-20" or a date in its first line). */
  documentDate?: { year: number; month: number; day: number };
  project: ProjectCheckData;
  articleId?: string;
  /** The project's check settings (a check with limits reads its `options`). */
  settings?: CheckSettings;
  /** Subtitle articles: each translation cue's time on screen, in cue order (the target text's segments). */
  cueTimings?: readonly { startMs: number; endMs: number }[];
  /**
   * Set by the editor's incremental session (CheckSession), a `performance.now()` time: past it, a check
   * may leave optional slow work unfinished (spelling suggestions) and mark those findings `incomplete`.
   * Unset (runChecks, reports, `calque check`): every finding is complete.
   */
  deadline?: number;
}

/** A finding as a check reports it; the engine fills category/severity (after overrides), side and text. */
export interface RawFinding {
  start: number;
  end: number;
  /** Defaults to 'target'. */
  side?: 'target' | 'source';
  message: Message;
  fixes?: Fix[];
  /** Only when one rule reports findings of different weight (e.g. a changed number is major, a missing space minor). */
  severity?: CheckSeverity;
  /**
   * The finding stands but its fixes are not final (their computation ran past `CheckContext.deadline`).
   * The session does not cache the check's result for this segment: it re-runs that check on the next
   * update until every finding is complete. Not part of the Finding the editor sees.
   */
  incomplete?: boolean;
}

export interface CheckDefinition {
  /** e.g. "en.stacked-prepositions", "pt-en.false-friends", "qa.numbers". */
  id: string;
  category: MqmCategory;
  severity: CheckSeverity;
  /** Primary language subtags the check applies to; omitted = any language. */
  sourceLangs?: readonly string[];
  targetLangs?: readonly string[];
  /**
   * 'segment' checks run per aligned segment and are cached by the segment's texts (re-run only where the
   * text changed while typing); 'document' checks see the whole context and must be cheap.
   */
  scope: 'segment' | 'document';
  /** One line in English for reports (SARIF rule descriptions); the finding's message is the localized text. */
  description?: string;
  run(ctx: CheckContext, segment?: SegmentView): RawFinding[];
  /**
   * For a segment check whose answer for one segment also depends on the rest of the document: a key
   * of what it reads there. The editor's session re-checks every segment when the key changes.
   */
  documentKey?(ctx: CheckContext): string;
}

/** The project's overrides (project.json `checks`), applied by the engine. */
export interface CheckSettings {
  /** Rule ids switched off. */
  disabled?: string[];
  /** Rule id → severity. */
  severity?: Record<string, CheckSeverity>;
  /** Rule id → its numeric limits (project.json `checks.options`), e.g. the subtitle reading speed. */
  options?: Record<string, Record<string, number>>;
}

/**
 * "Ignore here": one finding the editor dismissed, re-found by rule and span text (and, when given, the
 * text around it), so it stays ignored while the article is edited elsewhere. A rule ignored for the
 * whole project is `CheckSettings.disabled` instead.
 */
export interface Ignore {
  rule: string;
  text: string;
  /** The span with a little context; when present, the ignore applies only where prefix and suffix still surround it. */
  context?: TextQuote;
}

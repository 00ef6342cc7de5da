/**
 * The one API the renderer sees. Implemented in main/core (CalqueService), exposed by
 * main/electron + main/preload over IPC and by main/serve over HTTP, called directly by main/cli.
 * This folder imports nothing outside itself, so every other folder may import it (the renderer with `import type`
 * only, except for the plain value tables below).
 */
import type { AlignmentLink, Annotation, DocumentAlignment, Finding, FindingSeverity, Sentence } from './review.js';

/** Article id: the article's path relative to the project root without language tag, e.g. "news/story.txt". */
export type ArticleId = string;

export type ReviewStatus = 'not-started' | 'in-review' | 'done';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['not-started', 'in-review', 'done'];

/**
 * A segment's review state (issue 11). "edited" is never stored: it is what a segment whose text differs
 * from the baseline is, unless a mark given to that very text says otherwise (main/common/segments/states.ts).
 */
export type SegmentReviewState = 'not-reviewed' | 'edited' | 'confirmed' | 'rejected';
export const SEGMENT_REVIEW_STATES: readonly SegmentReviewState[] = ['not-reviewed', 'edited', 'confirmed', 'rejected'];
/** The states a reviewer sets; "not-reviewed" takes a mark back (over a file's own "final", too). */
export type SegmentMarkState = Exclude<SegmentReviewState, 'edited'>;
export const SEGMENT_MARK_STATES: readonly SegmentMarkState[] = ['not-reviewed', 'confirmed', 'rejected'];

/** A reviewer's mark as stored with the review: it holds while the segment's text has this hash. */
export interface SegmentMark {
  state: SegmentMarkState;
  textHash: string;
}

/** One segment of the article as the review view shows it. Ranges are [start, end) offsets. */
export interface ArticleSegment {
  /** The document segment id (main/contract/document.ts). */
  id: string;
  /** In source.text, target.text and baseline; absent when that side has no such segment. */
  source?: [number, number];
  target?: [number, number];
  baseline?: [number, number];
  /** Derived from the text on disk; the view derives it again from the editor's text. */
  state: SegmentReviewState;
  /** Edits are refused: locked by the reviewer, or by the file's own tool. */
  locked: boolean;
  mark?: SegmentMark;
  /** The file's own state reads as confirmed (XLIFF "final"/"reviewed"). */
  confirmedInFile?: boolean;
}

/** Segments per state, computed once (main/common/segments/states.ts) for the view, list, report and CLI. */
export type SegmentCounts = Record<SegmentReviewState, number> & { locked: number; total: number };

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
export type LineEnding = '\n' | '\r\n' | '\r';

export interface LanguagePair {
  /** BCP 47 tag of the source language, e.g. "pt-BR". */
  source: string;
  /** BCP 47 tag of the translation's language, e.g. "en". */
  target: string;
}

export interface ArticleSummary {
  id: ArticleId;
  /** Paths relative to the project root, with forward slashes. */
  sourcePath: string;
  targetPath: string;
  sourceLang: string;
  targetLang: string;
  status: ReviewStatus;
  /** Words inserted + deleted + replaced against the baseline (0 before the first open). */
  wordsChanged: number;
  /** wordsChanged / words of the baseline, 0..1 (can exceed 1 after heavy rewriting; capped at 1). */
  editRate: number;
  /** Words of the current translation. */
  words: number;
  /**
   * The article's HTER (0..1) and chrF (0..100) of the translation on disk against the baseline, as the
   * metrics bar and the report compute them (main/common/metrics/article.ts); absent before the first open.
   */
  hter?: number;
  chrf?: number;
  /** Tag accuracy of the translation on disk, when the article has inline tags. */
  tagAccuracy?: TagAccuracy;
  /** Set when the article cannot be read; the row is shown as an error with this reason. */
  error?: ErrorInfo;
  /** Segments per review state of the translation on disk (absent when it cannot be read). */
  segmentCounts?: SegmentCounts;
  /** The status was set by hand, so it no longer follows the segments. */
  statusByHand?: boolean;
  /** Check findings by severity, as of the last check of the current text (absent until checked). */
  problems?: ProblemCounts;
  /** Number of annotations (orphaned included). */
  annotations?: number;
  /** The review file cannot be read (a git merge, a newer format): kept as it is, nothing written over it. */
  reviewError?: ErrorInfo;
  /** The baseline was captured from the other file, before the direction changed: replace it explicitly. */
  baselineStale?: boolean;
}

export interface ProblemCounts {
  minor: number;
  major: number;
  critical: number;
}

export interface UnpairedFile {
  path: string;
  /** 'unreadable': a bilingual file of a known format that cannot be read (and so names no languages); see `error`. */
  reason: 'no-partner' | 'no-language' | 'language-not-in-project' | 'duplicate' | 'unreadable';
  error?: ErrorInfo;
}

export interface ProjectInfo {
  root: string;
  name: string;
  /** The language pairs of the project; empty when they still have to be chosen. */
  pairs: LanguagePair[];
  /** Pairs proposed from the file names when `pairs` is empty or does not cover all files. */
  proposedPairs: LanguagePair[];
  /** True when the languages could not be told from the files and the user must choose. */
  needsLanguages: boolean;
  /** Every language tag seen in the file names. */
  languagesSeen: string[];
  articles: ArticleSummary[];
  unpaired: UnpairedFile[];
  /** Files of formats Calque does not read (by extension), so none is left out silently; at most 500. */
  unsupported?: string[];
  /** Set when .calque/project.json cannot be used; the project opens with no languages until fixed. */
  configError?: ErrorInfo;
}

export interface TextSide {
  path: string;
  lang: string;
  /** Writing direction of the content language (Arabic and Hebrew are RTL). */
  dir: 'ltr' | 'rtl';
  /** NFC text with "\n" line endings: offsets are UTF-16 code units of this text. */
  text: string;
  /** The inline tags of this side's text (segmented formats), in text order; absent or empty when it has none. */
  tags?: TagSpan[];
}

/**
 * An inline tag where the editor shows it: its display text is `text.slice(start, end)` of its side.
 * Computed in one place from the document (main/core/formats/inline-tags.ts) for the view, the checks,
 * the diff and the metrics. Mirrors contract/document.ts InlineTag, without the opaque original markup.
 */
export interface TagSpan {
  /** [start, end) of the tag's display text in the side's text. */
  start: number;
  end: number;
  /** The document segment the tag belongs to; tags match between source and target by segment and id. */
  segment: string;
  id: string;
  kind: 'open' | 'close' | 'standalone';
  /** The other half of a pair, within the same segment side. */
  partner?: string;
  type: string;
  display: string;
  /** XLIFF 2 permissions; absent means allowed. */
  canCopy?: boolean;
  canDelete?: boolean;
  canReorder?: boolean;
}

export interface FileFormatInfo {
  encoding: TextEncodingName;
  lineEnding: LineEnding;
  finalNewline: boolean;
}

/** A note or comment the file carries for a unit (XLIFF `<note>`, Trados comments), shown to the editor. */
export interface UnitNote {
  unit: string;
  /** The unit's first segment, and where it starts in target.text as the file was read. */
  segment: string;
  offset: number;
  text: string;
}

export interface ArticleView {
  id: ArticleId;
  source: TextSide;
  target: TextSide & { format: FileFormatInfo };
  /** The machine translation as first opened (the diff baseline), same normalisation as target.text. */
  baseline: string;
  /** The inline tags of the baseline text (as `target.tags` are of the translation). */
  baselineTags?: TagSpan[];
  status: ReviewStatus;
  /** Opaque token of the translation file's content on disk; saving checks it (lost-update guard). */
  revision: string;
  stats: DiffStats;
  /** As in ArticleSummary. */
  reviewError?: ErrorInfo;
  baselineStale?: boolean;
  /** Active editing time stored with the review, milliseconds (the metrics bar adds what is typed now). */
  editingMs: number;
  /** Notes of the file's units (bilingual formats that carry them), in document order. */
  notes?: UnitNote[];
  /** The article's segments in order (their number is their index + 1), with states and locks. */
  segments: ArticleSegment[];
  /** The status was set by hand, so it no longer follows the segments. */
  statusByHand?: boolean;
}

/** What setting segment states or locks changed. */
export interface SegmentUpdate {
  /** The changed segments' marks and locks, by id (a mark of null was taken back). */
  segments: { id: string; mark: SegmentMark | null; locked: boolean }[];
  status: ReviewStatus;
  statusByHand: boolean;
}

export interface DiffStats {
  inserted: number;
  deleted: number;
  replaced: number;
  /** inserted + deleted + replaced */
  changed: number;
  baselineWords: number;
  words: number;
  editRate: number;
}

export interface SaveResult {
  revision: string;
  stats: DiffStats;
  /** The translation was saved but its review (status, edit counts) was not, and why. */
  reviewError?: ErrorInfo;
}

/**
 * What an export writes: each article in its own format; the Word original with the review as
 * tracked changes and comments (Word articles only); or a bilingual review table as Word.
 */
export type ExportKind = 'own' | 'docx-tracked' | 'bilingual-docx';
export const EXPORT_KINDS: readonly ExportKind[] = ['own', 'docx-tracked', 'bilingual-docx'];

export interface ExportResult {
  fileName: string;
  /** Bytes of the exported file (base64) when the host hands them to the renderer (browser download). */
  dataBase64?: string;
  /** Where the host wrote the file itself (desktop save dialog). */
  savedPath?: string;
  cancelled?: boolean;
}

export interface JobStarted {
  jobId: string;
}

export interface HostInfo {
  kind: 'electron' | 'browser' | 'cli';
  /** Whether the host can show native folder pickers (desktop). */
  nativeDialogs: boolean;
  /** Whether reports can be exported as PDF (desktop: Electron's printToPDF). */
  pdfReports: boolean;
  /** Default destination for "Export all". */
  defaultExportDir: string;
  version: string;
}

/** What the checks found in an article's current text, and the sentence alignment they used. */
export interface ArticleChecks {
  alignment: DocumentAlignment;
  findings: Finding[];
  /** Findings hidden by "ignore here" or by rules switched off for the project. */
  ignored: number;
  /** The article's date when it carries one (used by the date-style fixes), ISO yyyy-mm-dd. */
  documentDate?: string;
  /** Some fixes (spelling suggestions) are still being worked out: ask again, with the same text, for them. */
  pending?: boolean;
  /** How well the checked text kept the source's inline tags (main/common/metrics/tag-accuracy.ts); absent without tags. */
  tagAccuracy?: TagAccuracy;
  /** Names the checked text, for the next request's `edit.base` (absent when the text was the one on disk). */
  textKey?: string;
}

/** A run of the held list, [first index, count], or a new item. */
export type Pieces<T> = (T | [from: number, count: number])[];

/** How the held answer's items move with the edit from its text to the new one (old offsets and indices). */
export interface Shift {
  /** Translation offsets at or after this one move by `by`. */
  at: number;
  by: number;
  /** Target sentences starting at or after `at` move by this many paragraphs. */
  paragraphs: number;
  /** Links' target sentence indices at or after this one move by `sentences`. */
  sentenceAt: number;
  sentences: number;
}

export interface ChecksDelta {
  /** The `textKey` of the answer these pieces change. */
  base: string;
  shift: Shift;
  findings: Pieces<Finding>;
  source: Pieces<Sentence>;
  target: Pieces<Sentence>;
  links: Pieces<AlignmentLink>;
}

/** A check answer as the change from the answer the page holds (main/common/checks-delta.ts). */
export interface ArticleChecksChanges extends Omit<ArticleChecks, 'findings' | 'alignment'> {
  delta: ChecksDelta;
}

/** Tag accuracy: of the source's inline tags (plus the translation's extra ones), how many came through right. */
export interface TagAccuracy {
  /** Source tags present in their segment of the translation, paired and in order. */
  correct: number;
  /** Source tags plus the translation's extra tags. */
  total: number;
  /** correct / total, 0..1. */
  accuracy: number;
}

/** The project's check settings (project.json `checks`). */
export interface CheckSettingsInfo {
  /** Every rule that applies to the project's language pairs, with its default and effective grading. */
  rules: { id: string; category: string; defaultSeverity: FindingSeverity; severity: FindingSeverity; enabled: boolean }[];
}

export interface AnnotationsView {
  /** Stable order (side, start, end, created, id), re-anchored against the current text. */
  annotations: Annotation[];
  /** Lines of the annotations file that could not be read; kept in the file, never dropped. */
  invalidLines: number;
}

/** A project search (find and replace, concordance). */
export interface ProjectSearch {
  pattern: string;
  /** A regular expression (JavaScript syntax, Unicode); plain text otherwise. */
  regex?: boolean;
  caseSensitive?: boolean;
  /** Whole words only (letters and digits of any script). */
  wholeWord?: boolean;
  side: 'source' | 'target';
  /** With a replacement, each translation match carries what it would become (regex groups expanded). */
  replacement?: string;
  /** Concordance: each source match also carries the translation's sentences aligned with its sentence. */
  concordance?: boolean;
}

export interface SearchMatch {
  article: ArticleId;
  side: 'source' | 'target';
  /** [start, end) in the side's text on disk, as of `revision`. */
  start: number;
  end: number;
  text: string;
  /** A little text either side, for the preview. */
  before: string;
  after: string;
  /** Segment (paragraph) number, 1-based, as in the gutter. */
  segment: number;
  /** The translation file's revision the offsets are of. */
  revision: string;
  /** What the match becomes (null: the pattern does not match there on its own). */
  replacement?: string | null;
  /** Concordance: the aligned translation. */
  aligned?: string;
}

export interface SearchResult {
  matches: SearchMatch[];
  /** Articles searched. */
  articles: number;
  /** More matches than a result holds: narrow the search. */
  truncated: boolean;
}

export interface ReplaceResult {
  replaced: number;
  articles: { id: ArticleId; replaced: number; revision: string }[];
  /** Articles changed by someone else since: left alone. */
  conflicts: ArticleId[];
  /** Matches no longer there (the text changed since the search): skipped. */
  stale: number;
  /** Undoes the saves of this replacement, one article at a time (undoProjectEdit). */
  undoId?: string;
}

/** Findings of one rule on one text across the project ("the same false alarm 63 times"), as the list counts them. */
export interface ProjectProblemGroup {
  rule: string;
  /** The words the findings are about. */
  text: string;
  category: string;
  /** The gravest severity among them. */
  severity: Exclude<FindingSeverity, 'hint'>;
  /** Per article: its problems of the group (as counted in the article list) and how many have a fix. */
  articles: { id: ArticleId; count: number; fixable: number }[];
}

export interface ProjectProblems {
  groups: ProjectProblemGroup[];
  /** Articles checked (unreadable ones are left out: their rows show why). */
  articles: number;
}

export interface ProjectFixResult {
  /** Fixes applied in all. */
  fixed: number;
  articles: { id: ArticleId; fixed: number; revision: string }[];
  /** Articles changed by someone else while they were fixed: left alone. */
  conflicts: ArticleId[];
  /** Undoes the whole fix, one article at a time (undoProjectEdit). */
  undoId?: string;
}

/** An undone project edit: articles put back as they were, and those changed since (left alone). */
export interface ProjectEditUndone {
  restored: { id: ArticleId; revision: string }[];
  conflicts: ArticleId[];
}

/** 'qa-csv': the checks' findings with their ignore decisions, as Xbench's QA report lists them. 'pdf' only where the host can print (the desktop app: HostInfo.pdfReports). */
export type ReportFormat = 'html' | 'csv' | 'json' | 'pdf' | 'qa-csv';

/** The project's MQM scoring profile (project.json `scoring`); the defaults are Google's WMT weights. */
export interface ScoringProfileInfo {
  /** The most specific matching rule wins: a category prefix (by whole levels) over none, then one naming a severity. */
  weights: { severity?: string; category?: string; weight: number }[];
  /** Penalty per `per` words of the source or the translation (absent: raw penalty). */
  perWords?: { per: number; basis: 'source' | 'target' };
  /** An article passes when its (normalised) penalty is at most this. */
  threshold?: number;
}

/** A row of an MQM TSV that could not be used, with its 1-based line number. */
export interface TsvProblemInfo {
  line: number;
  reason: string;
}

export interface MqmImportResult {
  /** False when malformed rows stopped the import (nothing was written). */
  imported: boolean;
  articles: number;
  annotations: number;
  /** Malformed rows: the reason nothing was imported, or the rows skipped when the user chose to. */
  problems: TsvProblemInfo[];
}

export interface CalqueApi {
  /** What hosts this UI and what it can do. */
  hostInfo(req: Record<string, never>): Promise<HostInfo>;
  /**
   * Open a project folder and return it scanned. `root` omitted: the current project (rescanned), or,
   * with `choose: true`, a folder the user picks in a native dialog (desktop only).
   */
  openProject(req: { root?: string; choose?: boolean }): Promise<ProjectInfo>;
  /** Recently opened project folders, newest first (desktop; empty in the browser). */
  recentProjects(req: Record<string, never>): Promise<string[]>;
  /**
   * Set the project's language pairs (written to .calque/project.json) and rescan: the answer to the
   * direction question, or a direction changed in the project settings. Over a project.json that
   * cannot be read, the old file is kept as project.json.broken-<time>.
   */
  setLanguages(req: { pairs: LanguagePair[] }): Promise<ProjectInfo>;
  /** Open an article: captures the baseline on first open. Refused (languagesUnconfirmed) while the direction is a guess. */
  getArticle(req: { id: ArticleId }): Promise<ArticleView>;
  /**
   * Save the translation in place (atomic, keeping encoding, line endings and final newline).
   * `expectedRevision` guards against overwriting a change made on disk since it was read; pass
   * `force: true` to overwrite it anyway (the user chose "keep mine").
   */
  saveArticle(req: { id: ArticleId; text: string; expectedRevision: string; force?: boolean }): Promise<SaveResult>;
  /** Read the translation as it is on disk now (to compare with unsaved edits). */
  readDisk(req: { id: ArticleId }): Promise<{ text: string; revision: string }>;
  /** Set the status by hand: from then on it no longer follows the segments (`byHand: false` gives it back to them). */
  setStatus(req: { id: ArticleId; status: ReviewStatus; byHand?: boolean }): Promise<ArticleSummary>;
  /**
   * Mark segments confirmed, rejected or not reviewed, and/or lock or unlock them. Each segment comes
   * with the editor's text of it, which the mark is given to (it holds while the text stays so). A
   * locked segment refuses a state change unless it is unlocked in the same call.
   */
  setSegmentState(req: { id: ArticleId; segments: { id: string; text: string }[]; state?: SegmentMarkState; locked?: boolean }): Promise<SegmentUpdate>;
  /** Export the corrected text of one article. */
  exportArticle(req: { id: ArticleId; as?: ExportKind }): Promise<ExportResult>;
  /**
   * Export every article's translation to a folder, same relative names. `outDir` omitted: the host
   * asks (desktop dialog). Progress and the end arrive as `job` events; cancel with cancelJob.
   * Existing files are never replaced unless `overwrite`: without it, when some would be, nothing is
   * written and `wouldReplace` lists them (relative names; `jobId` is '') so the user can be asked.
   */
  exportAll(req: { outDir?: string; overwrite?: boolean; as?: ExportKind }): Promise<JobStarted & { outDir: string; cancelled?: boolean; wouldReplace?: string[] }>;
  cancelJob(req: { jobId: string }): Promise<{ cancelled: boolean }>;
  /** The UI language the user chose, so the host localizes what it shows itself (native menus, dialogs). */
  setUiLanguage(req: { lng: string }): Promise<{ lng: string }>;
  /**
   * Align and check the article. `text` is the editor's current text (unsaved edits included); omitted,
   * the text on disk. Incremental: while typing, only the changed segments are checked again.
   */
  /**
   * Check `text` (default: the translation on disk), or `edit`: the text of an earlier answer's `textKey`
   * with one edit applied (a pause in typing changes a few words of a 1.4 MB book). An edit of a text the
   * host no longer holds is refused with `invalidRequest`: send the whole text then.
   */
  checkArticle(req: { id: ArticleId; text?: string; edit?: { base: string; start: number; end: number; text: string } }): Promise<ArticleChecks>;
  /**
   * checkArticle for a page that holds an earlier answer (`known`: its `textKey`): when the host still
   * keeps that answer, the findings and alignment come as the change from it (a book's full answer is
   * about 6.5 MB; a pause in typing changes a few items of it), else in full.
   */
  checkArticleChanges(req: { id: ArticleId; text?: string; edit?: { base: string; start: number; end: number; text: string }; known?: string }): Promise<ArticleChecks | ArticleChecksChanges>;
  /** "Ignore here" (kept with the article's review) or "ignore this rule in the project" (project.json). */
  ignoreFinding(req: { id: ArticleId; rule: string; text: string; scope: 'here' | 'project' }): Promise<{ ok: true }>;
  /**
   * Ignore several findings in one write: "ignore all" of a group of the problems panel, kept with the
   * article's review (`here`), or for every article of the project (`everywhere`: this rule for this
   * text, in project.json `checks.ignores`; the article list's counts are counted again).
   */
  ignoreFindings(req: { id: ArticleId; items: { rule: string; text: string }[]; scope: 'here' | 'everywhere' }): Promise<{ ok: true; added: number }>;
  /** The project's rules with their grading; switch rules off or re-grade them. */
  checkSettings(req: Record<string, never>): Promise<CheckSettingsInfo>;
  updateCheckSettings(req: { rule: string; enabled?: boolean; severity?: FindingSeverity | null }): Promise<CheckSettingsInfo>;
  /** The article's annotations, re-anchored against `text` (the editor's) or the text on disk. */
  getAnnotations(req: { id: ArticleId; text?: string }): Promise<AnnotationsView>;
  /**
   * Save the article's annotations (.calque/annotations/<article>.jsonl). `base`: the ids this editor
   * last read or saved; then what another tab or process added meanwhile is merged in, never dropped,
   * and only the annotations this editor removed are deleted. Returns the ids now in the file (the next base).
   */
  saveAnnotations(req: { id: ArticleId; annotations: Annotation[]; base?: string[] }): Promise<{ count: number; ids: string[] }>;
  /** Start a new review over a review file that cannot be read (it is kept as a backup first). */
  resetReview(req: { id: ArticleId }): Promise<ArticleSummary>;
  /** Take each article's current translation as its baseline (after a direction change); the old ones are kept as backups. */
  replaceBaselines(req: { ids: ArticleId[] }): Promise<{ replaced: ArticleId[]; backups: string[] }>;
  /** Add active editing time (milliseconds per segment key, see LiveSegment.key) to the article's review. */
  recordEditingTime(req: { id: ArticleId; segments: Record<string, number> }): Promise<{ totalMs: number }>;
  /** Accept a word in this project's spelling (project.json `wordList`). */
  addToWordList(req: { word: string }): Promise<{ wordList: string[] }>;
  scoringProfile(req: Record<string, never>): Promise<ScoringProfileInfo>;
  /** Replace the project's scoring profile; `reset: true` goes back to the WMT defaults. */
  updateScoringProfile(req: { profile?: ScoringProfileInfo; reset?: boolean }): Promise<ScoringProfileInfo>;
  /**
   * Import Google's WMT MQM TSV into the project: one article pair per (system, doc), the rated errors
   * as annotations. All or nothing, unless `skipMalformed`. Never overwrites a file.
   */
  importMqm(req: { content: string; from: string; to: string; skipMalformed?: boolean }): Promise<MqmImportResult>;
  /**
   * Search every article's source or translation (plain text or a regular expression, checked first:
   * a bad one is `invalidPattern`). A job: progress as `job` events, cancel with cancelJob, then
   * `searchResult` once it finished. A pattern too slow to finish in time fails with `patternTooSlow`.
   */
  searchProject(req: ProjectSearch): Promise<JobStarted>;
  searchResult(req: { jobId: string }): Promise<SearchResult>;
  /**
   * Replace chosen translation matches: one save per article (lock, revision guard); matches no longer
   * there are skipped, files changed meanwhile are conflicts. An article open in an editor is changed
   * through its model by the renderer instead, so it stays one undoable edit there.
   */
  replaceInProject(req: { query: Omit<ProjectSearch, 'side' | 'replacement' | 'concordance'>; replacement: string; matches: { article: ArticleId; start: number; end: number; text: string }[] }): Promise<ReplaceResult>;
  /**
   * Undo a replacement (or a project "fix all") the host saved: each article gets its text back unless
   * it changed since (a conflict, left alone). Editors that have the article open reload it.
   */
  undoProjectEdit(req: { undoId: string }): Promise<ProjectEditUndone>;
  /**
   * Every article's problems grouped by rule and words, from the same check run as the article list's
   * counts (they are stored as it goes, so the list and the groups agree).
   */
  projectProblems(req: Record<string, never>): Promise<ProjectProblems>;
  /** The same as a job (the dialog): progress as `job` events, cancel with cancelJob, then `projectProblemsResult`. */
  startProjectProblems(req: Record<string, never>): Promise<JobStarted>;
  projectProblemsResult(req: { jobId: string }): Promise<ProjectProblems>;
  /** "Fix all" of groups across the project: each article's fixes are one save and one undo entry. */
  fixProjectProblems(req: { groups: { rule: string; text: string }[] }): Promise<ProjectFixResult>;
  /** The project's annotations as a WMT MQM TSV (Google's MQM Viewer reads it). */
  exportMqm(req: Record<string, never>): Promise<ExportResult>;
  /** A review report of one article (`id`) or of the whole project, in the UI language `lng`. */
  exportReport(req: { id?: ArticleId; format: ReportFormat; lng: string }): Promise<ExportResult>;
}

/** Every method, once: a missing or extra key is a type error, so hosts can loop over it. */
const methods: { readonly [K in keyof CalqueApi]: true } = {
  hostInfo: true,
  openProject: true,
  recentProjects: true,
  setLanguages: true,
  getArticle: true,
  saveArticle: true,
  readDisk: true,
  setStatus: true,
  setSegmentState: true,
  exportArticle: true,
  exportAll: true,
  cancelJob: true,
  setUiLanguage: true,
  checkArticle: true,
  checkArticleChanges: true,
  ignoreFinding: true,
  ignoreFindings: true,
  checkSettings: true,
  updateCheckSettings: true,
  getAnnotations: true,
  saveAnnotations: true,
  resetReview: true,
  replaceBaselines: true,
  recordEditingTime: true,
  exportReport: true,
  addToWordList: true,
  scoringProfile: true,
  updateScoringProfile: true,
  importMqm: true,
  exportMqm: true,
  searchProject: true,
  searchResult: true,
  replaceInProject: true,
  undoProjectEdit: true,
  projectProblems: true,
  startProjectProblems: true,
  projectProblemsResult: true,
  fixProjectProblems: true,
};
export const API_METHODS = Object.keys(methods) as (keyof CalqueApi)[];
export type ApiMethod = keyof CalqueApi;
export type ApiRequest<M extends ApiMethod> = Parameters<CalqueApi[M]>[0];
export type ApiResponse<M extends ApiMethod> = Awaited<ReturnType<CalqueApi[M]>>;

/** Main → renderer events. */
export interface CalqueEvents {
  /**
   * The translation file of an article changed on disk: by another program, or by the host for the
   * whole project (`byProject`: a project replace, fix all, or their undo), not by the editor's own save.
   */
  articleChangedOnDisk: { id: ArticleId; revision: string; deleted: boolean; byProject?: boolean };
  /** Progress of a long job (export all, project search, project problems). */
  job: { jobId: string; done: number; total: number; state: 'running' | 'finished' | 'cancelled' | 'failed'; error?: ErrorInfo };
  /** A native menu command (desktop): open folder, save, export, settings… */
  menu: { command: MenuCommand };
  /** An article's list row changed (its problems were counted in the background). */
  articleUpdated: { summary: ArticleSummary };
}
export type MenuCommand = 'save' | 'export' | 'exportAll' | 'openFolder' | 'settings' | 'changes' | 'review' | 'report' | 'projectSettings' | 'importMqm';
const events: { readonly [K in keyof CalqueEvents]: true } = { articleChangedOnDisk: true, job: true, menu: true, articleUpdated: true };
export const EVENT_NAMES = Object.keys(events) as (keyof CalqueEvents)[];
export type EventName = keyof CalqueEvents;

/** An error as it crosses the boundary: a code the renderer localizes and its parameters. */
export interface ErrorInfo {
  code: ErrorCode;
  params?: Record<string, string | number>;
}

export const ERROR_CODES = [
  'folderNotFound',
  'folderUnreadable',
  'notAFolder',
  'fileNotFound',
  'fileUnreadable',
  'binaryFile',
  'invalidEncoding',
  'tableColumnsMissing',
  'segmentsChanged',
  'zipInvalid',
  'zipTooLarge',
  'docxInvalid',
  'exportNeedsDocx',
  'noDocxArticles',
  'unknownSegment',
  'poSyntax',
  'subtitleSyntax',
  'fileTooLarge',
  'readOnlyFile',
  'diskFull',
  'writeFailed',
  'projectConfigInvalid',
  'pathOutsideProject',
  'unknownArticle',
  'unknownJob',
  'undoUnavailable',
  'conflict',
  'fileLocked',
  'symlinkRefused',
  'languagesUnconfirmed',
  'reviewUnreadable',
  'reviewMergeConflict',
  'reviewNewerVersion',
  'projectConfigMergeConflict',
  'annotationsMergeConflict',
  'exportIntoProject',
  'exportDirNotGranted',
  'exportWouldOverwrite',
  'requestTooLarge',
  'glossaryTooLarge',
  'glossaryTooDeep',
  'glossaryTooManyEntries',
  'xmlInvalid',
  'xmlDoctype',
  'xmlEntity',
  'xmlTooDeep',
  'xliffNotXliff',
  'xliffVersionUnknown',
  'xliffMissingSource',
  'xliffTagsUnpaired',
  'segmentLocked',
  'invalidRequest',
  'noProject',
  'unauthorized',
  'cancelled',
  'invalidPattern',
  'patternTooSlow',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error object hosts throw and transports carry; `message` is English, for logs only. */
export class CalqueError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  constructor(code: ErrorCode, params: Record<string, string | number> = {}, message?: string) {
    super(message ?? `${code}${Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}`);
    this.name = 'CalqueError';
    this.code = code;
    this.params = params;
  }
  toInfo(): ErrorInfo {
    return { code: this.code, params: this.params };
  }
}

export function isErrorInfo(value: unknown): value is ErrorInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as { code: string }).code)
  );
}

/** Largest translation file Calque opens; larger ones get `fileTooLarge` rather than freezing the UI. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

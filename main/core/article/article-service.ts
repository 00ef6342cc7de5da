import { FiguresMemo, type FiguresFn } from './article-figures.js';
import { CalqueError, type ExportKind, type ArticleSummary, type ArticleView, type ErrorInfo, type ReviewStatus, type SaveResult, type SegmentUpdate, type TagSpan, type UnitNote } from '../../contract/api.js';
import type { Document } from '../../contract/document.js';
import { articleFigures } from '../../common/metrics/article.js';
import { StatsMemo, type StatsFn } from './article-stats.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { tempDirOf } from '../platform/calque-folder.js';
import type { DiskWatcher } from '../platform/watcher.js';
import { directionOf } from '../project/languages.js';
import type { PairedArticle } from '../project/pairing.js';
import type { ProjectSession } from '../project/session.js';
import { readSide, revisionOf } from '../text/read-text-file.js';
import type { AnnotationStore } from './annotation-store.js';
import { assertUnchanged, deliveredBytes, decodeBaseline, encodeArticleFile, readArticleFile, type ArticleFile } from './article-files.js';
import type { BaselineStore } from './baseline-store.js';
import { addEditingTime, type ReviewRecord, type ReviewStore } from './review-store.js';
import { canDeliver, deliverableBytes, deliverableName } from '../formats/docx/deliverables.js';
import type { Annotation } from '../../contract/review.js';
import { editingBySegment, migrateArticleState, upgradeReview } from './segment-migration.js';
import { withStableIds } from './paragraph-ids.js';
import { articleSegments, fileStatesFromReview, followedStatus, lockedSegmentChanged, segmentCounts, setSegmentStates, type SegmentStateRequest } from './segment-states.js';

/** The author of tracked changes and comments when project.json names no reviewer. */
export const DEFAULT_REVIEWER = 'Calque reviewer';
import { articleTags, tagSpans, withPartnerTags } from '../formats/inline-tags.js';
import { tagAccuracy } from '../../common/metrics/tag-accuracy.js';
import { tagSpansOfText } from '../formats/document-text.js';
import type { Side } from '../../contract/document.js';

export interface ArticleServiceDeps {
  session: ProjectSession;
  reviews: ReviewStore;
  baselines: BaselineStore;
  annotations: AnnotationStore;
  watcher: DiskWatcher;
  /** HTER and chrF of a translation against its baseline (default: worked out in this thread). */
  figures?: FiguresFn;
  /** Word-diff stats of a translation against its baseline (default: worked out in this thread). */
  stats?: StatsFn;
}

/**
 * One article's files: load (capturing the baseline once the direction is confirmed), save (compare
 * and write under the article's lock, so exactly one save of a revision wins, across processes),
 * conflicts, status, and the baseline's replacement after a direction change.
 */
export class ArticleService {
  private readonly figures: FiguresMemo;
  private readonly stats: StatsMemo;

  constructor(private readonly deps: ArticleServiceDeps) {
    this.figures = new FiguresMemo(deps.figures);
    this.stats = new StatsMemo(deps.stats);
  }

  /** Segment marks and locks (segment-states.ts), on the article's files as they are on disk now. */
  readonly segmentStates = {
    set: async (req: SegmentStateRequest): Promise<SegmentUpdate> => {
      const a = this.session.article(req.id);
      this.requireConfirmedLanguages();
      const source = await this.readSource(a);
      const target = await this.readTarget(a);
      const baselineBytes = (await this.deps.baselines.read(a.id)) ?? target.bytes;
      const baseline = decodeBaseline(a.targetPath, a.id, baselineBytes).doc;
      return setSegmentStates(this.deps.reviews, { source: source.doc, target: withStableIds(baseline, target.doc, a.targetLang), baseline }, { ...req, id: a.id });
    },
  };

  private get session(): ProjectSession {
    return this.deps.session;
  }

  readSource(a: PairedArticle): Promise<ArticleFile> {
    return readArticleFile(this.session.root, this.session.abs(a.sourcePath), a.sourcePath, 'source');
  }

  readTarget(a: PairedArticle): Promise<ArticleFile> {
    return readArticleFile(this.session.root, this.session.abs(a.targetPath), a.targetPath, 'target');
  }

  /** The translation's document with stable paragraph ids against the baseline (paragraph-ids.ts). */
  async withStableIds(a: PairedArticle, target: Document): Promise<Document> {
    const bytes = await this.deps.baselines.read(a.id);
    return bytes ? withStableIds(decodeBaseline(a.targetPath, a.id, bytes).doc, target, a.targetLang) : target;
  }

  /** The baseline (the machine translation as first opened), or null before the article was first opened. */
  async baselineText(a: PairedArticle): Promise<string | null> {
    const bytes = await this.deps.baselines.read(a.id);
    return bytes ? decodeBaseline(a.targetPath, a.id, bytes).text : null;
  }

  async view(id: string): Promise<ArticleView> {
    const a = this.session.article(id);
    this.requireConfirmedLanguages();
    const source = await this.readSource(a);
    const target = await this.readTarget(a);
    const { bytes: baselineBytes, captured } = await this.deps.baselines.capture(a.id, target.bytes);
    const { record, problem } = await this.deps.reviews.inspect(a.id);
    if (captured && !problem) await this.deps.reviews.update(a.id, { baselineOf: { path: a.targetPath, lang: a.targetLang } }).catch(() => undefined);
    const { text: baseline, doc: baselineDoc } = decodeBaseline(a.targetPath, a.id, baselineBytes);
    const targetDoc = withStableIds(baselineDoc, target.doc, a.targetLang);
    // Best effort: a review or annotations file that cannot be upgraded now still reads as it is.
    if (!problem) await migrateArticleState(a.id, { reviews: this.deps.reviews, annotations: this.deps.annotations }, { source: source.doc, target: targetDoc, positional: target.doc, baseline: baselineDoc, targetLang: a.targetLang }).catch(() => undefined);
    const stats = await this.stats.get(a.id, baseline, target.text, a.targetLang, { baseline: tagSpans(baselineDoc, 'target'), current: tagSpans(target.doc, 'target') });
    this.deps.watcher.watch(a.id, this.session.abs(a.targetPath), target.revision);
    // Read again after the migration: a status set by hand before version 3 is now recorded as such.
    const review = problem ? record : await this.deps.reviews.read(a.id).catch(() => record);
    const segments = articleSegments({ source: source.doc, target: targetDoc, baseline: baselineDoc }, review);
    return {
      id: a.id,
      source: { path: a.sourcePath, lang: a.sourceLang, dir: directionOf(a.sourceLang), text: source.text, ...tagsOf(source.doc, 'source') },
      target: { path: a.targetPath, lang: a.targetLang, dir: directionOf(a.targetLang), text: target.text, format: target.format, ...tagsOf(target.doc, 'target') },
      baseline,
      ...withKey('baselineTags', tagSpans(baselineDoc, 'target')),
      status: review.status,
      revision: target.revision,
      stats,
      editingMs: Object.values(review.editingMs).reduce((n, ms) => n + ms, 0),
      segments,
      ...(review.statusByHand ? { statusByHand: true } : {}),
      ...(problem ? { reviewError: problem.toInfo() } : {}),
      ...(!captured && baselineIsStale(a, record, baselineBytes, source.bytes) ? { baselineStale: true } : {}),
      ...notesOf(target.doc),
    };
  }

  /**
   * Add active editing time (by sentence key, main/common/metrics/live.ts) under the review's lock, so
   * increments from several processes all land; the same time is kept by document segment id.
   */
  async recordEditingTime(id: string, add: Record<string, number>): Promise<{ totalMs: number }> {
    const a = this.session.article(id);
    const baselineBytes = await this.deps.baselines.read(a.id);
    const bySegment = baselineBytes ? editingBySegment(add, decodeBaseline(a.targetPath, a.id, baselineBytes).doc) : {};
    const saved = await this.deps.reviews.update(a.id, (r) => ({ editingMs: addEditingTime(r.editingMs, add), segments: addSegmentTime(r.segments, bySegment) }));
    return { totalMs: Object.values(saved.editingMs).reduce((x, y) => x + y, 0) };
  }

  async readDisk(id: string): Promise<{ text: string; revision: string }> {
    const f = await this.readTarget(this.session.article(id));
    return { text: f.text, revision: f.revision };
  }

  /**
   * Save under the article's lock: the revision check, the write and the identity check right before
   * the rename are one step for every process. The review is updated afterwards; when that fails the
   * result says so (`reviewError`): the translation is saved, its review is not.
   */
  async save(req: { id: string; text: string; expectedRevision: string; force?: boolean }): Promise<SaveResult> {
    const a = this.session.article(req.id);
    this.requireConfirmedLanguages();
    const abs = this.session.abs(a.targetPath);
    return this.session.locks.run(abs, async () => {
      let current: ArticleFile | null = null;
      try {
        current = await this.readTarget(a);
      } catch (err) {
        // A deleted file can be written again (the editor still has the text); other errors stop the save.
        if (!(err instanceof CalqueError && err.code === 'fileNotFound')) throw err;
        if (!req.force) throw new CalqueError('conflict', { id: a.id, reason: 'deleted' });
      }
      if (current && current.revision !== req.expectedRevision && !req.force) throw new CalqueError('conflict', { id: a.id, reason: 'changed' });
      const text = req.text.normalize('NFC');
      const { bytes: baselineBytes, captured } = await this.deps.baselines.capture(a.id, current?.bytes ?? new Uint8Array());
      const baseline = decodeBaseline(a.targetPath, a.id, baselineBytes);
      let revision = current?.revision ?? '';
      // A source tag the editor inserted is saved as that tag, from a separate source file too.
      const base = current ?? { doc: baseline.doc, bytes: baselineBytes };
      const sourceDoc = base.doc.bilingual ? null : await this.readSource(a).then((f) => f.doc, () => null);
      const doc = sourceDoc ? withPartnerTags(base.doc, sourceDoc) : base.doc;
      let written = current?.doc ?? baseline.doc;
      if (!current || current.text !== text) {
        const bytes = encodeArticleFile(a.targetPath, text, { doc, bytes: base.bytes });
        written = readSide(bytes, a.targetPath, 'target').doc;
        if (current) await this.refuseLockedEdits(a, withStableIds(baseline.doc, current.doc, a.targetLang), withStableIds(baseline.doc, written, a.targetLang));
        revision = revisionOf(bytes);
        this.deps.watcher.expect(a.id, revision);
        const read = current;
        await writeFileAtomic(abs, bytes, {
          tempDir: tempDirOf(this.session.root),
          beforeRename: req.force ? undefined : () => assertUnchanged(this.session.root, abs, a.id, read),
        });
      }
      // The file as written has the editor's text: its tags are the text's, without mapping the text again.
      const currentTags = written.text.target === text ? tagSpans(written, 'target') : tagSpansOfText(a.targetPath, doc, 'target', text);
      const tags = { baseline: tagSpans(baseline.doc, 'target'), current: currentTags };
      const stats = await this.stats.get(a.id, baseline.text, text, a.targetLang, tags);
      let reviewError: ErrorInfo | undefined;
      try {
        const source = await this.readSource(a).catch(() => null);
        await this.deps.reviews.update(a.id, (r) => ({
          stats,
          status: statusAfterSave(r, source ? segmentCounts(articleSegments({ source: source.doc, target: withStableIds(baseline.doc, written, a.targetLang), baseline: baseline.doc }, r)) : null),
          ...(captured ? { baselineOf: { path: a.targetPath, lang: a.targetLang } } : {}),
        }));
      } catch (err) {
        if (!(err instanceof CalqueError)) throw err;
        reviewError = err.toInfo();
      }
      return { revision, stats, ...(reviewError ? { reviewError } : {}) };
    });
  }

  /** The status set by hand (then it no longer follows the segments), or given back to them (`byHand: false`). */
  async setStatus(id: string, status: ReviewStatus, byHand = true): Promise<ArticleSummary> {
    const a = this.session.article(id);
    await this.deps.reviews.update(a.id, { status, statusByHand: byHand });
    return this.summarize(a);
  }

  /** A save may not change a locked segment's text (the editor refuses such edits too; this guards every client). */
  private async refuseLockedEdits(a: PairedArticle, current: Document, next: Document): Promise<void> {
    const review = await this.deps.reviews.read(a.id);
    const hasLocks = current.units.some((u) => u.segments.some((s) => s.locked)) || Object.values(review.segments).some((e) => e.locked);
    if (!hasLocks) return;
    const segments = articleSegments({ source: current, target: current, baseline: current }, review);
    const number = lockedSegmentChanged(segments, current, next);
    if (number) throw new CalqueError('segmentLocked', { segment: number });
  }

  /** The user asked for a new review over a file that cannot be read (the old one is kept as a backup). */
  async resetReview(id: string): Promise<ArticleSummary> {
    const a = this.session.article(id);
    await this.deps.reviews.replaceUnreadable(a.id);
    return this.summarize(a);
  }

  /**
   * Take the current translation as the baseline of each article (after a direction change made the
   * old one the other language's file). The old baselines are kept in `.calque/backups/baselines/`.
   */
  async replaceBaselines(ids: string[]): Promise<{ replaced: string[]; backups: string[] }> {
    this.requireConfirmedLanguages();
    const replaced: string[] = [];
    const backups: string[] = [];
    for (const id of ids) {
      const a = this.session.article(id);
      const target = await this.readTarget(a);
      const backup = await this.deps.baselines.replace(a.id, target.bytes);
      if (backup) backups.push(backup);
      await this.deps.reviews.update(a.id, { baselineOf: { path: a.targetPath, lang: a.targetLang } }).catch(() => undefined);
      replaced.push(a.id);
    }
    return { replaced, backups };
  }

  /** A row of the article list: status, counts of the last check of this very text, edits against the baseline. */
  async summarize(a: PairedArticle): Promise<ArticleSummary> {
    const { record: review, problem } = await this.deps.reviews.inspect(a.id).catch((err: unknown) => {
      if (err instanceof CalqueError) return { record: undefined, problem: err };
      throw err;
    });
    const base: ArticleSummary = {
      id: a.id,
      sourcePath: a.sourcePath,
      targetPath: a.targetPath,
      sourceLang: a.sourceLang,
      targetLang: a.targetLang,
      status: review?.status ?? 'not-started',
      wordsChanged: 0,
      editRate: 0,
      words: 0,
      ...(problem ? { reviewError: problem.toInfo() } : {}),
    };
    try {
      const source = await this.readSource(a);
      const target = await this.readTarget(a);
      const extra: Partial<ArticleSummary> = {};
      if (review?.problems && review.problems.textHash === revisionOf(Buffer.from(target.text, 'utf8'))) {
        const { minor, major, critical } = review.problems;
        extra.problems = { minor, major, critical };
      }
      const annotations = await this.deps.annotations.read(a.id).catch(() => null);
      if (annotations) extra.annotations = annotations.annotations.length;
      const baselineBytes = await this.deps.baselines.read(a.id);
      if (review && baselineBytes && baselineIsStale(a, review, baselineBytes, source.bytes)) extra.baselineStale = true;
      // Never opened: the first open captures the file as it is now, so its figures are those of an
      // untouched article (HTER 0, every segment not reviewed), worked out without writing a baseline.
      const { text: baseline, doc: baselineDoc } = baselineBytes ? decodeBaseline(a.targetPath, a.id, baselineBytes) : { text: target.text, doc: target.doc };
      if (review) {
        // An older review counts as its upgrade would (segment-migration.ts); it is written on the next open.
        const stable = withStableIds(baselineDoc, target.doc, a.targetLang);
        const current = { ...review, ...upgradeReview(review, baselineDoc, { positional: target.doc, target: stable }) };
        extra.segmentCounts = segmentCounts(articleSegments({ source: source.doc, target: stable, baseline: baselineDoc }, current));
      }
      if (review?.statusByHand) extra.statusByHand = true;
      const tags = { baseline: tagSpans(baselineDoc, 'target'), current: tagSpans(target.doc, 'target') };
      const stats = await this.stats.get(a.id, baseline, target.text, a.targetLang, tags);
      const accuracy = tagAccuracy(articleTags(source.doc, target.doc));
      if (accuracy) extra.tagAccuracy = accuracy;
      // Tagged articles (XLIFF, HTML, Word) blank their tags first; the memo (and worker) serve the rest.
      const tagged = tags.baseline.length > 0 || tags.current.length > 0;
      const figures = tagged ? articleFigures(baseline, target.text, a.targetLang, tags) : await this.figures.get(a.id, baseline, target.text, a.targetLang);
      return { ...base, ...extra, words: stats.words, wordsChanged: stats.changed, editRate: stats.editRate, ...figures };
    } catch (err) {
      if (err instanceof CalqueError) return { ...base, error: err.toInfo() };
      throw err;
    }
  }

  /** The translation as delivered: the file (with the review's segment states when its format carries states), or a DOCX deliverable. */
  async exportBytes(id: string, as: ExportKind = 'own', review?: { annotations: Annotation[]; author: string }): Promise<{ fileName: string; bytes: Uint8Array }> {
    const a = this.session.article(id);
    const f = await this.readTarget(a);
    const fileName = deliverableName(as, a.targetPath).split('/').pop()!;
    if (as === 'own') return { fileName, bytes: await this.delivered(a, f, review?.annotations ?? []) };
    this.requireConfirmedLanguages();
    if (!canDeliver(as, a.targetPath)) throw new CalqueError('exportNeedsDocx', { path: a.targetPath });
    const source = await this.readSource(a);
    const { bytes: baseline } = await this.deps.baselines.capture(a.id, f.bytes);
    const bytes = deliverableBytes({
      kind: as,
      targetPath: a.targetPath,
      sourceLang: a.sourceLang,
      targetLang: a.targetLang,
      source: source.doc,
      target: f.doc,
      targetBytes: f.bytes,
      baseline,
      annotations: review?.annotations ?? [],
      author: review?.author ?? DEFAULT_REVIEWER,
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    });
    return { fileName, bytes };
  }

  /** The file in its own format as delivered: the review's segment states and annotations where the format carries them. */
  private async delivered(a: PairedArticle, f: ArticleFile, annotations: Annotation[]): Promise<Uint8Array> {
    const { record, problem } = await this.deps.reviews.inspect(a.id);
    const marked = !problem && Object.keys(record.segments).length > 0;
    if (!marked && !annotations.length) return f.bytes;
    const source = marked ? await this.readSource(a) : null;
    const baselineBytes = marked ? ((await this.deps.baselines.read(a.id)) ?? f.bytes) : null;
    const states = (doc: Document) => {
      if (!source || !baselineBytes) return {};
      const baseline = decodeBaseline(a.targetPath, a.id, baselineBytes).doc;
      return fileStatesFromReview(doc, articleSegments({ source: source.doc, target: doc, baseline }, record));
    };
    return deliveredBytes(a.targetPath, f, { states, annotations });
  }

  private requireConfirmedLanguages(): void {
    // No baseline is captured and nothing is saved while the direction is a guess: the "translation"
    // might be the source.
    if (!this.session.languagesConfirmed) throw new CalqueError('languagesUnconfirmed');
  }
}

/**
 * The baseline was taken from another file than the article's translation: the direction changed
 * since. Older reviews do not say where it came from; then a baseline equal to the source file is
 * the tell (the old "translation" is the new source).
 */
function baselineIsStale(a: PairedArticle, review: ReviewRecord, baseline: Uint8Array, source: Uint8Array): boolean {
  if (review.baselineOf) return review.baselineOf.path !== a.targetPath;
  return Buffer.from(baseline).equals(Buffer.from(source));
}

/**
 * The status after a save: as set by hand, else as the segments say, and at least "in review" once the
 * article has been worked on (a save is work, even one that leaves every segment as the baseline had it).
 */
function statusAfterSave(r: ReviewRecord, counts: ReturnType<typeof segmentCounts> | null): ReviewStatus {
  if (r.statusByHand) return r.status;
  const derived = counts ? followedStatus(r, counts) : r.status;
  return derived === 'not-started' ? 'in-review' : derived;
}

/** `{ tags }` of a side when it has any: a view of a tag-free article stays as it was. */
function tagsOf(doc: Document, side: Side): { tags?: TagSpan[] } {
  return withKey('tags', tagSpans(doc, side));
}

function withKey<K extends string>(key: K, spans: TagSpan[]): { [P in K]?: TagSpan[] } {
  return (spans.length ? { [key]: spans } : {}) as { [P in K]?: TagSpan[] };
}

/** Per-segment editing time plus the new increments, keeping each segment's other fields (its state). */
function addSegmentTime(current: ReviewRecord['segments'], add: Record<string, number>): ReviewRecord['segments'] {
  const out = { ...current };
  for (const [seg, ms] of Object.entries(add)) out[seg] = { ...out[seg], editingMs: (out[seg]?.editingMs ?? 0) + ms };
  return out;
}

/** The units' notes with where each unit starts in the target text (for the notes panel to jump to). */
function notesOf(doc: Document): { notes?: UnitNote[] } {
  const notes = doc.units.flatMap((u) => {
    const seg = u.segments.find((s) => s.target) ?? u.segments[0];
    return seg ? (u.notes ?? []).map((text) => ({ unit: u.id, segment: seg.id, offset: seg.target?.start ?? 0, text })) : [];
  });
  return notes.length ? { notes } : {};
}

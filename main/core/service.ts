import { randomUUID } from 'node:crypto';

import { basename, isAbsolute, relative, resolve } from 'node:path';
import {
  CalqueError,
  type ArticleChecks,
  type AnnotationsView,
  type CheckSettingsInfo,
  type ReportFormat,
  type MqmImportResult,
  type ScoringProfileInfo,
  type ArticleSummary,
  type ArticleView,
  type CalqueApi,
  type CalqueEvents,
  type EventName,
  type ExportResult,
  type HostInfo,
  type LanguagePair,
  type ProjectInfo,
  type ReviewStatus,
} from '../contract/api.js';
import { articleFigures } from '../common/metrics/article.js';
import { wordDiff } from '../common/word-diff.js';
import { countWords } from '../common/words.js';
import type { Annotation } from '../contract/review.js';
import { exportAllFiles } from './export/export-all.js';
import { writeFileAtomic } from './fs/atomic-write.js';
import { backUpBrokenConfig, emptyConfig, readConfig, writeConfig, type ProjectConfig } from './project/config.js';
import { directionOf } from './project/languages.js';
import { pairFiles, type PairedArticle, type PairingResult } from './project/pairing.js';
import { scanTextFiles } from './project/scan.js';
import { ReviewStore } from './store/review-store.js';
import { AnnotationStore } from './store/annotation-store.js';
import { compareAnnotations, reanchorAll } from '../common/annotations/anchor.js';
import { CheckService } from './checks/service.js';
import { buildProjectReport, profileFrom, type ReportSource } from './review/report-data.js';
import { exportMqmTsv, importMqmTsv, MqmImportError } from './mqm/import-export.js';
import { annotationsCsv } from './report/csv.js';
import { renderHtml } from './report/html.js';
import { renderJson } from './report/json.js';
import type { ProjectReport } from './report/model.js';
import { declaredLanguages } from './formats/declared-languages.js';
import { documentWithText } from './formats/document-text.js';
import { editingBySegment, migrateArticleState, segmentOfAnnotation, withAnnotationSegments } from './store/segment-migration.js';
import { bytesWithText, readSide, readTextFile, revisionOf, type TextFile } from './text/read-text-file.js';
import { DiskWatcher } from './watch/disk-watcher.js';

export type EventListener = <E extends EventName>(name: E, payload: CalqueEvents[E]) => void;

/** What differs between the desktop app, the browser host and the command line. */
export interface HostAdapter {
  kind: HostInfo['kind'];
  /** Desktop: a native folder picker, titled for its purpose. Absent: only the given project can be opened. */
  chooseFolder?: (purpose: 'project' | 'exportDir') => Promise<string | null>;
  /** Desktop: a native save dialog; the host writes the file. Absent: bytes go to the renderer. */
  chooseSaveFile?: (suggestedName: string) => Promise<string | null>;
  /** Desktop: remember and list recent projects. */
  recent?: { add(root: string): void | Promise<void>; list(): string[] | Promise<string[]> };
  /** Desktop: print a report's HTML to PDF (Chromium's printer). Absent: no PDF reports. */
  printToPdf?: (html: string) => Promise<Uint8Array>;
  /** Desktop: the UI language changed; relabel the native menus. */
  onUiLanguage?: (lng: string) => void;
  version?: string;
}

export interface ServiceOptions {
  /** The project to open at start (serve, CLI, desktop with a remembered project). */
  root?: string;
  /** Language pairs given on the command line (serve --from/--to): written to project.json. */
  languages?: LanguagePair[];
  host: HostAdapter;
  /** How often open articles are checked for changes made by other programs. */
  watchIntervalMs?: number;
  /** Count the problems of unchecked articles in the background after a project opens (the UI hosts). */
  backgroundChecks?: boolean;
  /** Worker threads for the checks (see CheckServiceDeps.workers); absent: in this thread. */
  checkWorkers?: number;
  /** Article size from which checks go to the workers (CheckServiceDeps.workerThreshold). */
  checkWorkerThreshold?: number;
}

interface OpenProject {
  root: string;
  config: ProjectConfig;
  configError?: CalqueError;
  pairing: PairingResult;
  articles: Map<string, PairedArticle>;
  store: ReviewStore;
  annotations: AnnotationStore;
  checks: CheckService;
}

/**
 * The product behind the contract: projects, articles, saving, export. Hosts call it after validating
 * requests; it still refuses unknown ids and paths outside the project (defence in depth).
 */
export class CalqueService implements CalqueApi {
  private project: OpenProject | null = null;
  private readonly listeners = new Set<EventListener>();
  private readonly jobs = new Map<string, { cancelled: boolean }>();
  private readonly watcher: DiskWatcher;
  private configQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ServiceOptions) {
    this.watcher = new DiskWatcher(options.watchIntervalMs ?? 700, (id, revision, deleted) =>
      this.emit('articleChangedOnDisk', { id, revision, deleted }),
    );
  }

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit<E extends EventName>(name: E, payload: CalqueEvents[E]): void {
    for (const l of this.listeners) l(name, payload);
  }

  dispose(): void {
    this.watcher.dispose();
    this.project?.checks.dispose();
    for (const job of this.jobs.values()) job.cancelled = true;
  }

  get root(): string | null {
    return this.project?.root ?? null;
  }

  async hostInfo(): Promise<HostInfo> {
    const root = this.project?.root ?? this.options.root ?? '';
    return {
      kind: this.options.host.kind,
      nativeDialogs: !!this.options.host.chooseFolder,
      pdfReports: !!this.options.host.printToPdf,
      defaultExportDir: root ? `${root.replace(/[\\/]+$/, '')}-export` : '',
      version: this.options.host.version ?? '0.0.0',
    };
  }

  async recentProjects(): Promise<string[]> {
    return (await this.options.host.recent?.list()) ?? [];
  }

  async openProject(req: { root?: string; choose?: boolean }): Promise<ProjectInfo> {
    let root = req.root;
    if (root === undefined) {
      if (this.project && !req.choose) {
        await this.load(this.project.root); // rescan: files may have been added or renamed
        return this.describe();
      }
      if (this.options.root && !req.choose) root = this.options.root;
      else if (this.options.host.chooseFolder) {
        const chosen = await this.options.host.chooseFolder('project');
        if (!chosen) throw new CalqueError('cancelled');
        root = chosen;
      } else throw new CalqueError('noProject');
    } else if (!(await this.mayOpen(root))) {
      // A page never names an arbitrary folder: the browser host serves one, the desktop opens the
      // folders the user picked in a dialog before (recent projects). A compromised page stays boxed in.
      throw new CalqueError('pathOutsideProject', { path: root });
    }
    if (!isAbsolute(root)) throw new CalqueError('invalidRequest', { reason: 'root must be an absolute path' });
    await this.load(resolve(root));
    await this.options.host.recent?.add(this.project!.root);
    return this.describe();
  }

  private async mayOpen(root: string): Promise<boolean> {
    const wanted = resolve(root);
    if (this.options.root && resolve(this.options.root) === wanted) return true;
    if (this.project && this.project.root === wanted) return true;
    const recent = (await this.options.host.recent?.list()) ?? [];
    return recent.some((r) => resolve(r) === wanted);
  }

  async setUiLanguage(req: { lng: string }): Promise<{ lng: string }> {
    this.options.host.onUiLanguage?.(req.lng);
    return { lng: req.lng };
  }

  // ---- checks ---------------------------------------------------------------------------------------
  async checkArticle(req: { id: string; text?: string }): Promise<ArticleChecks> {
    return this.requireProject().checks.checkArticle(this.article(req.id), req.text);
  }

  async ignoreFinding(req: { id: string; rule: string; text: string; scope: 'here' | 'project' }): Promise<{ ok: true }> {
    const p = this.requireProject();
    const a = this.article(req.id);
    if (req.scope === 'here') {
      await p.store.updateReview(a.id, (r) =>
        r.ignores.some((i) => i.rule === req.rule && i.text === req.text) ? {} : { ignores: [...r.ignores, { rule: req.rule, text: req.text }] },
      );
    } else {
      await this.updateCheckSettings({ rule: req.rule, enabled: false });
    }
    p.checks.ignoresChanged(a.id);
    return { ok: true };
  }

  async checkSettings(): Promise<CheckSettingsInfo> {
    const p = this.requireProject();
    return p.checks.describeSettings(p.config.pairs);
  }

  async updateCheckSettings(req: { rule: string; enabled?: boolean; severity?: 'minor' | 'major' | 'critical' | null }): Promise<CheckSettingsInfo> {
    const p = this.requireProject();
    const config = await this.changeConfig(p, (c) => {
      const checks = { disabled: [...(c.checks?.disabled ?? [])], severity: { ...(c.checks?.severity ?? {}) } };
      if (req.enabled === false && !checks.disabled.includes(req.rule)) checks.disabled.push(req.rule);
      if (req.enabled === true) checks.disabled = checks.disabled.filter((r) => r !== req.rule);
      if (req.severity === null) delete checks.severity[req.rule];
      else if (req.severity) checks.severity[req.rule] = req.severity;
      return { ...c, checks };
    });
    p.checks.configChanged();
    return p.checks.describeSettings(config.pairs);
  }

  /**
   * Change project.json one change at a time: two quick changes (a rule switched off, then another
   * re-graded) must both land, not the second over the first.
   */
  private changeConfig(p: OpenProject, fn: (c: ProjectConfig) => ProjectConfig): Promise<ProjectConfig> {
    const next = this.configQueue.catch(() => undefined).then(async () => {
      const config = fn(p.config);
      await writeConfig(p.root, config);
      p.config = config;
      return config;
    });
    this.configQueue = next;
    return next;
  }

  // ---- annotations ----------------------------------------------------------------------------------
  async getAnnotations(req: { id: string; text?: string }): Promise<AnnotationsView> {
    const p = this.requireProject();
    const a = this.article(req.id);
    const { annotations, invalidLines } = await p.annotations.read(a.id);
    const disk = await readTextFile(this.abs(a.targetPath), a.targetPath, 'target');
    const target = req.text !== undefined ? req.text.normalize('NFC') : disk.text;
    const source = await readTextFile(this.abs(a.sourcePath), a.sourcePath, 'source');
    const placed = reanchorAll(annotations, { target, source: source.text });
    // Each placed annotation names the segment it now starts in (of the editor's text when given).
    const docs = { source: source.doc, target: documentWithText(a.targetPath, disk.doc, 'target', target) };
    const withSegments = placed.map((x) => ({ ...x, segment: x.orphaned ? x.segment : (segmentOfAnnotation(x, docs) ?? x.segment) }));
    return { annotations: withSegments.map(dropUndefinedSegment).sort(compareAnnotations), invalidLines: invalidLines.length };
  }

  async saveAnnotations(req: { id: string; annotations: Annotation[] }): Promise<{ count: number }> {
    const p = this.requireProject();
    const a = this.article(req.id);
    // An annotation made since the last read names its segment in the text on disk, where its quote is at its offsets.
    const target = await readTextFile(this.abs(a.targetPath), a.targetPath, 'target');
    const source = await readTextFile(this.abs(a.sourcePath), a.sourcePath, 'source');
    const texts = { target: target.text, source: source.text };
    const docs = { target: target.doc, source: source.doc };
    const list = req.annotations.map((x) => (x.segment !== undefined || texts[x.side].slice(x.start, x.end) !== x.quote.exact ? x : withAnnotationSegments([x], docs).annotations[0]!));
    // update() keeps the file's unreadable lines: a bad line is never dropped by a save from the editor.
    const saved = await p.annotations.update(a.id, () => list);
    return { count: saved.length };
  }

  async recordEditingTime(req: { id: string; segments: Record<string, number> }): Promise<{ totalMs: number }> {
    const p = this.requireProject();
    const a = this.article(req.id);
    const baselineBytes = await p.store.readBaseline(a.id);
    const bySegment = baselineBytes ? editingBySegment(req.segments, this.readBaseline(a, baselineBytes).doc) : {};
    const saved = await p.store.updateReview(a.id, (r) => {
      const editingMs = { ...r.editingMs };
      for (const [k, ms] of Object.entries(req.segments)) editingMs[k] = (editingMs[k] ?? 0) + ms;
      const segments = { ...r.segments };
      for (const [seg, ms] of Object.entries(bySegment)) segments[seg] = { ...segments[seg], editingMs: (segments[seg]?.editingMs ?? 0) + ms };
      return { editingMs, segments };
    });
    return { totalMs: Object.values(saved.editingMs).reduce((x, y) => x + y, 0) };
  }

  async addToWordList(req: { word: string }): Promise<{ wordList: string[] }> {
    const p = this.requireProject();
    const word = req.word.normalize('NFC');
    const config = await this.changeConfig(p, (c) => (c.wordList?.includes(word) ? c : { ...c, wordList: [...(c.wordList ?? []), word].sort((a, b) => a.localeCompare(b)) }));
    p.checks.configChanged();
    return { wordList: config.wordList ?? [] };
  }

  // ---- MQM scoring profile and TSV ------------------------------------------------------------------
  async scoringProfile(): Promise<ScoringProfileInfo> {
    const p = this.requireProject();
    const profile = profileFrom(p.config.scoring);
    return { weights: profile.weights.map((w) => ({ ...w })), ...(profile.perWords ? { perWords: profile.perWords } : {}), ...(profile.threshold !== undefined ? { threshold: profile.threshold } : {}) };
  }

  async updateScoringProfile(req: { profile?: ScoringProfileInfo; reset?: boolean }): Promise<ScoringProfileInfo> {
    const p = this.requireProject();
    await this.changeConfig(p, (c) => {
      const { scoring: _old, ...rest } = c;
      return req.reset || !req.profile ? (rest as ProjectConfig) : { ...rest, scoring: { ...req.profile } };
    });
    return this.scoringProfile();
  }

  async importMqm(req: { content: string; from: string; to: string; skipMalformed?: boolean }): Promise<MqmImportResult> {
    const p = this.requireProject();
    try {
      const res = await importMqmTsv(req.content.replace(/^\ufeff/, ''), { into: p.root, from: req.from, to: req.to, skipMalformed: !!req.skipMalformed });
      // The imported articles' languages join the project's pairs, so they are listed.
      const config = (await readConfig(p.root)) ?? emptyConfig();
      if (!config.pairs.some((x) => x.source === req.from && x.target === req.to)) {
        await writeConfig(p.root, { ...config, pairs: [...config.pairs, { source: req.from, target: req.to }] });
      }
      await this.load(p.root);
      return { imported: true, articles: res.articles.length, annotations: res.articles.reduce((n, a) => n + a.annotations, 0), problems: res.skipped };
    } catch (err) {
      if (err instanceof MqmImportError) return { imported: false, articles: 0, annotations: 0, problems: err.problems };
      throw err;
    }
  }

  async exportMqm(): Promise<ExportResult> {
    const p = this.requireProject();
    const res = await exportMqmTsv(p.root);
    const bytes = Buffer.from(res.tsv, 'utf8');
    const fileName = `${basename(p.root)}-mqm.tsv`;
    return this.deliver(fileName, bytes);
  }

  // ---- reports --------------------------------------------------------------------------------------
  /** The project as the report builder sees it. */
  reportSource(): ReportSource {
    const p = this.requireProject();
    return {
      name: basename(p.root),
      scoring: p.config.scoring,
      articles: [...p.articles.values()].map((a) => ({ id: a.id }) as ArticleSummary),
      getArticle: (id) => this.getArticle({ id }),
      getAnnotations: (id) => this.getAnnotations({ id }),
      editingMs: async (id) => (await p.store.readReview(id)).editingMs,
    };
  }

  async buildReport(opts: { id?: string; lng: string }): Promise<ProjectReport> {
    if (opts.id !== undefined) this.article(opts.id);
    return buildProjectReport(this.reportSource(), { ...(opts.id !== undefined ? { article: opts.id } : {}), uiLanguage: opts.lng });
  }

  async exportReport(req: { id?: string; format: ReportFormat; lng: string }): Promise<ExportResult> {
    const p = this.requireProject();
    const report = await this.buildReport({ ...(req.id !== undefined ? { id: req.id } : {}), lng: req.lng });
    let bytes: Uint8Array;
    if (req.format === 'pdf') {
      if (!this.options.host.printToPdf) throw new CalqueError('invalidRequest', { reason: 'PDF reports need the desktop app' });
      bytes = await this.options.host.printToPdf(renderHtml(report, req.lng));
    } else {
      const text = req.format === 'html' ? renderHtml(report, req.lng) : req.format === 'json' ? renderJson(report) : annotationsCsv(report);
      // CSV opens in spreadsheets as UTF-8 only with a byte-order mark.
      bytes = Buffer.from((req.format === 'csv' ? '\ufeff' : '') + text, 'utf8');
    }
    const stem = req.id !== undefined ? basename(req.id).replace(/\.[^.]+$/, '') : basename(p.root);
    const fileName = `${stem}-review.${req.format}`;
    return this.deliver(fileName, bytes);
  }

  private async load(root: string): Promise<void> {
    const files = await scanTextFiles(root);
    let config: ProjectConfig = emptyConfig();
    let configError: CalqueError | undefined;
    try {
      config = (await readConfig(root)) ?? emptyConfig();
    } catch (err) {
      if (!(err instanceof CalqueError)) throw err;
      configError = err;
    }
    if (!configError && this.options.languages?.length && !this.project) {
      config = { ...config, pairs: this.options.languages };
      await writeConfig(root, config);
    }
    const declared = await declaredLanguages(root, files);
    let pairing = pairFiles(files, config.pairs, declared);
    if (!configError && !config.pairs.length && pairing.proposedPairs.length && !pairing.ambiguous) {
      // The languages can be told from the names: remember them, as the user would have confirmed.
      config = { ...config, pairs: pairing.proposedPairs };
      await writeConfig(root, config);
      pairing = pairFiles(files, config.pairs, declared);
    }
    this.watcher.clear();
    this.project?.checks.dispose();
    const store = new ReviewStore(root);
    const project: OpenProject = {
      root,
      config,
      configError,
      pairing,
      articles: new Map(pairing.articles.map((a) => [a.id, a])),
      store,
      annotations: new AnnotationStore(root),
      checks: new CheckService({ root, config: () => project.config, articles: () => [...project.articles.values()], reviews: store, workers: this.options.checkWorkers, workerThreshold: this.options.checkWorkerThreshold }),
    };
    this.project = project;
  }

  private requireProject(): OpenProject {
    if (!this.project) throw new CalqueError('noProject');
    return this.project;
  }

  private async describe(): Promise<ProjectInfo> {
    const p = this.requireProject();
    const { pairing } = p;
    const articles = await mapLimited([...p.articles.values()], 8, (a) => this.summarize(a));
    const info: ProjectInfo = {
      root: p.root,
      name: basename(p.root),
      pairs: p.config.pairs,
      proposedPairs: pairing.proposedPairs,
      needsLanguages: !p.config.pairs.length && pairing.proposedPairs.length > 0,
      languagesSeen: pairing.languagesSeen,
      articles,
      unpaired: pairing.unpaired,
      ...(p.configError ? { configError: p.configError.toInfo() } : {}),
    };
    if (this.options.backgroundChecks) void this.countProblems(p, articles.filter((a) => !a.problems && !a.error).map((a) => a.id));
    return info;
  }

  /** The article list's problem counts for articles not checked since they last changed, sent as `articleUpdated`. */
  private countProblems(p: OpenProject, ids: string[]): Promise<void> {
    return p.checks.countProblems(ids, async (id) => {
      if (this.project === p) this.emit('articleUpdated', { summary: await this.summarize(p.articles.get(id)!) });
    });
  }

  private async summarize(a: PairedArticle): Promise<ArticleSummary> {
    const p = this.requireProject();
    const review = await p.store.readReview(a.id);
    const base: ArticleSummary = {
      id: a.id,
      sourcePath: a.sourcePath,
      targetPath: a.targetPath,
      sourceLang: a.sourceLang,
      targetLang: a.targetLang,
      status: review.status,
      wordsChanged: 0,
      editRate: 0,
      words: 0,
    };
    try {
      await readTextFile(this.abs(a.sourcePath), a.sourcePath, 'source');
      const target = await readTextFile(this.abs(a.targetPath), a.targetPath, 'target');
      const extra: Partial<ArticleSummary> = {};
      // Problem counts of the last check, if it was of this very text.
      if (review.problems && review.problems.textHash === revisionOf(Buffer.from(target.text, 'utf8'))) {
        const { minor, major, critical } = review.problems;
        extra.problems = { minor, major, critical };
      }
      const annotations = await p.annotations.read(a.id).catch(() => null);
      if (annotations) extra.annotations = annotations.annotations.length;
      const baselineBytes = await p.store.readBaseline(a.id);
      if (!baselineBytes) return { ...base, ...extra, words: countWords(target.text, a.targetLang) };
      const baseline = this.readBaseline(a, baselineBytes).text;
      const stats = wordDiff(baseline, target.text, a.targetLang).stats;
      return { ...base, ...extra, words: stats.words, wordsChanged: stats.changed, editRate: stats.editRate, ...articleFigures(baseline, target.text, a.targetLang) };
    } catch (err) {
      if (err instanceof CalqueError) return { ...base, error: err.toInfo() };
      throw err;
    }
  }

  async setLanguages(req: { pairs: LanguagePair[] }): Promise<ProjectInfo> {
    const p = this.requireProject();
    if (p.configError) await backUpBrokenConfig(p.root);
    const config: ProjectConfig = { ...(p.configError ? emptyConfig() : p.config), pairs: req.pairs };
    await writeConfig(p.root, config);
    await this.load(p.root);
    return this.describe();
  }

  /** Absolute path of a project-relative path, refusing anything that would leave the project. */
  private abs(rel: string): string {
    const root = this.requireProject().root;
    const full = resolve(root, rel);
    const back = relative(root, full);
    if (back.startsWith('..') || isAbsolute(back) || full === root) throw new CalqueError('pathOutsideProject', { path: rel });
    return full;
  }

  private article(id: string): PairedArticle {
    const a = this.requireProject().articles.get(id);
    if (!a) throw new CalqueError('unknownArticle', { id });
    return a;
  }

  async getArticle(req: { id: string }): Promise<ArticleView> {
    const p = this.requireProject();
    const a = this.article(req.id);
    const source = await readTextFile(this.abs(a.sourcePath), a.sourcePath, 'source');
    const target = await readTextFile(this.abs(a.targetPath), a.targetPath, 'target');
    const baselineBytes = await p.store.captureBaseline(a.id, target.bytes);
    const { text: baseline, doc: baselineDoc } = this.readBaseline(a, baselineBytes);
    // Best effort: a review or annotations file that cannot be upgraded now still reads as it is.
    await migrateArticleState(a.id, { reviews: p.store, annotations: p.annotations }, { source: source.doc, target: target.doc, baseline: baselineDoc }).catch(() => undefined);
    const review = await p.store.readReview(a.id);
    const stats = wordDiff(baseline, target.text, a.targetLang).stats;
    this.watcher.watch(a.id, this.abs(a.targetPath), target.revision);
    return {
      id: a.id,
      source: { path: a.sourcePath, lang: a.sourceLang, dir: directionOf(a.sourceLang), text: source.text },
      target: { path: a.targetPath, lang: a.targetLang, dir: directionOf(a.targetLang), text: target.text, format: target.format },
      baseline,
      status: review.status,
      revision: target.revision,
      stats,
      editingMs: Object.values(review.editingMs).reduce((n, ms) => n + ms, 0),
    };
  }

  /** The baseline's text, read with the article's own format (it is a byte copy of the translation). */
  private readBaseline(a: PairedArticle, bytes: Uint8Array) {
    return readSide(bytes, a.targetPath, 'target', `.calque/baselines/${a.id}`);
  }

  async readDisk(req: { id: string }): Promise<{ text: string; revision: string }> {
    const a = this.article(req.id);
    const f = await readTextFile(this.abs(a.targetPath), a.targetPath, 'target');
    return { text: f.text, revision: f.revision };
  }

  async saveArticle(req: { id: string; text: string; expectedRevision: string; force?: boolean }) {
    const p = this.requireProject();
    const a = this.article(req.id);
    const path = this.abs(a.targetPath);
    let current: TextFile | null = null;
    try {
      current = await readTextFile(path, a.targetPath, 'target');
    } catch (err) {
      // A deleted file can be written again (the editor still has the text); other errors stop the save.
      if (!(err instanceof CalqueError && err.code === 'fileNotFound')) throw err;
      if (!req.force) throw new CalqueError('conflict', { id: a.id, reason: 'deleted' });
    }
    if (current && current.revision !== req.expectedRevision && !req.force) {
      throw new CalqueError('conflict', { id: a.id, reason: 'changed' });
    }
    const text = req.text.normalize('NFC');
    const baselineBytes = await p.store.captureBaseline(a.id, current?.bytes ?? new Uint8Array());
    const baseline = this.readBaseline(a, baselineBytes);
    let revision = current?.revision ?? '';
    if (!current || current.text !== text) {
      const bytes = bytesWithText(a.targetPath, current ?? { doc: baseline.doc, bytes: baselineBytes }, 'target', text);
      revision = revisionOf(bytes);
      this.watcher.expect(a.id, revision);
      await writeFileAtomic(path, bytes);
    }
    const stats = wordDiff(baseline.text, text, a.targetLang).stats;
    if (!current || current.text !== text) await p.checks.articleSaved(a);
    const review = await p.store.readReview(a.id);
    await p.store.updateReview(a.id, { stats, status: review.status === 'not-started' ? 'in-review' : review.status });
    return { revision, stats };
  }

  async setStatus(req: { id: string; status: ReviewStatus }): Promise<ArticleSummary> {
    const p = this.requireProject();
    const a = this.article(req.id);
    await p.store.updateReview(a.id, { status: req.status });
    return this.summarize(a);
  }

  async exportArticle(req: { id: string }): Promise<ExportResult> {
    const a = this.article(req.id);
    const f = await readTextFile(this.abs(a.targetPath), a.targetPath, 'target');
    const fileName = basename(a.targetPath);
    return this.deliver(fileName, f.bytes);
  }

  /** A file for the user: the desktop host asks where to save it; in the browser its bytes go to the page to download. */
  private async deliver(fileName: string, bytes: Uint8Array): Promise<ExportResult> {
    const host = this.options.host;
    if (host.chooseSaveFile) {
      const dest = await host.chooseSaveFile(fileName);
      if (!dest) return { fileName, cancelled: true };
      await writeFileAtomic(dest, bytes);
      return { fileName, savedPath: dest };
    }
    return { fileName, dataBase64: Buffer.from(bytes).toString('base64') };
  }

  async exportAll(req: { outDir?: string }) {
    const p = this.requireProject();
    let outDir = req.outDir;
    if (!outDir) {
      const chosen = await this.options.host.chooseFolder?.('exportDir');
      if (!chosen) return { jobId: '', outDir: '', cancelled: true };
      outDir = chosen;
    }
    if (!isAbsolute(outDir)) throw new CalqueError('invalidRequest', { reason: 'the export folder must be an absolute path' });
    outDir = resolve(outDir);
    const rel = relative(p.root, outDir);
    // Inside the project the copies would be scanned as articles' files on the next open.
    if (rel === '' || !(rel.startsWith('..') || isAbsolute(rel))) {
      throw new CalqueError('exportIntoProject', { path: outDir });
    }
    const jobId = randomUUID();
    const job = { cancelled: false };
    this.jobs.set(jobId, job);
    const files = [...p.articles.values()].map((a) => ({ from: this.abs(a.targetPath), rel: a.targetPath }));
    void exportAllFiles(files, outDir, job, (done, total, state, error) => {
      this.emit('job', { jobId, done, total, state, ...(error ? { error } : {}) });
      if (state !== 'running') this.jobs.delete(jobId);
    });
    return { jobId, outDir };
  }

  async cancelJob(req: { jobId: string }): Promise<{ cancelled: boolean }> {
    const job = this.jobs.get(req.jobId);
    if (!job) throw new CalqueError('unknownJob', { jobId: req.jobId });
    job.cancelled = true;
    return { cancelled: true };
  }
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/** An annotation without a `segment` key rather than one set to undefined (lines and responses stay tidy). */
function dropUndefinedSegment(a: Annotation): Annotation {
  if (a.segment !== undefined) return a;
  const { segment: _none, ...rest } = a;
  return rest;
}

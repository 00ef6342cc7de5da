import { basename, isAbsolute, relative, resolve } from 'node:path';
import {
  CalqueError,
  type ApiRequest,
  type ArticleChecks,
  type ArticleChecksChanges,
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
  type ExportKind,
  type ExportResult,
  type HostInfo,
  type LanguagePair,
  type ProjectInfo,
  type ReviewStatus,
  type SaveResult,
  type SegmentMarkState,
  type SegmentUpdate,
  type JobStarted,
  type ProjectSearch,
  type ProjectEditUndone,
  type ProjectFixResult,
  type ProjectProblems,
  type ReplaceResult,
  type SearchResult,
} from '../contract/api.js';
import type { Annotation, FindingSeverity } from '../contract/review.js';
import { checksDelta } from '../common/checks-delta.js';
import { textEdit } from '../common/text-edit.js';
import { AnnotationService } from './article/annotation-service.js';
import { AnnotationStore } from './article/annotation-store.js';
import { ArticleService, DEFAULT_REVIEWER } from './article/article-service.js';
import { BaselineStore } from './article/baseline-store.js';
import { ProjectEdits } from './article/project-edits.js';
import { ReviewStore } from './article/review-store.js';
import { deliverFile } from './export/deliver.js';
import { canDeliver, deliverableName } from './formats/docx/deliverables.js';
import { existingExportTargets, exportAllFiles, type ExportFile } from './export/export-all.js';
import { JobService } from './jobs/job-service.js';
import { ResultJobs } from './jobs/result-jobs.js';
import { MqmService } from './mqm/mqm-service.js';
import { DiskWatcher } from './platform/watcher.js';
import type { ProjectConfig } from './project/config.js';
import { ProjectSession } from './project/session.js';
import type { ProjectReport } from './report/model.js';
import { ReportService } from './report/report-service.js';
import { CheckService, reviewsFor } from './checks/service.js';
import { CheckedTexts } from './checks/checked-texts.js';
import { addArticleIgnores, addProjectIgnores } from './checks/ignore-decisions.js';
import { fixProjectProblems, projectProblems } from './checks/project-problems.js';
import { replaceMatches, SearchService } from './search/search-service.js';
import type { SearchQuery } from './search/pattern.js';
import { profileFrom, type ReportSource } from './review/report-data.js';

export type EventListener = <E extends EventName>(name: E, payload: CalqueEvents[E]) => void;

/** What differs between the desktop app, the browser host and the command line. */
export interface HostAdapter {
  kind: HostInfo['kind'];
  /** Desktop: a native folder picker, titled for its purpose. Absent: only the given project can be opened. */
  chooseFolder?: (purpose: 'project' | 'exportDir') => Promise<string | null>;
  /** Serve: the folder the user granted for exports (--export-dir); the default destination. */
  exportDir?: string;
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
  /** Language pairs given on the command line (serve --from/--to): added to project.json's pairs. */
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
  /** Temp files of interrupted saves older than this are removed when a project opens. */
  tempFileMaxAgeMs?: number;
}

/** The services of one open project, each the only owner of what it owns (DESIGN.md, "The next shape"). */
interface OpenProject {
  session: ProjectSession;
  reviews: ReviewStore;
  articles: ArticleService;
  annotations: AnnotationService;
  reports: ReportService;
  mqm: MqmService;
  checks: CheckService;
  search: SearchService;
  /** The 'Problems across the project' dialog's runs (progress, cancel). */
  problems: ResultJobs<ProjectProblems>;
  /** Undo entries of the host's project-wide edits (replace, fix all). */
  edits: ProjectEdits;
  /** The editor's last checked text per article, for checks sent as one edit. */
  checkedTexts: CheckedTexts;
}

/**
 * The contract's implementation: a thin facade over the project's services. Hosts call it after
 * validating requests; the services still refuse unknown ids and paths outside the project.
 */
export class CalqueService implements CalqueApi {
  private project: OpenProject | null = null;
  private readonly listeners = new Set<EventListener>();
  private readonly watcher: DiskWatcher;
  private readonly jobs: JobService;

  constructor(private readonly options: ServiceOptions) {
    this.watcher = new DiskWatcher(options.watchIntervalMs ?? 700, (id, revision, deleted) => this.emit('articleChangedOnDisk', { id, revision, deleted }));
    this.jobs = new JobService((payload) => this.emit('job', payload));
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
    this.jobs.dispose();
    this.project?.checks.dispose();
  }

  get root(): string | null {
    return this.project?.session.root ?? null;
  }

  async hostInfo(): Promise<HostInfo> {
    const root = this.root ?? this.options.root ?? '';
    return {
      kind: this.options.host.kind,
      nativeDialogs: !!this.options.host.chooseFolder,
      pdfReports: !!this.options.host.printToPdf,
      defaultExportDir: this.options.host.exportDir ?? (root ? `${root.replace(/[\\/]+$/, '')}-export` : ''),
      version: this.options.host.version ?? '0.0.0',
    };
  }

  async recentProjects(): Promise<string[]> {
    return (await this.options.host.recent?.list()) ?? [];
  }

  // ---- project ---------------------------------------------------------------------------------------
  async openProject(req: { root?: string; choose?: boolean }): Promise<ProjectInfo> {
    let root = req.root;
    if (root === undefined) {
      if (this.project && !req.choose) {
        await this.rescan(); // files may have been added or renamed
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
    await this.options.host.recent?.add(this.project!.session.root);
    return this.describe();
  }

  private async mayOpen(root: string): Promise<boolean> {
    const wanted = resolve(root);
    if (this.options.root && resolve(this.options.root) === wanted) return true;
    if (this.root === wanted) return true;
    const recent = (await this.options.host.recent?.list()) ?? [];
    return recent.some((r) => resolve(r) === wanted);
  }

  /** Open a folder: its session, then its services, each given what it needs. */
  private async load(root: string): Promise<void> {
    // --from/--to join the project's pairs once, when the host's own project first opens.
    const languages = !this.project ? this.options.languages : undefined;
    const session = await ProjectSession.open(root, { ...(languages ? { languages } : {}), ...(this.options.tempFileMaxAgeMs !== undefined ? { tempFileMaxAgeMs: this.options.tempFileMaxAgeMs } : {}) });
    const { locks } = session;
    const reviews = new ReviewStore(root, locks);
    const annotationStore = new AnnotationStore(root, locks);
    const checks = new CheckService({
      root,
      config: () => session.config.current,
      articles: () => [...session.articles.values()],
      reviews: reviewsFor(reviews),
      workers: this.options.checkWorkers,
      workerThreshold: this.options.checkWorkerThreshold,
    });
    const figures = checks.articleFigures.bind(checks);
    const stats = checks.articleStats.bind(checks);
    const articles = new ArticleService({ session, reviews, baselines: new BaselineStore(root, locks), annotations: annotationStore, watcher: this.watcher, figures, stats });
    const annotations = new AnnotationService(session, annotationStore, articles);
    const host = this.options.host;
    this.watcher.clear();
    this.project?.checks.dispose();
    this.project = {
      session,
      reviews,
      articles,
      annotations,
      reports: new ReportService({ session, articles, annotations, reviews, findings: (id) => this.requireProject().checks.findingsWithDecisions(session.article(id)), ...(host.printToPdf ? { printToPdf: host.printToPdf } : {}), chooseSaveFile: host.chooseSaveFile }),
      mqm: new MqmService(session, host.chooseSaveFile),
      search: new SearchService(session, articles, this.jobs),
      problems: new ResultJobs<ProjectProblems>(this.jobs),
      edits: new ProjectEdits(),
      checks,
      checkedTexts: new CheckedTexts(),
    };
  }

  private async rescan(): Promise<void> {
    const p = this.requireProject();
    await p.session.scan();
    p.checks.configChanged();
  }

  private requireProject(): OpenProject {
    if (!this.project) throw new CalqueError('noProject');
    return this.project;
  }

  private async describe(): Promise<ProjectInfo> {
    const p = this.requireProject();
    const { session } = p;
    const articles = await mapLimited([...session.articles.values()], 8, (a) => p.articles.summarize(a));
    const configError = session.config.error;
    const info: ProjectInfo = {
      root: session.root,
      name: basename(session.root),
      pairs: session.config.current.pairs,
      proposedPairs: session.pairing.proposedPairs,
      needsLanguages: session.needsLanguages,
      languagesSeen: session.pairing.languagesSeen,
      articles,
      unpaired: session.pairing.unpaired,
      unsupported: session.unsupported,
      ...(configError ? { configError: configError.toInfo() } : {}),
    };
    // Counting under a guessed direction would check the source as the translation: only once confirmed.
    if (this.options.backgroundChecks && session.languagesConfirmed) void this.countProblems(p, articles.filter((a) => !a.problems && !a.error).map((a) => a.id));
    return info;
  }

  /**
   * Set the language pairs: the user's answer to the direction question, a direction changed in the
   * project settings, or a fresh start over a broken project.json (which is kept as a backup).
   */
  async setLanguages(req: { pairs: LanguagePair[] }): Promise<ProjectInfo> {
    const p = this.requireProject();
    await p.session.config.replaceBroken((c) => ({ ...c, pairs: req.pairs }));
    await this.rescan();
    return this.describe();
  }

  async setUiLanguage(req: { lng: string }): Promise<{ lng: string }> {
    this.options.host.onUiLanguage?.(req.lng);
    return { lng: req.lng };
  }

  // ---- articles --------------------------------------------------------------------------------------
  async getArticle(req: { id: string }): Promise<ArticleView> {
    return this.requireProject().articles.view(req.id);
  }

  async readDisk(req: { id: string }): Promise<{ text: string; revision: string }> {
    return this.requireProject().articles.readDisk(req.id);
  }

  async saveArticle(req: { id: string; text: string; expectedRevision: string; force?: boolean }): Promise<SaveResult> {
    const p = this.requireProject();
    const saved = await p.articles.save(req);
    // The other articles' consistency context takes the new sentences; the list's counts follow the save.
    await p.checks.articleSaved(p.session.article(req.id));
    return saved;
  }

  async setStatus(req: { id: string; status: ReviewStatus; byHand?: boolean }): Promise<ArticleSummary> {
    return this.requireProject().articles.setStatus(req.id, req.status, req.byHand ?? true);
  }

  async setSegmentState(req: { id: string; segments: { id: string; text: string }[]; state?: SegmentMarkState; locked?: boolean }): Promise<SegmentUpdate> {
    return this.requireProject().articles.segmentStates.set(req);
  }

  async resetReview(req: { id: string }): Promise<ArticleSummary> {
    return this.requireProject().articles.resetReview(req.id);
  }

  async replaceBaselines(req: { ids: string[] }): Promise<{ replaced: string[]; backups: string[] }> {
    return this.requireProject().articles.replaceBaselines(req.ids);
  }

  async recordEditingTime(req: { id: string; segments: Record<string, number> }): Promise<{ totalMs: number }> {
    return this.requireProject().articles.recordEditingTime(req.id, req.segments);
  }

  async exportArticle(req: { id: string; as?: ExportKind }): Promise<ExportResult> {
    const p = this.requireProject();
    const as = req.as ?? 'own';
    const { fileName, bytes } = await p.articles.exportBytes(req.id, as, await this.reviewFor(p, req.id));
    return deliverFile(this.options.host.chooseSaveFile, fileName, bytes);
  }

  /** What an export adds from the review: the annotations placed on the text (XLIFF notes, Word comments, table cells), the reviewer's name. */
  private async reviewFor(p: OpenProject, id: string): Promise<{ annotations: Annotation[]; author: string }> {
    const { annotations } = await p.annotations.get(id);
    const { config } = await p.session.config.refresh();
    return { annotations, author: config.reviewer?.trim() || DEFAULT_REVIEWER };
  }

  async exportAll(req: { outDir?: string; overwrite?: boolean; as?: ExportKind }) {
    const p = this.requireProject();
    // Which file of a pair is the translation is the user's answer, not a guess (the CLI says how to give it).
    if (!p.session.languagesConfirmed) throw new CalqueError('languagesUnconfirmed');
    let outDir = req.outDir;
    if (!outDir) {
      const chosen = await this.options.host.chooseFolder?.('exportDir');
      if (!chosen) return { jobId: '', outDir: '', cancelled: true };
      outDir = chosen;
    }
    if (!isAbsolute(outDir)) throw new CalqueError('invalidRequest', { reason: 'the export folder must be an absolute path' });
    outDir = resolve(outDir);
    const rel = relative(p.session.root, outDir);
    // Inside the project the copies would be scanned as articles' files on the next open.
    if (rel === '' || !(rel.startsWith('..') || isAbsolute(rel))) throw new CalqueError('exportIntoProject', { path: outDir });
    const as = req.as ?? 'own';
    const articles = [...p.session.articles.values()].filter((a) => canDeliver(as, a.targetPath));
    if (!articles.length && as === 'docx-tracked') throw new CalqueError('noDocxArticles');
    const files: ExportFile[] = articles.map((a) => ({
      from: p.session.abs(a.targetPath),
      rel: deliverableName(as, a.targetPath),
      make: async () => (await p.articles.exportBytes(a.id, as, await this.reviewFor(p, a.id))).bytes,
    }));
    const dest = outDir;
    // Nothing is replaced silently: the files that exist are listed first, and replaced only when asked.
    const overwrite = req.overwrite === true;
    if (!overwrite) {
      const wouldReplace = await existingExportTargets(files, dest);
      if (wouldReplace.length) return { jobId: '', outDir, wouldReplace };
    }
    const jobId = this.jobs.start((job, progress) => exportAllFiles(files, dest, job, progress, { overwrite }));
    return { jobId, outDir };
  }

  async cancelJob(req: { jobId: string }): Promise<{ cancelled: boolean }> {
    return this.jobs.cancel(req.jobId);
  }

  // ---- annotations ----------------------------------------------------------------------------------
  async getAnnotations(req: { id: string; text?: string }): Promise<AnnotationsView> {
    return this.requireProject().annotations.get(req.id, req.text);
  }

  async saveAnnotations(req: { id: string; annotations: Annotation[]; base?: string[] }): Promise<{ count: number; ids: string[] }> {
    return this.requireProject().annotations.save(req.id, req.annotations, req.base);
  }

  // ---- settings (project.json, through the config service) ------------------------------------------
  async addToWordList(req: { word: string }): Promise<{ wordList: string[] }> {
    const p = this.requireProject();
    const word = req.word.normalize('NFC');
    const config = await p.session.config.update((c) => (c.wordList?.includes(word) ? c : { ...c, wordList: [...(c.wordList ?? []), word].sort((a, b) => a.localeCompare(b)) }));
    p.checks.configChanged();
    return { wordList: config.wordList ?? [] };
  }

  async scoringProfile(): Promise<ScoringProfileInfo> {
    const p = this.requireProject();
    const profile = profileFrom((await p.session.config.refresh()).config.scoring);
    return { weights: profile.weights.map((w) => ({ ...w })), ...(profile.perWords ? { perWords: profile.perWords } : {}), ...(profile.threshold !== undefined ? { threshold: profile.threshold } : {}) };
  }

  async updateScoringProfile(req: { profile?: ScoringProfileInfo; reset?: boolean }): Promise<ScoringProfileInfo> {
    const p = this.requireProject();
    await p.session.config.update((c) => {
      const { scoring: _old, ...rest } = c;
      return req.reset || !req.profile ? (rest as ProjectConfig) : { ...rest, scoring: { ...req.profile } };
    });
    return this.scoringProfile();
  }

  // ---- MQM and reports ------------------------------------------------------------------------------
  async importMqm(req: { content: string; from: string; to: string; skipMalformed?: boolean }): Promise<MqmImportResult> {
    const result = await this.requireProject().mqm.import(req);
    if (result.imported) await this.rescan();
    return result;
  }

  async exportMqm(): Promise<ExportResult> {
    return this.requireProject().mqm.export();
  }

  /** The project as the report builder sees it. */
  reportSource(): ReportSource {
    return this.requireProject().reports.source();
  }

  async buildReport(opts: { id?: string; lng: string }): Promise<ProjectReport> {
    return this.requireProject().reports.build(opts);
  }

  async exportReport(req: { id?: string; format: ReportFormat; lng: string }): Promise<ExportResult> {
    return this.requireProject().reports.export(req);
  }

  // ---- checks (the check service: one input builder for the editor, the list's counts and the CLI) ---
  async checkArticle(req: ApiRequest<'checkArticle'>): Promise<ArticleChecks> {
    return (await this.checkKept(req, false)).checks;
  }

  async checkArticleChanges(req: ApiRequest<'checkArticleChanges'>): Promise<ArticleChecks | ArticleChecksChanges> {
    const { known, ...check } = req;
    const p = this.requireProject();
    // Taken before the check replaces it with this answer.
    const before = known ? p.checkedTexts.answered(req.id, known) : null;
    const { checks, text } = await this.checkKept(check, true);
    if (!before || !checks.textKey || text === undefined) return checks;
    const { findings, alignment, ...rest } = checks;
    // The request's edit is of that very text when it names it; else the two texts are compared.
    const edit = req.edit && req.edit.base === known ? req.edit : textEdit(before.text, text);
    return { ...rest, delta: checksDelta(known!, before.answer, { findings, alignment }, edit) };
  }

  /** A check of the editor's text, kept (with its answer, for the next delta) under the answer's textKey. */
  private async checkKept(req: ApiRequest<'checkArticle'>, keepAnswer: boolean): Promise<{ checks: ArticleChecks; text?: string }> {
    const p = this.requireProject();
    const a = p.session.article(req.id);
    const text = req.edit ? p.checkedTexts.edited(req.id, req.edit) : req.text;
    if (text === null) throw new CalqueError('invalidRequest', { reason: 'unknown edit base' });
    await this.refreshConfig(p);
    const checks = await p.checks.checkArticle(a, text);
    if (text === undefined) return { checks };
    const answer = keepAnswer ? { findings: checks.findings, alignment: checks.alignment } : undefined;
    return { checks: { ...checks, textKey: p.checkedTexts.keep(req.id, text, answer) }, text };
  }

  /** A hand edit of project.json (glossaries, word list, settings) reaches the next check. */
  private async refreshConfig(p: OpenProject): Promise<void> {
    // refresh() stats the file and parses it only when it changed (then it is a new object).
    const before = p.session.config.current;
    const { config } = await p.session.config.refresh();
    if (config !== before && JSON.stringify(config) !== JSON.stringify(before)) p.checks.configChanged();
  }

  async ignoreFinding(req: { id: string; rule: string; text: string; scope: 'here' | 'project' }): Promise<{ ok: true }> {
    const p = this.requireProject();
    const a = p.session.article(req.id);
    if (req.scope === 'here') {
      await p.reviews.update(a.id, (r) => (r.ignores.some((i) => i.rule === req.rule && i.text === req.text) ? {} : { ignores: [...r.ignores, { rule: req.rule, text: req.text }] }));
    } else {
      await this.updateCheckSettings({ rule: req.rule, enabled: false });
    }
    p.checks.ignoresChanged(a.id);
    return { ok: true };
  }

  async ignoreFindings(req: { id: string; items: { rule: string; text: string }[]; scope: 'here' | 'everywhere' }): Promise<{ ok: true; added: number }> {
    const p = this.requireProject();
    const a = p.session.article(req.id);
    const added = req.scope === 'here' ? await addArticleIgnores(p.reviews, a.id, req.items) : await addProjectIgnores(p.session.config, req.items);
    if (req.scope === 'here') p.checks.ignoresChanged(a.id);
    else {
      p.checks.configChanged();
      // Every article's stored counts were of the old decisions: counted again, the list follows.
      if (this.options.backgroundChecks) void this.countProblems(p, [...p.session.articles.keys()]);
    }
    return { ok: true, added };
  }

  async searchProject(req: ProjectSearch): Promise<JobStarted> {
    return { jobId: this.requireProject().search.start(req) };
  }

  async searchResult(req: { jobId: string }): Promise<SearchResult> {
    return this.requireProject().search.result(req.jobId);
  }

  async replaceInProject(req: { query: SearchQuery; replacement: string; matches: { article: string; start: number; end: number; text: string }[] }): Promise<ReplaceResult> {
    const p = this.requireProject();
    // Through the facade's save, so the consistency context and the list's counts follow each article.
    const { undo, ...res } = await replaceMatches(p.session, { readTarget: (a) => p.articles.readTarget(a), save: (r) => this.saveArticle(r) }, req);
    await this.projectEdited(p, res.articles);
    const undoId = p.edits.record(undo);
    return undoId ? { ...res, undoId } : res;
  }

  async undoProjectEdit(req: { undoId: string }): Promise<ProjectEditUndone> {
    const p = this.requireProject();
    const res = await p.edits.undo(req.undoId, (r) => this.saveArticle(r));
    await this.projectEdited(p, res.restored);
    return res;
  }

  async projectProblems(_req: Record<string, never> = {}): Promise<ProjectProblems> {
    const p = this.requireProject();
    await this.refreshConfig(p);
    const res = await projectProblems(p.checks, [...p.session.articles.values()]);
    await this.problemsCounted(p);
    return res;
  }

  async startProjectProblems(_req: Record<string, never> = {}): Promise<JobStarted> {
    const p = this.requireProject();
    await this.refreshConfig(p);
    const list = [...p.session.articles.values()];
    const jobId = p.problems.start(list.length, async (job, onProgress) => {
      const res = await projectProblems(p.checks, list, job, onProgress);
      if (!job.cancelled) await this.problemsCounted(p);
      return res;
    });
    return { jobId };
  }

  async projectProblemsResult(req: { jobId: string }): Promise<ProjectProblems> {
    return this.requireProject().problems.result(req.jobId);
  }

  /** Every article's counts were stored by the problems run just made: the list follows. */
  private async problemsCounted(p: OpenProject): Promise<void> {
    for (const a of p.session.articles.values()) this.emit('articleUpdated', { summary: await p.articles.summarize(a) });
  }

  async fixProjectProblems(req: { groups: { rule: string; text: string }[] }): Promise<ProjectFixResult> {
    const p = this.requireProject();
    await this.refreshConfig(p);
    const deps = { checks: p.checks, readDisk: (id: string) => p.articles.readDisk(id), save: (r: { id: string; text: string; expectedRevision: string }) => this.saveArticle(r) };
    const { undo, ...res } = await fixProjectProblems(deps, [...p.session.articles.values()], req.groups);
    await this.projectEdited(p, res.articles);
    const undoId = p.edits.record(undo);
    return undoId ? { ...res, undoId } : res;
  }

  /** Saved by the host for the project: editors that have the article open reload it, the list follows. */
  private async projectEdited(p: OpenProject, saved: { id: string; revision: string }[]): Promise<void> {
    for (const { id, revision } of saved) {
      this.emit('articleChangedOnDisk', { id, revision, deleted: false, byProject: true });
      this.emit('articleUpdated', { summary: await p.articles.summarize(p.session.article(id)) });
    }
  }

  async checkSettings(): Promise<CheckSettingsInfo> {
    const p = this.requireProject();
    await this.refreshConfig(p);
    return p.checks.describeSettings(p.session.config.current.pairs);
  }

  async updateCheckSettings(req: { rule: string; enabled?: boolean; severity?: FindingSeverity | null }): Promise<CheckSettingsInfo> {
    const p = this.requireProject();
    const config = await p.session.config.update((c) => {
      const checks = { disabled: [...(c.checks?.disabled ?? [])], severity: { ...(c.checks?.severity ?? {}) } };
      if (req.enabled === false && !checks.disabled.includes(req.rule)) checks.disabled.push(req.rule);
      if (req.enabled === true) checks.disabled = checks.disabled.filter((r) => r !== req.rule);
      if (req.severity === null) delete checks.severity[req.rule];
      else if (req.severity) checks.severity[req.rule] = req.severity;
      return { ...c, checks: { ...c.checks, ...checks } };
    });
    p.checks.configChanged();
    return p.checks.describeSettings(config.pairs);
  }

  /**
   * The article list's problem counts for articles not checked since they last changed: checked one at
   * a time in the background, each result sent as an `articleUpdated` event. Stops when another project
   * opens or the list is described again.
   */
  private countProblems(p: OpenProject, ids: string[]): Promise<void> {
    // A review file that cannot be read is never written over: its count is simply not stored.
    return p.checks.countProblems(ids, async (id) => {
      const a = p.session.articles.get(id);
      if (a && this.project === p) this.emit('articleUpdated', { summary: await p.articles.summarize(a) });
    });
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

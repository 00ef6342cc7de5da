/**
 * The check service: the only owner of check sessions and of the article list's problem counts. The
 * editor's checks, the background counts and `calque check` all go through it, with input from the
 * one builder (input.ts), so the same article gets the same findings everywhere. Hosts import this
 * file and nothing else under core/checks (lint rule in eslint.config.mjs).
 */
import * as fsp from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { ArticleChecks, CheckSettingsInfo, DiffStats, LanguagePair, TagAccuracy } from '../../contract/api.js';
import { diffStats } from '../article/article-stats.js';
import type { DiffTags } from '../../common/word-diff.js';
import type { Finding } from '../../contract/review.js';
import { emptyConfig, readConfig, type ProjectConfig } from '../project/config.js';
import { pairFiles, type PairedArticle } from '../project/pairing.js';
import { scanTextFiles } from '../project/scan.js';
import { declaredLanguages } from '../formats/declared-languages.js';
import { ReviewStore, type ReviewRecord } from '../article/review-store.js';
import { FileLocks } from '../platform/file-lock.js';
import { countProblems, isProblem } from '../../common/problems.js';
import { articleFigures, type ArticleFigures } from '../../common/metrics/article.js';
import { CalqueError } from '../../contract/api.js';
import { readTextFile, revisionOf } from '../text/read-text-file.js';
import { formatForPath } from '../formats/registry.js';
import type { Document, SegmentGroups } from '../../contract/document.js';
import { allChecks, CheckSession, checksFor, documentDate, isIgnored, runChecks } from './engine.js';
import { CheckInputs, settingsOf, type BuiltInput } from './input.js';
import type { ProtectedRanges } from './protected.js';
import { documentWithText } from '../formats/document-text.js';
import { sentencePairs } from './sentence-pairs.js';
import type { CheckTags, ProjectCheckData } from './types.js';
import { packPairs } from './consistency-context.js';
import { projectCheckData, unpackMemo } from './shared-project.js';
import { articleTags, withPartnerTags } from '../formats/inline-tags.js';
import { tagAccuracy } from '../../common/metrics/tag-accuracy.js';
import { CheckWorkerPool, workerEntry } from './worker/pool.js';
import { belongsInWorker, WORKER_GLOSSARY_BYTES } from './worker/heavy.js';
import { readGlossaryFile } from './glossary/index.js';

const EMPTY_PROJECT = { glossary: [], wordList: [] };

/** Open check sessions kept (each caches its article's segments); a project can have thousands of articles. */
const MAX_SESSIONS = 16;
/** The editor's first check of a project does not wait longer than this for the consistency context. */
const CONSISTENCY_WAIT_MS = 50;

/** What the service reads and writes in the open project. */
export interface CheckServiceDeps {
  root: string;
  config(): ProjectConfig;
  articles(): PairedArticle[];
  reviews: {
    readReview(id: string): Promise<ReviewRecord>;
    updateReview(id: string, patch: Partial<ReviewRecord>): Promise<unknown>;
  };
  /**
   * Worker threads for the checks (the server: its request thread stays free). 0 or absent: checks run
   * in this thread (the command line, tests), with the same engine and input.
   */
  workers?: number;
  /**
   * Articles shorter than this (source + translation, UTF-16 units) are checked in this thread even with
   * workers: a few milliseconds, less than a worker's round trip, and no cold start of a worker for a
   * project of short articles. Default 30,000 (about 5,000 words); 0 sends every check to a worker.
   */
  workerThreshold?: number;
}

/** Worker threads for a host that serves requests: one core stays for the request thread. */
export function defaultCheckWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** A project's review store as the check service reads and writes it (under the review's lock). */
export function reviewsFor(store: ReviewStore): CheckServiceDeps['reviews'] {
  return { readReview: (id) => store.read(id), updateReview: (id, patch) => store.update(id, patch) };
}

/** Rule descriptions for reports and SARIF (id, category, default grading). */
export function describeRules(ids: Iterable<string>): { id: string; category: string; severity: Finding['severity']; description?: string }[] {
  const wanted = new Set(ids);
  return allChecks()
    .filter((c) => wanted.has(c.id))
    .map((c) => ({ id: c.id, category: c.category, severity: c.severity, ...(c.description ? { description: c.description } : {}) }));
}

export class CheckService {
  readonly inputs: CheckInputs;
  private readonly sessions = new Map<string, { session: CheckSession; key: string }>();
  /** The editor's last complete check per article, so a save of that very text lists its counts. */
  private readonly lastChecked = new Map<string, { target: string; counts: ReturnType<typeof countProblems> }>();
  /** Bumped to stop a running background count. */
  private countRun = 0;
  private readonly pool: CheckWorkerPool | null;
  /** Ids of project data objects sent to workers (the consistency context is rebuilt as a new object). */
  private readonly dataIds = new WeakMap<object, number>();
  /** Glossaries unpacked and contexts merged for checks in this thread (the big ones go to a worker). */
  private readonly unpacked = unpackMemo();
  private nextDataId = 0;
  /** Numbers the editor's requests in the order they came, so a stale one never runs after a newer one. */
  private requests = 0;

  constructor(private readonly deps: CheckServiceDeps) {
    this.inputs = new CheckInputs({
      root: deps.root,
      config: deps.config,
      articles: deps.articles,
      ignores: async (id) => (await deps.reviews.readReview(id)).ignores,
      // A book's alignment takes seconds: in a worker, like its checks.
      sentencePairs: async (a, source, target) =>
        this.pool && source.length + target.length >= (deps.workerThreshold ?? 30_000)
          ? ((await this.pool.run({ seq: ++this.requests, mode: 'pairs', articleId: a.id, sourceLang: a.sourceLang, targetLang: a.targetLang, settings: {}, ignores: [], projectId: '', sessionKey: '', source, target }, EMPTY_PROJECT)).pairs ?? packPairs([]))
          : packPairs(sentencePairs(a.sourceLang, a.targetLang, source, target)),
      // Only a big glossary file goes to a worker: a missing or small one is read here at once, never
      // queued behind a book's check in a busy worker.
      readGlossary: async (abs, rel, sourceLang, targetLang) =>
        this.pool && (await fsp.stat(abs).then((st) => st.size, () => 0)) >= WORKER_GLOSSARY_BYTES
          ? ((await this.pool.run({ seq: ++this.requests, mode: 'glossary', articleId: rel, sourceLang, targetLang, settings: {}, ignores: [], projectId: '', sessionKey: '', source: abs, target: rel }, EMPTY_PROJECT)).glossary ?? [])
          : readGlossaryFile(abs, rel, sourceLang, targetLang),
    });
    const entry = deps.workers ? workerEntry() : null;
    this.pool = entry ? new CheckWorkerPool(deps.workers!, entry) : null;
  }

  /**
   * The editor's check of `text` (default: the translation on disk), incremental per article. When it
   * was of the text on disk and complete, the article list's counts are stored from it.
   */
  async checkArticle(a: PairedArticle, text?: string): Promise<ArticleChecks> {
    const seq = ++this.requests;
    const texts = await this.readTexts(a);
    const { source, target: disk, segmentGroups, cueTimings } = texts;
    const target = text !== undefined ? text.normalize('NFC') : disk;
    const built = await this.inputs.checkInputFor(a, { source, target, segmentGroups, cueTimings }, { waitMs: CONSISTENCY_WAIT_MS });
    const tags = tagsOf(a, texts, target);
    const input = { ...built, protected: protectedOf(a, texts, target), ...(tags ? { tags } : {}) };
    const { findings, alignment, pending: fixesPending } = this.heavy(input) ? await this.inWorker('session', a, input, seq) : this.inSession(a, input);
    this.lastChecked.delete(a.id);
    // Only the counts are kept: a book's findings are tens of megabytes in this thread.
    if (input.complete) this.lastChecked.set(a.id, { target, counts: countProblems(findings) });
    while (this.lastChecked.size > MAX_SESSIONS) this.lastChecked.delete(this.lastChecked.keys().next().value!);
    if (target === disk && input.complete) await this.storeCounts(a, target, countProblems(findings));
    const date = documentDate(source, target);
    // Incomplete consistency context: the editor asks again (as for pending fixes) and gets it all.
    const pending = fixesPending || !input.complete;
    const accuracy = tagAccuracy(tags);
    return {
      alignment,
      findings,
      ignored: input.ignores.length,
      ...(accuracy ? { tagAccuracy: accuracy } : {}),
      ...(pending ? { pending: true } : {}),
      ...(date ? { documentDate: `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}` } : {}),
    };
  }

  private heavy(input: BuiltInput): boolean {
    return !!this.pool && belongsInWorker(input, this.deps.workerThreshold);
  }

  /** The project data of a check run in this thread (unpacked and merged once per shared object). */
  private projectHere(input: BuiltInput): ProjectCheckData {
    return projectCheckData(input.project, this.unpacked);
  }

  /** The editor's incremental session of the article, in this thread. */
  private inSession(a: PairedArticle, input: BuiltInput) {
    const key = input.projectKey;
    let entry = this.sessions.get(a.id);
    if (!entry || entry.key !== key) {
      // What belongs to one text (its protected ranges and tags) is passed with each update, not kept.
      const { source: _s, target: _t, projectKey: _k, complete: _c, protected: _p, tags: _g, ...options } = input;
      entry = { session: new CheckSession({ ...options, project: this.projectHere(input) }), key };
    } else {
      entry.session.configure({ ignores: input.ignores, segmentGroups: input.segmentGroups, cueTimings: input.cueTimings });
      entry.session.setProjectContext(this.projectHere(input));
    }
    // Most recently used last; sessions of articles not looked at for a while are dropped (memory).
    this.sessions.delete(a.id);
    this.sessions.set(a.id, entry);
    while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    const findings = entry.session.update(input.source, input.target, undefined, input.protected, input.tags);
    return { findings, alignment: entry.session.alignment!, pending: entry.session.pending };
  }

  /** The same check in a worker thread: its session lives there; `last` is still kept here. */
  private async inWorker(mode: 'session' | 'full' | 'counts', a: PairedArticle, input: BuiltInput, seq = ++this.requests) {
    const context = input.project.context;
    let dataId = context ? this.dataIds.get(context) : -1;
    if (dataId === undefined) this.dataIds.set(context!, (dataId = ++this.nextDataId));
    const projectId = `${input.projectKey}\u0000${a.sourceLang}\u0000${a.targetLang}\u0000${dataId}`;
    const { settings, ignores, project, source, target, projectKey, segmentGroups, cueTimings } = input;
    const prot = input.protected ? { protected: input.protected } : {};
    const tags = input.tags ? { tags: input.tags } : {};
    return this.pool!.run({ seq, mode, articleId: a.id, sourceLang: a.sourceLang, targetLang: a.targetLang, settings, ignores, projectId, sessionKey: projectKey, source, target, ...(segmentGroups ? { segmentGroups } : {}), ...(cueTimings ? { cueTimings } : {}), ...prot, ...tags }, project);
  }

  /** Every finding of the article's files on disk, complete (fixes included): `calque check` and the counts. */
  async findingsOnDisk(a: PairedArticle): Promise<{ findings: Finding[]; source: string; target: string; tagAccuracy?: TagAccuracy }> {
    const { texts, tags, built } = await this.diskInput(a);
    const accuracy = tagAccuracy(tags);
    const figures = { source: texts.source, target: texts.target, ...(accuracy ? { tagAccuracy: accuracy } : {}) };
    if (this.heavy(built)) return { findings: (await this.inWorker('full', a, built)).findings, ...figures };
    const { projectKey: _k, complete: _c, ...input } = built;
    return { findings: runChecks({ ...input, project: this.projectHere(built) }), ...figures };
  }

  /**
   * Every finding of the article on disk, ignored ones included and marked (reports, the QA CSV): the
   * same input as `findingsOnDisk`, run without the ignore decisions, then each decision applied.
   */
  async findingsWithDecisions(a: PairedArticle): Promise<(Finding & { ignored: boolean })[]> {
    const { texts, built } = await this.diskInput(a);
    const all = { ...built, ignores: [] };
    let findings: Finding[];
    if (this.heavy(built)) findings = (await this.inWorker('full', a, all)).findings;
    else {
      const { projectKey: _k, complete: _c, ...input } = all;
      findings = runChecks({ ...input, project: this.projectHere(built) });
    }
    return findings.map((f) => ({ ...f, ignored: isIgnored(f, built.ignores, f.side === 'target' ? texts.target : texts.source) }));
  }

  /**
   * The problems of the article on disk (hints left out), its list counts stored from this very run:
   * the project's problem groups and the article list show one count.
   */
  async problemsOnDisk(a: PairedArticle): Promise<{ findings: Finding[]; target: string }> {
    const { findings, target } = await this.findingsOnDisk(a);
    await this.storeCounts(a, target, countProblems(findings));
    return { findings: findings.filter(isProblem), target };
  }

  /**
   * The article list's counts for `ids`, one article at a time in the background; `onCounted` after
   * each. A newer call stops an older one.
   */
  async countProblems(ids: readonly string[], onCounted: (id: string) => void | Promise<void>): Promise<void> {
    const run = ++this.countRun;
    const byId = new Map(this.deps.articles().map((a) => [a.id, a]));
    for (const id of ids) {
      await new Promise((r) => setImmediate(r));
      if (run !== this.countRun) return;
      const a = byId.get(id);
      if (!a) continue;
      try {
        const { counts, target } = await this.countsOnDisk(a);
        if (run !== this.countRun) return;
        await this.storeCounts(a, target, counts);
        await onCounted(id);
      } catch {
        // An unreadable article shows its error in the list already.
      }
    }
  }

  /**
   * The problem counts of the article on disk: those of `findingsOnDisk`, counted where the check ran
   * (a worker answers a book's counts, not its 22,000 findings, which the host would only count).
   */
  private async countsOnDisk(a: PairedArticle): Promise<{ counts: ReturnType<typeof countProblems>; target: string }> {
    const { texts, built } = await this.diskInput(a);
    if (this.heavy(built)) return { counts: (await this.inWorker('counts', a, built)).counts!, target: texts.target };
    const { projectKey: _k, complete: _c, ...input } = built;
    return { counts: countProblems(runChecks({ ...input, project: this.projectHere(built) })), target: texts.target };
  }

  /** The complete check input of the article's files on disk (the counts, `calque check`, reports). */
  private async diskInput(a: PairedArticle) {
    const texts = await this.readTexts(a);
    const tags = tagsOf(a, texts, texts.target);
    const built = { ...(await this.inputs.checkInputFor(a, texts)), protected: protectedOf(a, texts, texts.target), ...(tags ? { tags } : {}) };
    return { texts, tags, built };
  }

  stopCounting(): void {
    this.countRun++;
  }

  /** The project closed: stop counting, stop the workers. */
  dispose(): void {
    this.stopCounting();
    this.pool?.terminate();
  }

  describeSettings(pairs: { source: string; target: string }[]): CheckSettingsInfo {
    const { disabled: off = [], severity = {} } = settingsOf(this.deps.config());
    const disabled = new Set(off);
    const applicable = new Set(pairs.flatMap((p) => checksFor(p.source, p.target).map((c) => c.id)));
    return {
      rules: allChecks()
        .filter((c) => applicable.has(c.id) || disabled.has(c.id))
        .map((c) => ({ id: c.id, category: c.category, defaultSeverity: c.severity, severity: severity[c.id] ?? c.severity, enabled: !disabled.has(c.id) }))
        .sort((x, y) => x.id.localeCompare(y.id)),
    };
  }

  /** The article's ignores changed: its session re-reads them on the next check. */
  ignoresChanged(id: string): void {
    this.sessions.delete(id);
  }

  /** Settings, glossaries or the word list changed. */
  configChanged(): void {
    this.sessions.clear();
    this.inputs.configChanged();
  }

  /**
   * A translation was saved: the list's counts are those of the editor's last check when that was of
   * the saved text, and the other articles' consistency context takes its new sentences in the
   * background (input.ts: re-aligning a book takes seconds; the save does not wait for it).
   */
  async articleSaved(a: PairedArticle): Promise<void> {
    try {
      const { source, target } = await this.readTexts(a);
      this.inputs.articleSaved(a, source, target);
      const last = this.lastChecked.get(a.id);
      if (last && last.target === target) await this.storeCounts(a, target, last.counts);
    } catch {
      this.inputs.articlesChanged();
    }
  }

  /**
   * An article's HTER and chrF against its baseline: a book's take seconds, so with workers they are
   * worked out there (the one definition, main/common/metrics/article.ts, runs on either side).
   */
  async articleFigures(articleId: string, baseline: string, final: string, lang: string): Promise<ArticleFigures> {
    if (!this.pool || baseline.length + final.length < (this.deps.workerThreshold ?? 30_000)) return articleFigures(baseline, final, lang);
    const reply = await this.pool.run({ seq: ++this.requests, mode: 'figures', articleId, sourceLang: lang, targetLang: lang, settings: {}, ignores: [], projectId: '', sessionKey: '', source: baseline, target: final }, EMPTY_PROJECT);
    return reply.figures!;
  }

  /**
   * An article's word-diff stats against its baseline (article-stats.ts): a whole-document diff of a
   * book or a million lines takes seconds, so with workers it runs there, like the figures.
   */
  async articleStats(articleId: string, baseline: string, current: string, lang: string, tags?: DiffTags): Promise<DiffStats> {
    if (!this.pool || baseline.length + current.length < (this.deps.workerThreshold ?? 30_000)) return diffStats(baseline, current, lang, tags);
    const reply = await this.pool.run({ seq: ++this.requests, mode: 'stats', articleId, sourceLang: lang, targetLang: lang, settings: {}, ignores: [], projectId: '', sessionKey: '', source: baseline, target: current, ...(tags ? { diffTags: tags } : {}) }, EMPTY_PROJECT);
    return reply.stats!;
  }

  /** Resolves when the background work a save queued is done (the consistency context is current). */
  settled(): Promise<void> {
    return this.inputs.settled();
  }

  private async readTexts(a: PairedArticle): Promise<ArticleTexts> {
    // resolve, not join: `calque check --source` may name a file outside the project.
    const [source, target] = await Promise.all([
      readTextFile(resolve(this.deps.root, a.sourcePath), a.sourcePath, 'source'),
      readTextFile(resolve(this.deps.root, a.targetPath), a.targetPath, 'target'),
    ]);
    // Subtitle cues pair by timing: the format says which segments correspond.
    const segmentGroups = formatForPath(a.targetPath).groupSegments?.(source.doc, target.doc);
    const units = target.doc.units;
    const cueTimings = units.length && units.every((u) => u.timing) ? units.map((u) => u.timing!) : undefined;
    const docs = { source: source.doc, target: target.doc };
    return { source: source.text, target: target.text, docs, ...(segmentGroups ? { segmentGroups } : {}), ...(cueTimings ? { cueTimings } : {}) };
  }

  /** `counts`: countProblems of the findings (hints are outside the counts, main/common/problems.ts). */
  private async storeCounts(a: PairedArticle, target: string, counts: ReturnType<typeof countProblems>): Promise<void> {
    const problems = { ...counts, textHash: revisionOf(Buffer.from(target, 'utf8')) };
    const before = (await this.deps.reviews.readReview(a.id)).problems;
    if (before && (Object.keys(problems) as (keyof typeof problems)[]).every((k) => before[k] === problems[k])) return;
    // A review file that cannot be read stays exactly as it is: the counts are simply not stored.
    await this.deps.reviews.updateReview(a.id, { problems }).catch((err: unknown) => {
      if (!(err instanceof CalqueError)) throw err;
    });
  }
}

interface ArticleTexts {
  source: string;
  target: string;
  docs: Record<'source' | 'target', Document>;
  segmentGroups?: SegmentGroups;
  cueTimings?: { startMs: number; endMs: number }[];
}

/**
 * What is not text to translate on each side (code, URLs, markup: Document.protectedRanges), for the
 * translation as `target` (the editor's text is read through its format again; a text the format
 * cannot map has none, rather than ranges of another text).
 */
function protectedOf(a: PairedArticle, texts: ArticleTexts, target: string): ProtectedRanges | undefined {
  const tdoc = documentWithText(a.targetPath, texts.docs.target, 'target', target);
  const source = texts.docs.source.protectedRanges?.source;
  const tgt = tdoc.text.target === target ? tdoc.protectedRanges?.target : undefined;
  return source || tgt ? { ...(source ? { source } : {}), ...(tgt ? { target: tgt } : {}) } : undefined;
}

/** The inline tags of the source and of `target` (the editor's text, or the file's), for the checks. */
function tagsOf(a: PairedArticle, texts: ArticleTexts, target: string): CheckTags | undefined {
  return articleTags(texts.docs.source, documentWithText(a.targetPath, withPartnerTags(texts.docs.target, texts.docs.source), 'target', target));
}

/**
 * The check service of a project folder for the command line, read-only: project.json as it is (or
 * the languages given), the articles paired as the app pairs them, the reviews' ignore decisions.
 */
export async function openProjectChecks(root: string, opts: { pairs?: LanguagePair[] } & Pick<CheckServiceDeps, 'workers' | 'workerThreshold'> = {}): Promise<{ service: CheckService; articles: PairedArticle[] }> {
  // A project.json the CLI cannot read checks as a project without settings (the app reports it).
  const config = (await readConfig(root).catch(() => null)) ?? emptyConfig();
  const pairs = opts.pairs?.length ? opts.pairs : config.pairs;
  const files = await scanTextFiles(root);
  const articles = pairFiles(files, pairs, await declaredLanguages(root, files)).articles;
  const service = new CheckService({ root, config: () => config, articles: () => articles, reviews: reviewsFor(new ReviewStore(root, new FileLocks(root))), workers: opts.workers, workerThreshold: opts.workerThreshold });
  return { service, articles };
}

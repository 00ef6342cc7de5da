import { CalqueError, type ArticleId, type ProjectSearch, type ReplaceResult, type SearchMatch, type SearchResult } from '../../contract/api.js';
import { alignDocument } from '../../common/align/index.js';
import { paragraphNumbering } from '../../common/paragraphs.js';
import type { ArticleService } from '../article/article-service.js';
import type { ProjectEditEntry } from '../article/project-edits.js';
import type { JobService } from '../jobs/job-service.js';
import { ResultJobs } from '../jobs/result-jobs.js';
import type { PairedArticle } from '../project/pairing.js';
import type { ProjectSession } from '../project/session.js';
import { TimedMatcher, type RawMatch } from './matcher.js';
import { compileQuery, expandReplacement, type SearchQuery } from './pattern.js';

/** Most matches one search returns (a preview of more is no preview); the result says it was cut. */
export const MAX_MATCHES = 5000;
/** Context either side of a match in the preview. */
const CONTEXT = 48;
/** Characters of text per worker batch: progress and cancel between batches. */
const BATCH_CHARS = 2_000_000;

type Texts = { source: string; target: string; revision: string };

/**
 * Find and replace across the project, and the concordance (issue 11). Searching is a job kept by
 * ResultJobs, as the project problems are (progress, cancel, the result fetched once it finished).
 * Replacing checks every match against the file as it is now and saves each article once, through the
 * article service (lock, revision guard).
 */
export class SearchService {
  private readonly jobs: ResultJobs<SearchResult>;

  constructor(
    private readonly session: ProjectSession,
    private readonly articles: ArticleService,
    jobs: JobService,
  ) {
    this.jobs = new ResultJobs<SearchResult>(jobs);
  }

  /** Start a search; CalqueError('invalidPattern') at once for a bad pattern. */
  start(req: ProjectSearch): string {
    const compiled = compileQuery(req);
    const list = [...this.session.articles.values()];
    return this.jobs.start(list.length, (job, onProgress) => this.run(req, compiled, list, job, onProgress));
  }

  /** The matches of a finished search (kept for the last few searches). */
  result(jobId: string): SearchResult {
    return this.jobs.result(jobId);
  }

  /** The whole search, batch by batch (the CLI calls it directly, without a job). */
  async run(req: ProjectSearch, compiled: { source: string; flags: string }, list: PairedArticle[], job: { cancelled: boolean }, onProgress: (done: number) => void): Promise<SearchResult> {
    const matcher = new TimedMatcher(compiled.source, compiled.flags);
    const matches: SearchMatch[] = [];
    // Concordance: the texts of articles with matches, to align them afterwards.
    const matched = new Map<string, { a: PairedArticle; t: Texts }>();
    let done = 0;
    try {
      let batch: { a: PairedArticle; t: Texts }[] = [];
      let chars = 0;
      const flush = async () => {
        const raw = await matcher.run(
          batch.map((b) => b.t[req.side]),
          MAX_MATCHES + 1 - matches.length,
        );
        const numbering = new Map<number, (offset: number) => number>();
        for (const m of raw) {
          const b = batch[m[0]]!;
          let n = numbering.get(m[0]);
          if (!n) numbering.set(m[0], (n = paragraphNumbering(b.t[req.side])));
          matches.push(describe(req, b, m, n));
          if (req.concordance) matched.set(b.a.id, b);
        }
        done += batch.length;
        onProgress(done);
        batch = [];
        chars = 0;
      };
      for (const a of list) {
        if (job.cancelled || matches.length > MAX_MATCHES) break;
        try {
          const t = await this.textsOf(a);
          batch.push({ a, t });
          chars += t[req.side].length;
        } catch {
          done++; // an unreadable article shows its error in the list
          continue;
        }
        if (chars >= BATCH_CHARS) await flush();
      }
      if (batch.length && !job.cancelled && matches.length <= MAX_MATCHES) await flush();
    } finally {
      await matcher.close();
    }
    const kept = matches.slice(0, MAX_MATCHES);
    if (req.concordance && req.side === 'source') await withAlignedTranslations(kept, matched, job);
    return { matches: kept, articles: done, truncated: matches.length > MAX_MATCHES };
  }

  private async textsOf(a: PairedArticle): Promise<Texts> {
    const [source, target] = await Promise.all([this.articles.readSource(a), this.articles.readTarget(a)]);
    return { source: source.text, target: target.text, revision: target.revision };
  }
}

function describe(req: ProjectSearch, b: { a: PairedArticle; t: Texts }, [, index, length]: RawMatch, segmentOf: (offset: number) => number): SearchMatch {
  const text = b.t[req.side];
  const end = index + length;
  const m: SearchMatch = {
    article: b.a.id,
    side: req.side,
    start: index,
    end,
    text: text.slice(index, end),
    before: text.slice(Math.max(0, index - CONTEXT), index),
    after: text.slice(end, end + CONTEXT),
    segment: segmentOf(index),
    revision: b.t.revision,
  };
  if (req.replacement !== undefined && req.side === 'target') m.replacement = expandReplacement(text, index, length, req, req.replacement);
  return m;
}

/** Concordance: each source match gets the translation's sentences aligned with its sentence (as the review view aligns them). */
async function withAlignedTranslations(matches: SearchMatch[], texts: Map<string, { a: PairedArticle; t: Texts }>, job: { cancelled: boolean }): Promise<void> {
  const byArticle = new Map<string, SearchMatch[]>();
  for (const m of matches) byArticle.set(m.article, [...(byArticle.get(m.article) ?? []), m]);
  for (const [id, list] of byArticle) {
    if (job.cancelled) return;
    const { a, t } = texts.get(id)!;
    const al = alignDocument(t.source, t.target, a.sourceLang, a.targetLang);
    const linkOf = new Map<number, number>();
    al.links.forEach((l, k) => l.source.forEach((s) => linkOf.set(s, k)));
    for (const m of list) {
      const s = al.source.findIndex((x) => m.start >= x.start && m.start < x.end);
      const link = s >= 0 ? al.links[linkOf.get(s)!] : undefined;
      m.aligned = link ? link.target.map((k) => t.target.slice(al.target[k]!.start, al.target[k]!.end)).join(' ') : '';
    }
    await new Promise((r) => setImmediate(r)); // a book's alignment takes a moment: let requests through
  }
}

export type { ArticleId, ReplaceResult, SearchQuery };

/**
 * Replace chosen matches, one save per article through the article service: each match must still be
 * there (same text, the pattern still matching exactly there), else it is skipped and counted as stale;
 * a file changed meanwhile by someone else is a conflict and left alone. Nothing is written over.
 * `undo`: each saved article's text before, for the undo of the whole replacement (project-edits.ts).
 */
export async function replaceMatches(
  session: ProjectSession,
  articles: Pick<ArticleService, 'readTarget' | 'save'>,
  req: { query: SearchQuery; replacement: string; matches: { article: ArticleId; start: number; end: number; text: string }[] },
): Promise<ReplaceResult & { undo: ProjectEditEntry[] }> {
  compileQuery(req.query);
  const byArticle = new Map<string, typeof req.matches>();
  for (const m of req.matches) byArticle.set(m.article, [...(byArticle.get(m.article) ?? []), m]);
  const result: ReplaceResult & { undo: ProjectEditEntry[] } = { replaced: 0, articles: [], conflicts: [], stale: 0, undo: [] };
  for (const [id, list] of byArticle) {
    const a = session.article(id);
    const file = await articles.readTarget(a);
    const edits: { start: number; end: number; text: string }[] = [];
    let lastEnd = -1;
    for (const m of [...list].sort((x, y) => x.start - y.start)) {
      const text = file.text.slice(m.start, m.end) === m.text && m.start >= lastEnd ? expandReplacement(file.text, m.start, m.end - m.start, req.query, req.replacement) : null;
      if (text === null) {
        result.stale++;
        continue;
      }
      edits.push({ start: m.start, end: m.end, text });
      lastEnd = m.end;
    }
    if (!edits.length) continue;
    let next = file.text;
    for (const e of [...edits].reverse()) next = next.slice(0, e.start) + e.text + next.slice(e.end);
    try {
      const saved = await articles.save({ id, text: next, expectedRevision: file.revision });
      result.replaced += edits.length;
      result.articles.push({ id, replaced: edits.length, revision: saved.revision });
      result.undo.push({ id, before: file.text, revision: saved.revision });
    } catch (err) {
      if (err instanceof CalqueError && err.code === 'conflict') result.conflicts.push(id);
      else throw err;
    }
  }
  return result;
}

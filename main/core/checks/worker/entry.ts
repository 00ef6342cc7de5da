/**
 * A check worker thread: runs the check engine off the host's request thread, so a long check (a book,
 * a big glossary) never stops the server from answering. It keeps the editor's incremental sessions of
 * the articles routed to it, and the project data it was sent, by id.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { articleFigures, ArticleFiguresTracker } from '../../../common/metrics/article.js';
import { CalqueError } from '../../../contract/api.js';
import { countProblems } from '../../../common/problems.js';
import { diffStats } from '../../article/article-stats.js';
import { CheckSession, runChecks } from '../engine.js';
import { readGlossaryFile } from '../glossary/index.js';
import { sentencePairs } from '../sentence-pairs.js';
import { packPairs } from '../consistency-context.js';
import { packGlossary, projectCheckData } from '../shared-project.js';
import type { ProjectCheckData } from '../types.js';
import { projectsKept, type CheckJob, type CheckReply } from './protocol.js';

/** Sessions kept (a book's is tens of megabytes; the background counts open one per big article too). */
const MAX_SESSIONS = 4;
const sessions = new Map<string, { session: CheckSession; key: string }>();
const projects = new Map<string, ProjectCheckData>();

const trackers = new Map<string, ArticleFiguresTracker>();

/** The article's figures tracker (a save re-scores only the paragraphs it changed), per baseline. */
function figuresTracker(articleId: string, baseline: string, lang: string): ArticleFiguresTracker {
  let t = trackers.get(articleId);
  if (!t || t.baseline !== baseline || t.lang !== lang) t = new ArticleFiguresTracker(baseline, lang);
  trackers.delete(articleId);
  trackers.set(articleId, t);
  while (trackers.size > MAX_SESSIONS) trackers.delete(trackers.keys().next().value!);
  return t;
}

function projectFor(job: CheckJob): ProjectCheckData {
  if (job.project) {
    // Glossaries unpacked and the consistency context merged here, once per project data (the host keeps them packed).
    const kept = new Set(projectsKept([...projects.keys()], job.projectId));
    for (const id of projects.keys()) if (!kept.has(id)) projects.delete(id);
    projects.delete(job.projectId);
    projects.set(job.projectId, projectCheckData(job.project));
  }
  const project = projects.get(job.projectId);
  if (!project) throw new Error(`no project data ${job.projectId}`);
  return project;
}

function run(job: CheckJob): CheckReply {
  if (job.mode === 'figures') {
    // An unedited article needs no tracker: building one scores the whole baseline (seconds for a book).
    const figures = job.source === job.target ? articleFigures(job.source, job.target, job.targetLang) : figuresTracker(job.articleId, job.source, job.targetLang).figures(job.target);
    return { job: job.job, ok: true, findings: [], alignment: { source: [], target: [], links: [] }, pending: false, figures };
  }
  if (job.mode === 'stats') {
    const stats = diffStats(job.source, job.target, job.targetLang, job.diffTags);
    return { job: job.job, ok: true, findings: [], alignment: { source: [], target: [], links: [] }, pending: false, stats };
  }
  if (job.mode === 'pairs') {
    const pairs = packPairs(sentencePairs(job.sourceLang, job.targetLang, job.source, job.target));
    return { job: job.job, ok: true, findings: [], alignment: { source: [], target: [], links: [] }, pending: false, pairs };
  }
  const project = projectFor(job);
  const options = { sourceLang: job.sourceLang, targetLang: job.targetLang, settings: job.settings, ignores: job.ignores, articleId: job.articleId, project, ...(job.segmentGroups ? { segmentGroups: job.segmentGroups } : {}), ...(job.cueTimings ? { cueTimings: job.cueTimings } : {}) };
  // A complete check (the background count) runs on the article's session too: a book the editor has
  // open is checked once, not once for the count and once for the editor, whichever asks first.
  let entry = sessions.get(job.articleId);
  if (!entry || entry.key !== job.sessionKey) entry = { session: new CheckSession(options), key: job.sessionKey };
  else {
    entry.session.configure({ ignores: job.ignores, segmentGroups: job.segmentGroups, cueTimings: job.cueTimings });
    entry.session.setProjectContext(project);
  }
  sessions.delete(job.articleId);
  sessions.set(job.articleId, entry);
  while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
  // 'full' and 'counts': every fix worked out, however long the suggestions take (the same findings runChecks gives).
  const complete = job.mode === 'full' || job.mode === 'counts';
  const findings = entry.session.update(job.source, job.target, complete ? Infinity : undefined, job.protected, job.tags);
  if (job.mode === 'counts') return { job: job.job, ok: true, findings: [], alignment: { source: [], target: [], links: [] }, pending: false, counts: countProblems(findings) };
  return { job: job.job, ok: true, findings, alignment: entry.session.alignment!, pending: entry.session.pending };
}

// Compile the rule packs before the first request arrives (about two seconds of work on a cold start).
runChecks({ source: 'a', target: 'b', sourceLang: 'pt', targetLang: 'en' });
parentPort!.postMessage({ ready: true });

/**
 * After work on a big text, the heap holds its garbage until V8 gets round to it: hundreds of
 * megabytes of resident memory for a book. Collected once the worker has been idle for a moment (off
 * the request thread, and never while anyone waits for this worker).
 */
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const BIG_TEXT = 500_000;
const IDLE_COLLECT_MS = 1500;
let idleCollect: ReturnType<typeof setTimeout> | undefined;

/** A glossary file read and parsed here; its limits' CalqueErrors cross as { code, params }. */
function readGlossary(job: CheckJob): void {
  readGlossaryFile(job.source, job.target, job.sourceLang, job.targetLang).then(
    (glossary) => parentPort!.postMessage({ job: job.job, ok: true, findings: [], alignment: { source: [], target: [], links: [] }, pending: false, glossary: packGlossary(glossary) } satisfies CheckReply),
    (err: unknown) => parentPort!.postMessage({ job: job.job, ok: false, message: (err as Error).message, ...(err instanceof CalqueError ? { error: err.toInfo() } : {}) } satisfies CheckReply),
  );
}

parentPort!.on('message', (job: CheckJob) => {
  clearTimeout(idleCollect);
  if (job.mode === 'glossary') return readGlossary(job);
  let reply: CheckReply;
  try {
    reply = run(job);
  } catch (err) {
    reply = { job: job.job, ok: false, message: (err as Error).message };
  }
  parentPort!.postMessage(reply);
  if (job.source.length + job.target.length >= BIG_TEXT) idleCollect = setTimeout(collect, IDLE_COLLECT_MS).unref();
});

/**
 * A check worker thread: runs the check engine off the host's request thread, so a long check (a book,
 * a big glossary) never stops the server from answering. It keeps the editor's incremental sessions of
 * the articles routed to it, and the project data it was sent, by id.
 */
import { parentPort } from 'node:worker_threads';
import { CheckSession, runChecks } from '../engine.js';
import { sentencePairs } from '../sentence-pairs.js';
import type { ProjectCheckData } from '../types.js';
import type { CheckJob, CheckReply } from './protocol.js';

const MAX_SESSIONS = 16;
const MAX_PROJECTS = 8;
const sessions = new Map<string, { session: CheckSession; key: string }>();
const projects = new Map<string, ProjectCheckData>();

function projectFor(job: CheckJob): ProjectCheckData {
  if (job.project) {
    projects.delete(job.projectId);
    projects.set(job.projectId, job.project);
    while (projects.size > MAX_PROJECTS) projects.delete(projects.keys().next().value!);
  }
  const project = projects.get(job.projectId);
  if (!project) throw new Error(`no project data ${job.projectId}`);
  return project;
}

function run(job: CheckJob): CheckReply {
  if (job.mode === 'pairs') {
    const pairs = sentencePairs(job.sourceLang, job.targetLang, job.source, job.target);
    return { job: job.job, ok: true, findings: [], alignment: { source: [], target: [], links: [] }, pending: false, pairs };
  }
  const project = projectFor(job);
  const options = { sourceLang: job.sourceLang, targetLang: job.targetLang, settings: job.settings, ignores: job.ignores, articleId: job.articleId, project, ...(job.segmentGroups ? { segmentGroups: job.segmentGroups } : {}), ...(job.cueTimings ? { cueTimings: job.cueTimings } : {}) };
  if (job.mode === 'full') {
    const findings = runChecks({ ...options, source: job.source, target: job.target, ...(job.protected ? { protected: job.protected } : {}) });
    return { job: job.job, ok: true, findings, alignment: { source: [], target: [], links: [] }, pending: false };
  }
  let entry = sessions.get(job.articleId);
  if (!entry || entry.key !== job.sessionKey) entry = { session: new CheckSession(options), key: job.sessionKey };
  else {
    entry.session.configure({ ignores: job.ignores, segmentGroups: job.segmentGroups, cueTimings: job.cueTimings });
    entry.session.setProjectContext(project);
  }
  sessions.delete(job.articleId);
  sessions.set(job.articleId, entry);
  while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
  const findings = entry.session.update(job.source, job.target, undefined, job.protected);
  return { job: job.job, ok: true, findings, alignment: entry.session.alignment!, pending: entry.session.pending };
}

// Compile the rule packs before the first request arrives (about two seconds of work on a cold start).
runChecks({ source: 'a', target: 'b', sourceLang: 'pt', targetLang: 'en' });
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (job: CheckJob) => {
  let reply: CheckReply;
  try {
    reply = run(job);
  } catch (err) {
    reply = { job: job.job, ok: false, message: (err as Error).message };
  }
  parentPort!.postMessage(reply);
});

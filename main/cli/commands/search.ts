/**
 * `calque search <folder> <pattern> [--replace TEXT [--apply]] [--regex] [--case-sensitive]
 *   [--whole-word] [--source] [--format text|json] [--lang UI-LANG]`
 * Find across the project's articles, through the same search service as the app's project search;
 * with --replace a preview of every replacement, written only with --apply (one save per article).
 * Exit 0 when something matched, 1 when nothing did or an error stopped it, 2 on usage errors.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CalqueError, type ErrorInfo, type ProjectSearch, type SearchMatch, type SearchResult } from '../../contract/api.js';
import { describeError, messages, pickLocale } from '../../core/messages.js';
import { CalqueService } from '../../core/service.js';
import { UsageError } from '../usage-error.js';

export const SEARCH_USAGE = `  calque search <folder> <pattern> [--replace TEXT [--apply]] [--regex] [--case-sensitive]
               [--whole-word] [--source] [--format text|json] [--lang UI-LANG]
      Find a phrase in every translation (or with --source every source) of the project. With
      --replace, show each match and what it would become; nothing is written without --apply.`;

type Values = { replace?: string; apply?: boolean; regex?: boolean; 'case-sensitive'?: boolean; 'whole-word'?: boolean; source?: boolean; format?: string; lang?: string };

export async function searchCommand(argv: string[], version = '0.1.0'): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        replace: { type: 'string' },
        apply: { type: 'boolean' },
        regex: { type: 'boolean' },
        'case-sensitive': { type: 'boolean' },
        'whole-word': { type: 'boolean' },
        source: { type: 'boolean' },
        format: { type: 'string', default: 'text' },
        lang: { type: 'string' },
      },
    }));
    if (positionals.length !== 2) throw new UsageError('search takes a project folder and a pattern');
    if (!['text', 'json'].includes(values.format!)) throw new UsageError(`unknown format: ${values.format}`);
    if (values.apply && values.replace === undefined) throw new UsageError('--apply goes with --replace');
    if (values.source && values.replace !== undefined) throw new UsageError('--replace changes translations: it does not go with --source');
  } catch (err) {
    console.error(`calque search: ${(err as Error).message}\nUsage:\n${SEARCH_USAGE}`);
    return 2;
  }
  const lng = pickLocale([values.lang ?? 'en']);
  const t = messages().getFixedT(lng);
  const query: ProjectSearch = {
    pattern: positionals[1]!,
    side: values.source ? 'source' : 'target',
    ...(values.regex ? { regex: true } : {}),
    ...(values['case-sensitive'] ? { caseSensitive: true } : {}),
    ...(values['whole-word'] ? { wholeWord: true } : {}),
    ...(values.replace !== undefined ? { replacement: values.replace } : {}),
  };
  const service = new CalqueService({ root: resolve(positionals[0]!), host: { kind: 'cli', version } });
  try {
    const project = await service.openProject({});
    if (!project.articles.length) {
      console.error(`calque search: ${t('cli.noArticles', { path: positionals[0] })}`);
      return 1;
    }
    const result = await runSearch(service, query);
    const replaceable = result.matches.filter((m) => typeof m.replacement === 'string');
    if (values.format === 'json') {
      const applied = values.apply && replaceable.length ? await apply(service, query, replaceable) : undefined;
      console.log(JSON.stringify({ ...result, ...(applied ? { applied } : {}) }, null, 2));
      return result.matches.length ? 0 : 1;
    }
    for (const m of result.matches) console.log(line(m));
    const articles = new Set(result.matches.map((m) => m.article)).size;
    console.log(t('cli.search.found', { count: result.matches.length, articles, searched: result.articles }));
    if (result.truncated) console.log(t('cli.search.truncated', { count: result.matches.length }));
    if (values.replace === undefined || !replaceable.length) return result.matches.length ? 0 : 1;
    if (!values.apply) {
      console.log(t('cli.search.dryRun', { count: replaceable.length }));
      return 0;
    }
    const applied = await apply(service, query, replaceable);
    console.log(t('cli.search.replaced', { count: applied.replaced, articles: applied.articles.length }));
    if (applied.stale) console.error(t('cli.search.stale', { count: applied.stale }));
    for (const id of applied.conflicts) console.error(t('cli.search.conflict', { id }));
    return applied.conflicts.length ? 1 : 0;
  } catch (err) {
    if (!(err instanceof CalqueError)) throw err;
    console.error(`calque search: ${describeError(err.toInfo(), lng)}`);
    return 1;
  } finally {
    service.dispose();
  }
}

/** `article:segment: before[match → replacement]after` on one line: the context stops at the match's line. */
function line(m: SearchMatch): string {
  const flat = (s: string) => s.replace(/\r?\n/g, '⏎');
  const before = m.before.slice(m.before.lastIndexOf('\n') + 1);
  const after = m.after.split(/\r?\n/, 1)[0]!;
  const shown = typeof m.replacement === 'string' ? `[${flat(m.text)} → ${flat(m.replacement)}]` : `[${flat(m.text)}]`;
  return `${m.article}:${m.segment}: ${before}${shown}${after}`;
}

type Job = { jobId: string; state: string; error?: ErrorInfo };

/** The search as a job of the service (as the app runs it), waited for. */
function runSearch(service: CalqueService, query: ProjectSearch): Promise<SearchResult> {
  return new Promise<SearchResult>((done, fail) => {
    let jobId: string | undefined;
    const early: Job[] = [];
    const settle = (job: Job) => {
      if (job.jobId !== jobId || job.state === 'running') return;
      if (job.state === 'finished') done(service.searchResult({ jobId }));
      else fail(job.error ? new CalqueError(job.error.code as never, job.error.params) : new CalqueError('internal', { reason: job.state }));
    };
    service.on((name, payload) => {
      if (name !== 'job') return;
      const job = payload as Job;
      if (jobId === undefined) early.push(job);
      else settle(job);
    });
    service.searchProject(query).then(({ jobId: id }) => {
      jobId = id;
      early.splice(0).forEach(settle);
    }, fail);
  });
}

function apply(service: CalqueService, query: ProjectSearch, matches: SearchMatch[]) {
  const { replacement, side: _side, concordance: _c, ...q } = query;
  return service.replaceInProject({ query: q, replacement: replacement!, matches: matches.map(({ article, start, end, text }) => ({ article, start, end, text })) });
}

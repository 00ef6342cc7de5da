import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CalqueError, EXPORT_KINDS, type ExportKind, type LanguagePair } from '../contract/api.js';
import { CalqueService } from '../core/service.js';
import { isLanguageTag } from '../core/project/languages.js';
import { describeError, messages } from '../core/messages.js';
import { isExposedBind } from '../serve/host-check.js';
import { startServer } from '../serve/server.js';
import { findStaticDir } from './static-dir.js';
import { UsageError } from './usage-error.js';
import { chrfCommand } from './commands/chrf.js';
import { terCommand } from './commands/ter.js';
import { MQM_USAGE, mqmCommand } from './commands/mqm.js';
import { reportCommand } from './commands/report.js';
import { checkCommand } from './commands/check.js';
import { SEARCH_USAGE, searchCommand } from './commands/search.js';

const VERSION = '0.1.0';

const USAGE = `Calque ${VERSION}: review machine-translated articles.

Usage:
  calque serve <folder> [--port N] [--host H] [--from LANG --to LANG] [--export-dir DIR] [--open]
      Serve the review UI for <folder> to a browser (loopback only unless --host says otherwise).
      The page may export only into DIR (default <folder>-export) or a folder inside it.
  calque export <folder> --out <dir> [--overwrite] [--as docx-tracked|bilingual-docx]
      Write every article's translation to <dir> under the same relative names. Files already there
      are listed and nothing is written, unless --overwrite. --as docx-tracked: each Word article's
      original with the review as tracked changes and the annotations as comments (author: project.json
      "reviewer"); --as bilingual-docx: a review table (id, source, target, comments) per article.
  calque check <translation-file | project-folder> [--source FILE] [--from LANG --to LANG]
               [--format text|json|sarif] [--fail-on minor|major|critical]
      Find machine-translation artifacts and QA problems; exit code 1 when one reaches --fail-on.
  calque ter --hyp FILE --ref FILE [--format text|json] [--case-sensitive] [--no-shifts]
      TER of each hypothesis line against its reference line, as TERCOM computes it (HTER with the
      machine translation as hypothesis and its post-edit as reference); one score per line, 6 decimals.
  calque chrf --hyp FILE --ref FILE [--format text|json]
      chrF2 of each line (sacrebleu's defaults), 2 decimals.
  calque ter|chrf --document --hyp MT --ref POSTEDIT [--lang L] [--format text|json]
      The article's HTER or chrF as the app shows it (aligned segments, document-level totals).
  calque report <folder> --out <file.html|file.csv|file.json> [--lang UI-LANG] [--article ID]
      A review report: corrected text with annotations, before/after per segment, MQM breakdown,
      HTER distribution, totals and pass/fail. The format follows the extension.
${SEARCH_USAGE}
${MQM_USAGE}
  calque --help | --version
`;


function languagesFrom(from?: string, to?: string): LanguagePair[] | undefined {
  if (!from && !to) return undefined;
  if (!from || !to) throw new UsageError('--from and --to go together');
  for (const t of [from, to]) if (!isLanguageTag(t)) throw new UsageError(`not a language tag: ${t}`);
  return [{ source: from, target: to }];
}

function openInBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => console.error(`calque: could not open a browser; open ${url} yourself`));
  child.unref();
}

async function serve(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { port: { type: 'string' }, host: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'export-dir': { type: 'string' }, open: { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new UsageError('serve takes one folder');
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`not a port: ${values.port}`);
  const folder = resolve(positionals[0]!);
  const server = await startServer({
    root: folder,
    port,
    host: values.host,
    languages: languagesFrom(values.from, values.to),
    staticDir: findStaticDir(),
    version: VERSION,
    ...(values['export-dir'] ? { exportDir: resolve(values['export-dir']) } : {}),
  });
  if (values.host && isExposedBind(values.host)) console.error(messages().t('cli.exposedWarning', { host: values.host }));
  console.log(`Calque is serving ${folder} at ${server.url}`);
  if (values.open) openInBrowser(server.url);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => undefined); // runs until stopped
}

async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, overwrite: { type: 'boolean' }, as: { type: 'string' } } });
  if (positionals.length !== 1 || !values.out) throw new UsageError('export takes one folder and --out <dir>');
  const as = (values.as ?? 'own') as ExportKind;
  if (!EXPORT_KINDS.includes(as)) throw new UsageError(`--as takes ${EXPORT_KINDS.filter((k) => k !== 'own').join(' or ')}`);
  const service = new CalqueService({ root: resolve(positionals[0]!), host: { kind: 'cli', version: VERSION } });
  const project = await service.openProject({});
  const done = new Promise<number>((resolveDone) => {
    service.on((name, payload) => {
      if (name !== 'job') return;
      const job = payload as { done: number; total: number; state: string; error?: { code: string; params?: Record<string, string | number> } };
      if (process.stderr.isTTY) process.stderr.write(`\rexporting ${job.done}/${job.total}`);
      if (job.state === 'finished') {
        if (process.stderr.isTTY) process.stderr.write('\n');
        console.log(`Exported ${job.total} ${as === 'own' ? 'translation(s)' : `${as} file(s)`} to ${resolve(values.out!)}`);
        resolveDone(0);
      } else if (job.state !== 'running') {
        console.error(`calque: export ${job.state}${job.error ? `: ${describeError(job.error as never)}` : ''}`);
        resolveDone(1);
      }
    });
  });
  const unreadable = project.articles.filter((a) => a.error);
  for (const a of unreadable) console.error(`calque: ${a.targetPath}: ${describeError(a.error!)}`);
  try {
    const started = await service.exportAll({ outDir: resolve(values.out), overwrite: values.overwrite === true, ...(as !== 'own' ? { as } : {}) });
    if (started.wouldReplace) {
      const files = started.wouldReplace;
      const shown = files.length > 10 ? [...files.slice(0, 10), '…'] : files;
      console.error(`calque: ${describeError({ code: 'exportWouldOverwrite', params: { path: started.outDir, count: files.length, files: shown.join(', ') } })}`);
      for (const f of files) console.error(`  ${f}`);
      console.error('calque: give --overwrite to replace them.');
      return 1;
    }
    return await done;
  } finally {
    service.dispose();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serve(rest);
      case 'export':
        return await exportCommand(rest);
      case 'check':
        return await checkCommand(rest);
      case 'search':
        return await searchCommand(rest, VERSION);
      case 'ter':
        return await terCommand(rest);
      case 'chrf':
        return await chrfCommand(rest);
      case 'mqm':
        return await mqmCommand(rest);
      case 'report':
        return await reportCommand(rest, {
          collect: async (folder, opts) => {
            const service = new CalqueService({ root: resolve(folder), host: { kind: 'cli', version: VERSION } });
            try {
              await service.openProject({});
              return await service.buildReport({ ...(opts.article !== undefined ? { id: opts.article } : {}), lng: opts.uiLanguage });
            } finally {
              service.dispose();
            }
          },
        });
      case '--version':
      case '-v':
        console.log(VERSION);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith?.('ERR_PARSE_ARGS')) {
      console.error(`calque: ${(err as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof CalqueError) {
      console.error(`calque: ${describeError(err.toInfo())}`);
      return 1;
    }
    return unexpected(err);
  }
}

/** No input may print a stack trace: one line, exit 1; CALQUE_DEBUG=1 shows the stack for a bug report. */
export function unexpected(err: unknown): number {
  console.error(`calque: ${describeError({ code: 'internal' })} (${err instanceof Error ? err.message : String(err)})`);
  if (process.env.CALQUE_DEBUG) console.error(err);
  return 1;
}

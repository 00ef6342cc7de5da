/**
 * `calque report <folder> --out <file.html|file.csv|file.json> [--lang UI-LANG] [--article ID]`.
 * The data comes from `deps.collect` (the host wires it to the project, annotations and metrics), so
 * the command itself only parses, picks the format from the extension and writes atomically.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pickLocale, type LocaleCode } from '../../../locales/index.js';
import { writeFileAtomic } from '../../core/platform/atomic-write.js';
import { isLanguageTag } from '../../core/project/languages.js';
import { annotationsCsv, qaFindingsCsv, segmentsCsv } from '../../core/report/csv.js';
import { findingMessage } from '../../core/report/finding-message.js';
import { renderHtml } from '../../core/report/html.js';
import { renderJson } from '../../core/report/json.js';
import type { ProjectReport } from '../../core/report/model.js';
import { UsageError } from '../usage-error.js';

export interface ReportCollectOptions {
  /** Only this article (by id) when set. */
  article?: string;
  uiLanguage: LocaleCode;
}

export interface ReportDeps {
  collect(folder: string, opts: ReportCollectOptions): Promise<ProjectReport>;
  /** Defaults: writeFileAtomic, console.log / console.error, process.env, the current directory. */
  write?(path: string, data: Uint8Array): Promise<void>;
  log?(line: string): void;
  error?(line: string): void;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export type ReportFormat = 'html' | 'csv' | 'json';

export function formatOf(path: string): ReportFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  return undefined;
}

/** Where the per-segment CSV goes next to the annotations CSV: report.csv → report.segments.csv. */
export function segmentsCsvPath(out: string): string {
  return join(dirname(out), `${basename(out, extname(out))}.segments${extname(out)}`);
}

/** Where the QA findings CSV goes (Xbench's QA report columns): report.csv → report.qa.csv. */
export function qaCsvPath(out: string): string {
  return join(dirname(out), `${basename(out, extname(out))}.qa${extname(out)}`);
}

// A byte order mark lets spreadsheet programs (Excel above all) read UTF-8 CSV as UTF-8.
const BOM = '\uFEFF';

export async function reportCommand(argv: string[], deps: ReportDeps): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, lang: { type: 'string' }, article: { type: 'string' } },
  });
  if (positionals.length !== 1 || !values.out) throw new UsageError('report takes one folder and --out <file.html|file.csv|file.json>');
  const format = formatOf(values.out);
  if (!format) throw new UsageError(`--out must end in .html, .csv or .json: ${values.out}`);
  if (values.lang !== undefined && !isLanguageTag(values.lang)) throw new UsageError(`not a language tag: ${values.lang}`);
  if (values.article !== undefined && values.article.trim() === '') throw new UsageError('--article needs an article id');

  const env = deps.env ?? process.env;
  const lng = pickLocale(values.lang !== undefined ? [values.lang] : [env.LC_ALL ?? '', env.LC_MESSAGES ?? '', env.LANG ?? ''].filter(Boolean));
  const cwd = deps.cwd ?? process.cwd();
  const folder = resolve(cwd, positionals[0]!);
  const out = resolve(cwd, values.out);
  const write = deps.write ?? ((path: string, data: Uint8Array) => writeFileAtomic(path, data));
  const log = deps.log ?? ((line: string) => console.log(line));
  const error = deps.error ?? ((line: string) => console.error(line));

  const report = await deps.collect(folder, { uiLanguage: lng, ...(values.article !== undefined && { article: values.article }) });
  if (values.article !== undefined && !report.articles.some((a) => a.id === values.article)) {
    error(`calque: no article "${values.article}" in ${folder}`);
    return 1;
  }
  const encode = (text: string) => new TextEncoder().encode(text);
  const written: string[] = [];
  if (format === 'html') {
    await write(out, encode(renderHtml(report, lng)));
    written.push(out);
  } else if (format === 'json') {
    await write(out, encode(renderJson(report)));
    written.push(out);
  } else {
    const segments = segmentsCsvPath(out);
    const qa = qaCsvPath(out);
    await write(out, encode(BOM + annotationsCsv(report)));
    await write(segments, encode(BOM + segmentsCsv(report)));
    await write(qa, encode(BOM + qaFindingsCsv(report, findingMessage(lng))));
    written.push(out, segments, qa);
  }
  log(`Wrote the report of ${report.articles.length} article(s) to ${written.join(', ')}`);
  return 0;
}

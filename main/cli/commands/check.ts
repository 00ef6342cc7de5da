/**
 * `calque check <translation-file | project-folder> [--source FILE] [--from LANG] [--to LANG]
 *   [--format text|json|sarif] [--fail-on minor|major|critical] [--lang UI-LANG]`
 * Exit 0 when clean (or below --fail-on), 1 when a finding reaches --fail-on, 2 on usage errors.
 */
import { once } from 'node:events';
import * as fsp from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { CalqueError, type TagAccuracy } from '../../contract/api.js';
import type { Finding } from '../../contract/review.js';
import { describeRules, openProjectChecks } from '../../core/checks/service.js';
import { messages, pickLocale } from '../../core/messages.js';
import { isLanguageTag } from '../../core/project/languages.js';
import { jsonLines, LazyArray } from '../streamed-json.js';
import { UsageError } from '../usage-error.js';

const SEVERITY_RANK = { minor: 1, major: 2, critical: 3 } as const;
type Severity = keyof typeof SEVERITY_RANK | 'hint';
/** A hint is no problem: it never reaches --fail-on. */
const rank = (s: Severity) => (s === 'hint' ? 0 : SEVERITY_RANK[s]);

/** One checked article: both files as the user names them (relative to the working folder) and their texts. */
interface CheckedFile {
  path: string;
  text: string;
  sourcePath: string;
  source: string;
  findings: Finding[];
  tagAccuracy?: TagAccuracy;
}

async function findProjectRoot(start: string): Promise<string> {
  let dir = start;
  for (;;) {
    try {
      if ((await fsp.stat(join(dir, '.calque'))).isDirectory()) return dir;
    } catch {
      /* keep looking upwards */
    }
    const up = dirname(dir);
    if (up === dir) return start;
    dir = up;
  }
}

const toPosix = (p: string) => p.split(sep).join('/');

/** Languages from "story.pt.txt" / "pt/story.txt". */
function langFromName(path: string): string | undefined {
  const parts = toPosix(path).split('/');
  const name = parts.pop()!.split('.');
  if (name.length >= 3 && isLanguageTag(name[name.length - 2]!)) return name[name.length - 2];
  return parts.reverse().find((p) => isLanguageTag(p));
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, col: offset - last };
}

/** The file and text a finding's offsets are in: the source for source-side findings. */
function sideOf(file: CheckedFile, f: Finding): { path: string; text: string } {
  return f.side === 'source' ? { path: file.sourcePath, text: file.source } : { path: file.path, text: file.text };
}

function sarif(files: CheckedFile[], describe: (f: Finding) => string): unknown {
  const rules = describeRules(files.flatMap((f) => f.findings.map((x) => x.rule)));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const level = (s: Severity) => (s === 'critical' ? 'error' : s === 'major' ? 'warning' : 'note');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'calque',
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description ?? r.id },
              properties: { category: r.category },
              defaultConfiguration: { level: level(r.severity) },
            })),
          },
        },
        results: files.flatMap((file) =>
          file.findings.map((f) => {
            const at = sideOf(file, f);
            const { line, col } = lineCol(at.text, f.start);
            const end = lineCol(at.text, f.end);
            return {
              ruleId: f.rule,
              ruleIndex: ruleIndex.get(f.rule),
              level: level(f.severity),
              message: { text: describe(f) },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: at.path },
                    region: { charOffset: f.start, charLength: f.end - f.start, startLine: line, startColumn: col, endLine: end.line, endColumn: end.col },
                  },
                },
              ],
              // Fixes always edit the translation, whichever side the finding is on.
              fixes: f.fixes.map((fix) => ({
                artifactChanges: [
                  {
                    artifactLocation: { uri: file.path },
                    replacements: fix.edits.map((e) => ({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.text } })),
                  },
                ],
              })),
            };
          }),
        ),
      },
    ],
  };
}

export async function checkCommand(argv: string[]): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        source: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string' },
        lang: { type: 'string' },
      },
    }));
  } catch (err) {
    console.error(`calque check: ${(err as Error).message}`);
    return 2;
  }
  try {
    return await check(values, positionals);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`calque check: ${err.message}\nUsage: calque check <translation-file | project-folder> [--source FILE] [--from LANG] [--to LANG] [--format text|json|sarif] [--fail-on minor|major|critical] [--lang LANG]`);
      return 2;
    }
    throw err;
  }
}

async function check(
  values: { source?: string; from?: string; to?: string; format?: string; 'fail-on'?: string; lang?: string },
  positionals: string[],
): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('check takes one translation file or project folder');
  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown format: ${format}`);
  const failOn = values['fail-on'] as Severity | undefined;
  if (failOn && (failOn === 'hint' || !(failOn in SEVERITY_RANK))) throw new UsageError(`--fail-on takes minor, major or critical, not ${failOn}`);
  for (const t of [values.from, values.to]) if (t && !isLanguageTag(t)) throw new UsageError(`not a language tag: ${t}`);
  const lng = pickLocale([values.lang ?? 'en']);
  const t = messages().getFixedT(lng);
  const describe = (f: Finding) => t(f.message.key, { ...(f.message.params ?? {}) });

  const target = resolve(positionals[0]!);
  let st;
  try {
    st = await fsp.stat(target);
  } catch {
    throw new CalqueError('fileNotFound', { path: positionals[0]! }); // exit 1, as a missing file is everywhere
  }
  const root = await findProjectRoot(st.isDirectory() ? target : dirname(target));
  const pairs = values.from && values.to ? [{ source: values.from, target: values.to }] : undefined;
  // The same service, input and ignore decisions as the app's editor and article list.
  const { service, articles } = await openProjectChecks(root, pairs ? { pairs } : {});
  const display = (abs: string) => toPosix(relative(process.cwd(), abs));

  let jobs: typeof articles;
  if (st.isDirectory()) {
    if (values.source) throw new UsageError('--source goes with a translation file, not a folder');
    const under = toPosix(relative(root, target));
    jobs = articles.filter((a) => !under || a.targetPath.startsWith(`${under}/`));
  } else {
    const rel = toPosix(relative(root, target));
    const article = articles.find((a) => a.targetPath === rel);
    const source = values.source ? resolve(values.source) : undefined;
    if (article && (!source || resolve(root, article.sourcePath) === source)) {
      jobs = [article];
    } else {
      if (!source) throw new UsageError(`cannot find the source of ${positionals[0]}: give it with --source`);
      const sourceLang = values.from ?? article?.sourceLang ?? langFromName(source);
      const targetLang = values.to ?? article?.targetLang ?? langFromName(target);
      if (!sourceLang || !targetLang) throw new UsageError('cannot tell the languages from the file names: give --from and --to');
      // A pair the project does not list: its settings and glossaries apply, no article's ignores.
      jobs = [{ id: rel, sourcePath: source, targetPath: target, sourceLang, targetLang }];
    }
  }

  if (jobs.length === 0) {
    console.error(`calque check: ${t('cli.noArticles', { path: positionals[0] })}`);
    return 1;
  }
  const files: CheckedFile[] = [];
  for (const [i, a] of jobs.entries()) {
    const path = display(resolve(root, a.targetPath));
    if (jobs.length > 1) process.stderr.write(`checking ${i + 1}/${jobs.length} ${path}\n`);
    const checked = await service.findingsOnDisk(a);
    files.push({ path, text: checked.target, sourcePath: display(resolve(root, a.sourcePath)), source: checked.source, findings: checked.findings, ...(checked.tagAccuracy ? { tagAccuracy: checked.tagAccuracy } : {}) });
  }

  if (format === 'json') {
    const out = {
      files: files.map((f) => ({
        path: f.path,
        // As the metrics bar and the report show it (main/common/metrics/tag-accuracy.ts).
        ...(f.tagAccuracy ? { tagAccuracy: f.tagAccuracy } : {}),
        findings: new LazyArray(f.findings.length, (i) => ((x) => ({
          rule: x.rule,
          category: x.category,
          severity: x.severity,
          side: x.side,
          ...(x.side === 'source' ? { path: f.sourcePath } : {}),
          start: x.start,
          end: x.end,
          text: x.text,
          message: describe(x),
          fixes: x.fixes,
        }))(f.findings[i]!)),
      })),
    };
    for (const lines of jsonLines(out)) {
      console.log(lines);
      // A pipe takes the output only as fast as its reader reads: wait for it rather than queue a book's JSON.
      if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
    }
  } else if (format === 'sarif') {
    console.log(JSON.stringify(sarif(files, describe), null, 2));
  } else {
    for (const f of files) {
      for (const x of f.findings) {
        const at = sideOf(f, x);
        const { line, col } = lineCol(at.text, x.start);
        console.log(`${at.path}:${line}:${col}: ${x.severity} ${x.rule}: ${describe(x)}`);
      }
    }
  }
  const worst = Math.max(0, ...files.flatMap((f) => f.findings.map((x) => rank(x.severity))));
  return failOn && worst >= rank(failOn) ? 1 : 0;
}

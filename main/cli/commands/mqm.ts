import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CalqueError } from '../../contract/api.js';
import { parseScoringProfile } from '../../common/mqm/profile.js';
import { defaultProfile, type ScoringProfile } from '../../common/mqm/scoring.js';
import { parseTsv, segmentScores, systemScores, type TsvProblem } from '../../common/mqm/tsv.js';
import { describeError } from '../../core/messages.js';
import { MqmImportError, exportMqmTsvToFile, importMqmTsv } from '../../core/mqm/import-export.js';
import { UsageError } from '../usage-error.js';

export const MQM_USAGE = `  calque mqm <file.tsv> [--weights JSON-or-file] [--per-segment]
      Score a WMT MQM TSV (Google's format): system scores, lower is better.
  calque mqm import <file.tsv> --into <folder> --from LANG --to LANG [--skip-malformed]
      Make one article pair per (system, doc) with the rated errors as annotations.
  calque mqm export <folder> --out <file.tsv>
      Write a project's annotations as a WMT MQM TSV (Google's MQM Viewer reads it).`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** Scores are printed with 4 decimals: the authors' README prints 2, and 4 shows where a rounding falls. */
const DECIMALS = 4;

function reportProblems(io: Io, file: string, problems: readonly TsvProblem[], label = ''): void {
  for (const p of problems) io.err(`calque: ${file}:${p.line}: ${label}${p.reason}\n`);
}

async function readProfile(arg: string | undefined): Promise<ScoringProfile> {
  if (arg === undefined) return defaultProfile();
  let text = arg;
  if (!arg.trim().startsWith('{') && !arg.trim().startsWith('[')) {
    try {
      text = await readFile(arg, 'utf8');
    } catch (err) {
      throw new UsageError(`--weights: cannot read ${arg} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--weights: not JSON: ${(err as Error).message}`);
  }
  const parsed = parseScoringProfile(data);
  if (!parsed.ok) throw new UsageError(`--weights: ${parsed.error}`);
  return parsed.profile;
}

async function readTsvFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CalqueError(code === 'ENOENT' ? 'fileNotFound' : 'fileUnreadable', { path, reason: code ?? 'unknown' });
  }
}

async function score(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { weights: { type: 'string' }, 'per-segment': { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('mqm takes one TSV file');
  const file = positionals[0]!;
  const profile = await readProfile(values.weights);
  const parsed = parseTsv(await readTsvFile(file));
  if (parsed.problems.length) {
    reportProblems(io, file, parsed.problems);
    io.err(`calque: ${parsed.problems.length} malformed row(s); nothing scored\n`);
    return 1;
  }
  reportProblems(io, file, parsed.warnings, 'warning: ');
  const segments = segmentScores(parsed.rows, profile);
  if (values['per-segment']) {
    const sorted = [...segments].sort((a, b) => (a.system < b.system ? -1 : a.system > b.system ? 1 : a.segId - b.segId));
    const lines = ['system\tdoc\tseg_id\traters\tpenalty', ...sorted.map((s) => `${s.system}\t${s.doc}\t${s.segId}\t${s.raters}\t${s.penalty.toFixed(DECIMALS)}`)];
    io.out(lines.join('\n') + '\n');
    return 0;
  }
  const lines = ['system\tscore\tsegments', ...systemScores(segments).map((s) => `${s.system}\t${s.score.toFixed(DECIMALS)}\t${s.segments}`)];
  io.out(lines.join('\n') + '\n');
  return 0;
}

async function importCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { into: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'skip-malformed': { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new UsageError('mqm import takes one TSV file');
  if (!values.into || !values.from || !values.to) throw new UsageError('mqm import needs --into, --from and --to');
  const file = positionals[0]!;
  const content = await readTsvFile(file);
  try {
    const result = await importMqmTsv(content, { into: values.into, from: values.from, to: values.to, skipMalformed: values['skip-malformed'] === true });
    reportProblems(io, file, result.skipped, 'skipped: ');
    reportProblems(io, file, result.warnings, 'warning: ');
    if (result.pairsKept) io.err(`calque: ${values.into}: project.json keeps its language pairs; add ${values.from} → ${values.to} to see the imported articles\n`);
    const annotations = result.articles.reduce((n, a) => n + a.annotations, 0);
    io.out(`Imported ${result.articles.length} article(s) with ${annotations} annotation(s) into ${resolve(values.into)}${result.skipped.length ? `; skipped ${result.skipped.length} row(s)` : ''}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof MqmImportError)) throw err;
    reportProblems(io, file, err.problems);
    io.err(`calque: ${err.message}; nothing was imported${err.problems.length ? ' (--skip-malformed imports the other rows)' : ''}\n`);
    return 1;
  }
}

async function exportCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('mqm export takes one project folder: calque mqm export <folder> --out <file.tsv>');
  const folder = positionals[0]!;
  const st = await stat(folder).catch(() => null);
  if (st && !st.isDirectory()) {
    throw new UsageError(`mqm export writes the annotations of a project folder, and ${folder} is a file (to score an MQM TSV: calque mqm ${folder}; to import one: calque mqm import ${folder} --into <folder> …)`);
  }
  if (!values.out) throw new UsageError(`mqm export needs --out <file.tsv>: the file to write ${folder}'s annotations to`);
  try {
    const r = await exportMqmTsvToFile(positionals[0]!, values.out);
    io.out(`Wrote ${r.rows} row(s) (${r.annotations} annotation(s), ${r.articles} article(s)) to ${resolve(values.out)}\n`);
    return 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      io.err(`calque: ${values.out} already exists; choose another name\n`);
      return 1;
    }
    throw err;
  }
}

/** `calque mqm …`: exit 0, 1 on malformed input or a failed import/export; usage errors throw UsageError (exit 2). */
export async function mqmCommand(argv: string[], io: Io = processIo): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === 'import') return await importCommand(rest, io);
    if (first === 'export') return await exportCommand(rest, io);
    return await score(argv, io);
  } catch (err) {
    if (err instanceof CalqueError) {
      io.err(`calque: ${describeError(err.toInfo())}\n`);
      return 1;
    }
    throw err;
  }
}

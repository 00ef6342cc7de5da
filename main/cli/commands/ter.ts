/**
 * `calque ter --hyp FILE --ref FILE [--format text|json] [--case-sensitive] [--no-shifts]`:
 * TER of each hypothesis line against the reference line, TERCOM 0.10.0's definition (tokens split on
 * whitespace, text as given, case-insensitive unless asked). For HTER pass the machine translation as
 * --hyp and its post-edit as --ref. Text: one score per line, 6 decimals, capped at 1 as HTER is
 * published; the corpus total goes to stderr so stdout stays one column. JSON: edits by kind per line.
 * `--document [--lang L]`: the files are one article each (machine translation, post-edit) and the
 * answer is the article's HTER as the app computes and prints it (main/common/metrics/article.ts).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { articleMetrics, formatHter } from '../../common/metrics/article.js';
import { sumTer, terDetail, terTokens } from '../../common/metrics/ter.js';
import { UsageError } from '../usage-error.js';

/** A problem with the input files (missing, unreadable, not line-aligned): printed without the usage text, exit code 1. */
export class InputError extends Error {}

/** Lines of a text file (a final newline ends the last line; a UTF-8 BOM is dropped; CRLF accepted). */
async function readLines(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The two files of `--document`: the machine translation and its post-edit as whole articles (a UTF-8
 * BOM dropped, CRLF as LF, NFC: the text the app works on).
 */
export async function readDocumentPair(hypPath: string, refPath: string): Promise<{ hyp: string; ref: string }> {
  const read = async (path: string) => {
    try {
      return (await readFile(path, 'utf8')).replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').normalize('NFC');
    } catch (err) {
      throw new InputError(`cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  };
  const [hyp, ref] = await Promise.all([read(hypPath), read(refPath)]);
  return { hyp, ref };
}

/** The language of `--document` tokens: --lang, else the reference file's name ("story.en.txt"), else English. */
export function documentLang(flag: unknown, refPath: string): string {
  if (typeof flag === 'string' && flag) return flag;
  const parts = refPath.split(/[\\/]/).pop()!.split('.');
  return parts.length >= 3 && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(parts[parts.length - 2]!) ? parts[parts.length - 2]! : 'en';
}

/** The line-aligned --hyp and --ref files of `calque ter` and `calque chrf`. */
export async function readLinePairs(hypPath: string, refPath: string): Promise<{ hyp: string[]; ref: string[] }> {
  const [hyp, ref] = await Promise.all([readLines(hypPath), readLines(refPath)]);
  if (hyp.length !== ref.length) throw new InputError(`${hypPath} has ${hyp.length} lines but ${refPath} has ${ref.length}; the files must be line-aligned`);
  return { hyp, ref };
}

/** Options shared by the line-pair metric commands; throws UsageError when they make no sense. */
export function parsePairArgs(command: string, argv: string[], extra: Record<string, { type: 'boolean' }> = {}) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { hyp: { type: 'string' }, ref: { type: 'string' }, format: { type: 'string', default: 'text' }, document: { type: 'boolean' }, lang: { type: 'string' }, ...extra },
  });
  if (positionals.length) throw new UsageError(`${command} takes no positional arguments (got ${positionals.join(' ')})`);
  if (!values.hyp || !values.ref) throw new UsageError(`${command} needs --hyp FILE and --ref FILE`);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format is text or json, not ${values.format}`);
  return { hyp: values.hyp as string, ref: values.ref as string, format: values.format as 'text' | 'json', flags: values as Record<string, unknown> };
}

export async function terCommand(argv: string[]): Promise<number> {
  const args = parsePairArgs('ter', argv, { 'case-sensitive': { type: 'boolean' }, 'no-shifts': { type: 'boolean' } });
  let pairs;
  try {
    pairs = await readLinePairs(args.hyp, args.ref);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    process.stderr.write(`calque ter: ${err.message}\n`);
    return 1;
  }
  if (args.flags.document === true) return terDocument(args);
  const opts = { caseSensitive: args.flags['case-sensitive'] === true, shifts: args.flags['no-shifts'] !== true };
  const results = pairs.hyp.map((h, i) => terDetail(terTokens(h), terTokens(pairs.ref[i]!), opts));
  const total = sumTer(results);
  if (args.format === 'json') {
    const lines = results.map((r, i) => ({
      line: i + 1,
      ter: r.score,
      edits: r.edits,
      refLength: r.refLength,
      insertions: r.insertions,
      deletions: r.deletions,
      substitutions: r.substitutions,
      shifts: r.shifts,
      shiftedWords: r.shiftedWords,
    }));
    process.stdout.write(`${JSON.stringify({ metric: 'ter', caseSensitive: opts.caseSensitive, shifts: opts.shifts, lines, corpus: total }, null, 2)}\n`);
  } else {
    process.stdout.write(results.map((r) => `${r.score.toFixed(6)}\n`).join(''));
    process.stderr.write(`TER (corpus): ${total.score.toFixed(6)} (${total.edits} edits / ${total.refLength} reference words)\n`);
  }
  return 0;
}

/** `calque ter --document`: the article HTER of the metrics bar, the article list and the report. */
async function terDocument(args: ReturnType<typeof parsePairArgs>): Promise<number> {
  let docs;
  try {
    docs = await readDocumentPair(args.hyp, args.ref);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    process.stderr.write(`calque ter: ${err.message}\n`);
    return 2;
  }
  const lang = documentLang(args.flags.lang, args.ref);
  const { hter, wordsShifted, changedSegments } = articleMetrics(docs.hyp, docs.ref, lang).totals;
  if (args.format === 'json') {
    process.stdout.write(`${JSON.stringify({ metric: 'hter', document: true, lang, hter: hter.score, ...hter, shiftedWords: wordsShifted, changedSegments }, null, 2)}\n`);
  } else {
    process.stdout.write(`HTER ${formatHter(hter.score, 'en')} (${hter.edits} edits / ${hter.refLength} reference words)\n`);
  }
  return 0;
}

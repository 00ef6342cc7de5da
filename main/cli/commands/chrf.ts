/**
 * `calque chrf --hyp FILE --ref FILE [--format text|json]`: chrF2 with sacrebleu's defaults (character
 * 6-grams, beta 2, whitespace removed, effective-order averaging), per line and for the corpus.
 * Text: one sentence score per line with 2 decimals, as sacrebleu prints scores (its default
 * `--width 2`, e.g. "chrF2 = 39.14"), the number alone; the corpus score goes to stderr.
 * JSON: full-precision scores per line and the corpus score (statistics summed, not averaged).
 * `--document [--lang L]`: the files are one article each; the article chrF as the app computes and
 * prints it (statistics of its aligned segments summed; main/common/metrics/article.ts).
 */
import { addChrfStatistics, chrfFromStatistics, chrfStatistics, type ChrfStatistics } from '../../common/metrics/chrf.js';
import { articleMetrics, formatChrf } from '../../common/metrics/article.js';
import { documentLang, InputError, parsePairArgs, readDocumentPair, readLinePairs } from './ter.js';

export async function chrfCommand(argv: string[]): Promise<number> {
  const args = parsePairArgs('chrf', argv);
  if (args.flags.document === true) return chrfDocument(args);
  let pairs;
  try {
    pairs = await readLinePairs(args.hyp, args.ref);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    process.stderr.write(`calque chrf: ${err.message}\n`);
    return 1;
  }
  const total: ChrfStatistics = [];
  const scores = pairs.hyp.map((h, i) => {
    const stats = chrfStatistics(h, pairs.ref[i]!);
    addChrfStatistics(total, stats);
    return chrfFromStatistics(stats);
  });
  const corpus = chrfFromStatistics(total);
  if (args.format === 'json') {
    const lines = scores.map((chrf, i) => ({ line: i + 1, chrf }));
    process.stdout.write(`${JSON.stringify({ metric: 'chrF2', charOrder: 6, beta: 2, lines, corpus }, null, 2)}\n`);
  } else {
    process.stdout.write(scores.map((s) => `${s.toFixed(2)}\n`).join(''));
    process.stderr.write(`chrF2 (corpus): ${corpus.toFixed(2)}\n`);
  }
  return 0;
}

async function chrfDocument(args: ReturnType<typeof parsePairArgs>): Promise<number> {
  let docs;
  try {
    docs = await readDocumentPair(args.hyp, args.ref);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    process.stderr.write(`calque chrf: ${err.message}\n`);
    return 2;
  }
  const lang = documentLang(args.flags.lang, args.ref);
  const { chrf } = articleMetrics(docs.hyp, docs.ref, lang).totals;
  if (args.format === 'json') process.stdout.write(`${JSON.stringify({ metric: 'chrF2', document: true, lang, chrf }, null, 2)}\n`);
  else process.stdout.write(`chrF ${formatChrf(chrf, 'en')}\n`);
  return 0;
}

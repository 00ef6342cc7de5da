/**
 * Sentence alignment at scale: a generated 10,000-sentence pair with merges, splits and deletions,
 * aligned against the 1 s goal; and the sentence splitter's throughput.
 */
import type { AlignmentLink } from '../main/contract/review.js';
import { alignDocument, alignSentenceLists } from '../main/common/align/index.js';
import { splitSentences } from '../main/common/sentences/split.js';
import { against, record } from './baseline.js';

const GOAL_MS = 1000;
const SRC_WORDS = 'governo cidade chuva ministro escola hospital ponte mercado estrada polícia moradores relatório semana família rio norte sul água preço agência'.split(' ');
const TGT_WORDS = 'government city rain minister school hospital bridge market road police residents report week family river north south water price agency'.split(' ');
const NAMES = ['Silva', 'Costa', 'Recife', 'Manaus', 'Petrobras', 'ONU', 'Lula', 'Santos'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Pair {
  source: string[];
  target: string[];
  truth: AlignmentLink[];
}

/** Source sentences and "translations" (word by word, with names and numbers kept), then edits: 4 % merged 2–1, 4 % split 1–2, 1 % deleted. */
export function generateSentencePair(count: number, seed = 7): Pair {
  const r = rng(seed);
  const source: string[] = [];
  const target: string[] = [];
  const truth: AlignmentLink[] = [];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const sentence = (): [string, string] => {
    const n = 5 + Math.floor(r() * 25);
    const s: string[] = [];
    const t: string[] = [];
    for (let k = 0; k < n; k++) {
      const x = r();
      if (x < 0.06) {
        const name = pick(NAMES);
        s.push(name);
        t.push(name);
      } else if (x < 0.1) {
        const num = Math.floor(r() * 100000);
        s.push(num.toLocaleString('pt-BR'));
        t.push(num.toLocaleString('en'));
      } else {
        const w = Math.floor(r() * SRC_WORDS.length);
        s.push(SRC_WORDS[w]!);
        t.push(TGT_WORDS[w]!);
      }
    }
    const cap = (w: string[]) => w.join(' ').replace(/^./u, (c) => c.toUpperCase());
    return [`${cap(s)}.`, `${cap(t)}.`];
  };
  while (source.length < count) {
    const x = r();
    const i = source.length;
    const j = target.length;
    if (x < 0.04) {
      const [s1, t1] = sentence();
      const [s2, t2] = sentence();
      source.push(s1, s2);
      target.push(`${t1.slice(0, -1)}, ${t2}`);
      truth.push({ source: [i, i + 1], target: [j] });
    } else if (x < 0.08) {
      const [s1, t1] = sentence();
      const [s2, t2] = sentence();
      source.push(`${s1.slice(0, -1)}, ${s2}`);
      target.push(t1, t2);
      truth.push({ source: [i], target: [j, j + 1] });
    } else if (x < 0.09) {
      source.push(sentence()[0]);
      truth.push({ source: [i], target: [] });
    } else {
      const [s, t] = sentence();
      source.push(s);
      target.push(t);
      truth.push({ source: [i], target: [j] });
    }
  }
  return { source, target, truth };
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
function row(name: string, value: string, against: string): void {
  console.log(`${name.padEnd(44)} ${value.padStart(12)}   ${against}`);
}

/** Align `count` generated pairs; the time and the share of true links found. */
function alignOnce(count: number): { ms: number; cpuMs: number; right: number; total: number; n: number; m: number } {
  const pair = generateSentencePair(count);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const links = alignSentenceLists(pair.source, pair.target);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  const key = (l: AlignmentLink) => `${l.source.join(',')}:${l.target.join(',')}`;
  const truth = new Set(pair.truth.map(key));
  return { ms, cpuMs, right: links.filter((l) => truth.has(key(l))).length, total: pair.truth.length, n: pair.source.length, m: pair.target.length };
}

export async function bench(): Promise<void> {
  console.log('\n== core: sentence alignment ==');
  alignOnce(500); // warm up the JIT
  const small = alignOnce(10_000);
  row(`alignSentenceLists, ${small.n}×${small.m} sentences`, fmt(small.ms), `cpu ${fmt(record('align.10k-cpu-ms', small.cpuMs))}; goal ${GOAL_MS} ms; ${small.right}/${small.total} true links; ${against('align.10k-ms', record('align.10k-ms', small.ms))}`);
  const big = alignOnce(100_000);
  row(`alignSentenceLists, ${big.n}×${big.m} sentences`, fmt(big.ms), `cpu ${fmt(record('align.100k-cpu-ms', big.cpuMs))}; ${against('align.100k-cpu-ms', big.cpuMs)}; goal 3,000 ms; ${big.right}/${big.total} true links; ${against('align.100k-ms', record('align.100k-ms', big.ms))}`);
  const exponent = Math.log(big.cpuMs / small.cpuMs) / Math.log(big.n / small.n);
  row('growth exponent (cpu time), 10k → 100k', exponent.toFixed(2), `goal ≤ 1.1; ${against('align.growth-exponent', record('align.growth-exponent', exponent))}`);
  const pair = generateSentencePair(10_000);

  // The same pair as documents in paragraphs of 8 source sentences, the translation with one paragraph in 20
  // merged into the next, so that the paragraphs do not correspond and the whole document is aligned.
  const paras = (xs: string[], mergeEvery: number) => {
    const out: string[] = [];
    for (let k = 0; k < xs.length; k += 8) out.push(xs.slice(k, k + 8).join(' '));
    return out.map((p, k) => p + ((k + 1) % mergeEvery === 0 ? ' ' : '\n\n')).join('');
  };
  const sourceDoc = paras(pair.source, Infinity);
  const targetDoc = paras(pair.target, 20);
  let t0 = performance.now();
  const doc = alignDocument(sourceDoc, targetDoc, 'pt', 'en');
  const docMs = performance.now() - t0;
  row('alignDocument, same pair as text', fmt(docMs), `goal ${GOAL_MS} ms; ${doc.source.length}/${doc.target.length} sentences; ${against('align.document-10k-ms', record('align.document-10k-ms', docMs))}`);

  // One paragraph of about 1 MB on each side (no paragraph breaks at all).
  const one = generateSentencePair(7_000, 11);
  const srcPara = one.source.join(' ');
  const tgtPara = one.target.join(' ');
  t0 = performance.now();
  alignDocument(srcPara, tgtPara, 'pt', 'en');
  const paraMs = performance.now() - t0;
  row(`alignDocument, one paragraph of ${(srcPara.length / 1e6).toFixed(1)} MB`, fmt(paraMs), `bounded; ${against('align.one-paragraph-ms', record('align.one-paragraph-ms', paraMs))}`);

  t0 = performance.now();
  const sentences = splitSentences(sourceDoc, 'pt');
  const splitMs = performance.now() - t0;
  const rate = (sentences.length / splitMs) * 1000;
  row('splitSentences, Portuguese', fmt(splitMs), `${Math.round(rate).toLocaleString('en')} sentences/s, ${((sourceDoc.length / splitMs) * 1000 / 1e6).toFixed(1)} M chars/s`);
}

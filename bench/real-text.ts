/**
 * Realistic article pairs for benchmarks: real English sentences (MLQE-PE ro-en and et-en post-edits,
 * detokenised) with their real sources, plus invented names and rare words drawn from a vocabulary that
 * keeps growing with the text (Heaps' law, about 3·√n distinct rare words in n words), so that a bigger
 * text meets new unknown words as real text does. The 40-word generated vocabulary never did.
 * Reads ../shared/eval at run time (or CALQUE_EVAL_DIR); returns null, with the reason, when it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const EVAL_DIR = (process.env.CALQUE_EVAL_DIR ?? fileURLToPath(new URL('../../shared/eval/', import.meta.url))).replace(/\/$/, '');

export interface RealPair {
  source: string;
  target: string;
  words: number;
  sourceLang: string;
  targetLang: string;
}

/** Moses-tokenised text back to ordinary spacing: `said , " Yes "` → `said, "Yes"`. */
export function detokenise(line: string): string {
  let open = false;
  return line
    .trim()
    .split(/\s+/)
    .reduce((out, tok) => {
      if (tok === '"' || tok === '„' || tok === '”' || tok === '“') {
        open = !open;
        return open ? `${out} "` : `${out}"`;
      }
      if (/^[,.;:!?%)\]}]+$/.test(tok) || /^'(s|re|ve|ll|d|m)$/i.test(tok) || tok === "n't") return out + tok;
      if (out.endsWith('"') && open) return out + tok;
      if (/[([{]$/.test(out)) return out + tok;
      return out ? `${out} ${tok}` : tok;
    }, '');
}

let lines: { src: string; tgt: string }[] | null | undefined;

function readLines(): { src: string; tgt: string }[] | null {
  if (lines !== undefined) return lines;
  const out: { src: string; tgt: string }[] = [];
  for (const pair of ['ro-en-dev', 'et-en-dev']) {
    const dir = `${EVAL_DIR}/mlqe-pe/${pair}`;
    if (!existsSync(`${dir}/dev.pe`)) continue;
    const src = readFileSync(`${dir}/dev.src`, 'utf8').split('\n');
    const pe = readFileSync(`${dir}/dev.pe`, 'utf8').split('\n');
    for (let i = 0; i < pe.length; i++) if (pe[i]!.trim() && src[i]?.trim()) out.push({ src: detokenise(src[i]!), tgt: detokenise(pe[i]!) });
  }
  lines = out.length ? out : null;
  return lines;
}

/** Why the real text is unavailable, or null when it is there. */
export function realTextMissing(): string | null {
  return readLines() ? null : `${EVAL_DIR}/mlqe-pe/{ro-en-dev,et-en-dev}/dev.{src,pe} not found (set CALQUE_EVAL_DIR or put shared/eval beside the clone)`;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SYLLABLES = 'ba be bo ka ke ko la le lo ma me mo na ne no ra re ro sa se so ta te to va ve vo dri fen gul hask jor kel mirt nov pral quen stav trel vusk wen yor zel'.split(' ');

function invented(id: number, seed: number): string {
  const r = rng(id * 7919 + seed);
  const n = 2 + Math.floor(r() * 3);
  let w = '';
  for (let k = 0; k < n; k++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)]!;
  return w;
}

/**
 * About `words` words of article text in paragraphs of 5 sentences; `seed` varies the order and the
 * invented words (so 1,000 articles are 1,000 different texts). Names go into both sides (the source
 * keeps them), rare words into the translation only (a misspelling or an unknown term the speller flags).
 */
export function realPair(words: number, seed = 1): RealPair | null {
  const pool = readLines();
  if (!pool) return null;
  const r = rng(seed);
  const src: string[] = [];
  const tgt: string[] = [];
  let n = 0;
  let para = 0;
  let paraSrc: string[] = [];
  let paraTgt: string[] = [];
  while (n < words) {
    const line = pool[Math.floor(r() * pool.length)]!;
    let s = line.src;
    let t = line.tgt;
    const heaps = 3 * Math.sqrt(n + 100);
    if (r() < 0.5) {
      // An invented name mid-sentence, on both sides.
      const name = invented(Math.floor(r() * heaps) + 1_000_000, seed);
      const cap = name[0]!.toUpperCase() + name.slice(1);
      s = s.replace(/ /, ` ${cap} `);
      t = t.replace(/ /, ` ${cap} `);
    }
    if (r() < 0.35) {
      // A rare word in the translation only: Zipf-like reuse of a growing vocabulary.
      const word = invented(Math.floor(heaps * r() * r()), seed);
      const words = t.split(' ');
      const at = 1 + Math.floor(r() * Math.max(1, words.length - 2));
      words.splice(at, 0, word);
      t = words.join(' ');
    }
    n += t.split(/\s+/).length;
    paraSrc.push(s);
    paraTgt.push(t);
    if (++para % 5 === 0) {
      src.push(paraSrc.join(' '));
      tgt.push(paraTgt.join(' '));
      paraSrc = [];
      paraTgt = [];
    }
  }
  if (paraSrc.length) {
    src.push(paraSrc.join(' '));
    tgt.push(paraTgt.join(' '));
  }
  return { source: src.join('\n\n') + '\n', target: tgt.join('\n\n') + '\n', words: n, sourceLang: 'ro', targetLang: 'en' };
}

/** About `words` words of real machine translation and its post-edit (MLQE-PE dev.mt / dev.pe), 5 lines a paragraph. */
export function realEditPair(words: number): { baseline: string; edited: string; words: number } | null {
  const out = { mt: [] as string[], pe: [] as string[] };
  const pool: { mt: string; pe: string }[] = [];
  for (const pair of ['ro-en-dev', 'et-en-dev']) {
    const dir = `${EVAL_DIR}/mlqe-pe/${pair}`;
    if (!existsSync(`${dir}/dev.mt`)) continue;
    const mt = readFileSync(`${dir}/dev.mt`, 'utf8').split('\n');
    const pe = readFileSync(`${dir}/dev.pe`, 'utf8').split('\n');
    for (let i = 0; i < pe.length; i++) if (pe[i]!.trim() && mt[i]?.trim()) pool.push({ mt: detokenise(mt[i]!), pe: detokenise(pe[i]!) });
  }
  if (!pool.length) return null;
  let n = 0;
  for (let k = 0; n < words; k += 5) {
    const lines = Array.from({ length: 5 }, (_, x) => pool[(k + x) % pool.length]!);
    out.mt.push(lines.map((l) => l.mt).join(' '));
    out.pe.push(lines.map((l) => l.pe).join(' '));
    n += lines.reduce((s, l) => s + l.pe.split(' ').length, 0);
  }
  return { baseline: out.mt.join('\n\n') + '\n', edited: out.pe.join('\n\n') + '\n', words: n };
}

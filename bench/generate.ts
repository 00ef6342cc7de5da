/**
 * Deterministic synthetic article pairs for benchmarks: a source, the machine translation (baseline)
 * and a post-edited translation with a given share of words changed.
 */
const EN = 'the a government said on Tuesday that rain flood city council families river police report minister new old water school hospital road bridge week year people market price north south east west agency statement according to after before during would could should local national officials residents emergency services teams'.split(' ');
const PT = 'o a governo disse nesta terça-feira que chuva enchente cidade câmara famílias rio polícia relatório ministro novo velho água escola hospital estrada ponte semana ano pessoas mercado preço norte sul leste oeste agência nota segundo após antes durante poderia deveria local nacional autoridades moradores emergência serviços equipes'.split(' ');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function paragraph(words: string[], n: number, r: () => number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = words[Math.floor(r() * words.length)]!;
    if (i === 0 || out[out.length - 1]!.endsWith('.')) w = w[0]!.toUpperCase() + w.slice(1);
    out.push(i % 17 === 16 || i === n - 1 ? `${w}.` : w);
  }
  return out.join(' ');
}

export interface GeneratedPair {
  source: string;
  baseline: string;
  edited: string;
  words: number;
}

/** `words` words in paragraphs of `perParagraph`, with `editShare` of the translation's words changed. */
export function generatePair(words: number, editShare = 0.1, perParagraph = 100, seed = 42): GeneratedPair {
  const r = rng(seed);
  const paragraphs = Math.ceil(words / perParagraph);
  const src: string[] = [];
  const mt: string[] = [];
  const pe: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    src.push(paragraph(PT, perParagraph, r));
    const m = paragraph(EN, perParagraph, r);
    mt.push(m);
    pe.push(
      m
        .split(' ')
        .map((w) => (r() < editShare ? `edited${Math.floor(r() * 1000)}${w.endsWith('.') ? '.' : ''}` : w))
        .join(' '),
    );
  }
  return { source: src.join('\n\n') + '\n', baseline: mt.join('\n\n') + '\n', edited: pe.join('\n\n') + '\n', words: paragraphs * perParagraph };
}

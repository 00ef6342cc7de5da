import { describe, expect, it } from 'vitest';
import type { AlignmentLink } from '../../main/contract/review.js';
import { alignDocument, alignSentenceLists } from '../../main/common/align/index.js';

const SRC = [
  'O prefeito Rui Alves inaugurou a ponte de 340 metros nesta segunda-feira.',
  'A obra custou 12,5 milhões de reais.',
  'Moradores do bairro Vila Nova acompanharam a cerimônia.',
  'Segundo a prefeitura, o tráfego deve cair 30 por cento.',
  'A oposição pediu uma auditoria nos contratos da Construtora Beta.',
  'O prefeito respondeu que todos os documentos estão publicados.',
];
const TGT = [
  'Mayor Rui Alves opened the 340-metre bridge on Monday.',
  'The work cost 12.5 million reais.',
  'Residents of the Vila Nova district watched the ceremony.',
  'According to the city hall, traffic should fall by 30 percent.',
  'The opposition asked for an audit of the contracts with Construtora Beta.',
  'The mayor replied that all the documents are published.',
];

const key = (links: AlignmentLink[]) => links.map((l) => `${l.source.join(',')}:${l.target.join(',')}`);

function checkInvariants(links: AlignmentLink[], n: number, m: number): void {
  const s = links.flatMap((l) => l.source);
  const t = links.flatMap((l) => l.target);
  expect(s).toEqual(Array.from({ length: n }, (_, k) => k));
  expect(t).toEqual(Array.from({ length: m }, (_, k) => k));
  for (const l of links) {
    expect(l.source.length + l.target.length).toBeGreaterThan(0);
    for (const side of [l.source, l.target]) for (let k = 1; k < side.length; k++) expect(side[k]).toBe(side[k - 1]! + 1);
  }
}

describe('alignSentenceLists', () => {
  it('links one to one translations', () => {
    expect(key(alignSentenceLists(SRC, TGT))).toEqual(['0:0', '1:1', '2:2', '3:3', '4:4', '5:5']);
  });

  it('finds a merge (2–1) and a split (1–2)', () => {
    const tgt = [TGT[0]!, `${TGT[1]!.slice(0, -1)}, and residents of the Vila Nova district watched the ceremony.`, TGT[3]!, 'The opposition asked for an audit.', 'It targets the contracts with Construtora Beta.', TGT[5]!];
    expect(key(alignSentenceLists(SRC, tgt))).toEqual(['0:0', '1,2:1', '3:2', '4:3,4', '5:5']);
  });

  it('keeps the other links exact around an untranslated and an added sentence', () => {
    // Known limit: with nothing to anchor it, a dropped or added sentence is absorbed into its neighbour's
    // link (2–1, 1–2) rather than left alone: the priors come from a gold set with almost no deletions.
    const tgt = [TGT[0]!, TGT[2]!, TGT[3]!, TGT[4]!, 'Photo: press office, archive 2019.', TGT[5]!];
    const links = alignSentenceLists(SRC, tgt);
    checkInvariants(links, SRC.length, tgt.length);
    const truth = new Map([[0, 0], [2, 1], [3, 2], [4, 3], [5, 5]]);
    for (const l of links) for (const s of l.source) if (truth.has(s)) expect(l.target).toContain(truth.get(s));
    expect(key(links)).toEqual(expect.arrayContaining(['0:0', '3:2', '4:3']));
  });

  it('handles empty sides', () => {
    expect(key(alignSentenceLists([], TGT.slice(0, 2)))).toEqual([':0', ':1']);
    expect(key(alignSentenceLists(SRC.slice(0, 1), []))).toEqual(['0:']);
  });

  it('covers every sentence once, in order, on random inputs', () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const words = ['casa', 'Lisboa', '2024', 'rio', 'ponte', 'Banco', 'mercado', '3,5', 'vento', '(nota)', 'sim?'];
    const sentence = () => Array.from({ length: 1 + Math.floor(rand() * 12) }, () => words[Math.floor(rand() * words.length)]).join(' ');
    for (let trial = 0; trial < 30; trial++) {
      const n = Math.floor(rand() * 40);
      const m = Math.floor(rand() * 40);
      const src = Array.from({ length: n }, sentence);
      const tgt = Array.from({ length: m }, sentence);
      checkInvariants(alignSentenceLists(src, tgt), n, m);
    }
  });

  it('keeps the invariants on a long pair aligned within the band', () => {
    const src: string[] = [];
    const tgt: string[] = [];
    for (let k = 0; k < 3000; k++) {
      src.push(`Relatório ${k} da agência sobre a chuva em Manaus.`);
      if (k % 97 !== 0) tgt.push(`Agency report ${k} on the rain in Manaus.`);
    }
    const links = alignSentenceLists(src, tgt);
    checkInvariants(links, src.length, tgt.length);
    // The numbers anchor every pair: each kept sentence is linked with its own translation, nearly always 1–1.
    for (const l of links) for (const t of l.target) expect(l.source.some((s) => tgt[t]!.includes(` ${s} `))).toBe(true);
    const exact = links.filter((l) => l.source.length === 1 && l.target.length === 1 && tgt[l.target[0]!]!.includes(` ${l.source[0]} `)).length;
    expect(exact / tgt.length).toBeGreaterThan(0.97);
  });
});

describe('alignDocument', () => {
  const textOf = (text: string, d: { start: number; end: number }) => text.slice(d.start, d.end);

  it('links a dateline paragraph to the first sentence it is glued to in the translation', () => {
    const source = `Recife, 13 mar (EFE).-\n\n${SRC.slice(0, 3).join(' ')}\n\n${SRC.slice(3).join(' ')}`;
    const target = `Recife, March 13 (EFE) - ${TGT.slice(0, 3).join(' ')}\n\n${TGT.slice(3).join(' ')}`;
    const d = alignDocument(source, target, 'pt', 'en');
    checkInvariants(d.links, d.source.length, d.target.length);
    expect(textOf(source, d.source[0]!)).toBe('Recife, 13 mar (EFE).-');
    expect(key(d.links)).toEqual(['0,1:0', '2:1', '3:2', '4:3', '5:4', '6:5']);
  });

  it('links a "date" line glued to the first sentence', () => {
    const source = `date 2024-03-13\n${SRC[0]} ${SRC[1]}`;
    const target = `date 2024-03-13 ${TGT[0]} ${TGT[1]}`;
    expect(key(alignDocument(source, target, 'pt', 'en').links)).toEqual(['0,1:0', '2:1']);
  });

  it('aligns within corresponding paragraphs', () => {
    const source = `${SRC[0]} ${SRC[1]}\n\n${SRC[2]}\n\n${SRC[3]} ${SRC[4]} ${SRC[5]}`;
    const target = `${TGT[0]} ${TGT[1]}\n\n${TGT[2]}\n\n${TGT[3]} ${TGT[4]} ${TGT[5]}`;
    const d = alignDocument(source, target, 'pt', 'en');
    expect(key(d.links)).toEqual(['0:0', '1:1', '2:2', '3:3', '4:4', '5:5']);
    expect(d.source.map((s) => s.paragraph)).toEqual([0, 0, 1, 2, 2, 2]);
  });

  it('aligns across paragraphs when the translation merged two of them', () => {
    const source = `${SRC[0]} ${SRC[1]}\n\n${SRC[2]} ${SRC[3]}\n\n${SRC[4]} ${SRC[5]}`;
    const target = `${TGT[0]} ${TGT[1]} ${TGT[2]} ${TGT[3]}\n\n${TGT[4]} ${TGT[5]}`;
    const d = alignDocument(source, target, 'pt', 'en');
    expect(key(d.links)).toEqual(['0:0', '1:1', '2:2', '3:3', '4:4', '5:5']);
  });
});

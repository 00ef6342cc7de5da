/**
 * Pressing Enter twice in the translation splits a paragraph: the paragraph counts then differ, and the
 * checks' alignment (segments.ts) used to re-align the whole document on every such edit (3.5 s on a
 * 200,000-word book). Now the paragraphs are grouped first and only the split group is aligned again.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AlignmentLink } from '../../../main/contract/review.js';

/** Sizes of what the aligner was asked to align (units on both sides), call by call. */
const asked: number[] = [];
vi.mock('../../../main/common/align/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../main/common/align/index.js')>();
  return {
    ...real,
    alignSentenceLists: (src: readonly string[], tgt: readonly string[], opts?: object) => {
      asked.push(src.length + tgt.length);
      return real.alignSentenceLists(src, tgt, opts);
    },
    alignDocument: (...args: Parameters<typeof real.alignDocument>) => {
      const out = real.alignDocument(...args);
      asked.push(out.source.length + out.target.length);
      return out;
    },
  };
});
const { alignForChecks } = await import('../../../main/core/checks/segments.js');
const { alignDocument } = await import('../../../main/common/align/index.js');

const CITIES = ['Recife', 'Manaus', 'Belém', 'Natal', 'Santos', 'Olinda'];
/** A Portuguese article and its English translation: 60 paragraphs of 6 sentences with numbers and names. */
function article(): { source: string; target: string } {
  const src: string[] = [];
  const tgt: string[] = [];
  for (let p = 0; p < 60; p++) {
    const s: string[] = [];
    const t: string[] = [];
    for (let k = 0; k < 6; k++) {
      const n = p * 100 + k * 7 + 11;
      const city = CITIES[(p + k) % CITIES.length]!;
      s.push(`O relatório ${n} sobre ${city} saiu na semana passada com ${k + 2} páginas.`);
      t.push(`Report ${n} on ${city} came out last week with ${k + 2} pages.`);
    }
    src.push(s.join(' '));
    tgt.push(t.join(' '));
  }
  return { source: src.join('\n\n'), target: tgt.join('\n\n') };
}

const key = (links: AlignmentLink[]) => links.map((l) => `${l.source.join(',')}:${l.target.join(',')}`);

describe('alignment after Enter splits a paragraph', () => {
  const { source, target } = article();
  const at = target.indexOf('Report 2032'); // the fourth sentence of paragraph 20
  const split = `${target.slice(0, at)}\n\n${target.slice(at)}`;

  it('aligns only the split paragraph again, and the paragraphs as units', () => {
    alignForChecks(source, target, 'pt', 'en');
    asked.length = 0;
    alignForChecks(source, split, 'pt', 'en');
    // One call with the 60 + 61 paragraphs, one with the split group's 6 + 6 sentences; none with the 720 sentences.
    expect(asked.sort((a, b) => a - b)).toEqual([12, 121]);
  });

  it('gives the links and sentences a whole-document alignment gives', () => {
    const grouped = alignForChecks(source, split, 'pt', 'en');
    const whole = alignDocument(source, split, 'pt', 'en');
    expect(key(grouped.links)).toEqual(key(whole.links));
    expect(grouped.source).toEqual(whole.source);
    expect(grouped.target).toEqual(whole.target);
    // The sentence after the break starts paragraph 21 of the translation and is still linked 1–1 with its source.
    const moved = grouped.target.findIndex((s) => split.slice(s.start, s.end).startsWith('Report 2032'));
    expect(grouped.target[moved]!.paragraph).toBe(21);
    expect(key(grouped.links.filter((l) => l.target.includes(moved)))).toEqual([`${moved}:${moved}`]);
  });

  it('aligns the whole document when a paragraph has no counterpart', () => {
    const paras = target.split('\n\n');
    const dropped = [...paras.slice(0, 30), ...paras.slice(31)].join('\n\n');
    asked.length = 0;
    const out = alignForChecks(source, dropped, 'pt', 'en');
    // The paragraphs as units (60 + 59), then the whole document's 360 + 354 sentences.
    expect(asked).toEqual([119, 714]);
    // The dropped paragraph's six source sentences are left without a translation.
    expect(out.links.filter((l) => l.target.length === 0).map((l) => l.source[0])).toEqual([180, 181, 182, 183, 184, 185]);
  });
});

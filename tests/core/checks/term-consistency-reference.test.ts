/**
 * mt.term-inconsistency is worked out from indexes built once per article (term-consistency.ts,
 * ArticleTerms); before, each use was compared with every earlier one over the whole article, which
 * took 70 s on a 200,000-word book. This test keeps that direct form as the reference and checks that
 * the indexed form reports the same findings on random articles built from sentences that share terms.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../main/core/checks/engine.js';
import { contentWords, FORMS, sameTerm, STOP, usesOf, type Use } from '../../../main/core/checks/code/term-consistency.js';
import { buildSegments } from '../../../main/core/checks/segments.js';
import variants from '../../../main/core/checks/code/term-variants.json';

/** The direct form, as the check was written first: every earlier use, every segment. */
function reference(source: string, target: string, lang: string): { text: string; earlier: string; source: string }[] {
  const { segments } = buildSegments(source, target, lang, 'en');
  const uses = usesOf(segments);
  if (uses.length < 2) return [];
  const words = segments.map((s) => contentWords(s.source, lang, STOP[lang]!));
  const basesIn = segments.map((_, i) => new Set(uses.filter((u) => u.seg === i).map((u) => u.base)));
  const earlierRendering = (later: Use) => {
    const groups = FORMS.get(later.base)!.groups;
    for (const earlier of uses) {
      if (earlier.seg >= later.seg) break;
      if (earlier.base === later.base || basesIn[later.seg]!.has(earlier.base) || basesIn[earlier.seg]!.has(later.base)) continue;
      const shared = groups.filter((g) => FORMS.get(earlier.base)!.groups.includes(g));
      if (!shared.length) continue;
      const group = new Set(shared.flatMap((g) => variants.groups[g]!));
      const inGroup = (i: number) => [...basesIn[i]!].some((b) => group.has(b));
      const near = (ws: Map<string, string>, w: string) => ws.has(w) || [...ws.keys()].some((x) => sameTerm(x, w, lang));
      const term = [...words[earlier.seg]!.keys()].find((w) => near(words[later.seg]!, w) && words.every((ws, i) => !ws.has(w) || inGroup(i)));
      if (term) return { use: earlier, source: words[earlier.seg]!.get(term)! };
    }
    return undefined;
  };
  return uses.flatMap((later) => {
    const found = earlierRendering(later);
    return found ? [{ text: target.slice(later.start, later.end), earlier: found.use.base, source: found.source }] : [];
  });
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Spanish sentences and English renderings that use members of a few term groups, some sharing source terms. */
const PAIRS: [string, string[]][] = [
  ['El Congreso aprobó la ley de vivienda.', ['Congress approved the housing law.', 'Congress approved the housing act.', 'Congress approved the housing legislation.']],
  ['La ley entrará en vigor en enero.', ['The law will come into force in January.', 'The legislation will come into force in January.', 'The statute will come into force in January.']],
  ['El gobierno publicó la ley.', ['The government published the law.', 'The government published the act.']],
  ['El gobierno habló con los sindicatos.', ['The government spoke to the unions.']],
  ['El estudio de vivienda se publicó ayer.', ['The housing study came out yesterday.', 'The housing report came out yesterday.', 'The housing survey came out yesterday.']],
  ['Los investigadores presentaron el estudio.', ['The researchers presented the study.', 'The scientists presented the paper.', 'The investigators presented the report.']],
  ['Los diputados votaron el proyecto.', ['The lawmakers voted on the bill.', 'The MPs voted on the draft law.', 'The legislators voted on the bill.']],
  ['Los detalles se conocen ahora.', ['The details are known now.']],
  // Two groups in one sentence, and a sentence holding two members of one group.
  ['El estudio sobre la ley de vivienda.', ['The study on the housing law.', 'The report on the housing act.', 'The paper on the housing law and act.']],
  ['La ley y el proyecto de vivienda.', ['The law and the housing bill.', 'The act and the housing draft law.', 'The legislation and the housing bill.']],
];

describe('mt.term-inconsistency, indexed', () => {
  it('reports what the direct form reports, on 60 random articles', () => {
    let reported = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(seed);
      const src: string[] = [];
      const tgt: string[] = [];
      for (let p = 0, n = 3 + Math.floor(r() * 30); p < n; p++) {
        const [s, ts] = PAIRS[Math.floor(r() * PAIRS.length)]!;
        src.push(s);
        tgt.push(ts[Math.floor(r() * ts.length)]!);
      }
      const source = src.join('\n\n');
      const target = tgt.join('\n\n');
      const got = runChecks({ source, target, sourceLang: 'es', targetLang: 'en' })
        .filter((f) => f.rule === 'mt.term-inconsistency')
        .map((f) => ({ text: f.text, earlier: f.message.params!.earlier, source: f.message.params!.source }));
      const want = reference(source, target, 'es');
      expect(got, `seed ${seed}`).toEqual(want);
      reported += want.length;
    }
    // The articles are built to hold inconsistencies: an equality of empty lists would prove nothing.
    expect(reported).toBeGreaterThan(30);
  });
});

/**
 * "No fix may create a finding": every fix the checks offer on the labelled corpora (tests/corpus/checks,
 * Portuguese, Spanish and Chinese into English) is applied and the text re-checked; no finding may appear
 * where the fix wrote, nor in the source. (The realmt conformance part does the same on real MT.)
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyFix, newFindingsOnFix } from '../../../conformance/fix-safety';
import { readCorpus } from '../../../conformance/checks';
import { runChecks } from '../../../main/core/checks/engine';

const dir = fileURLToPath(new URL('../../corpus/checks/', import.meta.url));
const corpora = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => f.replace(/\.jsonl$/, ''));

describe('fixes on the labelled corpora', () => {
  it('applies every fix offered and finds nothing new on the fixed span', () => {
    const created: string[] = [];
    let fixes = 0;
    for (const name of corpora) {
      for (const line of readCorpus(name)) {
        const input = { source: line.source, sourceLang: line.sourceLang ?? line.from ?? name.replace(/^(qa-|holdout\d?-)/, '').split('-')[0]!, targetLang: line.targetLang ?? 'en' };
        const before = runChecks({ ...input, target: line.target });
        for (const f of before) {
          for (const fix of f.fixes) {
            fixes++;
            const fixed = applyFix(line.target.normalize('NFC'), fix);
            for (const g of newFindingsOnFix(before, runChecks({ ...input, target: fixed.text }), fixed)) created.push(`${f.rule} “${f.text}” → “${fixed.text.slice(fixed.start, fixed.end)}”: ${g.rule} “${g.text}”`);
          }
        }
      }
    }
    expect(fixes).toBeGreaterThan(300);
    expect(created).toEqual([]);
  }, 300_000);

  it('catches a fix that creates a finding (the day number dropped from "this Tuesday (4)" is no longer missing)', () => {
    const source = 'El Gobierno aprobó el plan este martes (4).';
    const target = 'The Government approved the plan this Tuesday (4).';
    const before = runChecks({ source, target, sourceLang: 'es', targetLang: 'en' });
    const weekday = before.find((f) => f.rule === 'en.weekday-day-number')!;
    const fix = weekday.fixes.find((x) => x.edits.some((e) => !/\d/.test(e.text)))!;
    const fixed = applyFix(target, fix);
    expect(fixed.text).not.toMatch(/\d/);
    const after = runChecks({ source, target: fixed.text, sourceLang: 'es', targetLang: 'en' });
    expect(newFindingsOnFix(before, after, fixed)).toEqual([]);
    // The detector itself: a fix that drops a number the source needs is caught.
    const dropped = applyFix('The plan costs 40 euros.', { edits: [{ start: 15, end: 17, text: 'fifty' }] });
    const src = { source: 'El plan cuesta 40 euros.', sourceLang: 'es', targetLang: 'en' };
    expect(newFindingsOnFix(runChecks({ ...src, target: 'The plan costs 40 euros.' }), runChecks({ ...src, target: dropped.text }), dropped).map((g) => g.rule)).toContain('qa.numbers-missing');
  });
});

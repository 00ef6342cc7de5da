import { describe, expect, it } from 'vitest';
import { repeatedPhrases } from '../../../main/core/checks/qa/repeated-phrases.js';
import { runChecks } from '../../../main/core/checks/engine.js';
import { makeContext, runCheck, spans } from './qa-context.js';

const fixed = (target: string) => {
  const [f] = runCheck(repeatedPhrases, makeContext({ source: 'x', target }));
  const e = f!.fixes![0]!.edits[0]!;
  return target.slice(0, e.start) + e.text + target.slice(e.end);
};

describe('qa.repeated-phrase', () => {
  it('finds a phrase written twice in a row and removes the second copy', () => {
    expect(spans(repeatedPhrases, 'x', 'Rents rose by a third in the old town in the old town last year.')).toEqual([' in the old town']);
    expect(fixed('Rents rose by a third in the old town in the old town last year.')).toBe('Rents rose by a third in the old town last year.');
    expect(fixed('Fares cost two euros per ride per ride on the night bus.')).toBe('Fares cost two euros per ride on the night bus.');
  });
  it('finds a sentence written twice, in one segment or in two, and keeps one', () => {
    const source = 'La alcaldesa rechazó el plan. Su adjunto discrepó.';
    const target = 'The mayor rejected the plan. The mayor rejected the plan. Her deputy disagreed.';
    const found = runChecks({ source, target, sourceLang: 'es', targetLang: 'en' }).filter((f) => f.rule.startsWith('qa.repeated'));
    expect(found.map((f) => [f.rule, f.text])).toEqual([['qa.repeated-sentence', ' The mayor rejected the plan.']]);
    const e = found[0]!.fixes[0]!.edits[0]!;
    expect(target.slice(0, e.start) + e.text + target.slice(e.end)).toBe('The mayor rejected the plan. Her deputy disagreed.');
    // Short repeats are on purpose; a sentence in the next paragraph is not "in a row".
    expect(runChecks({ source: 'No. No.', target: 'No. No.', sourceLang: 'es', targetLang: 'en' }).filter((f) => f.rule === 'qa.repeated-sentence')).toEqual([]);
    expect(runChecks({ source: 'a\n\nb', target: 'The plan failed again.\n\nThe plan failed again.', sourceLang: 'es', targetLang: 'en' }).filter((f) => f.rule === 'qa.repeated-sentence')).toEqual([]);
  });
  it('leaves repeats that are not slips alone', () => {
    // A figure of speech set off by a comma, a one-word repeat, phrases that only share words.
    expect(spans(repeatedPhrases, 'x', 'Step by step, step by step, they rebuilt the bridge.')).toEqual([]);
    expect(spans(repeatedPhrases, 'x', 'He laughed: ha ha ha ha.')).toEqual([]);
    expect(spans(repeatedPhrases, 'x', 'In the north in the winter it snows.')).toEqual([]);
    expect(spans(repeatedPhrases, 'x', 'She rejected the plan. She rejected the budget.')).toEqual([]);
  });
});

describe('qa.repeated-phrase: lists and figures of speech', () => {
  it('does not take a list that repeats an item, or "more and more and more", for a slip', () => {
    expect(spans(repeatedPhrases, 'x', 'The code reads left 90 degrees, left 90 degrees, 0 degrees, 0 degrees, right 90 degrees.')).toEqual([]);
    expect(spans(repeatedPhrases, 'x', 'The queue grew longer and longer and longer.')).toEqual([]);
  });
});

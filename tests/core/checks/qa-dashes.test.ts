/**
 * qa.dashes reads the whole article: a dash typed one way throughout (TED transcripts' "--" in every
 * segment) is a house style, one hint with a fix for all; a typed dash that differs from the article's
 * usual dash, or one too rare to be a style, is reported where it is.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../main/contract/review.js';
import { applyFix } from '../../../conformance/fix-safety.js';
import { runChecks } from '../../../main/core/checks/engine.js';

const check = (target: string, source = target.replace(/ -- | - /g, ', ')) =>
  runChecks({ source, target, sourceLang: 'fr', targetLang: 'en' }).filter((f) => f.rule === 'qa.dashes');
const brief = (fs: Finding[]) => fs.map((f) => `${f.severity}:${f.text}`);

const talk = ['We looked up -- and saw the stars.', 'It was late -- past midnight.', 'Then we left -- quietly.', 'Nobody spoke.'].join('\n\n');

describe('qa.dashes across the article', () => {
  it('reports a house style once, as a hint counting its dashes, with a fix for all of them', () => {
    const found = check(talk);
    expect(brief(found)).toEqual(['hint: -- ']);
    expect(found[0]!.start).toBe(talk.indexOf(' -- '));
    expect(found[0]!.message.params).toEqual({ count: 3 });
    const fixed = applyFix(talk, found[0]!.fixes[0]!);
    expect(fixed.text).toBe(talk.replaceAll(' -- ', '—'));
    expect(check(fixed.text)).toEqual([]);
  });

  it('reports a typed dash that differs from the article’s usual one where it is', () => {
    const mixed = `${talk}\n\nAnd then - at last - home.`;
    expect(brief(check(mixed))).toEqual(['hint: -- ', 'minor: - ', 'minor: - ']);
    const amongRealDashes = 'It worked—at first.\n\nThen—later—it failed.\n\nWe tried -- again.';
    expect(brief(check(amongRealDashes))).toEqual(['minor: -- ']);
  });

  it('reports every typed dash too rare to be a style, and two styles used as often', () => {
    expect(brief(check('It worked -- at first.\n\nThen it failed - again.'))).toEqual(['minor: -- ', 'minor: - ']);
    expect(brief(check('A -- b.\n\nC -- d.\n\nE -- f.\n\nG - h.\n\nI - j.\n\nK - l.'))).toHaveLength(6);
  });

  it('leaves the agency dash of a dateline opening any paragraph of a feed, and still reports one inside a sentence', () => {
    const feed = 'The launch went well.\n\nJIUQUAN, Dec. 3 (China News Service) -- The rocket lifted off at 22:15.';
    expect(check(feed, 'Le lancement a réussi.\n\nJIUQUAN, 3 déc. (CNS) La fusée a décollé à 22 h 15.')).toEqual([]);
    expect(brief(check('The launch went well.\n\nThe rocket (a Long March) -- lifted off.'))).toEqual(['minor: -- ']);
  });
});

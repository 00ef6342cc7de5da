/**
 * Doubled punctuation (",," "..", "?." ",."), as Xbench reports it. An ellipsis ("...", "…"), "?!" and
 * "!?", emphatic "!!" or "??", and an abbreviation's dot before a comma ("etc., U.S.,") are not doubles.
 */
import type { CheckDefinition, RawFinding } from '../types.js';
import { qaMessage, replaceFix } from './util.js';

const RUN = /[.,;:!?]{2,}/g;
const URL_OR_EMAIL = /(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/giu;
/** Abbreviations whose dot may stand before a comma, semicolon or colon. */
const ABBREVIATIONS = /(?:^|[\s(])(?:etc|approx|incl|excl|govt|dept|corp|inc|ltd|co|jr|sr|st|vs|nos?|vol|ed|eds|al|cf|resp|sq|ft|min|max|e\.g|i\.e|a\.m|p\.m|[\p{L}]|(?:\p{L}\.)+\p{L}{1,3})$/iu;

/** The fixes for a run, or null when the run is a legitimate sequence. */
function fixesFor(run: string, before: string): string[] | null {
  if (/^\.{3,}$/.test(run) || /^[?!]+$/.test(run)) return null; // "...", "?!", "!!", "?!?"
  if (/^(?:\.{3}[?!]|[?!]\.{3})$/.test(run)) return null; // "...?" "?..."
  if (run.length === 2 && run[0] === '.' && ',;:'.includes(run[1]!) && ABBREVIATIONS.test(before)) return null;
  if (run.length === 2 && run[0] === run[1]) return run[0] === '.' ? ['.', '…'] : [run[0]!];
  if (run.length === 2) return ['?!'.includes(run[0]!) ? run[0]! : run[1]!];
  return null; // longer mixed runs (":-)", "?!..") are left to the reader
}

export const doublePunctuation: CheckDefinition = {
  id: 'qa.double-punctuation',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  description: 'Doubled punctuation such as ",," ".." or "?.".',
  scope: 'segment',
  run(_ctx, seg) {
    if (!seg?.target || !/[.,;:!?]{2}/.test(seg.target)) return [];
    const text = seg.target.replace(URL_OR_EMAIL, (m) => ' '.repeat(m.length));
    const out: RawFinding[] = [];
    for (const m of text.matchAll(RUN)) {
      const at = m.index ?? 0;
      // "1..10", "../": ranges and paths, not prose.
      if (/\d$/.test(text.slice(0, at)) && /^\d/.test(text.slice(at + m[0].length))) continue;
      if (text[at + m[0].length] === '/') continue;
      const fixes = fixesFor(m[0], text.slice(Math.max(0, at - 12), at));
      if (!fixes) continue;
      const start = seg.targetStart + at;
      const end = start + m[0].length;
      out.push({ start, end, message: qaMessage('doublePunctuation', { mark: m[0] }), fixes: fixes.map((f) => replaceFix(start, end, f)) });
    }
    return out;
  },
};

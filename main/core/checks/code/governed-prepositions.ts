/**
 * A preposition English does not use after a word that governs another one, or none ("relies of",
 * "comply to", "discussed about", "sued against", "rose with 5%"): a table of English governors
 * (governed-prepositions.json), the same whatever the source language. Not when the word the governor
 * takes follows soon after ("relies in part on"), nor before an adverbial idiom ("comply to some extent").
 */
import type { CheckDefinition, RawFinding } from '../types.js';
import table from './governed-prepositions.json';

interface Row {
  forms: string[];
  wrong: string[];
  right: string;
  number?: boolean;
  /** The word before the governor, when it is part of a phrase ("with respect"). */
  after?: string;
}

const ROWS = new Map<string, Row>();
for (const row of table.rows as Row[]) for (const f of row.forms) ROWS.set(f, row);
const WORDS = [...new Set((table.rows as Row[]).flatMap((r) => r.wrong))];
const PATTERN = new RegExp(`(?<![\\p{L}'’-])(${[...ROWS.keys()].join('|')})\\s+(${WORDS.join('|')})\\b`, 'giu');
/** Adverbial idioms a governor may be followed by. */
const IDIOM = /^(?:in\s+(?:part|turn|particular|general|large\s+part|principle|practice|fact|short)|to\s+(?:some|a\s+(?:large|great|certain)|what)\s+(?:extent|degree)|of\s+course|on\s+(?:average|the\s+other\s+hand)|from\s+time\s+to\s+time|with\s+(?:regard|respect)\s+to)\b/iu;

export const governedPreposition: CheckDefinition = {
  id: 'en.governed-preposition',
  category: 'Fluency/Grammar',
  severity: 'minor',
  targetLangs: ['en'],
  description: 'A preposition English does not use after this word ("relies of", "comply to", "discussed about").',
  scope: 'segment',
  run(_ctx, seg) {
    if (!seg?.target) return [];
    const text = seg.target;
    const out: RawFinding[] = [];
    for (const m of text.matchAll(PATTERN)) {
      const row = ROWS.get(m[1]!.toLowerCase())!;
      const prep = m[2]!.toLowerCase();
      if (!row.wrong.includes(prep)) continue;
      const prepAt = m.index + m[0].length - m[2]!.length;
      const rest = text.slice(prepAt);
      if (IDIOM.test(rest)) continue;
      if (row.after && !new RegExp(`\\b${row.after}\\s+$`, 'iu').test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      const next = rest.slice(m[2]!.length).trimStart();
      if (row.number && !/^(?:about\s+|around\s+|almost\s+|nearly\s+)?\d/u.test(next)) continue;
      // The governor's own preposition a few words on: the wrong one starts an adverbial ("relies in part on").
      if (row.right && new RegExp(`^(?:\\S+\\s+){0,3}${row.right}\\b`, 'iu').test(next)) continue;
      const start = seg.targetStart + m.index;
      const end = seg.targetStart + prepAt + m[2]!.length;
      const suggestion = row.right ? `${m[1]} ${row.right}` : m[1]!;
      const fixStart = seg.targetStart + prepAt;
      const fix = row.right
        ? { edits: [{ start: fixStart, end: fixStart + m[2]!.length, text: row.right }] }
        : { edits: [{ start: fixStart - (m[0].length - m[1]!.length - m[2]!.length), end: fixStart + m[2]!.length, text: '' }] };
      out.push({ start, end, message: { key: 'checks:sourceCalque', params: { text: text.slice(m.index, prepAt + m[2]!.length), suggestion } }, fixes: [fix] });
    }
    return out;
  },
};

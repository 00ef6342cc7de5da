/**
 * The names of an English text: runs of capitalised words, with the small words names hold between them
 * ("Bank of France", "State Development and Reform Commission", "Munich I District Court"). A run opening
 * a sentence loses the function words a capital there does not make a name ("The", "In", "According").
 */
import { fold } from '../qa/util.js';

export interface NameRun {
  text: string;
  /** Offsets in the document. */
  start: number;
  end: number;
  /** Its words that are not connectors, folded, possessive "'s" taken off. */
  words: Set<string>;
  /** Its text in lower case, to compare names. */
  key: string;
  /** Its last word, folded. */
  head: string;
}

const CAP = String.raw`\p{Lu}[\p{L}\p{M}]*(?:['’\-][\p{L}\p{M}]+)*['’]?`;
const CONNECTOR = String.raw`(?:of|the|and|for|de|du|des|del|della|di|da|do|dos|das|von|der|y|la|le|los|las)`;
/** "of", "of the", "de la", "and" between two capitalised words; not "and the" (two names). */
const JOIN = String.raw`(?:(?:of|for|de|du|des|del|della|di|da|do|dos|das|von|der|y)\s(?:(?:the|la|le|los|las)\s)?|and\s)?`;
const RUN = new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}'’-])${CAP}(?:\s${JOIN}${CAP})*`, 'gu');
const CONNECTORS = new Set(CONNECTOR.slice(3, -1).split('|'));

/** Capitalised words that open a sentence or a clause without being part of a name. */
const LEADING = new Set(
  'the a an in on at for from to by with according after before during since until and but or of this that these those its his her their our my your meanwhile however also both each every some many most other another all no not as if when while where why how what which who there here then now last next yesterday today tomorrow earlier later under over between against among about around through'.split(
    ' ',
  ),
);

/** Words of a name as compared: folded, without a possessive. */
export function runWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.split(/\s+/)) {
    const f = fold(w).replace(/['’]s?$/u, '');
    if (f && !CONNECTORS.has(f)) out.add(f);
  }
  return out;
}

export function nameRuns(text: string, offset = 0): NameRun[] {
  const out: NameRun[] = [];
  for (const m of text.matchAll(RUN)) {
    let t = m[0];
    let start = m.index;
    // Leading function words and connectors are not the name.
    for (;;) {
      const sp = t.indexOf(' ');
      const head = sp < 0 ? t : t.slice(0, sp);
      if (!LEADING.has(head.toLowerCase()) && !CONNECTORS.has(head.toLowerCase())) break;
      if (sp < 0) {
        t = '';
        break;
      }
      t = t.slice(sp + 1);
      start += sp + 1;
    }
    t = t.replace(new RegExp(String.raw`(?:\s${CONNECTOR})+$`, 'u'), '');
    if (!t) continue;
    out.push({ text: t, key: t.toLowerCase(), start: offset + start, end: offset + start + t.length, words: runWords(t), head: [...runWords(t.split(' ').at(-1)!)][0] ?? '' });
  }
  return out;
}

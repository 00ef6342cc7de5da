/**
 * Source-language text left in the translation: words of the source that are frequent source-language
 * words or carry its accents (not names, numbers or acronyms, not accepted English loanwords), and a
 * target segment identical to its source. Spelling in general is the QA checks' business; this stays
 * about words copied from the source.
 */
import { tokenize } from '../../../common/words.js';
import { WORD_LISTS } from '../packs/index.js';
import type { CheckDefinition, RawFinding } from '../types.js';

const COMMON: Record<string, Set<string>> = {
  pt: new Set(WORD_LISTS['pt-common']!.map((w) => w.toLowerCase())),
  es: new Set(WORD_LISTS['es-common']!.map((w) => w.toLowerCase())),
};
const ENGLISH_OK = new Set(WORD_LISTS['en-loanwords']!.map((w) => w.toLowerCase()));
/** Letters English words hardly ever carry but Portuguese and Spanish words often do. */
const SOURCE_ACCENTS = /[ãõçáéíóúâêôñàü]/iu;

function looksUntranslated(word: string, lower: string, sourceWords: Set<string>, common: Set<string> | undefined): boolean {
  if (!/^\p{Ll}[\p{L}-]*$/u.test(word) || word.length < 3) return false; // names, acronyms, numbers
  if (!sourceWords.has(lower) || ENGLISH_OK.has(lower)) return false;
  return SOURCE_ACCENTS.test(word) || (common?.has(lower) ?? false);
}

export const untranslatedWords: CheckDefinition = {
  id: 'mt.untranslated-words',
  category: 'Accuracy/Untranslated text',
  severity: 'major',
  description: 'Source-language words left untranslated in the translation.',
  sourceLangs: ['pt', 'es'],
  targetLangs: ['en'],
  scope: 'segment',
  run(ctx, segment) {
    if (!segment?.source || !segment.target) return [];
    const lang = ctx.sourceLang.split('-')[0]!.toLowerCase();
    const sourceWords = new Set(tokenize(segment.source, ctx.sourceLang).filter((t) => t.word).map((t) => t.text.toLowerCase()));
    if (segment.source.trim() === segment.target.trim()) return []; // the identical-segment check reports it whole
    const out: RawFinding[] = [];
    let run: { start: number; end: number; words: string[] } | null = null;
    const flush = () => {
      if (run) out.push({ start: segment.targetStart + run.start, end: segment.targetStart + run.end, message: { key: 'checks:untranslatedWords', params: { text: segment.target.slice(run.start, run.end) } }, fixes: [] });
      run = null;
    };
    for (const t of tokenize(segment.target, ctx.targetLang)) {
      if (!t.word) {
        flush();
        continue;
      }
      if (looksUntranslated(t.text, t.text.toLowerCase(), sourceWords, COMMON[lang])) {
        if (run) (run as { end: number }).end = t.end;
        else run = { start: t.start, end: t.end, words: [t.text] };
      } else flush();
    }
    flush();
    return out;
  },
};

const LETTERS = /\p{Ll}{2,}/gu;

export const identicalSegment: CheckDefinition = {
  id: 'mt.identical-segment',
  category: 'Non-translation!',
  severity: 'major',
  description: 'A translated sentence identical to its source sentence.',
  scope: 'segment',
  run(ctx, segment) {
    if (!segment?.source || !segment.target) return [];
    if (ctx.sourceLang.split('-')[0]!.toLowerCase() === ctx.targetLang.split('-')[0]!.toLowerCase()) return [];
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    if (norm(segment.source) !== norm(segment.target)) return [];
    // A line of names or numbers ("Petrobras", "Flamengo 2 x 1 Palmeiras") is the same in any language.
    if ((segment.target.match(LETTERS) ?? []).length < 3) return [];
    return [{ start: segment.targetStart, end: segment.targetStart + segment.target.length, message: { key: 'checks:identicalSegment' }, fixes: [] }];
  },
};

export const CODE_CHECKS: CheckDefinition[] = [untranslatedWords, identicalSegment];

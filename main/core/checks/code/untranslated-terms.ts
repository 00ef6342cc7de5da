/**
 * A source common noun copied, capitalised, into the translation ("der Betriebsrat" → "the Betriebsrat",
 * "el Ayuntamiento de Barcelona" → "the Ayuntamiento of Barcelona"). The lower-case check
 * (untranslated.ts) leaves capitalised words alone because they are mostly names; articles before names
 * are common in the Romance languages ("o Flamengo", "la Juventus"), so the evidence that a capitalised
 * word is a common noun is a list of each language's nouns for institutions, offices and bodies
 * (source-institution-nouns.json), and in German the head of a compound ("Stadtrat", "CSU-Fraktion").
 * The word must be in the source, unknown to the target's dictionary, not part of a longer name in the
 * translation ("Banco Santander") and not one of the institutions English news keeps as they are.
 */
import { tokenize, type Token } from '../../../common/words.js';
import { primaryLang } from '../qa/util.js';
import { spellerFor } from '../spelling/speller.js';
import type { CheckDefinition, RawFinding } from '../types.js';
import nounLists from './source-institution-nouns.json';

const NOUNS: Record<string, Set<string>> = Object.fromEntries(Object.entries(nounLists).filter(([k]) => k !== 'description').map(([k, v]) => [k, new Set(v as string[])]));

/** Source-language names of institutions English news keeps as they are ("the Bundestag", "the Bundesrat"). */
const KEPT = new Set(
  (
    'bundestag bundesrat bundesbank bundesliga bundeswehr bundesland landtag reichstag kanzleramt bundeskanzleramt verfassungsgericht bundesverfassungsgericht ' +
    'generalitat cortes moncloa xunta junta ertzaintza mossos ' +
    'élysée matignon sorbonne bercy quai ' +
    'quirinale carabinieri camorra mafia ' +
    'planalto itamaraty'
  ).split(' '),
);

/** Is this (lower-case) word one of the language's institution nouns, or in German a compound with one as its head? */
function institutionNoun(lower: string, lang: string): boolean {
  const nouns = NOUNS[lang];
  if (!nouns || KEPT.has(lower)) return false;
  if (nouns.has(lower)) return true;
  if (lang !== 'de') return false;
  for (let i = 3; i <= lower.length - 3; i++) if (nouns.has(lower.slice(i))) return true;
  return false;
}

const NAMEY = /^\p{Lu}\p{Ll}+$/u;
/** A capitalised noun, a source connector and a capitalised word: "Guardia di Finanza", "Sindicato de Inquilinas". */
const KEPT_NAME = /^\p{Lu}\p{Ll}+\s+(?:de|di|del|della|dei|des|du|do|da|dos|das)\s+(?:(?:la|las|los|le|il|lo|l')\s*)?\p{Lu}\p{L}+/u;

export const untranslatedTerms: CheckDefinition = {
  id: 'mt.untranslated-terms',
  category: 'Accuracy/Untranslated text',
  severity: 'major',
  description: 'A source common noun (capitalised, after a determiner) copied into the translation.',
  scope: 'segment',
  sourceLangs: Object.keys(NOUNS),
  run(ctx, segment) {
    if (!segment?.source || !segment.target) return [];
    const lang = primaryLang(ctx.sourceLang);
    const speller = spellerFor(ctx.targetLang);
    if (!speller || lang === primaryLang(ctx.targetLang)) return [];
    const nouns = new Set(tokenize(segment.source, ctx.sourceLang).flatMap((t) => t.text.replace(/^[lL]['’]/, '').split('-')));
    const project = new Set(ctx.project.wordList.map((w) => w.toLowerCase()));
    const tokens = tokenize(segment.target, ctx.targetLang);
    const out: RawFinding[] = [];
    tokens.forEach((t, i) => {
      if (!t.word) return;
      const parts = t.text.split('-');
      const at = parts.findIndex((p) => nouns.has(p) && NAMEY.test(p) && institutionNoun(p.toLowerCase(), lang) && !project.has(p.toLowerCase()) && !speller.correct(p));
      if (at < 0) return;
      // Part of a longer name in the translation ("Deutsche Bahn", "El País").
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      const capital = (x?: Token) => !!x?.word && /^\p{Lu}/u.test(x.text) && !/^(?:The|A|An)$/.test(x.text);
      if (capital(prev) || (capital(next) && next!.start === t.end + 1)) return;
      // The whole name kept as the source writes it, its connector too ("the Guardia di Finanza", "the Sindicato de
      // Inquilinas"): a proper name left in its own language, unlike a half-translated "Ayuntamiento of Barcelona".
      const whole = KEPT_NAME.exec(segment.target.slice(t.start));
      if (whole && segment.source.includes(whole[0])) return;
      const offset = parts.slice(0, at).reduce((n, p) => n + p.length + 1, 0);
      const start = segment.targetStart + t.start + offset;
      out.push({ start, end: start + parts[at]!.length, message: { key: 'checks:untranslatedWords', params: { text: parts[at]! } }, fixes: [] });
    });
    return out;
  },
};


/**
 * Names and acronyms present on one side only: a source acronym ("IBGE") or multi-word name
 * ("Fernando Haddad") that the translation lacks, or an acronym the translation has and the source does not
 * ("OMS" left in an English text). Kept precise: single capitalised words, sentence-initial capitals and
 * words that translate (months, weekdays, countries, acronyms such as ONU ↔ UN) are not reported.
 */
import type { CheckContext, CheckDefinition, RawFinding, SegmentView } from '../types.js';
import { fold, qaMessage, sourcePieces, type Piece } from './util.js';

/** Source acronym or phrase → the English forms it becomes. */
const ACRONYMS: Record<string, string[]> = {
  ONU: ['UN'], OMS: ['WHO'], FMI: ['IMF'], OTAN: ['NATO'], UE: ['EU'], EUA: ['US', 'USA'], PIB: ['GDP'], ONG: ['NGO'], ONGS: ['NGOS'],
  OCDE: ['OECD'], OIT: ['ILO'], BCE: ['ECB'], OEA: ['OAS'], OMC: ['WTO'], ACNUR: ['UNHCR'], AIEA: ['IAEA'], OIEA: ['IAEA'], IVA: ['VAT'],
  IA: ['AI'], TI: ['IT'], RU: ['UK'], EAU: ['UAE'], RDC: ['DRC'], URSS: ['USSR'], OVNI: ['UFO'], ADN: ['DNA'], ARN: ['RNA'], SIDA: ['AIDS'],
  PYME: ['SME'], PYMES: ['SMES'], DST: ['STD'], OGM: ['GMO'], CEE: ['EEC'], OLP: ['PLO'], ETA: ['ETA'],
};
/** Phrases whose English acronym may stand for them in the translation. */
const PHRASE_ACRONYMS: [RegExp, string[]][] = [
  [/estados unidos|ee\.? ?uu\.?|états-unis|vereinigten staaten/i, ['US', 'USA']],
  [/reino unido|royaume-uni|vereinigte königreich/i, ['UK']],
  [/na[cç][õo](?:es|nes) unidas|nations unies|vereinte nationen/i, ['UN']],
  [/uni[ãó]o? europe|unión europea|union européenne|europäische union/i, ['EU']],
  [/produ[ct]to? int(?:erno|erior) bruto|produit intérieur brut|bruttoinlandsprodukt/i, ['GDP']],
  [/intelig[êe]ncia artificial|intelligence artificielle|künstliche intelligenz/i, ['AI']],
  [/organiza[çc]i?[ãó]o?n? mundial (?:da|de la) sa[úu]de/i, ['WHO']],
];
/** English acronyms a translation may use without a counterpart in the source. */
const COMMON_EN = new Set(['TV', 'OK', 'AM', 'PM', 'CEO', 'CFO', 'ID', 'PC', 'GPS', 'PDF', 'URL', 'VIP', 'DJ', 'FAQ', 'HIV', 'COVID', 'AD', 'BC', 'UTC', 'GMT']);

/** Words that translate, folded → English prefixes (months, weekdays, countries, common name parts). */
const TRANSLATES: Record<string, string[]> = {};
const TABLE: [string, string][] = [
  ['janeiro enero janvier januar', 'january'], ['fevereiro febrero fevrier februar', 'february'], ['marco marzo mars marz', 'march'],
  ['abril avril', 'april'], ['maio mayo mai', 'may'], ['junho junio juin juni', 'june'], ['julho julio juillet juli', 'july'],
  ['agosto aout', 'august'], ['setembro septiembre septembre', 'september'], ['outubro octubre octobre oktober', 'october'],
  ['novembro noviembre novembre', 'november'], ['dezembro diciembre decembre dezember', 'december'],
  ['segunda-feira lunes lundi montag', 'monday'], ['terca-feira martes mardi dienstag', 'tuesday'], ['quarta-feira miercoles mercredi mittwoch', 'wednesday'],
  ['quinta-feira jueves jeudi donnerstag', 'thursday'], ['sexta-feira viernes vendredi freitag', 'friday'], ['sabado samedi samstag', 'saturday'], ['domingo dimanche sonntag', 'sunday'],
  ['alemanha alemania allemagne deutschland', 'german'], ['franca francia frankreich', 'fren'], ['espanha espana espagne spanien', 'spa'],
  ['inglaterra angleterre', 'engl'], ['reino royaume', 'kingdom uk brit'], ['unido unidos unis', 'united us uk'], ['estados etats', 'states us'],
  ['italia italie italien', 'ital'], ['japao japon', 'japan'], ['china chine', 'chin'], ['russia rusia russie russland', 'russia'],
  ['brasil bresil brasilien', 'brazil'], ['mexico mexique', 'mexic'], ['suica suiza suisse schweiz', 'swi'], ['suecia suede schweden', 'swed'],
  ['grecia grece griechenland', 'gree'], ['holanda hollande', 'holland dutch neth'], ['paises pays', 'countr neth'], ['baixos bajos', 'neth low'],
  ['belgica belgique belgien', 'belgi'], ['coreia corea coree korea', 'korea'], ['sul sur sud', 'south'], ['norte nord', 'north'],
  ['africa afrique afrika', 'afric'], ['nova nueva nouvelle neu', 'new'], ['zelandia zelande seeland', 'zealand'], ['arabia arabie arabien', 'arabi saudi'],
  ['cidade ciudad ville stadt', 'city'], ['casa maison haus', 'house'], ['branca blanca blanche weiss', 'white'], ['copa coupe', 'cup'],
  ['mundo mundial monde welt', 'world'], ['papa pape papst', 'pope'], ['rei rey roi konig', 'king'], ['rainha reina reine konigin', 'queen'],
  ['governo gobierno gouvernement regierung', 'govern'], ['presidente president prasident', 'president'], ['ministro ministre minister', 'minister'],
  ['universidade universidad universite universitat', 'universit'], ['banco banque bank', 'bank'], ['central zentral', 'central'],
];
for (const [words, en] of TABLE) for (const w of words.split(' ')) TRANSLATES[w] = en.split(' ');

const CONNECTORS = new Set(['da', 'de', 'do', 'das', 'dos', 'del', 'la', 'las', 'los', 'von', 'van', 'der', 'den', 'di', 'du', 'des', 'le', "d'"]);
const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,6}(?![\p{L}\p{N}])/gu;
const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;
const ROMAN = /^[IVXLCDM]+$/;

function mostlyUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters.replace(/[^\p{Lu}]/gu, '').length > letters.length / 2;
}

/** Does the start of a word begin a sentence (segment start, after . ! ? : or an opening quote)? */
function sentenceInitial(text: string, at: number): boolean {
  return /^[\s"“«„'‘(¿¡—–-]*$/u.test(text.slice(0, at)) || /[.!?:…]["”»’)]?\s+["“«„'‘(¿¡]*$/u.test(text.slice(Math.max(0, at - 6), at));
}

interface Candidate {
  text: string;
  start: number;
  words: string[];
}

function multiWordNames(piece: Piece): Candidate[] {
  const out: Candidate[] = [];
  let run: { start: number; end: number; words: string[] } | null = null;
  let pendingConnector = false;
  const flush = () => {
    if (run && run.words.length >= 2) out.push({ text: piece.text.slice(run.start, run.end), start: piece.start + run.start, words: run.words });
    run = null;
    pendingConnector = false;
  };
  for (const m of piece.text.matchAll(WORD)) {
    const w = m[0];
    const at = m.index ?? 0;
    const gap = run ? piece.text.slice(run.end, at) : ' ';
    if (run && !/^\s+$/u.test(gap)) flush();
    if (/^\p{Lu}\p{Ll}/u.test(w) && !sentenceInitial(piece.text, at)) {
      if (!run) run = { start: at, end: at + w.length, words: [w] };
      else {
        run.end = at + w.length;
        run.words.push(w);
      }
      pendingConnector = false;
    } else if (run && !pendingConnector && CONNECTORS.has(w.toLowerCase())) pendingConnector = true;
    else flush();
  }
  flush();
  return out;
}

/** Accent-insensitive: equal, or a shared stem ("Ministério" ~ "Ministry", "Europeia" ~ "European"). */
function similar(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (x === y) return true;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i >= 5 || (i >= 4 && i >= Math.min(x.length, y.length) - 1);
}

function targetHasWord(word: string, targetWords: string[], targetFolded: string): boolean {
  const tr = TRANSLATES[fold(word)];
  if (tr && tr.some((p) => targetFolded.includes(p))) return true;
  return word.length >= 3 && targetWords.some((t) => similar(word, t));
}

export function findOneSidedNames(ctx: CheckContext, seg: SegmentView): RawFinding[] {
  const out: RawFinding[] = [];
  const target = seg.target;
  const targetWords = target.match(WORD) ?? [];
  const targetFolded = fold(target);
  const pieces = sourcePieces(ctx, seg);
  const sourceText = pieces.map((p) => p.text).join(' ');
  const sourceFolded = fold(sourceText);
  const expected = new Set<string>();
  for (const p of pieces) {
    for (const [re, forms] of PHRASE_ACRONYMS) if (re.test(p.text)) forms.forEach((f) => expected.add(f));
  }

  // Source side: acronyms and multi-word names the translation lacks.
  for (const p of pieces) {
    if (!mostlyUpper(p.text)) {
      for (const m of p.text.matchAll(ACRONYM)) {
        const a = m[0];
        ACRONYMS[a]?.forEach((f) => expected.add(f));
        if (ROMAN.test(a) || target.includes(a) || COMMON_EN.has(a)) continue;
        if (ACRONYMS[a]?.some((f) => new RegExp(`(?<![\\p{L}])${f}(?![\\p{L}])`, 'u').test(target))) continue;
        if (targetWords.some((t) => fold(t) === fold(a))) continue;
        const start = p.start + (m.index ?? 0);
        out.push({ side: 'source', start, end: start + a.length, message: qaMessage('nameMissing', { name: a }) });
      }
    }
    for (const c of multiWordNames(p)) {
      if (target.includes(c.text)) continue;
      if (c.words.some((w) => targetHasWord(w, targetWords, targetFolded))) continue;
      out.push({ side: 'source', start: c.start, end: c.start + c.text.length, message: qaMessage('nameMissing', { name: c.text }) });
    }
  }

  // Target side: acronyms the source does not have.
  if (!mostlyUpper(target)) {
    for (const m of target.matchAll(ACRONYM)) {
      const a = m[0];
      if (ROMAN.test(a) || COMMON_EN.has(a) || expected.has(a) || sourceText.includes(a)) continue;
      if (new RegExp(`(?<![\\p{L}])${fold(a)}(?![\\p{L}])`, 'u').test(sourceFolded)) continue;
      const start = seg.targetStart + (m.index ?? 0);
      out.push({ start, end: start + a.length, message: qaMessage('nameAdded', { name: a }) });
    }
  }
  return out;
}

export const oneSidedNames: CheckDefinition = {
  id: 'qa.names',
  category: 'Accuracy/Mistranslation',
  severity: 'minor',
  scope: 'segment',
  run(ctx, seg) {
    if (!seg?.target || !seg.source) return [];
    return findOneSidedNames(ctx, seg);
  },
};

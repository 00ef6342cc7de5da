/**
 * Names and acronyms present on one side only: a source acronym ("IBGE") or multi-word name
 * ("Fernando Haddad") that the translation lacks, or an acronym the translation has and the source does not
 * ("OMS" left in an English text). Kept precise, because news translations translate much of what is
 * capitalised:
 *  - a multi-word name counts only when it has a distinctive word (not ordinary source vocabulary such as
 *    "Ministério", "Nacional", "Juegos"; name-common-words.json) and no word of it, accent-insensitively or
 *    by a shared stem, is in the translation; a leading article ("La Haya") is not part of the name;
 *  - an acronym counts only when neither it, nor a known English form (ONU → UN, EE.UU. → US), nor an
 *    acronym or capitalised phrase with the same initials in any order (OTAN → NATO, CNE → National
 *    Electoral Council) is in the translation, and the source does not spell it out itself;
 *  - single capitalised words, sentence-initial capitals and words that translate (months, weekdays,
 *    countries) are not reported.
 */
import type { CheckContext, CheckDefinition, RawFinding, SegmentView } from '../types.js';
import { SimilarWords } from './similar-words.js';
import { fold, primaryLang, qaMessage, sourcePieces, type Piece } from './util.js';
import nameCommon from './name-common-words.json';
import ptCommon from '../packs/lists/pt-common.json';
import esCommon from '../packs/lists/es-common.json';

/** Source acronym (dots and spaces removed: "EE.UU." → "EEUU") → the English forms it becomes. */
const ACRONYMS: Record<string, string[]> = {
  ONU: ['UN', 'United Nations'], OMS: ['WHO', 'World Health'], FMI: ['IMF', 'Monetary Fund'], OTAN: ['NATO'], UE: ['EU', 'European Union'],
  EUA: ['US', 'USA', 'United States'], EEUU: ['US', 'USA', 'United States'], PIB: ['GDP', 'gross domestic', 'economy', 'output'],
  ONG: ['NGO', 'non-governmental', 'charity'], ONGS: ['NGOS', 'NGOs', 'non-governmental', 'charities'],
  OCDE: ['OECD'], OIT: ['ILO'], BCE: ['ECB', 'European Central Bank'], OEA: ['OAS'], OMC: ['WTO'], ACNUR: ['UNHCR'], AIEA: ['IAEA'], OIEA: ['IAEA'],
  IVA: ['VAT'], IA: ['AI'], TI: ['IT'], RU: ['UK'], EAU: ['UAE'], RDC: ['DRC'], URSS: ['USSR', 'Soviet'], OVNI: ['UFO'], ADN: ['DNA'], ARN: ['RNA'],
  SIDA: ['AIDS'], PYME: ['SME'], PYMES: ['SMES', 'SMEs'], DST: ['STD'], OGM: ['GMO'], CEE: ['EEC'], OLP: ['PLO'], ETA: ['ETA'],
  OPEP: ['OPEC'], BID: ['IDB', 'Inter-American Development Bank'], BM: ['World Bank'], UA: ['AU', 'African Union'], CE: ['EC', 'European Commission'],
  PE: ['EP', 'European Parliament'], TJUE: ['CJEU', 'ECJ', 'Court of Justice'], TPI: ['ICC', 'International Criminal Court'], CPI: ['ICC', 'inquiry', 'CPI'],
  EI: ['IS', 'ISIS', 'ISIL', 'Islamic State'], MP: ['prosecutor', 'Prosecutor', 'MP'], PF: ['Federal Police', 'PF'], FFAA: ['armed forces', 'Armed Forces'],
  INE: ['National Statistics Institute', 'National Institute of Statistics', 'statistics'], CIS: ['Sociological Research', 'CIS'],
  BC: ['Central Bank', 'BC'], BCB: ['Central Bank', 'BCB'], TSE: ['Electoral Court', 'TSE'], MPF: ['Federal Prosecutor', 'prosecutors', 'MPF'],
  PGR: ['Prosecutor General', 'Attorney General', 'PGR'], PT: ["Workers' Party", 'Workers Party', 'PT'], PP: ['Popular Party', 'PP'],
  PSOE: ['Socialist', 'PSOE'], CCAA: ['regions', 'autonomous communities', 'regional'], SUS: ['public health', 'Unified Health System', 'SUS'],
  PRF: ['Highway Police', 'PRF'], MST: ['Landless', 'MST'], PN: ['National Police', 'PN'], GC: ['Civil Guard', 'GC'],
  EFE: ['EFE'], PM: ['Military Police', 'PM'], INSS: ['INSS', 'social security', 'Social Security'], IR: ['income tax', 'IR'],
  PIL: ['GDP', 'gross domestic', 'economy', 'output'], SMS: ['SMS', 'text message', 'text'], SUA: ['US', 'USA', 'United States'], USA: ['US', 'United States', 'America'], PNB: ['GNP', 'gross national'], CEDO: ['ECHR'], NATO: ['NATO'], ÜRO: ['UN', 'United Nations'],
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
  [/americ|statele unite|ameerika|\bUSA\b|美国|美國/i, ['US', 'USA']],
  [/regatul\p{L}* unit|marea britanie|britani|ühendkuningriik|suurbritannia|英国/iu, ['UK']],
  [/uniunea europeană|euroopa liit|欧盟/i, ['EU']],
  [/联合国|organizația națiunilor unite|ühinenud rahvaste/i, ['UN']],
  // A member of parliament: English writes "MP" for the source's word.
  [/député|deputad[oa]|diputad[oa]|deputat[oa]|abgeordnete|parlamentar/i, ['MP']],
];
/** Currency codes a translation may write for the source's currency word ("naela" → GBP, "dolari" → USD). */
const CURRENCY_WORD = /nael|pound|liră|lire|libra|dolar|dollar|dólar|euro|eur\b|yen|jeni|yuan|leu|lei|kroon|krooni|rubl|元|镑|圆/iu;
const CURRENCY_CODE = /^(?:USD|EUR|GBP|JPY|CNY|RMB|CHF|RON|EEK|RUB|BRL|MXN|ARS|CAD|AUD)$/;
/** English acronyms a translation may use without a counterpart in the source. */
const COMMON_EN = new Set(['HTTP', 'HTTPS', 'WWW', 'TV', 'OK', 'AM', 'PM', 'CEO', 'CFO', 'ID', 'PC', 'GPS', 'PDF', 'URL', 'VIP', 'DJ', 'FAQ', 'HIV', 'COVID', 'AD', 'BC', 'UTC', 'GMT']);

/** Words that translate, folded → English prefixes (months, weekdays, countries, common name parts). */
const TRANSLATES: Record<string, string[]> = {};
const TABLE: [string, string][] = [
  ['janeiro enero janvier januar', 'january'], ['fevereiro febrero fevrier februar', 'february'], ['marco marzo mars marz', 'march'],
  ['abril avril', 'april'], ['maio mayo mai', 'may'], ['junho junio juin juni', 'june'], ['julho julio juillet juli', 'july'],
  ['agosto aout', 'august'], ['setembro septiembre septembre', 'september'], ['outubro octubre octobre oktober', 'october'],
  ['novembro noviembre novembre', 'november'], ['dezembro diciembre decembre dezember', 'december'],
  ['segunda-feira lunes lundi montag', 'monday'], ['terca-feira terca martes mardi dienstag', 'tuesday'], ['quarta-feira miercoles mercredi mittwoch', 'wednesday'],
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
  // Cities and regions with English exonyms ("Sevilla" → "Seville", "Catalunha" → "Catalonia"/"Catalan").
  ['londres', 'london'], ['sevilla sevilha', 'sevill'], ['andalucia andaluzia', 'andalus'], ['catalunha cataluna catalunya', 'catal'],
  ['lisboa', 'lisbon'], ['genebra ginebra', 'geneva'], ['moscou moscu', 'moscow'], ['pequim pekin', 'beijing peking'],
  ['bruxelas bruselas', 'brussels'], ['haia haya', 'hague'], ['viena', 'vienna'], ['varsovia', 'warsaw'], ['atenas', 'athens'],
  ['roma', 'rome'], ['florenca florencia', 'florence'], ['veneza venecia', 'venice'], ['napoles', 'naples'], ['munique', 'munich'],
  ['colonia', 'cologne'], ['copenhague', 'copenhagen'], ['estocolmo', 'stockholm'], ['praga', 'prague'], ['cairo', 'cairo'],
  ['filadelfia', 'philadelphia'], ['iorque york', 'york'], ['galiza', 'galicia'], ['aragao', 'aragon'], ['castela castilla', 'castil'],
  ['vasco basco', 'basque'], ['baviera', 'bavaria'], ['escocia', 'scot'], ['irlanda', 'irish ireland'], ['gales', 'wales welsh'],
  ['ucrania', 'ukrain'], ['polonia', 'pol'], ['turquia', 'turk'], ['egito egipto', 'egypt'], ['marrocos marruecos', 'morocc'],
  ['canarias canarias', 'canar'], ['baleares', 'balear'], ['amazonia', 'amazon'], ['patagonia', 'patagonia'], ['cordilheira cordillera', 'range'],
  ['universidade universidad universite universitat', 'universit'], ['banco banque bank', 'bank'], ['central zentral', 'central'],
  // Romanian and Estonian (MLQE-PE): the names of unions and states in their inflected forms, saints.
  ['euroopa euroopas euroopast euroopasse europa europei europene', 'europ'], ['liit liidu liidus liitu liidust liiduga uniunea uniunii', 'union'],
  ['ameerika americii', 'americ united'], ['uhendriigid uhendriikide uhendriikides uhendriikidest uhendriikidesse statele statelor', 'united states'],
  ['sfantul sfanta sfintul sfintei', 'saint'], ['puha puhal puhale', 'saint holy'],
];
for (const [words, en] of TABLE) for (const w of words.split(' ')) TRANSLATES[w] = en.split(' ');

/** Languages that write every noun with a capital. */
const NOUN_CAPITALS = new Set(['de', 'lb']);
const CONNECTORS = new Set(['da', 'de', 'do', 'das', 'dos', 'del', 'la', 'las', 'los', 'von', 'van', 'der', 'den', 'di', 'du', 'des', 'le', "d'", 'y', 'e']);
/** Articles and determiners that open a name in the source but are not part of it ("La Haya", "El Salvador" aside). */
const ARTICLES = new Set(['o', 'a', 'os', 'as', 'el', 'la', 'los', 'las', 'lo', 'le', 'les', 'l', 'der', 'die', 'das', 'un', 'una', 'um', 'uma', 'este', 'esta', 'esse', 'essa']);
/** English words that join the words of a spelled-out name ("Bank of England", "Party for Freedom"). */
const EN_CONNECTORS = new Set(['of', 'the', 'for', 'and', 'on', 'in', 'de', 'la', 'del', 'da', 'do']);
/** Ordinary source vocabulary that also appears capitalised in institution, event and region names. */
const COMMON = new Set([...nameCommon.words, ...ptCommon.words, ...esCommon.words].map(fold));

// Plain acronyms ("IBGE") and Spanish doubled-letter plurals with dots ("EE.UU.", "FF. AA.").
const ACRONYM = /(?<![\p{L}\p{N}])(?:\p{Lu}{2,3}\.\s?\p{Lu}{2,3}\.|\p{Lu}{2,6})(?![\p{L}\p{N}])/gu;
const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;
const ROMAN = /^[IVXLCDM]+$/;

const bare = (acronym: string) => acronym.replace(/[.\s]/g, '');
const sortedLetters = (s: string) => [...s.toUpperCase()].sort().join('');
/** English acronyms written with dots ("U.S.", "U.N.") read as plain ones. */
const undot = (text: string) => text.replace(/(?<![\p{L}])((?:\p{Lu}\.){2,})/gu, (m) => m.replace(/\./g, ''));
const hasWord = (text: string, w: string) => new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text);

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LATIN = /\p{Script=Latin}/u;

/** More than half of the letters (counted in UTF-16 units) are capitals. One pass, ASCII without regexes. */
function mostlyUpper(text: string): boolean {
  let letters = 0;
  let upper = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) {
        letters++;
        upper++;
      } else if (c >= 0x61 && c <= 0x7a) letters++;
    } else if (LETTER.test(ch)) {
      letters += ch.length;
      if (UPPER.test(ch)) upper += ch.length;
    }
  }
  return letters > 0 && upper > letters / 2;
}

/** A dateline before the story's first word: "ROMA (ANSA) - ", "MILANO, 5 dicembre (Reuters) – ". */
const AFTER_DATELINE = /^\p{Lu}{2,}[^.!?\n]{0,60}?\s[-–—]\s+$/u;

/** Does the start of a word begin a sentence (segment start, after . ! ? :, an opening quote or a dateline)? */
function sentenceInitial(text: string, at: number): boolean {
  return (
    /^[\s"“«„'‘(¿¡—–-]*$/u.test(text.slice(0, at)) ||
    /[.!?:…]["”»’)]?\s+["“«„'‘(¿¡]*$/u.test(text.slice(Math.max(0, at - 6), at)) ||
    (at < 80 && AFTER_DATELINE.test(text.slice(0, at)))
  );
}

/**
 * The all-caps place word a dateline opens with ("MÜNCHEN (Reuters) -", "MILANO,", "VENICE, 8 December"),
 * also after the agency's credit ("(ANSA) - MILANO, 8 DIC -").
 */
const DATELINE_PLACE = /^\s*(?:\(\p{Lu}[\p{L}/-]*\)\s*[-–—]\s*)?(\p{Lu}{3,}(?:[\s-]\p{Lu}{2,})*)(?=\s*[-–—,(]|\s+\d|\s+\p{Lu}\p{Ll})/u;

/** Months abbreviated in capitals, as datelines write them beside the day ("DEC 3", "8 DIC", "12. FEB."). */
const MONTH_CAPS = new Set('JAN FEB MAR APR MAY JUN JUL AUG SEP SEPT OCT NOV DEC ENE ABR AGO DIC GEN MAG GIU LUG SET OTT FEV MAI JUI AOU SETT OUT DEZ MRZ JUIL AVR'.split(' '));
/** Is the capitals word at `at` a month beside its day number? */
function monthBesideDay(text: string, at: number, word: string): boolean {
  if (!MONTH_CAPS.has(word)) return false;
  return /\d{1,2}\.?\s*$/u.test(text.slice(Math.max(0, at - 4), at)) || /^\.?\s*\d{1,2}(?!\d)/u.test(text.slice(at + word.length, at + word.length + 5));
}
/**
 * Both texts open with a dateline: the translation's place in capitals stands for the source's, whatever
 * its English name ("MÜNCHEN" → "MUNICH", "TORINO" → "TURIN").
 */
const bothDatelines = (source: string, target: string) => DATELINE_PLACE.test(source) && DATELINE_PLACE.test(target);
/** Does the word at `at` lie in the dateline's place ("DE" of "SANTIAGO DE CHILE")? */
const datelinePlaceAt = (text: string, at: number) => {
  const m = DATELINE_PLACE.exec(text);
  const start = m ? text.indexOf(m[1]!) : -1;
  return m !== null && at >= start && at < start + m[1]!.length;
};

/**
 * The initials of every run of capitalised words (connectors skipped), for matching an acronym with its
 * spelled-out form in either language: "Conselho Nacional Eleitoral" → "CNE", "National Electoral Council" → "NEC".
 */
function capitalisedRuns(text: string, connectors: ReadonlySet<string>): string[] {
  const runs: string[] = [];
  let run = '';
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    if (/^\p{Lu}/u.test(w)) run += w[0];
    else if (!connectors.has(w.toLowerCase())) {
      if (run.length >= 2) runs.push(run);
      run = '';
    }
  }
  if (run.length >= 2) runs.push(run);
  return runs;
}

/** Does some stretch of consecutive initials in `runs` use the acronym's letters, in any order? */
function initialsMatch(acronym: string, runs: readonly string[]): boolean {
  const want = sortedLetters(acronym);
  return runs.some((r) => {
    for (let i = 0; i + acronym.length <= r.length; i++) if (sortedLetters(r.slice(i, i + acronym.length)) === want) return true;
    return false;
  });
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
    // A leading article is not part of the name: "em La Haya" → "Haya".
    if (/^\p{Lu}\p{Ll}/u.test(w) && !sentenceInitial(piece.text, at) && !(!run && ARTICLES.has(w.toLowerCase()))) {
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

/** The source word's English equivalent ("roma" → "rome") stands in the folded target. */
function translatedIn(word: string, targetFolded: string): boolean {
  return TRANSLATES[fold(word)]?.some((p) => targetFolded.includes(p)) ?? false;
}

/** The folded target word is the English equivalent of the source word ("ROME" for "ROMA"). */
function exonymOf(sourceWord: string, foldedTargetWord: string): boolean {
  return TRANSLATES[fold(sourceWord)]?.some((p) => foldedTargetWord.startsWith(p)) ?? false;
}

/** Accent-insensitively, the target has the word or one sharing its stem ("Ministério" ~ "Ministry"), or its English equivalent. */
function targetHasWord(word: string, targetWords: SimilarWords, targetFolded: string): boolean {
  if (translatedIn(word, targetFolded)) return true;
  return word.length >= 3 && targetWords.hasSimilar(fold(word));
}

/** The name's own acronym in brackets after it in the source ("… del Guadalquivir (CHG)"), which the translation has too. */
function keptAcronymAfter(sourceAfter: string, target: string): boolean {
  const m = /^[^().;:!?]{0,60}?\((\p{Lu}[\p{L}]{1,7})\)/u.exec(sourceAfter);
  return m !== null && m[1]!.length >= 2 && target.includes(`(${m[1]!})`);
}

/** A word that marks a kept proper name (a person, a place, a brand), not ordinary vocabulary. */
function distinctive(word: string): boolean {
  const f = fold(word);
  return !COMMON.has(f) && !TRANSLATES[f] && !CONNECTORS.has(f);
}

/** Latin letters make up most of the letters: acronyms and names can be compared letter by letter. */
function mostlyLatin(text: string): boolean {
  // Counted in code points, one pass: ASCII letters are Latin letters, other characters are tested.
  let letters = 0;
  let latin = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) {
        letters++;
        latin++;
      }
      continue;
    }
    if (LETTER.test(ch)) letters++;
    if (LATIN.test(ch)) latin++;
  }
  return letters > 0 && latin > letters / 2;
}

/**
 * Runs of capitalised words inside the translation's sentences of which no word is accounted for by the
 * source: each may be how a source name was translated ("Țara Galilor" → "Wales", "Primul Război Mondial" →
 * "First World War"). A run with a word the source explains ("Environment Minister" for "ministra do Meio
 * Ambiente") translates that, not a missing name.
 */
function unexplainedCapitals(target: string, sourceWords: readonly string[]): number {
  // The source words indexed once, when a capital needs them; the English equivalents of those that have one.
  let similar: SimilarWords | null = null;
  let exonyms: string[][] = [];
  const explained = (w: string) => {
    const f = fold(w);
    if (!similar) {
      similar = new SimilarWords(sourceWords);
      exonyms = similar.folded.flatMap((sf) => (TRANSLATES[sf] ? [TRANSLATES[sf]] : []));
    }
    return similar.hasSimilar(f) || exonyms.some((prefixes) => prefixes.some((p) => f.startsWith(p)));
  };
  let n = 0;
  let run: string[] = [];
  let runEnd = -1;
  const flush = () => {
    if (run.length && !run.some(explained)) n++;
    run = [];
  };
  for (const m of target.matchAll(WORD)) {
    const w = m[0];
    const at = m.index ?? 0;
    const capital = /^\p{Lu}/u.test(w) && !sentenceInitial(target, at);
    if (!capital) {
      if (!(run.length && EN_CONNECTORS.has(w.toLowerCase()))) flush();
      continue;
    }
    if (run.length && !/^[\s\p{L}]*$/u.test(target.slice(runEnd, at))) flush();
    run.push(w);
    runEnd = at + w.length;
  }
  flush();
  return n;
}

/** A value computed on first use: most segments have no acronym and need little of what the names check can derive. */
function lazy<T>(compute: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: compute() }).v;
}

export function findOneSidedNames(ctx: CheckContext, seg: SegmentView): RawFinding[] {
  const out: RawFinding[] = [];
  const target = undot(seg.target);
  const targetSimilar = lazy(() => new SimilarWords(target.match(WORD) ?? []));
  const targetFoldedOnce = lazy(() => fold(target));
  const targetAcronyms = lazy(() => [...target.matchAll(ACRONYM)].map((m) => bare(m[0])));
  const targetRuns = lazy(() => capitalisedRuns(target, EN_CONNECTORS));
  const pieces = sourcePieces(ctx, seg);
  const sourceText = pieces.map((p) => p.text).join(' ');
  const sourceFolded = lazy(() => fold(sourceText));
  const sourceAcronyms = lazy(() => [...sourceText.matchAll(ACRONYM)].map((m) => bare(m[0])));
  const sourceRuns = lazy(() => capitalisedRuns(sourceText, CONNECTORS));
  const sourceWords = sourceText.match(WORD) ?? [];
  // English acronyms the source's own acronyms (below) and phrases ("Estados Unidos" → US) lead one to expect.
  const expected = new Set<string>();
  const phraseExpected = lazy(() => {
    const forms = new Set<string>();
    for (const p of pieces) {
      for (const [re, list] of PHRASE_ACRONYMS) if (re.test(p.text)) list.forEach((f) => forms.add(f));
      // Italian and Spanish write many acronyms in title case ("il Pil", "la Ue"): their English forms are expected too.
      for (const m of p.text.matchAll(/(?<![\p{L}])\p{Lu}\p{Ll}{1,3}(?![\p{L}])/gu)) ACRONYMS[m[0].toUpperCase()]?.forEach((f) => forms.add(f));
    }
    return forms;
  });

  // Source side: acronyms and multi-word names the translation lacks.
  const candidates = unexplainedCapitals(target, sourceWords);
  for (const p of pieces) {
    if (!mostlyUpper(p.text)) {
      for (const m of p.text.matchAll(ACRONYM)) {
        const a = bare(m[0]);
        ACRONYMS[a]?.forEach((f) => expected.add(f));
        // Words in capitals next to each other are a shouted or quoted phrase ("VIRTUTEA ROMANĂ"), not acronyms.
        const at = m.index ?? 0;
        if (/\p{Lu}{2,}[\s,;:]+$/u.test(p.text.slice(Math.max(0, at - 20), at)) || /^[\s,;:]+\p{Lu}{2,}/u.test(p.text.slice(at + m[0].length, at + m[0].length + 20))) {
          if (a.length >= 4) continue;
        }
        if (ROMAN.test(a) || hasWord(target, a) || COMMON_EN.has(a) || monthBesideDay(p.text, at, a)) continue;
        // Glued to the next word in the translation ("23:41 CETReal Madrid"): there, and a spacing slip.
        if (new RegExp(`(?<![\\p{L}])${a}(?=\\p{Lu}\\p{Ll})`, 'u').test(target)) continue;
        if (ACRONYMS[a]?.some((f) => hasWord(target, f))) continue;
        if (targetSimilar().folded.includes(fold(a))) continue;
        // A dateline's city in capitals, with an English exonym ("ROMA –" → "ROME –").
        if (translatedIn(a, targetFoldedOnce())) continue;
        if (p === pieces[0] && datelinePlaceAt(p.text, at) && bothDatelines(p.text, seg.target)) continue;
        // The acronym of the name just before it ("Kraftfahrt-Bundesamt (KBA)"), where the translation renders a name of its own.
        if (candidates > 0 && /\p{Lu}[\p{L}-]*\s*\($/u.test(p.text.slice(0, at)) && p.text[at + m[0].length] === ')') continue;
        // Translated with the same initials in another order (OTAN → NATO, CNE → National Electoral Council).
        if (a.length >= 2 && targetAcronyms().some((t) => sortedLetters(t) === sortedLetters(a))) continue;
        if (a.length >= 3 && initialsMatch(a, targetRuns())) continue;
        // Spelled out in the source too: the name itself carries the meaning.
        if (a.length >= 3 && initialsMatch(a, sourceRuns())) continue;
        const start = p.start + (m.index ?? 0);
        out.push({ side: 'source', start, end: start + m[0].length, message: qaMessage('nameMissing', { name: m[0] }) });
      }
    }
    // A name the translation translated has a capitalised word there that the source does not explain.
    // In a language that capitalises every noun ("in dieser Zeit Gleise"), capitals are no sign of a name.
    for (const c of candidates > 0 || NOUN_CAPITALS.has(primaryLang(ctx.sourceLang)) ? [] : multiWordNames(p)) {
      if (targetFoldedOnce().includes(fold(c.text))) continue;
      // Spelled out before an acronym the translation keeps ("Haut Conseil des finances publiques (HCFP)"): translated there.
      if (keptAcronymAfter(p.text.slice(c.start - p.start + c.text.length), target)) continue;
      if (!c.words.some(distinctive)) continue;
      if (c.words.some((w) => targetHasWord(w, targetSimilar(), targetFoldedOnce()))) continue;
      out.push({ side: 'source', start: c.start, end: c.start + c.text.length, message: qaMessage('nameMissing', { name: c.text }) });
    }
  }

  // Target side: acronyms the source does not have. A source in another script ("国家航空航天局" for
  // NASA, "加州" for CA) cannot show that an acronym is absent: only a Latin-script source is evidence.
  const sourceHasCurrency = lazy(() => CURRENCY_WORD.test(sourceText));
  const added = [...seg.target.matchAll(ACRONYM)];
  if (added.length && !mostlyUpper(seg.target) && mostlyLatin(sourceText)) {
    for (const m of added) {
      const a = bare(m[0]);
      if (ROMAN.test(a) || COMMON_EN.has(a) || expected.has(a) || phraseExpected().has(a) || sourceText.includes(a)) continue;
      if (monthBesideDay(seg.target, m.index ?? 0, a)) continue;
      if (sourceHasCurrency() && CURRENCY_CODE.test(a)) continue;
      if (hasWord(sourceFolded(), fold(a))) continue;
      if (sourceWords.some((s) => exonymOf(s, fold(a)))) continue;
      if (datelinePlaceAt(seg.target, m.index ?? 0) && bothDatelines(sourceText, seg.target)) continue;
      if (sourceAcronyms().some((s) => sortedLetters(s) === sortedLetters(a))) continue;
      // Spelled out in either text ("the World Trade Organization (WTO)", "Conselho Nacional Eleitoral").
      if (a.length >= 3 && (initialsMatch(a, targetRuns()) || initialsMatch(a, sourceRuns()))) continue;
      const start = seg.targetStart + (m.index ?? 0);
      out.push({ start, end: start + m[0].length, message: qaMessage('nameAdded', { name: m[0] }) });
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

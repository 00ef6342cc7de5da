/**
 * Abbreviations that end in a dot but do not end a sentence, per language (BCP 47 primary subtag),
 * written without their final dot. Case matters ("No." before a number, Spanish "no." ends a clause).
 * Abbreviations that can also end a sentence ("etc.", "EUA.", "EE.UU.", "usw.") are left out on purpose:
 * the splitter joins across them only when the next sentence starts in lower case or with a digit.
 */

/** Titles and Latin forms common to most Latin-script languages. */
const GENERAL = [
  'Dr', 'Dra', 'Drs', 'Mr', 'Mrs', 'Ms', 'Mme', 'Mmes', 'Mlle', 'Prof', 'Profa', 'Sr', 'Sra', 'Srta', 'St', 'Sta', 'Sto',
  'Gen', 'Col', 'Capt', 'Cap', 'Lt', 'Sgt', 'Maj', 'Rev', 'Hon', 'Gov', 'Sen', 'Rep', 'Pres', 'Mt', 'Ft', 'Cel', 'Ten',
  'e.g', 'i.e', 'cf', 'vs', 'approx', 'ca', 'viz', 'al', 'Fig', 'fig', 'Vol', 'vol', 'Ed', 'eds',
];

const BY_LANGUAGE: Record<string, string[]> = {
  en: ['Messrs', 'Jr', 'Sr', 'Gen', 'Adm', 'Supt', 'Det', 'Insp', 'Gov', 'Atty', 'Corp', 'Inc', 'Ltd', 'Bros', 'Ave', 'Blvd', 'Rd', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'],
  pt: ['Exmo', 'Exma', 'Sras', 'Srs', 'Eng', 'Av', 'Pe', 'Ilmo', 'Ilma', 'pág', 'págs', 'p.ex', 'aprox', 'Profs', 'Dras', 'Drs', 'Gal', 'Brig', 'Cia', 'Ltda'],
  es: ['Ud', 'Uds', 'Vd', 'Vds', 'Sres', 'Sras', 'Srta', 'Dña', 'Dn', 'D', 'Da', 'Lic', 'Ing', 'Arq', 'Av', 'Avda', 'pág', 'págs', 'aprox', 'Excmo', 'Excma', 'Ilmo', 'Cía', 'Gral', 'p.ej', 'Pdte', 'Dto'],
  fr: ['M', 'MM', 'Me', 'Mgr', 'Pr', 'av', 'bd', 'env', 'p.ex', 'Cie', 'St', 'Ste', 'éd', 'chap', 'cf', 'apr', 'av. J.-C'],
  de: ['z.B', 'd.h', 'u.a', 'v.a', 'z.T', 'bzw', 'ggf', 'evtl', 'inkl', 'sog', 'vgl', 'ca', 'Hr', 'Hrn', 'Fr', 'Dipl', 'Ing', 'Dipl.-Ing', 'Prof', 'Str', 'Abs', 'Bd', 'Hrsg', 'bspw', 'insb', 'gegr', 'geb', 'Jh', 'Jhd', 'o.ä', 'u.ä', 's.o', 's.u', 'z.Zt'],
  it: ['Sig', 'Sigg', 'Sig.ra', 'Dott', 'Dott.ssa', 'Ing', 'Avv', 'Geom', 'Rag', 'ecc', 'pag', 'ca'],
  nl: ['dhr', 'mevr', 'mr', 'ir', 'drs', 'ing', 'bijv', 'o.a', 'm.b.t', 'enz'],
};

/** Abbreviations that announce a number: "No. 5", "Nr. 12", "art. 3", "p. 14". They end no sentence before a digit. */
export const BEFORE_NUMBER = new Set(['No', 'no', 'Nos', 'Nr', 'nr', 'Nº', 'nº', 'N', 'n', 'Art', 'art', 'p', 'pp', 'S', 'Bd', 'vol', 'Vol', 'cap', 'Cap', 'Kap', 'fig', 'Fig', 'tel', 'Tel', 'Abs', 'Ziff', 'Rn', 'ch', 'chap']);

/** German: an ordinal dot ("am 20. Dezember") after these words is not a sentence end. */
export const GERMAN_ORDINAL_LEAD = new Set(['am', 'vom', 'zum', 'bis', 'ab', 'seit', 'dem', 'den', 'der', 'die', 'das', 'des', 'im', 'zur', 'beim', 'jeden', 'jedem', 'ihr', 'ihre', 'ihrem', 'sein', 'seine', 'seinem', 'seinen', 'dieses', 'diesem', 'Am', 'Vom', 'Zum', 'Bis', 'Ab', 'Seit', 'Im', 'Der', 'Die', 'Das', 'Den', 'Dem']);

export const GERMAN_MONTHS = new Set(['Januar', 'Jänner', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember', 'Jan', 'Feb', 'Mär', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Okt', 'Nov', 'Dez']);

const cache = new Map<string, Set<string>>();

/** The set of non-final abbreviations for a language tag ("pt-BR" → Portuguese plus the general list). */
export function abbreviationsFor(lang: string): Set<string> {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  let set = cache.get(primary);
  if (!set) {
    set = new Set([...GENERAL, ...(BY_LANGUAGE[primary] ?? [])]);
    cache.set(primary, set);
  }
  return set;
}

/** BCP 47 language tags as they appear in file and folder names. */

const TAG_SHAPE = /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?$/i;
const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * Short words that name real languages but, in a file name, far more often mean something else:
 * "story.mt.txt" is a machine translation, not Maltese; "notes.new.txt" is not Newari.
 */
const NOT_TAGS_IN_NAMES = new Set(['mt', 'pe', 'new', 'old', 'src', 'min', 'bak', 'in', 'out', 'tmp', 'raw', 'ref', 'hyp', 'doc', 'fin', 'orig']);

/** A language tag we recognise ("pt-BR", "zh-Hans", "en"), not just any short word ("old", "final"). */
export function isLanguageTag(s: string): boolean {
  if (!TAG_SHAPE.test(s) || NOT_TAGS_IN_NAMES.has(s.toLowerCase())) return false;
  try {
    const [canonical] = Intl.getCanonicalLocales(s);
    const lang = new Intl.Locale(canonical!).language;
    return names.of(lang) !== undefined;
  } catch {
    return false;
  }
}

export function canonicalTag(s: string): string {
  try {
    return Intl.getCanonicalLocales(s)[0] ?? s;
  } catch {
    return s;
  }
}

/** Same tag, or one is the other's primary language ("pt" covers "pt-BR"). */
export function tagMatches(fileTag: string, configured: string): boolean {
  const a = canonicalTag(fileTag).toLowerCase();
  const b = canonicalTag(configured).toLowerCase();
  if (a === b) return true;
  return a.split('-')[0] === b.split('-')[0] && (!a.includes('-') || !b.includes('-'));
}

const RTL_LANGS = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug', 'syr']);
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm']);

export function directionOf(tag: string): 'ltr' | 'rtl' {
  try {
    const loc = new Intl.Locale(tag).maximize();
    if (loc.script) return RTL_SCRIPTS.has(loc.script) ? 'rtl' : 'ltr';
    return RTL_LANGS.has(loc.language) ? 'rtl' : 'ltr';
  } catch {
    return RTL_LANGS.has(tag.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
  }
}

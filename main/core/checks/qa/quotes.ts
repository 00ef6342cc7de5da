/**
 * The target language's double-quote style: English “…” or "…" (one of them throughout), German „…“ (or »…«),
 * French « … » with spaces inside; Spanish, Portuguese and Italian «…» or “…”, one family per document. Mixed styles within a document are reported where they are the minority
 * (in English, a quotation wholly in the minority style is a hint: blind judges rated such findings on real MT debatable).
 */
import type { CheckDefinition, RawFinding } from '../types.js';
import { primaryLang, qaMessage, replaceFix } from './util.js';

/** An ambiguous quote opens when it follows the start of the text, a space, a bracket or a dash. */
function opens(text: string, at: number): boolean {
  return at === 0 || /[\s([{—–\-/]/u.test(text[at - 1]!);
}

interface QuoteMark {
  at: number;
  char: string;
  open: boolean;
}

function marks(text: string): QuoteMark[] {
  const out: QuoteMark[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ('"“”„«»'.includes(c)) out.push({ at: i, char: c, open: c === '„' || c === '«' || (c !== '”' && c !== '»' && opens(text, i)) });
  }
  return out;
}

function finding(at: number, key: string, params: Record<string, string>, replacement?: string): RawFinding {
  return { start: at, end: at + 1, message: qaMessage(key, params), fixes: replacement === undefined ? undefined : [replaceFix(at, at + 1, replacement)] };
}

function english(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  const all = marks(text);
  const straight = all.filter((m) => m.char === '"').length;
  const curly = all.filter((m) => m.char === '“' || m.char === '”').length;
  const curlyWins = curly >= straight;
  for (const m of all) {
    if (m.char === '„' || m.char === '«' || m.char === '»') {
      const want = curlyWins ? (m.open ? '“' : '”') : '"';
      out.push(finding(m.at, 'quoteStyle', { mark: m.char, expected: want }, want));
    } else if (m.char === '“' && !m.open && all.some((x) => x.char === '„' && x.at < m.at)) {
      // German „…“: its closing “ is an English opener, and goes with the „ it closes.
      const want = curlyWins ? '”' : '"';
      out.push(finding(m.at, 'quoteStyle', { mark: m.char, expected: want }, want));
    } else if (straight && curly && (m.char === '"') === curlyWins) {
      const want = curlyWins ? (m.open ? '“' : '”') : '"';
      const f = finding(m.at, 'quoteMixed', { mark: m.char, expected: want }, want);
      // A quotation typed wholly in the other style ("…" among “…”) is a house-style choice (a hint);
      // a quotation opened in one style and closed in the other (“…") is an error.
      out.push(sameStylePair(all, m) ? { ...f, severity: 'hint' } : f);
    }
  }
  return out;
}

const isStraight = (m: QuoteMark) => m.char === '"';

/** Is the mark's partner (the next closing mark, or the last opening one) typed in the mark's own style? */
function sameStylePair(all: QuoteMark[], m: QuoteMark): boolean {
  const i = all.indexOf(m);
  const partner = m.open ? all.slice(i + 1).find((x) => !x.open) : [...all.slice(0, i)].reverse().find((x) => x.open);
  return partner !== undefined && isStraight(partner) === isStraight(m);
}

function german(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  const all = marks(text);
  const low = all.some((m) => m.char === '„');
  for (const m of all) {
    // In German “ closes a quotation; as an opener, and ” anywhere, it is English style.
    if (m.char === '”') out.push(finding(m.at, 'quoteStyle', { mark: m.char, expected: '“' }, '“'));
    else if (m.char === '“' && opens(text, m.at) && !/\s/u.test(text[m.at + 1] ?? ' ')) out.push(finding(m.at, 'quoteStyle', { mark: m.char, expected: '„' }, '„'));
    else if (m.char === '"' && low) out.push(finding(m.at, 'quoteMixed', { mark: m.char, expected: m.open ? '„' : '“' }, m.open ? '„' : '“'));
  }
  return out;
}

const FR_SPACE = /[\u00a0\u202f ]/u;

function french(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  const all = marks(text);
  const guillemets = all.some((m) => m.char === '«');
  for (const m of all) {
    if (m.char === '"' || (!guillemets && (m.char === '“' || m.char === '”'))) {
      const want = m.open ? '«\u00a0' : '\u00a0»';
      out.push(finding(m.at, 'quoteStyle', { mark: m.char, expected: m.open ? '«' : '»' }, want));
    } else if (m.char === '«' && !FR_SPACE.test(text[m.at + 1] ?? ' ')) {
      out.push({ start: m.at, end: m.at + 1, message: qaMessage('quoteSpacing', { mark: m.char }), fixes: [replaceFix(m.at, m.at + 1, '«\u00a0')] });
    } else if (m.char === '»' && !FR_SPACE.test(text[m.at - 1] ?? ' ')) {
      out.push({ start: m.at, end: m.at + 1, message: qaMessage('quoteSpacing', { mark: m.char }), fixes: [replaceFix(m.at, m.at + 1, '\u00a0»')] });
    }
  }
  return out;
}

/**
 * Spanish, Portuguese and Italian accept angle quotes «…» and English quotes “…” (and straight ones);
 * a document keeps to one family. „ is German style. The minority family is reported.
 */
function romance(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  const all = marks(text);
  const family = (c: string) => (c === '«' || c === '»' ? 'angle' : c === '"' ? 'straight' : 'curly');
  const counts = new Map<string, number>();
  for (const m of all) if (m.char !== '„') counts.set(family(m.char), (counts.get(family(m.char)) ?? 0) + 1);
  const major = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'curly';
  const want = (m: QuoteMark) => (major === 'angle' ? (m.open ? '«' : '»') : major === 'straight' ? '"' : m.open ? '“' : '”');
  // A mark's fix changes its partner too: “ → « alone would leave «…” unpaired (a new finding).
  const partner = (i: number): QuoteMark | undefined => {
    const m = all[i]!;
    if (m.open) return all.slice(i + 1).find((x) => !x.open);
    return [...all.slice(0, i)].reverse().find((x) => x.open);
  };
  all.forEach((m, i) => {
    if (m.char !== '„' && family(m.char) === major) return;
    const p = partner(i);
    const edits = [{ start: m.at, end: m.at + 1, text: want(m) }];
    if (p && p.char !== want(p) && (p.char === '„' || family(p.char) !== major)) edits.push({ start: p.at, end: p.at + 1, text: want(p) });
    edits.sort((a, b) => a.start - b.start);
    out.push({ start: m.at, end: m.at + 1, message: qaMessage(m.char === '„' ? 'quoteStyle' : 'quoteMixed', { mark: m.char, expected: want(m) }), fixes: [{ edits }] });
  });
  return out;
}

/**
 * Each mark's fix also changes its partner when the partner is reported too: « → “ alone would leave
 * “…» unpaired, a new finding made by the fix.
 */
function withPartners(found: RawFinding[], all: QuoteMark[]): RawFinding[] {
  const byAt = new Map(found.map((f) => [f.start, f]));
  return found.map((f) => {
    const i = all.findIndex((m) => m.at === f.start);
    const fix = f.fixes?.[0];
    if (i < 0 || !fix) return f;
    const partner = all[i]!.open ? all.slice(i + 1).find((x) => !x.open) : [...all.slice(0, i)].reverse().find((x) => x.open);
    const other = partner && byAt.get(partner.at)?.fixes?.[0]?.edits.find((e) => e.start === partner.at);
    if (!other || fix.edits.some((e) => e.start === other.start)) return f;
    return { ...f, fixes: [{ ...fix, edits: [...fix.edits, other].sort((a, b) => a.start - b.start) }, ...f.fixes!.slice(1)] };
  });
}

/**
 * A quotation in the wrong style is one problem: when a mark's fix already changes its reported partner
 * (withPartners), only the first of the two is reported, « … » as one finding on «.
 */
function onePerPair(found: RawFinding[]): RawFinding[] {
  const starts = new Set(found.map((f) => f.start));
  return found.filter((f) => !f.fixes?.[0]?.edits.some((e) => e.start < f.start && starts.has(e.start)));
}

const TAG = /<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>/gu;

const BY_LANG: Record<string, (text: string) => RawFinding[]> = { en: english, de: german, fr: french, es: romance, pt: romance, it: romance };

export const quoteStyle: CheckDefinition = {
  id: 'qa.quote-style',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  targetLangs: Object.keys(BY_LANG),
  scope: 'document',
  run(ctx) {
    const check = BY_LANG[primaryLang(ctx.targetLang)];
    // Quotes inside markup (<a href="/help">) belong to the tag, not to the prose: blank the tags out.
    const text = ctx.target.replace(TAG, (t) => ' '.repeat(t.length));
    return check ? onePerPair(withPartners(check(text), marks(text))) : [];
  },
};

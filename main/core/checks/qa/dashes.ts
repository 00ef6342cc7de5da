/**
 * A dash typed as "--" or as a hyphen between spaces, read across the whole article. An article that
 * types every dash one way ("--" in TED transcripts, " - " in many feeds) follows a house style: one
 * decision, reported once as a hint with a fix for all of them, not an error in every sentence. A typed
 * dash that differs from the article's usual dash (a " - " among em dashes, a "--" among " - ") is an
 * inconsistency and is reported where it is, as is a typed dash too rare to be a style.
 */
import type { Fix } from '../../../contract/review.js';
import type { CheckContext, CheckDefinition, RawFinding, SegmentView } from '../types.js';
import { maskUrls as masked, primaryLang, qaMessage, replaceFix } from './util.js';


/** The dash each locale's prose uses between clauses: US English an unspaced em dash, the others a spaced en dash. */
function dashFixes(lang: string): string[] {
  return primaryLang(lang) === 'en' ? ['—', ' – '] : [' – ', ' — '];
}

/** Spaced on both sides or on neither: "--help" and "-- " starting a line are not dashes. */
const DOUBLE_HYPHEN = /(?<=[\p{L}\p{N},.;:!?"”’)]) --(?!-) (?=[\p{L}\p{N}"“‘(])|(?<=\p{L})--(?=\p{L})/gu;
const SPACED_HYPHEN = /(?<=\p{L}[,;]?) - (?=\p{L})/gu;
/** A real dash between clauses: an em dash anywhere, an en dash between spaces (not one in a range, "1990–2000"). */
const REAL_DASH = /—| – /gu;

/** A typed style used at least this often, and more than any other dash, is the article's house style. */
export const HOUSE_STYLE_MIN = 3;

type Style = 'double' | 'spaced';
interface TypedDash {
  style: Style;
  start: number;
  end: number;
}

/** Per segment texts, the typed dashes relative to the segment: a keystroke re-reads only the segment it changed. */
const cache = new Map<string, TypedDash[]>();
const CACHE_LIMIT = 20_000;

/** A wire dateline opening a paragraph, up to its agency credit: "JIUQUAN, Dec. 3 (China News Service)". */
const DATELINE_CREDIT = /^\p{Lu}{3,}[^\n()]{0,40}\([^()\n]{2,40}\)$/u;

/** Every typed dash of one segment, in document offsets. */
function typedDashes(ctx: CheckContext, seg: SegmentView): TypedDash[] {
  if (!seg.target.includes('-')) return [];
  const lead = seg.first || ctx.target[seg.targetStart - 1] === '\n';
  const key = `${seg.first ? 1 : 0}${lead ? 1 : 0}\u0000${seg.source}\u0000${seg.target}`;
  let rel = cache.get(key);
  if (!rel) {
    rel = readDashes(seg, lead);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, rel);
  }
  return rel.map((d) => ({ style: d.style, start: d.start + seg.targetStart, end: d.end + seg.targetStart }));
}

/** The typed dashes of one segment, relative to its target text. */
function readDashes(seg: SegmentView, lead: boolean): TypedDash[] {
  const text = masked(seg.target);
  const out: TypedDash[] = [];
  for (const [re, style] of [[DOUBLE_HYPHEN, 'double'], [SPACED_HYPHEN, 'spaced']] as const) {
    // A separator the source writes the same way ("Agência Brasil - June 5") is its convention, kept on purpose.
    if (style === 'spaced' && / - /.test(seg.source)) continue;
    for (const m of text.matchAll(re)) {
      // A wire dateline's agency dash ("Jiuquan, Nov. 6 (Xinhua) -- At 10:12") is the agency's house style.
      // So is one after a dateline opening any paragraph of a pasted feed ("JIUQUAN, Dec. 3 (China News Service) --").
      if (seg.first && style === 'double' && /\)$/.test(text.slice(0, m.index ?? 0))) continue;
      if (lead && style === 'double' && DATELINE_CREDIT.test(text.slice(0, m.index ?? 0))) continue;
      const start = m.index ?? 0;
      out.push({ style, start, end: start + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The typed style the article uses as its own dash, if any. */
function houseStyle(found: TypedDash[], realDashes: number): Style | null {
  const count = (s: Style) => found.filter((d) => d.style === s).length;
  const [best, other] = count('double') >= count('spaced') ? (['double', 'spaced'] as const) : (['spaced', 'double'] as const);
  const n = count(best);
  return n >= HOUSE_STYLE_MIN && n > count(other) && n > realDashes ? best : null;
}

const messageKey = (s: Style) => (s === 'double' ? 'dashDoubleHyphen' : 'dashSpacedHyphen');

export const dashes: CheckDefinition = {
  id: 'qa.dashes',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  description: 'A dash typed as "--" or as a hyphen between spaces (an article-wide house style is one hint).',
  scope: 'document',
  run(ctx: CheckContext) {
    if (!ctx.target.includes('-')) return [];
    const found = ctx.segments.flatMap((seg) => typedDashes(ctx, seg));
    if (!found.length) return [];
    const house = houseStyle(found, ctx.target.match(REAL_DASH)?.length ?? 0);
    const dashesFor = dashFixes(ctx.targetLang);
    const out: RawFinding[] = [];
    const styled = found.filter((d) => d.style === house);
    if (styled.length) {
      const first = styled[0]!;
      const fixAll: Fix[] = dashesFor.map((text) => ({ labelKey: 'qa:fixAll', edits: styled.map((d) => ({ start: d.start, end: d.end, text })) }));
      out.push({
        start: first.start,
        end: first.end,
        severity: 'hint',
        message: qaMessage(house === 'double' ? 'dashHouseDoubleHyphen' : 'dashHouseSpacedHyphen', { count: styled.length }),
        fixes: fixAll,
      });
    }
    for (const d of found) {
      if (d.style === house) continue;
      out.push({ start: d.start, end: d.end, message: qaMessage(messageKey(d.style)), fixes: dashesFor.map((text) => replaceFix(d.start, d.end, text)) });
    }
    return out;
  },
};

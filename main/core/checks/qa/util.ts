/** Small helpers shared by the QA checks: language tags, source pieces in document offsets, messages. */
import type { Fix, Message } from '../../../contract/review.js';
import type { CheckContext, SegmentView } from '../types.js';

/** Primary language subtag, lower-case: "pt-BR" → "pt". */
export function primaryLang(tag: string): string {
  return (tag.toLowerCase().split(/[-_]/)[0] ?? '').trim();
}

export function qaMessage(key: string, params?: Record<string, string | number>): Message {
  return params ? { key: `qa:${key}`, params } : { key: `qa:${key}` };
}

const URL_OR_EMAIL = /(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/giu;

/** The text with its URLs and e-mail addresses blanked (same length), which prose checks must not read. */
export const maskUrls = (text: string) => text.replace(URL_OR_EMAIL, (m) => ' '.repeat(m.length));

export function replaceFix(start: number, end: number, text: string): Fix {
  return { edits: [{ start, end, text }] };
}

/** A piece of text with its offset in its document. */
export interface Piece {
  text: string;
  start: number;
}

/**
 * The source sentences of a segment with their document offsets. SegmentView.source joins them with one
 * space, which loses their positions; findings on the source side need the real ones.
 */
export function sourcePieces(ctx: CheckContext, seg: SegmentView): Piece[] {
  const link = ctx.alignment.links[seg.index];
  if (!link || link.source.length === 0) return seg.source ? [{ text: seg.source, start: seg.sourceStart }] : [];
  const out: Piece[] = [];
  for (const i of link.source) {
    const s = ctx.alignment.source[i];
    if (s) out.push({ text: ctx.source.slice(s.start, s.end), start: s.start });
  }
  return out.length ? out : [{ text: seg.source, start: seg.sourceStart }];
}

/** Lower-case without accents, for accent-insensitive comparisons ("União" ~ "uniao"). */
export function fold(s: string): string {
  // ASCII has no accents to take off (the checks fold every word of a book, most of them ASCII).
  return NON_ASCII.test(s) ? s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase() : s.toLowerCase();
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Languages that write the decimal with a comma and group thousands with a dot or a space. */
const COMMA_DECIMAL = new Set(['pt', 'es', 'fr', 'de', 'it', 'nl', 'ru', 'pl', 'tr', 'sv', 'da', 'nb', 'no', 'fi', 'cs', 'ro', 'ca', 'gl', 'el', 'uk', 'hu', 'id', 'vi']);
/** Spanish-speaking regions that write the decimal with a point (Mexico, Central America, the US). */
const DOT_DECIMAL_REGIONS = new Set(['mx', 'us', 'gt', 'hn', 'sv', 'ni', 'pa', 'do', 'pr', '419']);

export function decimalComma(tag: string): boolean {
  const parts = tag.toLowerCase().split(/[-_]/);
  if (!COMMA_DECIMAL.has(parts[0] ?? '')) return false;
  return !(parts[0] === 'es' && parts.slice(1).some((p) => DOT_DECIMAL_REGIONS.has(p)));
}

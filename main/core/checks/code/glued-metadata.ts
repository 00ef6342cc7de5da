/**
 * A dateline, agency credit or byline glued to the first sentence of a paragraph ("HAMBURG After days of
 * rain", "VENICE, 12 March (ANSA)From 25 April", "By Ana Gil | Madrid | Real Madrid beat"). The source
 * separates its header from the sentence (a dash, a pipe, a line of its own); the translation lost the
 * separator. Any paragraph, not only the article's first: a pasted feed has one dateline per story.
 * The all-caps place must open the source paragraph too, so an acronym opening a sentence ("NATO
 * Secretary-General …") is not taken for a dateline.
 */
import type { CheckDefinition, RawFinding, SegmentView } from '../types.js';

/** "HAMBURG", "PORTO ALEGRE", "SANTIAGO DE CHILE" followed by a capitalised word, no separator. */
const CAPS_PLACE = /^(\p{Lu}{3,}(?:[\s-]\p{Lu}{2,})*)\s+(?=\p{Lu}\p{Ll})/u;
/** The dateline's dash glued to the sentence instead: "TURIN -Stellantis". */
const CAPS_PLACE_DASH = /^(\p{Lu}{3,}(?:[\s-]\p{Lu}{2,})*)\s+[-–—](?=\p{Lu}\p{Ll})/u;
/** "Marseille, 12 July 2024", "GENEVA, March 8 (AFP)" followed by a capitalised word, no separator. */
const PLACE_DATE = /^(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)*,\s+(?:\d{1,2}\.?\s+\p{L}+\.?|\p{L}+\.?\s+\d{1,2})(?:,?\s+\d{4})?(?:\s+\([^()\n]{2,30}\))?)\s+(?=\p{Lu}\p{Ll})/u;
/** An agency credit in parentheses run into the sentence: "(ANSA)From". */
const CREDIT_RUN_ON = /^([^\n]{0,60}?\([\p{L} .-]{2,30}\))(?=\p{L})/u;
/** A byline in parentheses or with pipes: "(Reporter Li Ming) Foreign", "By Ana Gil | Madrid |". */
const BYLINE = /^(\((?:Reporter|Reporters|By|Correspondent|Staff reporter|Text|Photo)\b[^()\n]{0,40}\)|By\s+[^|\n]{2,40}\|(?:[^|\n]{1,30}\|)?)\s*(?=\p{Lu})/u;
/** A web time stamp before the sentence ("Published on 14/03/2024 at 09h12"); the article's first segment is en.dateline-glued's. */
const STAMP = /^((?:(?:Published|Updated|Posted|Publié|Mis à jour|Publicado|Actualizado|Atualizado|Pubblicato|Aggiornato|Veröffentlicht|Aktualisiert)(?:\s+(?:on|le|el|em|il|am))?\s+)?\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:,?\s+(?:at\s+|à\s+|a\s+las\s+|às\s+|alle\s+|um\s+)?\d{1,2}[:h.]\d{2})?)\s+(?=\p{Lu})/u;
/** A Spanish-press separator kept in English: "SEVILLA, 10 Nov (EFE).- Real Betis". */
const AGENCY_DOT_DASH = /^([^\n]{2,100}?\([\p{L} .-]{2,30}\))\.-\s*(?=["“]?\p{Lu})/u;
/** A reporter's credit in brackets after a masthead formula: "Our newspaper news (Reporter Liu Xiaoyan) The". */
const REPORTER_CREDIT = /^([^\n()]{0,60}\((?:Reporter|Reporters|Correspondent)\b[^()\n]{0,40}\))\s*(?=\p{Lu})/u;
/** A Chinese dateline translated word for word with nothing after it: "Xinhua Beijing January 17 dispatch The …". */
const TRANSLATED_HEADER = /^([^\n.!?()—–:,-]{3,60}?[\p{Ll}\d])\s+(?=(?:The|A|An|This|These|Its|In|On|At|According|After|Since|From)\s)/u;
/** The source's credit in brackets near its start: 本报讯（记者 刘晓燕）, (Reporter …). */
const SOURCE_CREDIT = /^[^\n]{0,12}[（(](?:记者|通讯员|本报记者|Reporter)/u;
/** A byline the source ends with a dash or a pipe: "Von Katrin Seidel, STUTTGART –", "Por Juliana Prates, de Belo Horizonte —". */
const SOURCE_BYLINE = /^((?:Par|Von|Por|Di|di|Da|De|By|Door)\s+[^\n–—|]{2,60}?)\s*(?:[–—|]|\s-\s)/u;

/** How the source separates its header: a dash or a pipe after the header, or a bracketed byline. */
const SOURCE_SEPARATED = /^[^\n]{2,80}?(?:\s[-–—]+\s|\)\s*[-–—.]+|\s\||[-–—]\s)|^[（(][^)）\n]{1,40}[)）]/u;

/** The first run-together word near a paragraph's start: "BrasíliaMost", "2024The", "09:12Venice" (letters or digits, then a capitalised word). */
const GLUED_WORD = /[\p{L}\d.:]*[\p{Ll}\d](?=\p{Lu}\p{Ll})/u;
/** A Chinese or Japanese source has no spaces in its sentences: a space near its start ends a header ("新华社合肥11月18日电 安徽…"). */
const CJK_HEADER_SPACE = /^[^\n]{2,60}?[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\d）)]\s+[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * A header run into the sentence without even a space, where the source has one after the header.
 * Camel-case names ("YouTube", "McDonald's") stand in the source as they are, and a space lost in the
 * middle of a sentence is qa.missing-space's (the header ends within 60 characters of the paragraph).
 */
function gluedWord(t: string, source: string): string | undefined {
  const m = GLUED_WORD.exec(t.slice(0, 60));
  if (!m) return undefined;
  const end = m.index + m[0].length;
  const left = m[0];
  if (source.includes(left + /^\p{Lu}\p{Ll}+/u.exec(t.slice(end))![0])) return undefined;
  const at = source.indexOf(left);
  const separated = (at >= 0 && /\s/.test(source.charAt(at + left.length))) || CJK_HEADER_SPACE.test(source);
  return separated ? t.slice(0, end) : undefined;
}

/**
 * A byline the source separates, run into the sentence in the translation: as many words as the source's
 * byline, with no separator among them, then a capitalised word ("By Juliana Prates, from Belo Horizonte A storm").
 */
function bylineRunOn(t: string, source: string): string | undefined {
  const src = SOURCE_BYLINE.exec(source);
  if (!src || !/^(?:By|From|by|from)\s/u.test(t)) return undefined;
  const n = src[1]!.trim().split(/\s+/).length;
  const m = new RegExp(`^((?:(?!-\\s)[^\\s–—|]+\\s+){${n - 1}}[^\\s–—|]+)\\s+(?=["“]?\\p{Lu})`, 'u').exec(t);
  return m?.[1];
}

/** The source's all-caps dateline and its separator: "HAMBURG -", "MADRID,", "ROMA (ANSA)"; not a name such as "NMS Delfinul". */
const SOURCE_CAPS_HEADER = /^\p{Lu}{3,}(?:[\s-]\p{Lu}{2,})*\s*[-–—,(]/u;

const paragraphStart = (text: string, at: number) => at === 0 || text[at - 1] === '\n';

function header(seg: SegmentView, source: string): { text: string; dash: boolean } | undefined {
  const t = seg.target;
  const caps = CAPS_PLACE.exec(t);
  if (caps && SOURCE_CAPS_HEADER.test(source)) return { text: caps[1]!, dash: true };
  const capsDash = CAPS_PLACE_DASH.exec(t);
  if (capsDash && SOURCE_CAPS_HEADER.test(source)) return { text: capsDash[1]!, dash: true };
  const dated = PLACE_DATE.exec(t);
  if (dated && SOURCE_SEPARATED.test(source)) return { text: dated[1]!, dash: true };
  const credit = CREDIT_RUN_ON.exec(t);
  if (credit) return { text: credit[1]!, dash: true };
  const stamp = seg.first ? null : STAMP.exec(t);
  if (stamp) return { text: stamp[1]!, dash: false };
  // In the article's first segment the kept ".-" is en.dateline-glued's.
  const agency = seg.first ? null : AGENCY_DOT_DASH.exec(t);
  if (agency) return { text: agency[1]!, dash: true };
  const credit2 = REPORTER_CREDIT.exec(t);
  if (credit2 && SOURCE_CREDIT.test(source)) return { text: credit2[1]!, dash: false };
  const run = bylineRunOn(t, source);
  if (run) return { text: run, dash: true };
  const byline = BYLINE.exec(t);
  if (byline && SOURCE_SEPARATED.test(source)) return { text: byline[1]!.trimEnd(), dash: false };
  const translated = CJK_HEADER_SPACE.test(source) ? TRANSLATED_HEADER.exec(t) : null;
  if (translated) return { text: translated[1]!, dash: true };
  const glued = gluedWord(t, source);
  // In the article's first segment a dash would leave a dateline en.dateline-glued flags: no fix there.
  if (glued) return { text: glued, dash: !seg.first };
  return undefined;
}

export const gluedMetadata: CheckDefinition = {
  id: 'mt.glued-metadata',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  description: 'A dateline, agency credit or byline run into the first sentence of a paragraph.',
  scope: 'segment',
  run(ctx, segment) {
    if (!segment?.target || !segment.source) return [];
    if (!paragraphStart(ctx.target, segment.targetStart) || !paragraphStart(ctx.source, segment.sourceStart)) return [];
    const h = header(segment, segment.source);
    if (!h) return [];
    const start = segment.targetStart;
    const end = start + h.text.length;
    // The gap is the spaces after the header, and a kept Spanish ".-" or a dash glued to the sentence.
    const rest = segment.target.slice(h.text.length).replace(/^(?:\.-|\s+[-–—](?=\p{Lu}\p{Ll}))?\s*/u, '');
    const gap = segment.target.length - h.text.length - rest.length;
    // A byline is kept, not deleted: where it goes (its own line, the report's header) is the editor's call.
    const fixes = h.dash ? [{ edits: [{ start: end, end: end + gap, text: ' – ' }] }] : [];
    const out: RawFinding[] = [{ start, end, message: { key: 'checks:datelineGlued', params: { text: h.text } }, fixes }];
    return out;
  },
};

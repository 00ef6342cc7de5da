/** Punctuation spacing and end punctuation. */
import { isMetadataLine } from './numbers.js';
import type { CheckDefinition, RawFinding } from '../types.js';
import { isUnspacedLanguage } from '../../../common/words.js';
import { qaMessage, replaceFix } from './util.js';

/**
 * A space before , . ; : ! ? is wrong in these languages. Not in French (a space goes before ; : ! ?),
 * nor in languages with their own punctuation marks.
 */
const NO_SPACE_BEFORE = ['en', 'pt', 'es', 'de', 'it', 'nl', 'ca', 'gl', 'sv', 'da', 'nb', 'no', 'fi', 'pl', 'cs', 'ro'];

// A space run, then a mark not followed by a letter or digit (".NET", ",5" and " ..." stay alone).
const SPACE_BEFORE = /(?<=[\p{L}\p{N})\]"”’%])[ \u00a0]+([,;:!?]|\.(?!\.))(?![\p{L}\p{N}])/gu;

export const spaceBeforePunctuation: CheckDefinition = {
  id: 'qa.space-before-punctuation',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  targetLangs: NO_SPACE_BEFORE,
  scope: 'segment',
  run(_ctx, seg) {
    if (!seg?.target) return [];
    return [...seg.target.matchAll(SPACE_BEFORE)].map((m): RawFinding => {
      const start = seg.targetStart + (m.index ?? 0);
      const end = start + m[0].length;
      return { start, end, message: qaMessage('spaceBeforePunctuation', { mark: m[1]! }), fixes: [replaceFix(start, end, m[1]!)] };
    });
  },
};

// word + mark + word with no space: "stopped,and", "stopped.Traffic".
const MISSING_AFTER = /(?<=[\p{Ll}\p{Lu}]{2})([,;:!?.])([\p{L}][\p{L}\p{M}]*)/gu;

/** The whitespace-delimited chunk around an offset (to skip URLs, e-mail addresses and file names). */
function chunkAt(text: string, at: number): string {
  let a = at;
  let b = at;
  while (a > 0 && !/\s/.test(text[a - 1]!)) a--;
  while (b < text.length && !/\s/.test(text[b]!)) b++;
  return text.slice(a, b);
}

export const missingSpaceAfterPunctuation: CheckDefinition = {
  id: 'qa.missing-space',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  scope: 'segment',
  run(ctx, seg) {
    if (!seg?.target || isUnspacedLanguage(ctx.targetLang)) return [];
    const out: RawFinding[] = [];
    for (const m of seg.target.matchAll(MISSING_AFTER)) {
      const [, mark, next] = m as unknown as [string, string, string];
      const at = m.index ?? 0;
      const chunk = chunkAt(seg.target, at);
      if (/:\/\/|@|www\.|\.(?:com|org|net|gov|edu|br|es|pt|js|ts|io)\b/i.test(chunk)) continue;
      // After a full stop only a new sentence counts ("Node.js", "e.g.", "U.S.A." are not missing spaces).
      if (mark === '.' && (!/^\p{Lu}\p{Ll}/u.test(next) || /\.\p{L}/u.test(seg.target.slice(at + 1 + next.length, at + 3 + next.length)))) continue;
      const start = seg.targetStart + at;
      const end = start + 1 + next.length;
      out.push({ start, end, message: qaMessage('missingSpaceAfter', { mark }), fixes: [replaceFix(start, end, `${mark} ${next}`)] });
    }
    return out;
  },
};

type EndKind = 'question' | 'exclamation' | 'period' | 'colon' | 'continues' | 'none';
const CLOSERS = /[\s"'”’»)\]}」』]+$/u;

function endOf(text: string): { kind: EndKind; at: number; mark: string } {
  const body = text.replace(CLOSERS, '');
  const ch = body.slice(-1);
  const at = body.length - 1;
  if (/[?？؟፧]/u.test(ch)) return { kind: 'question', at, mark: ch };
  if (/[!！]/u.test(ch)) return { kind: 'exclamation', at, mark: ch };
  // The full stops of other scripts: Devanagari and Bengali danda, Urdu, Armenian, Ethiopic, Burmese, full-width.
  if (/[.。…।॥۔։።။．｡]/u.test(ch)) return { kind: 'period', at, mark: ch };
  if (/[:：;；]/u.test(ch)) return { kind: 'colon', at, mark: ch };
  // A comma or dash (in any script: "，" "、" "،") or a broken character: the sentence goes on in the next
  // segment, or its end is unknown, so any ending of the translation is fine.
  if (/[,，、﹐،\-–—\ufffd]/u.test(ch)) return { kind: 'continues', at, mark: ch };
  return { kind: 'none', at, mark: '' };
}

/** Short, and starting with a capital or digit: a title rather than a sentence cut short. */
function looksLikeHeadline(source: string): boolean {
  const text = source.trim();
  if (!/^["“«„'‘(¿¡]*[\p{Lu}\p{N}]/u.test(text) && /\p{Ll}/u.test(text)) return false;
  const words = text.split(/\s+/).length;
  return /\s/.test(text) ? words <= 12 : text.length <= 30;
}

/** The mark to add to the translation when the source's is simply missing. */
const PLAIN_MARK: Partial<Record<EndKind, string>> = { question: '?', exclamation: '!', period: '.' };

/**
 * The final mark of the last sentence of each aligned segment, source against translation: a question, an
 * exclamation, a statement and a headline without a mark are told apart ("!" → "." and a full stop added to
 * a headline are reported). Only a colon and a full stop stand in for each other. The finding spans the
 * translation's mark, or its last character when it has none; the fix restores the source's choice.
 */
export const endPunctuation: CheckDefinition = {
  id: 'qa.end-punctuation',
  category: 'Fluency/Punctuation',
  // A mark lost or changed is shown (a blind judge rated all such findings on real MT right); a mark the
  // translation adds to a headline is a hint until it earns its place (none of those was rated right, issue 9).
  severity: 'minor',
  scope: 'segment',
  run(ctx, seg) {
    if (!seg?.target || !seg.source) return [];
    // An article's first line of metadata ("Updated 2 hours ago") has no sentence to end.
    if (seg.first && isMetadataLine(seg.target)) return [];
    const src = endOf(seg.source);
    const tgt = endOf(seg.target);
    // A comma or dash at the end of either side is no end punctuation: only a sentence the source ends is compared.
    if (src.kind === tgt.kind || tgt.at < 0 || src.kind === 'continues' || (tgt.kind === 'continues' && src.kind === 'none')) return [];
    const pair = new Set([src.kind, tgt.kind]);
    if (pair.has('colon') && pair.has('period')) return [];
    // No fix inside an ellipsis written as dots ("..." would become "..!").
    const fixable = !isUnspacedLanguage(ctx.targetLang) && seg.target[tgt.at - 1] !== '.';
    const mark = PLAIN_MARK[src.kind];
    if (tgt.kind === 'none') {
      // Span the last character; the fix adds the source's mark when it has a plain equivalent.
      const at = seg.targetStart + tgt.at;
      const end = at + 1;
      return [
        {
          start: at,
          end,
          message: qaMessage('endPunctuationMissing', { mark: src.mark }),
          fixes: mark && fixable ? [{ edits: [{ start: end, end, text: mark }] }] : undefined,
        },
      ];
    }
    const start = seg.targetStart + tgt.at;
    const end = start + 1;
    if (src.kind === 'none') {
      // A long source without a mark is a sentence that lost it, or a fragment: only a headline is sure.
      if (!looksLikeHeadline(seg.source)) return [];
      // A headline: the translation's mark goes, unless it asks or exclaims (then it may be the source's tone).
      const fixes = tgt.kind === 'period' && tgt.mark === '.' && fixable ? [replaceFix(start, end, '')] : undefined;
      return [{ start, end, message: qaMessage('endPunctuationAdded', { mark: tgt.mark }), fixes, severity: 'hint' }];
    }
    return [
      {
        start,
        end,
        message: qaMessage('endPunctuationDiffers', { source: src.mark, target: tgt.mark }),
        // A translation ending with a comma where the source ends its sentence: the comma becomes the mark.
        fixes: mark && fixable && tgt.kind !== 'colon' ? [replaceFix(start, end, mark)] : undefined,
      },
    ];
  },
};

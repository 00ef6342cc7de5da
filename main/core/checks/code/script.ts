/**
 * Text in a script the target language does not write: Chinese characters left in an English translation,
 * Cyrillic in a French one. Found from the target alone, in every pair: whatever the source, a run of
 * letters of a foreign script is either source text left untranslated or a name that was not romanised.
 * Latin letters count as part of every target (brands, acronyms and units in Chinese or Arabic text).
 * Single Greek letters are symbols in science ("β-blockers", "μm"), so Greek needs three letters.
 */
import type { CheckDefinition, RawFinding } from '../types.js';
import { primaryLang } from '../qa/util.js';

const SCRIPTS = ['Han', 'Hiragana', 'Katakana', 'Hangul', 'Cyrillic', 'Arabic', 'Hebrew', 'Greek', 'Thai', 'Devanagari', 'Armenian', 'Georgian', 'Bengali', 'Tamil'] as const;
type Script = (typeof SCRIPTS)[number];

/** The scripts each target writes besides Latin; a language not listed writes Latin only. */
const TARGET_SCRIPTS: Record<string, readonly Script[]> = {
  zh: ['Han'],
  ja: ['Han', 'Hiragana', 'Katakana'],
  ko: ['Hangul', 'Han'],
  ru: ['Cyrillic'], uk: ['Cyrillic'], bg: ['Cyrillic'], sr: ['Cyrillic'], mk: ['Cyrillic'], be: ['Cyrillic'], kk: ['Cyrillic'], mn: ['Cyrillic'],
  ar: ['Arabic'], fa: ['Arabic'], ur: ['Arabic'], ps: ['Arabic'],
  he: ['Hebrew'], yi: ['Hebrew'],
  el: ['Greek'],
  th: ['Thai'],
  hi: ['Devanagari'], mr: ['Devanagari'], ne: ['Devanagari'],
  hy: ['Armenian'], ka: ['Georgian'], bn: ['Bengali'], ta: ['Tamil'],
};

const SCRIPT_RE = Object.fromEntries(SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')])) as Record<Script, RegExp>;
/** Letters (and the marks that belong to them) of any of the scripts above, in runs, spaces allowed inside a run. */
const FOREIGN_RUN = new RegExp(`[${SCRIPTS.map((s) => `\\p{Script=${s}}`).join('')}](?:[\\p{M}\\u30fc]|\\s(?=[${SCRIPTS.map((s) => `\\p{Script=${s}}`).join('')}])|[${SCRIPTS.map((s) => `\\p{Script=${s}}`).join('')}])*`, 'gu');

const scriptOf = (ch: string): Script | undefined => SCRIPTS.find((s) => SCRIPT_RE[s].test(ch));

export const untranslatedScript: CheckDefinition = {
  id: 'mt.untranslated-script',
  category: 'Accuracy/Untranslated text',
  severity: 'major',
  description: 'Letters of a script the target language does not use (source text left untranslated or not romanised).',
  scope: 'segment',
  run(ctx, segment) {
    if (!segment?.target) return [];
    const own = new Set(TARGET_SCRIPTS[primaryLang(ctx.targetLang)] ?? []);
    const out: RawFinding[] = [];
    for (const m of segment.target.matchAll(FOREIGN_RUN)) {
      const script = scriptOf(m[0][0]!);
      if (!script || own.has(script)) continue;
      // Han inside Japanese, Kana next to Han: a run is foreign only if none of its letters is the target's.
      if ([...m[0]].some((ch) => own.has(scriptOf(ch) as Script))) continue;
      if (script === 'Greek' && m[0].replace(/\s/g, '').length < 3) continue;
      const start = segment.targetStart + m.index!;
      out.push({ start, end: start + m[0].length, message: { key: 'checks:untranslatedScript', params: { text: m[0] } }, fixes: [] });
    }
    return out;
  },
};

/** East Asian punctuation and the Western mark an English (or any Latin-script) text writes instead. */
const CJK_PUNCT: Record<string, string> = {
  '、': ', ', '，': ', ', '。': '. ', '：': ': ', '；': '; ', '！': '! ', '？': '? ',
  '（': ' (', '）': ') ', '《': '“', '》': '”', '「': '“', '」': '”', '『': '“', '』': '”', '【': '[', '】': ']', '〈': '“', '〉': '”',
};
const CJK_PUNCT_RE = /[、，。：；！？（）《》「」『』【】〈〉]/gu;
const CJK_TARGETS = new Set(['zh', 'ja', 'ko']);

/** Paired marks: a fix replaces both of a pair, so it never leaves one curly quote unpaired. */
const PAIRS: Record<string, string> = { '《': '》', '「': '」', '『': '』', '（': '）', '【': '】', '〈': '〉' };
const OPENER: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));

/** Where the other mark of the pair at `at` is in the target; -1 when it has none. */
function partner(target: string, at: number): number {
  const mark = target[at]!;
  if (PAIRS[mark]) return target.indexOf(PAIRS[mark]!, at + 1);
  if (OPENER[mark]) return target.lastIndexOf(OPENER[mark]!, at - 1);
  return -1;
}

/** The English for the mark at `i`: no doubled space, no space before the end of the text or a following mark. */
function replacement(target: string, i: number): string {
  const after = target[i + 1] ?? '';
  const before = target[i - 1] ?? '';
  let text = CJK_PUNCT[target[i]!]!;
  // A colon keeps its space before an opening quotation mark (`：“` → `: “`, not a glued `:“`).
  const opensQuote = target[i] === '：' && /["“‘«]/u.test(after);
  if (text.endsWith(' ') && !opensQuote && (after === '' || /[\s\p{P}]/u.test(after))) text = text.trimEnd();
  if (text.startsWith(' ') && (before === '' || /\s/.test(before))) text = text.trimStart();
  return text;
}

export const sourcePunctuation: CheckDefinition = {
  id: 'mt.cjk-punctuation',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  description: 'Chinese or Japanese punctuation (、 《》 ，) kept in a target language that does not use it.',
  scope: 'segment',
  run(ctx, segment) {
    if (!segment?.target || CJK_TARGETS.has(primaryLang(ctx.targetLang))) return [];
    const out: RawFinding[] = [];
    for (const m of segment.target.matchAll(CJK_PUNCT_RE)) {
      const start = segment.targetStart + m.index!;
      const text = replacement(segment.target, m.index!);
      const other = partner(segment.target, m.index!);
      const at = other < 0 ? [m.index!] : [m.index!, other].sort((a, b) => a - b);
      const edits = at.map((i) => ({ start: segment.targetStart + i, end: segment.targetStart + i + 1, text: replacement(segment.target, i) }));
      out.push({ start, end: start + 1, message: { key: 'checks:cjkPunctuation', params: { mark: m[0], text: text.trim() } }, fixes: [{ edits }] });
    }
    return out;
  },
};

/**
 * Real machine translation into English, read from ../shared/eval at run time:
 *  - mqm-ted-zhen-dev: 15 systems' English output of two TED talks with expert MQM error spans
 *    (`<v>…</v>` in the target, or in the source for omissions);
 *  - mlqe-pe ro-en-dev, et-en-dev: one NMT system's English output with post-edits and word tags.
 *    Their text is Moses-tokenised: it is detokenised here, and each token (and the gap before it)
 *    keeps its offsets in the detokenised text, so a finding can be matched to the tags.
 */
import { readFileSync } from 'node:fs';

export interface Span {
  side: 'source' | 'target';
  start: number;
  end: number;
}

export interface TedSegment {
  /** `ted/<system>/<seg_id>`: stable across runs. */
  id: string;
  system: string;
  /** `<system>/<talk>`: the segments of one talk as one system translated it, a document a reviewer reads whole. */
  doc: string;
  /** Its position in the talk (the data set's seg_id runs through the talk). */
  order: number;
  source: string;
  target: string;
  spans: Span[];
}

/** Text without `<v>` marks, and the marked span. */
function unmark(text: string): { clean: string; span: [number, number] | null } {
  const open = text.indexOf('<v>');
  const close = text.indexOf('</v>');
  const clean = text.replace(/<\/?v>/g, '');
  if (open < 0 || close < open) return { clean, span: null };
  return { clean, span: [open, close - 3] };
}

export function readTed(dir: string): TedSegment[] {
  const rows = readFileSync(`${dir}/mqm_ted_zhen.dev.tsv`, 'utf8').split('\n').slice(1).filter(Boolean);
  const bySeg = new Map<string, TedSegment>();
  for (const row of rows) {
    const [system = '', talk = '', , segId = '', , source = '', target = '', category = ''] = row.split('\t');
    const id = `ted/${system}/${segId}`;
    const s = unmark(source);
    const t = unmark(target);
    let seg = bySeg.get(id);
    if (!seg) bySeg.set(id, (seg = { id, system, doc: `${system}/${talk}`, order: Number(segId), source: s.clean.normalize('NFC'), target: t.clean.normalize('NFC'), spans: [] }));
    if (category === 'No-error') continue;
    if (t.span && t.span[1] > t.span[0]) seg.spans.push({ side: 'target', start: t.span[0], end: t.span[1] });
    if (s.span && s.span[1] > s.span[0]) seg.spans.push({ side: 'source', start: s.span[0], end: s.span[1] });
  }
  return [...bySeg.values()];
}

// ---------- Moses detokenisation ----------

export interface Detokenised {
  text: string;
  /** [start, end) of each token in `text`. */
  tokens: [number, number][];
}

const ATTACH_LEFT = /^(?:[,.!?;:%)\]}…]+|'s|'re|'ve|'ll|'d|'m|n't|'|’s)$/i;
const ATTACH_RIGHT = /^[([{¿¡„“«]$/;

/** Moses-tokenised text back to ordinary spacing, with the offsets of every token. */
export function detokenise(line: string): Detokenised {
  const toks = line.trim().split(/\s+/).filter(Boolean);
  let text = '';
  const tokens: [number, number][] = [];
  let glueNext = false;
  let quoteOpen = false;
  for (const tok of toks) {
    let left = ATTACH_LEFT.test(tok);
    let right = ATTACH_RIGHT.test(tok);
    if (tok === '"') {
      // Straight quotes alternate: an opening one sticks to the next token, a closing one to the last.
      left = quoteOpen;
      right = !quoteOpen;
      quoteOpen = !quoteOpen;
    } else if (tok === '”' || tok === '»') left = true;
    // Moses splits every symbol off: "34°C" comes out "34 ° C", a spacing the MT never wrote.
    else if ((tok === '°' && /\d$/.test(text)) || (/^[CF]$/.test(tok) && text.endsWith('°'))) left = true;
    const space = text.length > 0 && !left && !glueNext;
    if (space) text += ' ';
    tokens.push([text.length, text.length + tok.length]);
    text += tok;
    glueNext = right;
  }
  return { text, tokens };
}

export interface MlqeSegment {
  id: string;
  source: string;
  target: string;
  postEdit: string;
  tokens: [number, number][];
  /** BAD per token. */
  badWord: boolean[];
  /** BAD per gap: gap i is before token i, the last one after the last token. */
  badGap: boolean[];
}

export function readMlqe(dir: string, name: string): MlqeSegment[] {
  const lines = (f: string) => readFileSync(`${dir}/${f}`, 'utf8').split('\n');
  const src = lines('dev.src');
  const mt = lines('dev.mt');
  const pe = lines('dev.pe');
  const tags = lines('dev.tags');
  const out: MlqeSegment[] = [];
  for (let i = 0; i < mt.length; i++) {
    if (!mt[i]!.trim()) continue;
    const d = detokenise(mt[i]!);
    const t = tags[i]!.trim().split(/\s+/);
    if (t.length !== 2 * d.tokens.length + 1) throw new Error(`${name} line ${i + 1}: ${t.length} tags for ${d.tokens.length} tokens`);
    out.push({
      id: `${name}/${i + 1}`,
      source: detokenise(src[i]!).text.normalize('NFC'),
      target: d.text,
      postEdit: detokenise(pe[i]!).text,
      tokens: d.tokens,
      badWord: d.tokens.map((_, k) => t[2 * k + 1] === 'BAD'),
      badGap: Array.from({ length: d.tokens.length + 1 }, (_, k) => t[2 * k] === 'BAD'),
    });
  }
  return out;
}

/** Tokens overlapping [start, end) (a zero-width span: the token it touches). */
function coveredTokens(seg: MlqeSegment, start: number, end: number): number[] {
  const hit: number[] = [];
  seg.tokens.forEach(([a, b], k) => {
    if (start < b && a < end) hit.push(k);
  });
  if (hit.length === 0) {
    const k = seg.tokens.findIndex(([a, b]) => start >= a && start <= b);
    if (k >= 0) hit.push(k);
  }
  return hit;
}

/** Does a target span cover a BAD word, or a BAD gap inside it or at its edges? */
export function onBad(seg: MlqeSegment, start: number, end: number): boolean {
  const ks = coveredTokens(seg, start, end);
  if (ks.length === 0) return false;
  const first = ks[0]!;
  const last = ks[ks.length - 1]!;
  if (ks.some((k) => seg.badWord[k])) return true;
  for (let g = first; g <= last + 1; g++) if (seg.badGap[g]) return true;
  return false;
}

/** Chance that a span covering as many tokens, placed anywhere in the segment, would be `onBad`. */
export function chanceOnBad(seg: MlqeSegment, start: number, end: number): number {
  const width = Math.max(1, coveredTokens(seg, start, end).length);
  const n = seg.tokens.length;
  if (n === 0) return 0;
  let hits = 0;
  let places = 0;
  for (let k = 0; k + width <= n; k++) {
    places++;
    const a = seg.tokens[k]![0];
    const b = seg.tokens[k + width - 1]![1];
    if (onBad(seg, a, b)) hits++;
  }
  return places ? hits / places : 0;
}

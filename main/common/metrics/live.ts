/**
 * Post-edit metrics while the editor types: HTER (TERCOM rules, machine translation as hypothesis,
 * the edited text as reference) and chrF2 per segment, article totals, and active editing time.
 * Baseline paragraphs are paired with current paragraphs (pairing.ts); inside each pair the baseline
 * sentences are aligned with the current sentences, and a segment is one link of that alignment
 * (1–1, a sentence merged or split, one added or removed). An unchanged paragraph is 1–1 per sentence
 * without aligning. Only a paragraph pair whose text is new is split, aligned and scored again (and
 * within it only links whose text is new), so a keystroke costs one sentence's TER, not the article's.
 */
import type { SegmentMetrics, TerBreakdown } from '../../contract/review.js';
import { splitParagraphs, type Paragraph } from '../paragraphs.js';
import { splitSentences } from '../sentences/split.js';
import { tokenize } from '../words.js';
import { addChrfStatistics, chrfFromStatistics, chrfStatistics, type ChrfStatistics } from './chrf.js';
import { pairParagraphs, pairSentences } from './pairing.js';
import { sumTer, terDetail } from './ter.js';

export interface LiveMetricsOptions {
  /** A pause at least this long is not editing time (default 30 s). */
  idleMs?: number;
  /** TER compares case-insensitively by default, as TERCOM does. */
  caseSensitive?: boolean;
}

export interface LiveSegment extends SegmentMetrics {
  /** Baseline and current paragraph indices of the segment's sentences (empty on the side of a sentence added or removed). */
  baseline: number[];
  current: number[];
  /** Offsets of the segment in the current text; an empty range where its sentences were all removed. */
  start: number;
  end: number;
  /** The segment's sentences: [start, end) offsets in the baseline text and in the current text. */
  baselineSentences: [number, number][];
  currentSentences: [number, number][];
  /** False when the text equals the baseline's. */
  changed: boolean;
  /** Words moved by TER's block shifts. */
  shiftedWords: number;
  /** Stable name of the segment (its first baseline sentence), for keeping editing time across edits elsewhere. */
  key: string;
}

export interface LiveTotals {
  /** Summed over segments: article HTER = total edits / total reference (current) words, capped at 1. */
  hter: TerBreakdown;
  /** chrF2 of the article: segment statistics summed (sacrebleu's corpus chrF). */
  chrf: number;
  /** Those summed statistics (several articles pool into one chrF from them). */
  chrfStatistics: ChrfStatistics;
  editingMs: number;
  /** The editor's word edits, from the TER alignments. */
  wordsInserted: number;
  wordsDeleted: number;
  wordsSubstituted: number;
  wordsShifted: number;
  changedSegments: number;
}

export interface LiveSnapshot {
  segments: LiveSegment[];
  totals: LiveTotals;
}

interface Computed {
  hter: TerBreakdown;
  shiftedWords: number;
  chrf: ChrfStatistics;
}

/** A sentence of the baseline (immutable), with its tokens and unchanged metrics once needed. */
interface BaseSentence {
  /** Stable name: paragraph and sentence index within it ("3.1"). */
  id: string;
  para: number;
  start: number;
  end: number;
  text: string;
  tokens?: string[];
  unchanged?: Computed;
}

/** A current sentence of a changed paragraph pair: `k` indexes the pair's current paragraphs, offsets are within that paragraph. */
interface PairSentence {
  k: number;
  start: number;
  end: number;
  text: string;
}

interface PairLink {
  base: BaseSentence[];
  cur: PairSentence[];
  metrics: Computed;
  changed: boolean;
}

/** Above this many tokens (both sides of a segment) the shift search is skipped: its cost grows steeply with length. */
const MAX_SHIFT_TOKENS = 2000;
const MAX_MEMO = 5000;

export class LiveMetrics {
  private readonly lang: string;
  private readonly idleMs: number;
  private readonly caseSensitive: boolean;
  private readonly baseParas: Paragraph[];
  private readonly baseSentences: (BaseSentence[] | undefined)[];
  /** Changed paragraph pairs already split and aligned, by their texts. */
  private readonly pairMemo = new Map<string, PairLink[]>();
  /** Changed links already scored, by baseline sentence ids and current text. */
  private readonly linkMemo = new Map<string, Computed>();
  private readonly editing = new Map<string, number>();
  private current: Paragraph[];
  /** Per segment: the editing-time key a keystroke in it is credited to. */
  private keys: string[] = [];
  /** Per segment: the editing-time keys it shows (its baseline sentences, and the key of an added sentence). */
  private owned: string[][] = [];
  /** Non-empty segments in text order, for segmentAt. */
  private located: number[] = [];
  private segs: LiveSegment[] = [];
  private stats: ChrfStatistics[] = [];
  private lastActivity: number | undefined;
  private computedCount = 0;

  constructor(baseline: string, lang: string, opts: LiveMetricsOptions = {}) {
    this.lang = lang;
    this.idleMs = opts.idleMs ?? 30_000;
    this.caseSensitive = opts.caseSensitive ?? false;
    this.baseParas = splitParagraphs(baseline);
    this.baseSentences = new Array(this.baseParas.length);
    this.current = this.baseParas;
    this.recompute();
  }

  /**
   * Take the current text ("\n" line endings). `changed`, the range the edit touched, is accepted for
   * callers that know it; unchanged paragraphs are found by comparing paragraph texts either way (a
   * few string comparisons per paragraph, cheaper than trusting a stale range).
   */
  update(current: string, _changed?: { start: number; end: number }): LiveSnapshot {
    this.current = splitParagraphs(current);
    this.recompute();
    return this.snapshot();
  }

  /** How many changed segments have had TER and chrF computed so far (a memo hit does not count). */
  get computations(): number {
    return this.computedCount;
  }

  snapshot(): LiveSnapshot {
    const perSegment = this.editingPerSegment();
    const segments = this.segs.map((s, i) => ({ ...s, key: this.keys[i]!, editingMs: perSegment[i]! }));
    const hter = sumTer(segments.map((s) => s.hter));
    const stats: ChrfStatistics = [];
    for (const st of this.stats) addChrfStatistics(stats, st);
    return {
      segments,
      totals: {
        hter,
        chrf: chrfFromStatistics(stats),
        chrfStatistics: stats,
        editingMs: segments.reduce((n, s) => n + s.editingMs, 0),
        wordsInserted: hter.insertions,
        wordsDeleted: hter.deletions,
        wordsSubstituted: hter.substitutions,
        wordsShifted: segments.reduce((n, s) => n + s.shiftedWords, 0),
        changedSegments: segments.filter((s) => s.changed).length,
      },
    };
  }

  /**
   * Index of the segment holding `offset` of the current text: the first whose end is at or after it,
   * so a caret just after a sentence's full stop counts for that sentence and the space or blank line
   * before a sentence counts with it. Removed sentences (empty ranges) are never chosen; -1 when
   * there are no segments.
   */
  segmentAt(offset: number): number {
    const loc = this.located;
    if (!loc.length) return this.segs.length ? 0 : -1;
    let lo = 0;
    let hi = loc.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.segs[loc[mid]!]!.end < offset) lo = mid + 1;
      else hi = mid;
    }
    return loc[lo]!;
  }

  /**
   * A keystroke at `offset` (of the text last given to update) at time `nowMs`: the time since the
   * previous keystroke goes to this segment when it is shorter than the idle threshold. The clock is
   * passed in so the rule stays pure and testable. Returns the segment credited, or -1.
   */
  recordActivity(offset: number, nowMs: number): number {
    const gap = this.lastActivity === undefined ? undefined : nowMs - this.lastActivity;
    this.lastActivity = nowMs;
    if (gap === undefined || gap < 0 || gap >= this.idleMs) return -1;
    const seg = this.segmentAt(offset);
    if (seg < 0) return -1;
    const key = this.keys[seg]!;
    this.editing.set(key, (this.editing.get(key) ?? 0) + gap);
    return seg;
  }

  /**
   * Editing time is kept per baseline sentence ("b3.1"), so it survives edits elsewhere; time typed in
   * an added sentence is kept after the baseline sentence before it ("a3.1+0"). Each key is shown by
   * exactly one segment: the one owning it, else (an added sentence since merged or removed) the
   * segment of the baseline sentence it follows, so no time is ever lost from the total.
   */
  private editingPerSegment(): number[] {
    const out = new Array<number>(this.segs.length).fill(0);
    if (!this.segs.length) return out;
    const owner = new Map<string, number>();
    this.owned.forEach((keys, i) => {
      for (const k of keys) if (!owner.has(k)) owner.set(k, i);
    });
    for (const [key, ms] of this.editing) {
      let seg = owner.get(key);
      if (seg === undefined && key.startsWith('a')) seg = owner.get(`b${key.slice(1, key.indexOf('+'))}`);
      out[seg ?? 0]! += ms;
    }
    return out;
  }

  private recompute(): void {
    const pairs = pairParagraphs(
      this.baseParas.map((p) => p.text),
      this.current.map((p) => p.text),
    );
    this.keys = [];
    this.owned = [];
    this.located = [];
    this.segs = [];
    this.stats = [];
    let lastBase = '^';
    let added = 0;
    let lastEnd = 0;
    for (const pair of pairs) {
      const cur = pair.b.map((k) => this.current[k]!);
      // Where a removed sentence sits: after the previous current sentence of the pair, else at the pair's start.
      let pos = cur.length ? cur[0]!.start : lastEnd;
      const links = pair.same ? this.unchangedPair(pair.a[0]!) : this.changedPair(pair.a, cur);
      for (const link of links) {
        const curSentences = link.cur.map((s): [number, number] => [cur[s.k]!.start + s.start, cur[s.k]!.start + s.end]);
        const start = curSentences.length ? curSentences[0]![0] : pos;
        const end = curSentences.length ? curSentences[curSentences.length - 1]![1] : pos;
        pos = end;
        if (link.base.length) {
          this.keys.push(`b${link.base[0]!.id}`);
          this.owned.push(link.base.map((s) => `b${s.id}`));
          lastBase = link.base[link.base.length - 1]!.id;
          added = 0;
        } else {
          const key = `a${lastBase}+${added++}`;
          this.keys.push(key);
          this.owned.push([key]);
        }
        if (curSentences.length) this.located.push(this.segs.length);
        this.stats.push(link.metrics.chrf);
        this.segs.push({
          key: this.keys[this.keys.length - 1]!,
          segment: this.segs.length,
          hter: link.metrics.hter,
          chrf: chrfFromStatistics(link.metrics.chrf),
          editingMs: 0,
          baseline: unique(link.base.map((s) => s.para)),
          current: unique(link.cur.map((s) => pair.b[s.k]!)),
          start,
          end,
          baselineSentences: link.base.map((s) => [s.start, s.end]),
          currentSentences: curSentences,
          changed: link.changed,
          shiftedWords: link.metrics.shiftedWords,
        });
      }
      if (cur.length) lastEnd = cur[cur.length - 1]!.end;
    }
  }

  /** The sentences of baseline paragraph k (offsets in the baseline text), split once. */
  private sentencesOf(k: number): BaseSentence[] {
    let s = this.baseSentences[k];
    if (!s) {
      const para = this.baseParas[k]!;
      s = splitSentences(para.text, this.lang).map((x, i) => ({
        id: `${k}.${i}`,
        para: k,
        start: para.start + x.start,
        end: para.start + x.end,
        text: para.text.slice(x.start, x.end),
      }));
      this.baseSentences[k] = s;
    }
    return s;
  }

  /** An unchanged paragraph: each baseline sentence is its own segment, at the same place in the paragraph. */
  private unchangedPair(a: number): PairLink[] {
    const paraStart = this.baseParas[a]!.start;
    return this.sentencesOf(a).map((s) => ({
      base: [s],
      cur: [{ k: 0, start: s.start - paraStart, end: s.end - paraStart, text: s.text }],
      metrics: this.unchangedMetrics(s),
      changed: false,
    }));
  }

  /** A changed run of paragraphs: split the current side, align its sentences with the baseline's, score each link. */
  private changedPair(a: number[], cur: Paragraph[]): PairLink[] {
    const key = `${a.join(',')}\u0001${cur.map((p) => p.text).join('\u0002')}`;
    const memo = this.pairMemo.get(key);
    if (memo) return memo;
    const base = a.flatMap((k) => this.sentencesOf(k));
    const sentences: PairSentence[] = cur.flatMap((p, k) => splitSentences(p.text, this.lang).map((s) => ({ k, start: s.start, end: s.end, text: p.text.slice(s.start, s.end) })));
    const links = pairSentences(
      base.map((s) => s.text),
      sentences.map((s) => s.text),
      this.lang,
    ).map((l): PairLink => {
      const bs = l.source.map((i) => base[i]!);
      const cs = l.target.map((j) => sentences[j]!);
      const same = bs.length === 1 && cs.length === 1 && bs[0]!.text === cs[0]!.text;
      return { base: bs, cur: cs, metrics: same ? this.unchangedMetrics(bs[0]!) : this.changedMetrics(bs, cs), changed: !same };
    });
    if (this.pairMemo.size >= MAX_MEMO) this.pairMemo.clear();
    this.pairMemo.set(key, links);
    return links;
  }

  private tokensOf(s: BaseSentence): string[] {
    s.tokens ??= tokenize(s.text, this.lang).map((x) => x.text);
    return s.tokens;
  }

  private unchangedMetrics(s: BaseSentence): Computed {
    s.unchanged ??= {
      hter: { insertions: 0, deletions: 0, substitutions: 0, shifts: 0, edits: 0, refLength: this.tokensOf(s).length, score: 0 },
      shiftedWords: 0,
      chrf: chrfStatistics(s.text, s.text),
    };
    return s.unchanged;
  }

  private changedMetrics(base: BaseSentence[], cur: PairSentence[]): Computed {
    const key = `${base.map((s) => s.id).join(',')}\u0001${cur.map((s) => s.text).join('\u0002')}`;
    let c = this.linkMemo.get(key);
    if (c) return c;
    this.computedCount++;
    const hyp = base.flatMap((s) => this.tokensOf(s));
    const ref = cur.flatMap((s) => tokenize(s.text, this.lang).map((x) => x.text));
    const shifts = hyp.length + ref.length <= MAX_SHIFT_TOKENS;
    // An empty side (a sentence removed or added) follows TERCOM: all deletions or all insertions, HTER 1.
    const d = terDetail(hyp, ref, { caseSensitive: this.caseSensitive, shifts });
    c = {
      hter: { insertions: d.insertions, deletions: d.deletions, substitutions: d.substitutions, shifts: d.shifts, edits: d.edits, refLength: d.refLength, score: d.score },
      shiftedWords: d.shiftedWords,
      chrf: chrfStatistics(base.map((s) => s.text).join(' '), cur.map((s) => s.text).join(' ')),
    };
    if (this.linkMemo.size >= MAX_MEMO) this.linkMemo.clear();
    this.linkMemo.set(key, c);
    return c;
  }
}

function unique(xs: number[]): number[] {
  return xs.filter((x, i) => i === 0 || xs[i - 1] !== x);
}

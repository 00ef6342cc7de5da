/**
 * Post-edit metrics while the editor types: HTER (TERCOM rules, machine translation as hypothesis,
 * the edited text as reference) and chrF2 per segment, article totals, and active editing time.
 * A segment is a baseline paragraph paired with its current paragraph (or a run of them when
 * paragraphs were split, merged, added or removed); only segments whose text changed since the last
 * update are recomputed, so a keystroke costs one paragraph's TER, not the article's.
 */
import type { SegmentMetrics, TerBreakdown } from '../../contract/review.js';
import { splitParagraphs, type Paragraph } from '../paragraphs.js';
import { tokenize } from '../words.js';
import { addChrfStatistics, chrfFromStatistics, chrfStatistics, type ChrfStatistics } from './chrf.js';
import { pairParagraphs } from './pairing.js';
import { sumTer, terDetail } from './ter.js';

export interface LiveMetricsOptions {
  /** A pause at least this long is not editing time (default 30 s). */
  idleMs?: number;
  /** TER compares case-insensitively by default, as TERCOM does. */
  caseSensitive?: boolean;
}

export interface LiveSegment extends SegmentMetrics {
  /** Baseline and current paragraph indices of the segment (one each unless paragraphs were split, merged, added or removed). */
  baseline: number[];
  current: number[];
  /** Offsets of the segment in the current text; an empty range where its paragraphs were all removed. */
  start: number;
  end: number;
  /** False when the text equals the baseline's. */
  changed: boolean;
  /** Words moved by TER's block shifts. */
  shiftedWords: number;
}

export interface LiveTotals {
  /** Summed over segments: article HTER = total edits / total reference (current) words, capped at 1. */
  hter: TerBreakdown;
  /** chrF2 of the article: segment statistics summed (sacrebleu's corpus chrF). */
  chrf: number;
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

/** Above this many tokens (both sides of a segment) the shift search is skipped: its cost grows steeply with length. */
const MAX_SHIFT_TOKENS = 2000;
const MAX_MEMO = 5000;

export class LiveMetrics {
  private readonly lang: string;
  private readonly idleMs: number;
  private readonly caseSensitive: boolean;
  private readonly baseParas: Paragraph[];
  private readonly baseTokens: (string[] | undefined)[];
  private readonly unchanged = new Map<number, Computed>();
  private readonly memo = new Map<string, Computed>();
  private readonly editing = new Map<string, number>();
  private current: Paragraph[];
  private keys: string[] = [];
  private segs: LiveSegment[] = [];
  private stats: ChrfStatistics[] = [];
  private lastActivity: number | undefined;
  private computedCount = 0;

  constructor(baseline: string, lang: string, opts: LiveMetricsOptions = {}) {
    this.lang = lang;
    this.idleMs = opts.idleMs ?? 30_000;
    this.caseSensitive = opts.caseSensitive ?? false;
    this.baseParas = splitParagraphs(baseline);
    this.baseTokens = new Array(this.baseParas.length);
    this.current = this.baseParas;
    this.recompute();
  }

  /**
   * Take the current text ("\n" line endings). `changed`, the range the edit touched, is accepted for
   * callers that know it; unchanged segments are found by comparing paragraph texts either way (a
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
    const segments = this.segs.map((s, i) => ({ ...s, editingMs: this.editing.get(this.keys[i]!) ?? 0 }));
    const hter = sumTer(segments.map((s) => s.hter));
    const stats: ChrfStatistics = [];
    for (const st of this.stats) addChrfStatistics(stats, st);
    return {
      segments,
      totals: {
        hter,
        chrf: chrfFromStatistics(stats),
        editingMs: segments.reduce((n, s) => n + s.editingMs, 0),
        wordsInserted: hter.insertions,
        wordsDeleted: hter.deletions,
        wordsSubstituted: hter.substitutions,
        wordsShifted: segments.reduce((n, s) => n + s.shiftedWords, 0),
        changedSegments: segments.filter((s) => s.changed).length,
      },
    };
  }

  /** Index of the segment holding `offset` of the current text (a blank line counts with the paragraph after it); -1 for an empty text. */
  segmentAt(offset: number): number {
    const paras = this.current;
    if (!paras.length || !this.segs.length) return this.segs.length ? 0 : -1;
    let lo = 0;
    let hi = paras.length - 1;
    // First paragraph whose end is at or after the offset.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (paras[mid]!.end < offset) lo = mid + 1;
      else hi = mid;
    }
    const idx = this.segs.findIndex((s) => s.current.includes(lo));
    return idx;
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

  private recompute(): void {
    const pairs = pairParagraphs(
      this.baseParas.map((p) => p.text),
      this.current.map((p) => p.text),
    );
    this.keys = [];
    this.segs = [];
    this.stats = [];
    let lastBase = -1;
    let lastEnd = 0;
    for (const [i, pair] of pairs.entries()) {
      // Editing time is kept per baseline paragraph, so it survives paragraphs added or removed elsewhere.
      this.keys.push(pair.a.length ? `b${pair.a[0]}` : `after${lastBase}`);
      if (pair.a.length) lastBase = pair.a[pair.a.length - 1]!;
      const cur = pair.b.map((k) => this.current[k]!);
      const start = cur.length ? cur[0]!.start : lastEnd;
      const end = cur.length ? cur[cur.length - 1]!.end : lastEnd;
      lastEnd = end;
      const c = pair.same ? this.unchangedMetrics(pair.a[0]!) : this.changedMetrics(pair.a, cur);
      this.stats.push(c.chrf);
      this.segs.push({
        segment: i,
        hter: c.hter,
        chrf: chrfFromStatistics(c.chrf),
        editingMs: 0,
        baseline: pair.a,
        current: pair.b,
        start,
        end,
        changed: !pair.same,
        shiftedWords: c.shiftedWords,
      });
    }
  }

  private tokensOfBaseline(k: number): string[] {
    let t = this.baseTokens[k];
    if (!t) {
      t = tokenize(this.baseParas[k]!.text, this.lang).map((x) => x.text);
      this.baseTokens[k] = t;
    }
    return t;
  }

  private unchangedMetrics(k: number): Computed {
    let c = this.unchanged.get(k);
    if (!c) {
      const n = this.tokensOfBaseline(k).length;
      const text = this.baseParas[k]!.text;
      c = {
        hter: { insertions: 0, deletions: 0, substitutions: 0, shifts: 0, edits: 0, refLength: n, score: 0 },
        shiftedWords: 0,
        chrf: chrfStatistics(text, text),
      };
      this.unchanged.set(k, c);
    }
    return c;
  }

  private changedMetrics(a: number[], cur: Paragraph[]): Computed {
    const key = `${a.join(',')}\u0001${cur.map((p) => p.text).join('\u0002')}`;
    let c = this.memo.get(key);
    if (c) return c;
    this.computedCount++;
    const hyp = a.flatMap((k) => this.tokensOfBaseline(k));
    const ref = cur.flatMap((p) => tokenize(p.text, this.lang).map((x) => x.text));
    const shifts = hyp.length + ref.length <= MAX_SHIFT_TOKENS;
    const d = terDetail(hyp, ref, { caseSensitive: this.caseSensitive, shifts });
    const hypText = a.map((k) => this.baseParas[k]!.text).join('\n\n');
    const refText = cur.map((p) => p.text).join('\n\n');
    c = {
      hter: { insertions: d.insertions, deletions: d.deletions, substitutions: d.substitutions, shifts: d.shifts, edits: d.edits, refLength: d.refLength, score: d.score },
      shiftedWords: d.shiftedWords,
      chrf: chrfStatistics(hypText, refText),
    };
    if (this.memo.size >= MAX_MEMO) this.memo.clear();
    this.memo.set(key, c);
    return c;
  }
}

import { diffArrays } from 'diff';
import type { Annotation, BaselineSpan } from '../../contract/review.js';
import { splitParagraphs, type Paragraph } from '../paragraphs.js';
import { alignParagraphs, type Step } from '../word-diff.js';
import { tokenize, type Token } from '../words.js';
import { quoteAt, reanchor } from './anchor.js';

/**
 * An MQM annotation is about words of the machine translation (issue 11): it records their span in the
 * baseline, which never changes, and its span in the current text is derived from the baseline→current
 * word diff. So when the editor corrects the annotated words, the annotation moves onto the correction
 * instead of being orphaned; it is orphaned only when its paragraph is gone.
 */

export interface Span {
  start: number;
  end: number;
}

/** A token of a changed run: matched to a token of the other text, or in a removed run paired with an inserted one. */
interface RunMap {
  /** Per token of `from`: index of the equal token in `to`, or -(run + 1). */
  tokenTo: Int32Array;
  /** Per run: the `to` offsets of what replaced it (for a pure deletion: the next word's start, the previous word's end). */
  runs: Span[];
  from: Token[];
  to: Token[];
}

/**
 * Maps offsets of text `from` into text `to` through their word diff, paragraph by paragraph (the diff
 * of main/common/word-diff.ts: whole-document diffs are too slow on books). Built once per pair of
 * texts; each changed paragraph run is tokenised and diffed on first use.
 */
export class SpanMapper {
  private readonly a: Paragraph[];
  private readonly b: Paragraph[];
  private readonly stepOf: Int32Array;
  private readonly steps: Step[];
  private readonly runMaps = new Map<number, RunMap>();

  constructor(
    from: string,
    to: string,
    private readonly lang: string,
  ) {
    this.a = splitParagraphs(from);
    this.b = splitParagraphs(to);
    this.steps = alignParagraphs(
      this.a.map((p) => p.text),
      this.b.map((p) => p.text),
    );
    this.stepOf = new Int32Array(this.a.length).fill(-1);
    this.steps.forEach((s, k) => {
      if (s.same) this.stepOf[s.a] = k;
      else for (const i of s.a) this.stepOf[i] = k;
    });
  }

  /** The span in `to`, or null when its paragraph has no counterpart there (deleted). A span whose words were all deleted collapses where they were. */
  map(span: Span): Span | null {
    const start = this.point(span.start, 'start');
    const end = this.point(span.end, 'end');
    if (start === null || end === null) return null;
    return { start, end: Math.max(start, end) };
  }

  private paragraphAt(p: number, edge: 'start' | 'end'): number {
    // The paragraph holding p; in the gap between two, the next one for a start and the previous one for an end.
    let lo = 0;
    let hi = this.a.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.a[mid]!.start <= p) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found === -1) return this.a.length ? 0 : -1;
    if (p > this.a[found]!.end && edge === 'start' && found + 1 < this.a.length) return found + 1;
    return found;
  }

  private point(p: number, edge: 'start' | 'end'): number | null {
    const i = this.paragraphAt(p, edge);
    if (i === -1) return p;
    const para = this.a[i]!;
    const q = Math.min(Math.max(p, para.start), para.end);
    const step = this.steps[this.stepOf[i]!]!;
    if (step.same) return this.b[step.b]!.start + (q - para.start);
    if (step.b.length === 0) return null;
    const rm = this.runMap(this.stepOf[i]!, step);
    return edge === 'start' ? startIn(rm, q, this.b[step.b[0]!]!.start) : endIn(rm, q, this.b[step.b[step.b.length - 1]!]!.end);
  }

  private runMap(k: number, step: Extract<Step, { same: false }>): RunMap {
    let rm = this.runMaps.get(k);
    if (!rm) {
      const from = step.a.flatMap((i) => tokenize(this.a[i]!.text, this.lang, this.a[i]!.start));
      const to = step.b.flatMap((i) => tokenize(this.b[i]!.text, this.lang, this.b[i]!.start));
      rm = buildRunMap(from, to, this.b[step.b[0]!]!.start);
      this.runMaps.set(k, rm);
    }
    return rm;
  }
}

function buildRunMap(from: Token[], to: Token[], toStart: number): RunMap {
  const tokenTo = new Int32Array(from.length);
  const runs: Span[] = [];
  let ia = 0;
  let ib = 0;
  let open: { firstB: number; removed: number[] } | null = null;
  const close = () => {
    if (!open) return;
    // A pure deletion has no words: a start there goes to the next word, an end to the previous one.
    const next = to[open.firstB]?.start ?? to[open.firstB - 1]?.end ?? toStart;
    const prev = to[open.firstB - 1]?.end ?? next;
    const span = ib > open.firstB ? { start: to[open.firstB]!.start, end: to[ib - 1]!.end } : { start: next, end: prev };
    for (const t of open.removed) tokenTo[t] = -(runs.length + 1);
    runs.push(span);
    open = null;
  };
  for (const part of diffArrays(
    from.map((t) => t.text),
    to.map((t) => t.text),
  )) {
    const n = part.count ?? part.value.length;
    if (part.removed) {
      open ??= { firstB: ib, removed: [] };
      for (let k = 0; k < n; k++) open.removed.push(ia++);
    } else if (part.added) {
      open ??= { firstB: ib, removed: [] };
      ib += n;
    } else {
      close();
      for (let k = 0; k < n; k++) tokenTo[ia++] = ib++;
    }
  }
  close();
  return { tokenTo, runs, from, to };
}

/** A start offset: inside a kept token it keeps its place in the token; inside replaced words it goes to the start of their replacement. */
function startIn(rm: RunMap, p: number, paraStart: number): number {
  const k = rm.from.findIndex((t) => t.end > p);
  if (k === -1) return rm.to.length ? rm.to[rm.to.length - 1]!.end : paraStart;
  const t = rm.from[k]!;
  const m = rm.tokenTo[k]!;
  if (m >= 0) return rm.to[m]!.start + Math.min(Math.max(0, p - t.start), rm.to[m]!.end - rm.to[m]!.start);
  return rm.runs[-m - 1]!.start;
}

/** An end offset: inside a kept token it keeps its place; inside replaced words it goes to the end of their replacement. */
function endIn(rm: RunMap, p: number, paraEnd: number): number {
  let k = -1;
  for (let i = rm.from.length - 1; i >= 0; i--) {
    if (rm.from[i]!.start < p) {
      k = i;
      break;
    }
  }
  if (k === -1) return rm.to.length ? rm.to[0]!.start : paraEnd;
  const t = rm.from[k]!;
  const m = rm.tokenTo[k]!;
  if (m >= 0) return rm.to[m]!.start + Math.min(p - t.start, rm.to[m]!.end - rm.to[m]!.start);
  return rm.runs[-m - 1]!.end;
}

/**
 * The baseline span of a target annotation made on the current text: its span mapped back through the
 * diff. Undefined when the annotated words have no counterpart in the machine translation (the editor's
 * own insertion).
 */
export function baselineSpanOf(span: Span, current: string, baseline: string, lang: string): BaselineSpan | undefined {
  if (current === baseline) return span.end > span.start ? { start: span.start, end: span.end, exact: baseline.slice(span.start, span.end) } : undefined;
  const back = new SpanMapper(current, baseline, lang).map(span);
  if (!back || back.end <= back.start) return undefined;
  return { ...back, exact: baseline.slice(back.start, back.end) };
}

/**
 * Place target annotations that carry a baseline span in the current text: their span and quote come
 * from the diff; orphaned only when their paragraph is gone. Others are returned unchanged.
 */
export function placeOnBaseline(annotations: readonly Annotation[], baseline: string, current: string, lang: string): Annotation[] {
  let mapper: SpanMapper | null = null;
  return annotations.map((a) => {
    if (a.side !== 'target' || !a.baseline) return a;
    mapper ??= new SpanMapper(baseline, current, lang);
    const span = mapper.map(a.baseline);
    if (!span) return { ...a, orphaned: true };
    const { orphaned: _was, ...rest } = a;
    return { ...rest, ...span, quote: quoteAt(current, span.start, span.end, Math.max(32, a.quote.prefix.length, a.quote.suffix.length)) };
  });
}

/**
 * Annotations written before baselines were recorded (migration): a target annotation gets its baseline
 * span when the baseline still holds its words (where the current span maps to, else found by its
 * quote). Nothing is dropped; one whose words the baseline lacks stays as it was.
 */
export function withBaselineSpans(annotations: readonly Annotation[], baseline: string, current: string, lang: string): { annotations: Annotation[]; changed: boolean } {
  let changed = false;
  let mapper: SpanMapper | null = null;
  const out = annotations.map((a) => {
    if (a.side !== 'target' || a.baseline || a.quote.exact === '') return a;
    let span: Span | null = null;
    if (!a.orphaned && current.slice(a.start, a.end) === a.quote.exact) {
      mapper ??= new SpanMapper(current, baseline, lang);
      const back = mapper.map(a);
      if (back && baseline.slice(back.start, back.end) === a.quote.exact) span = back;
    }
    if (!span) {
      const found = reanchor(a, baseline);
      if (!found.orphaned) span = found;
    }
    if (!span) return a;
    changed = true;
    return { ...a, baseline: { start: span.start, end: span.end, exact: a.quote.exact } };
  });
  return { annotations: out, changed };
}

import type { ArticleSegment, SegmentCounts, SegmentMark, SegmentMarkState, SegmentReviewState, SegmentUpdate } from '../../../main/contract/api';
import { countSegmentStates, deriveSegmentState, segmentTextHash } from '../../../main/common/segments/states';
import { monaco } from '../../monaco/setup';
import type { ArticleDocument } from '../article-document';
import { rangeAt } from '../ranges';
import { StateCell, type Editor, type EditorContribution } from './contribution';

/** One segment as the editor keeps it: its number, what it is compared with, and its mark and lock. */
interface LiveSegment {
  id: string;
  baselineText: string | undefined;
  mark: SegmentMark | undefined;
  confirmedInFile: boolean;
  locked: boolean;
  /** In the source text (read-only, so it never moves). */
  source: [number, number] | undefined;
  /** Whether it has a target side (a decoration tracks it through edits). */
  hasTarget: boolean;
}

export interface SegmentsSnapshot {
  states: readonly SegmentReviewState[];
  locked: readonly boolean[];
  counts: SegmentCounts;
  /** Index of the segment at the cursor, -1 before the cursor is in one. */
  current: number;
}

/** How a state change reaches the review (the view calls the API and reports errors). */
export type SegmentWriter = (req: { segments: { id: string; text: string }[]; state?: SegmentMarkState; locked?: boolean }) => Promise<SegmentUpdate | null>;

/** Re-derive states this long after typing pauses: a book has thousands of segments. */
const REFRESH_MS = 250;

/**
 * Segments in the translation editor (issue 11): each segment's number in the gutter on its first
 * line, its state as a coloured bar beside it, its text tracked through every edit by a decoration,
 * its state derived again from the editor's text (main/common/segments/states.ts, as core derives it),
 * and a locked segment's text read-only (the view says why when a key is pressed there).
 */
export class SegmentsContribution implements EditorContribution {
  readonly state: StateCell<SegmentsSnapshot>;
  readonly segments: LiveSegment[];
  private editor: Editor | null = null;
  private model: monaco.editor.ITextModel | null = null;
  /**
   * The editor's decoration per decorated segment (its id): each tracks its segment's text through the
   * edits and shows its state. A repaint re-decorates only the segments whose state or lock changed: a
   * book has thousands, and replacing them all cost every pause in typing tens of milliseconds.
   */
  private ids: string[] = [];
  /** Per segment: the text and mark its state was last derived from (the hash is skipped when they are the same). */
  private derived: ({ text: string; mark: SegmentMark | undefined; state: SegmentReviewState } | undefined)[] = [];
  /** What each decoration shows now ("state locked?"). */
  private shown: string[] = [];
  private numbersKey = '';
  /** Decoration index → segment index (segments without a target side have none). */
  private decorated: number[] = [];
  /** Segment index → decoration index (the inverse of `decorated`). */
  private decorationOf: number[] = [];
  private timer: number | undefined;
  private readOnly = false;
  private visible: boolean[] | null = null;
  /** Mark and lock requests in the order they were made, and the last one per segment id. */
  private requests = 0;
  private readonly latestRequest = new Map<string, number>();

  constructor(
    view: { segments: readonly ArticleSegment[]; baseline: string },
    private readonly store: SegmentWriter,
    /** A key was pressed while the selection is in a locked segment (its 1-based number). */
    private readonly refused: (number: number) => void,
  ) {
    this.segments = view.segments.map((s) => ({
      id: s.id,
      baselineText: s.baseline ? view.baseline.slice(s.baseline[0], s.baseline[1]) : undefined,
      mark: s.mark,
      confirmedInFile: !!s.confirmedInFile,
      locked: s.locked,
      source: s.source,
      hasTarget: !!s.target,
    }));
    this.targetsAtOpen = view.segments.map((s) => s.target);
    this.state = new StateCell<SegmentsSnapshot>({ states: view.segments.map((s) => s.state), locked: view.segments.map((s) => s.locked), counts: countSegmentStates(view.segments), current: -1 });
  }

  private readonly targetsAtOpen: ([number, number] | undefined)[];

  attach(editor: Editor, doc: ArticleDocument): monaco.IDisposable {
    this.editor = editor;
    this.model = doc.model;
    const model = doc.model;
    this.decorated = this.segments.flatMap((s, i) => (s.hasTarget ? [i] : []));
    this.decorationOf = [];
    this.decorated.forEach((i, d) => (this.decorationOf[i] = d));
    const states = this.state.get().states;
    this.shown = this.decorated.map((i) => `${states[i]} ${this.segments[i]!.locked}`);
    this.ids = editor.deltaDecorations([], this.decorated.map((i) => this.decoration(rangeAt(model, ...this.targetsAtOpen[i]!), states[i]!, this.segments[i]!.locked)));
    this.paint();
    const change = model.onDidChangeContent(() => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.paint(), REFRESH_MS);
    });
    const cursor = editor.onDidChangeCursorSelection(() => this.follow());
    const attempt = editor.onDidAttemptReadOnlyEdit(() => this.refused(this.state.get().current + 1));
    return {
      dispose: () => {
        window.clearTimeout(this.timer);
        change.dispose();
        cursor.dispose();
        attempt.dispose();
        editor.deltaDecorations(this.ids, []);
        this.ids = [];
        this.editor = null;
        this.model = null;
      },
    };
  }

  /** The segment's text in the editor now ('' for a segment without a target side). */
  textOf(index: number): string {
    const r = this.targetRange(index);
    return r && this.model ? this.model.getValueInRange(r) : '';
  }

  /** Its range in the editor now. */
  targetRange(index: number): monaco.Range | null {
    return this.rangeOf(this.decorationOf[index] ?? -1);
  }

  private rangeOf(d: number): monaco.Range | null {
    const id = this.ids[d];
    return id === undefined ? null : (this.model?.getDecorationRange(id) ?? null);
  }

  /** The segment whose target holds `offset` (the nearest before it between segments), -1 for none. */
  indexAt(offset: number): number {
    if (!this.model) return -1;
    const pos = this.model.getPositionAt(offset);
    // Segments are in text order: the last one starting at or before the position.
    let lo = 0;
    let hi = this.decorated.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.rangeOf(mid);
      if (r && r.getStartPosition().isBeforeOrEqual(pos)) {
        best = this.decorated[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /** Set a mark (and optionally go on) or a lock; the view's writer stores it. Refused on a locked segment. */
  async mark(index: number, state: SegmentMarkState): Promise<boolean> {
    const seg = this.segments[index];
    if (!seg || seg.locked) return false;
    return this.apply(index, { state });
  }

  async toggleLock(index: number): Promise<boolean> {
    const seg = this.segments[index];
    if (!seg) return false;
    return this.apply(index, { locked: !seg.locked });
  }

  private async apply(index: number, change: { state?: SegmentMarkState; locked?: boolean }): Promise<boolean> {
    const seg = this.segments[index]!;
    const text = this.textOf(index);
    const before = { mark: seg.mark, locked: seg.locked };
    const request = ++this.requests;
    this.latestRequest.set(seg.id, request);
    // Shown at once; taken back when the review cannot store it.
    if (change.state) seg.mark = { state: change.state, textHash: segmentTextHash(text) };
    if (change.locked !== undefined) seg.locked = change.locked;
    this.paint();
    const res = await this.store({ segments: [{ id: seg.id, text }], ...change });
    // A later change of the same segment was shown meanwhile (a lock, then an unlock): its answer
    // decides. Applying this older one would lock the editor again under the editor's fingers.
    const superseded = (id: string) => (this.latestRequest.get(id) ?? 0) > request;
    if (!res) {
      if (superseded(seg.id)) return false;
      seg.mark = before.mark;
      seg.locked = before.locked;
      this.paint();
      return false;
    }
    for (const u of res.segments) {
      const s = this.segments.find((x) => x.id === u.id);
      if (s && !superseded(u.id)) Object.assign(s, { mark: u.mark ?? undefined, locked: u.locked });
    }
    this.paint();
    return true;
  }

  /** Derive every state from the editor's text, then repaint what changed of the gutter and the locks. */
  paint(): void {
    const model = this.model;
    const editor = this.editor;
    if (!model || !editor || model.isDisposed()) return;
    const states = this.segments.map((s, i) => this.stateOf(i));
    const locked = this.segments.map((s) => s.locked);
    const ranges = this.decorated.map((_, d) => this.rangeOf(d));
    const changed = this.decorated.flatMap((i, d) => (this.shown[d] === `${states[i]} ${locked[i]}` ? [] : [d]));
    if (changed.length) {
      const ids = editor.deltaDecorations(
        changed.map((d) => this.ids[d]!),
        changed.map((d) => this.decoration(ranges[d] ?? rangeAt(model, 0, 0), states[this.decorated[d]!]!, locked[this.decorated[d]!]!)),
      );
      changed.forEach((d, k) => {
        this.ids[d] = ids[k]!;
        this.shown[d] = `${states[this.decorated[d]!]} ${locked[this.decorated[d]!]}`;
      });
    }
    // The gutter's numbers change only when a segment's first line moves (Enter, a paragraph joined):
    // a new lineNumbers option re-renders every line of the editor.
    const numbers = new Map<number, string>();
    for (const [d, i] of this.decorated.entries()) {
      const r = ranges[d];
      if (r && !numbers.has(r.startLineNumber)) numbers.set(r.startLineNumber, String(i + 1));
    }
    const numbersKey = [...numbers].join(';');
    if (numbersKey !== this.numbersKey) {
      this.numbersKey = numbersKey;
      editor.updateOptions({ lineNumbers: (line) => numbers.get(line) ?? '' });
    }
    const prev = this.state.get();
    const same = prev.states.length === states.length && states.every((s, i) => s === prev.states[i] && locked[i] === prev.locked[i]);
    if (!same) this.state.set({ states, locked, counts: countSegmentStates(states.map((state, i) => ({ state, locked: locked[i]! }))), current: prev.current });
    if (this.visible) this.applyHidden();
    this.follow();
  }

  /** Segment `i`'s state from its text now; the text hash only when its text or mark changed since the last time. */
  private stateOf(i: number): SegmentReviewState {
    const s = this.segments[i]!;
    const text = this.textOf(i);
    const last = this.derived[i];
    if (last && last.text === text && last.mark === s.mark) return last.state;
    const state = deriveSegmentState({ text, baselineText: s.baselineText, mark: s.mark, confirmedInFile: s.confirmedInFile });
    this.derived[i] = { text, mark: s.mark, state };
    return state;
  }

  private decoration(range: monaco.Range, state: SegmentReviewState, locked: boolean): monaco.editor.IModelDeltaDecoration {
    return {
      range,
      options: {
        // Typing at a segment's edge belongs to it; the blank line between segments stays outside.
        stickiness: monaco.editor.TrackedRangeStickiness.AlwaysGrowsWhenTypingAtEdges,
        linesDecorationsClassName: `seg-bar seg-${state}${locked ? ' seg-locked' : ''}`,
        ...(locked ? { className: 'seg-locked-text' } : {}),
      },
    };
  }

  /** The segment at the cursor, and the editor read-only while the selection touches a locked one. */
  private follow(): void {
    const editor = this.editor;
    const model = this.model;
    const sels = editor?.getSelections();
    if (!editor || !model || !sels?.length) return;
    const current = this.indexAt(model.getOffsetAt(sels[0]!.getPosition()));
    if (this.leaveHidden(current)) return; // moved: the selection change follows again
    // An empty selection intersects a range it sits in or at the edge of (typing there would grow it).
    // Only the segments a selection spans are looked at: a book has thousands.
    const touchesLocked = sels.some((sel) => {
      const from = this.indexAt(model.getOffsetAt(sel.getStartPosition()));
      const to = this.indexAt(model.getOffsetAt(sel.getEndPosition()));
      for (let i = Math.max(0, from); i <= to; i++) if (this.segments[i]!.locked && this.targetRange(i)?.intersectRanges(sel)) return true;
      return false;
    });
    if (touchesLocked !== this.readOnly) {
      this.readOnly = touchesLocked;
      editor.updateOptions({ readOnly: touchesLocked });
    }
    const snap = this.state.get();
    if (snap.current !== current) this.state.set({ ...snap, current });
  }

  /** Show only the segments marked true (null: all), hiding the others' lines in the editor. */
  setVisible(visible: boolean[] | null): void {
    const was = this.visible;
    this.visible = visible;
    if (visible || was) this.applyHidden();
    this.follow();
  }

  /**
   * The cursor never rests in a segment the filter hides (Ctrl+End, a click before the filter): what
   * is typed there would change text no one sees. It goes to the end of the nearest shown segment
   * before, else the start of the next one. False when it stays (shown, or nothing is shown).
   */
  private leaveHidden(current: number): boolean {
    const v = this.visible;
    if (!v || current < 0 || v[current] !== false || !this.editor) return false;
    const rangeIfShown = (i: number) => (this.segments[i]!.hasTarget && v[i] !== false ? this.targetRange(i) : null);
    let at: monaco.IPosition | null = null;
    for (let i = current - 1; i >= 0 && !at; i--) at = rangeIfShown(i)?.getEndPosition() ?? null;
    for (let i = current + 1; i < this.segments.length && !at; i++) at = rangeIfShown(i)?.getStartPosition() ?? null;
    if (!at) return false;
    this.editor.setSelection(new monaco.Selection(at.lineNumber, at.column, at.lineNumber, at.column));
    return true;
  }

  /**
   * Monaco's hidden areas (the folding model's; not in the public typings, hence the narrow cast): a
   * hidden segment's lines and the blank lines after it, up to the next segment. When every line would
   * be hidden Monaco shows them all; the bar then says that nothing matches.
   */
  private applyHidden(): void {
    const editor = this.editor as unknown as { setHiddenAreas?(ranges: monaco.IRange[]): void } | null;
    const model = this.model;
    if (!editor?.setHiddenAreas || !model) return;
    const v = this.visible;
    const areas: monaco.IRange[] = [];
    if (v) {
      const ranges = this.decorated.map((_, d) => this.rangeOf(d));
      for (const [d, i] of this.decorated.entries()) {
        if (v[i] !== false) continue;
        const start = d === 0 ? 1 : (ranges[d]?.startLineNumber ?? 1);
        const end = d + 1 < ranges.length ? (ranges[d + 1]?.startLineNumber ?? 2) - 1 : model.getLineCount();
        if (end >= start) areas.push(new monaco.Range(start, 1, end, 1));
      }
    }
    editor.setHiddenAreas(areas);
  }

  /** Move the cursor to the start of a segment's translation and show it. */
  goTo(index: number): void {
    const r = this.targetRange(index);
    if (!r || !this.editor) return;
    this.editor.setSelection(new monaco.Selection(r.startLineNumber, r.startColumn, r.startLineNumber, r.startColumn));
    this.editor.revealRangeInCenterIfOutsideViewport(r);
    this.editor.focus();
  }

  /** The next (or previous) segment after the cursor's that passes `visible` and `wanted`, -1 for none. */
  find(direction: 1 | -1, wanted: (i: number) => boolean, from = this.state.get().current): number {
    const n = this.segments.length;
    for (let k = 1; k <= n; k++) {
      const i = (((from + direction * k) % n) + n) % n;
      if (this.segments[i]!.hasTarget && wanted(i)) return i;
    }
    return -1;
  }
}

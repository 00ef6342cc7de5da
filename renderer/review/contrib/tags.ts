import type { TagSpan } from '../../../main/contract/api';
import { monaco } from '../../monaco/setup';
import type { ArticleDocument } from '../article-document';
import { rangeAt, selectionOffsets } from '../ranges';
import { chipDeletedBy, coverChips, nextMissingTag, segmentBlocks, snapOffset } from '../tag-chips';
import { disposeAll, StateCell, type Editor, type EditorContribution } from './contribution';

/** A chip's hover and the notice of the insert-tag key, in the UI language. */
export type TagLabel = (tag: TagSpan) => string;

interface Chip {
  decoration: string;
  tag: TagSpan;
}

const chipClass = (t: TagSpan) => `tag-chip tag-${t.kind}`;

/**
 * Inline tags as atomic chips (FORMATS.md): each tag's display text is decorated as a chip in the
 * translation (and the baseline of the Changes view); the cursor never rests inside one, Backspace and
 * Delete next to a chip remove it whole, a selection that cuts a chip takes all of it, and an edit that
 * still damaged one (a word deletion) removes the rest. The insert-tag key puts the current segment's
 * next missing source tag at the cursor. `chips` are the tags as they stand in the text now (live
 * metrics, the Changes view's diff).
 */
export class TagsContribution implements EditorContribution {
  readonly chips = new StateCell<readonly TagSpan[]>([]);
  private list: Chip[] = [];
  private model: monaco.editor.ITextModel | null = null;
  private label: TagLabel = (t) => t.display;
  /** Known tags by display text, to make chips again of tags an undo or a paste brought back. */
  private readonly known = new Map<string, TagSpan[]>();
  /** Each segment's block number (segment-text.ts lays segments out one block each, on both sides). */
  private readonly blockOf = new Map<string, number>();
  /** The tag the insert key is inserting right now. */
  private expect: TagSpan | null = null;

  constructor(
    private readonly source: { text: string; tags: readonly TagSpan[] },
    private readonly target: readonly TagSpan[],
    private readonly baselineTags: readonly TagSpan[],
  ) {
    for (const t of [...target, ...source.tags]) this.known.set(t.display, [...(this.known.get(t.display) ?? []), t]);
    const blocks = segmentBlocks(source.text);
    for (const t of source.tags) this.blockOf.set(t.segment, blocks.findIndex((b) => t.start >= b.start && t.end <= b.end));
  }

  attach(editor: Editor, doc: ArticleDocument): monaco.IDisposable {
    const model = doc.model;
    this.model = model;
    this.list = [];
    this.add(this.target);
    const baseline = doc.baseline.deltaDecorations([], this.baselineTags.map((t) => this.decorationOf(doc.baseline, t)));
    let previous = model.getOffsetAt(editor.getPosition() ?? new monaco.Position(1, 1));
    let repairing = false;
    const cursor = editor.onDidChangeCursorSelection((e) => {
      const chips = this.chips.get();
      if (!chips.length) return;
      const sel = e.selection;
      const a = model.getOffsetAt(sel.getStartPosition());
      const b = model.getOffsetAt(sel.getEndPosition());
      let next: { start: number; end: number };
      if (a === b) {
        const at = snapOffset(chips, a, previous);
        next = { start: at, end: at };
      } else next = coverChips(chips, a, b);
      previous = model.getOffsetAt(sel.getPosition());
      if (next.start === a && next.end === b) return;
      const reversed = sel.getDirection() === monaco.SelectionDirection.RTL;
      const r = rangeAt(model, next.start, next.end);
      const s = reversed ? new monaco.Selection(r.endLineNumber, r.endColumn, r.startLineNumber, r.startColumn) : new monaco.Selection(r.startLineNumber, r.startColumn, r.endLineNumber, r.endColumn);
      editor.setSelection(s);
      previous = next.end;
    });
    const keys = editor.onKeyDown((e) => {
      if (e.keyCode !== monaco.KeyCode.Backspace && e.keyCode !== monaco.KeyCode.Delete) return;
      if (e.ctrlKey || e.altKey || e.metaKey) return; // word deletions: repaired below if they cut a chip
      const sel = selectionOffsets(editor);
      if (!sel || sel.start !== sel.end) return;
      const chip = chipDeletedBy(this.chips.get(), e.keyCode === monaco.KeyCode.Backspace ? 'Backspace' : 'Delete', sel.start);
      if (!chip) return;
      e.preventDefault();
      e.stopPropagation();
      editor.executeEdits('tags', [{ range: rangeAt(model, chip.start, chip.end), text: '' }]);
      editor.pushUndoStop();
    });
    const content = model.onDidChangeContent((e) => {
      if (repairing) return;
      const damaged = this.refresh(e.changes);
      if (!damaged.length) return;
      // An edit cut into a chip: the rest of it goes too, in the same undo step, never half a tag.
      repairing = true;
      queueMicrotask(() => {
        if (!model.isDisposed()) model.pushEditOperations(null, damaged.map((r) => ({ range: r, text: '' })), () => null);
        this.refresh([]);
        repairing = false;
      });
    });
    return disposeAll(cursor, keys, content, {
      dispose: () => {
        if (!model.isDisposed()) model.deltaDecorations(this.list.map((c) => c.decoration), []);
        if (!doc.baseline.isDisposed()) doc.baseline.deltaDecorations(baseline, []);
        this.list = [];
        this.model = null;
        this.chips.set([]);
      },
    });
  }

  setLabel(label: TagLabel): void {
    this.label = label;
    const model = this.model;
    if (!model) return;
    const tags = this.list.map((c) => ({ ...c.tag, ...this.offsets(c) }));
    model.deltaDecorations(this.list.map((c) => c.decoration), []);
    this.list = [];
    this.add(tags);
  }

  /** Insert the current segment's next missing source tag at the cursor; the tag, or undefined when none is missing. */
  insertNext(editor: Editor): TagSpan | undefined {
    const model = editor.getModel();
    const sel = selectionOffsets(editor);
    if (!model || model !== this.model || !sel) return undefined;
    const tag = nextMissingTag(this.source, { text: model.getValue(), tags: this.chips.get() }, sel.start);
    if (!tag) return undefined;
    const at = sel.start;
    this.expect = tag; // the edit's refresh makes the chip, with this tag's segment and id
    editor.pushUndoStop();
    editor.executeEdits('tags', [{ range: rangeAt(model, sel.start, sel.end), text: tag.display }]);
    editor.pushUndoStop();
    const end = model.getPositionAt(at + tag.display.length);
    editor.setPosition(end);
    return tag;
  }

  private decorationOf(model: monaco.editor.ITextModel, t: TagSpan): monaco.editor.IModelDeltaDecoration {
    return {
      range: rangeAt(model, t.start, t.end),
      options: {
        inlineClassName: chipClass(t),
        // Plain text: Monaco renders hovers as markdown, and labels hold "<" and "*".
        hoverMessage: { value: this.label(t).replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, '\\$&') },
        stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
      },
    };
  }

  private add(tags: readonly TagSpan[]): void {
    const model = this.model;
    if (!model || !tags.length) return this.publish();
    const ids = model.deltaDecorations([], tags.map((t) => this.decorationOf(model, t)));
    tags.forEach((tag, i) => this.list.push({ decoration: ids[i]!, tag }));
    this.publish();
  }

  private offsets(c: Chip): { start: number; end: number } {
    const model = this.model!;
    const r = model.getDecorationRange(c.decoration);
    if (!r) return { start: 0, end: 0 };
    return { start: model.getOffsetAt(r.getStartPosition()), end: model.getOffsetAt(r.getEndPosition()) };
  }

  /**
   * After an edit: chips deleted whole are dropped, damaged ones are returned (their remains to remove),
   * and a known tag's display that the edit inserted (undo, paste) becomes a chip again.
   */
  private refresh(changes: readonly monaco.editor.IModelContentChange[]): monaco.Range[] {
    const model = this.model;
    if (!model) return [];
    // Per chip and per inserted text only: a whole-text copy on every keystroke would cost a long file.
    const damaged: monaco.Range[] = [];
    const gone: string[] = [];
    const kept: Chip[] = [];
    for (const c of this.list) {
      const r = model.getDecorationRange(c.decoration);
      if (r && !r.isEmpty() && model.getValueInRange(r) === c.tag.display) {
        kept.push(c);
        continue;
      }
      if (r && !r.isEmpty()) damaged.push(r);
      gone.push(c.decoration);
    }
    this.list = kept;
    if (gone.length) model.deltaDecorations(gone, []);
    const back: TagSpan[] = [];
    if (changes.some((ch) => ch.text)) {
      const taken = new Set(kept.map((c) => this.offsets(c).start));
      const length = model.getValueLength();
      for (const ch of changes) {
        if (!ch.text) continue;
        // Where the inserted text now starts (the check of the text below guards several changes in one event).
        const from = model.getOffsetAt(new monaco.Position(ch.range.startLineNumber, ch.range.startColumn));
        for (const display of this.known.keys()) {
          for (let i = ch.text.indexOf(display); i !== -1; i = ch.text.indexOf(display, i + display.length)) {
            const start = from + i;
            const end = start + display.length;
            if (taken.has(start) || end > length || model.getValueInRange(rangeAt(model, start, end)) !== display) continue;
            taken.add(start);
            back.push({ ...this.tagFor(display, model, start), start, end });
          }
        }
      }
    }
    this.expect = null;
    if (back.length) this.add(back);
    else this.publish();
    return damaged;
  }

  /**
   * Which known tag a display text brought back is: the one the insert key is inserting, else one of the
   * segment the text is in (by its block), else the first with that display.
   */
  private tagFor(display: string, model: monaco.editor.ITextModel, at: number): TagSpan {
    if (this.expect?.display === display) return this.expect;
    const candidates = this.known.get(display)!;
    if (candidates.length === 1) return candidates[0]!;
    const k = segmentBlocks(model.getValue()).findIndex((b) => at >= b.start && at <= b.end);
    return candidates.find((c) => this.blockOf.get(c.segment) === k) ?? candidates[0]!;
  }

  private publish(): void {
    const spans = this.list.map((c) => ({ ...c.tag, ...this.offsets(c) })).sort((a, b) => a.start - b.start);
    this.chips.set(spans);
  }
}

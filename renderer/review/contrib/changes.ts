import type { DiffStats } from '../../../main/contract/api';
import { splitParagraphs, type Paragraph } from '../../../main/common/paragraphs';
import { wordDiff, type TagRange, type WordChange } from '../../../main/common/word-diff';
import { mapParagraphs } from '../../lib/paragraph-map';
import { changesShown } from '../shown';
import { monaco } from '../../monaco/setup';
import type { ArticleDocument } from '../article-document';
import { rangeAt, revealSpan, selectionOffsets } from '../ranges';
import { ChangedSpan } from '../changed-span';
import { WordDiffClient } from '../word-diff-client';
import { StateCell, type Editor, type EditorContribution } from './contribution';

/** How long typing must pause before the word counts (and the live metrics) are recomputed. */
export const RECOUNT_MS = 200;

/**
 * Changes against the machine translation: Calque's word diff after each pause in typing (the counts,
 * the whole-word highlights in the diff editor), Alt+F5 / Shift+Alt+F5 from change to change, and the
 * reverts to the machine translation, each one undoable edit. The diff is worked out in a worker
 * (word-diff.worker.ts), first when the article opens, so the Changes view finds it ready.
 */
export class ChangesContribution implements EditorContribution {
  readonly stats: StateCell<DiffStats | null>;
  /** The latest diff (its changes are rebuilt from the worker's table when first read). */
  private diffed: { readonly changes: WordChange[] } = { changes: [] };
  /** The model version `changes` are of (-1: none yet). */
  private changesVersion = -1;
  /** The diff being worked out, and of which version. */
  private pending: { version: number; done: Promise<void> } | null = null;
  private differ: WordDiffClient | null = null;
  /** What changed since the worker was last sent the text (null: send it whole). */
  private span: ChangedSpan | null = null;
  private doc: ArticleDocument | null = null;
  private baselineText = '';
  private baselineParas: Paragraph[] = [];
  private timer: number | undefined;
  private readonly recounted = new Set<(text: string) => void>();
  private baselineTags: readonly TagRange[] = [];
  private currentTags: () => readonly TagRange[] = () => [];
  private highlights: {
    del: monaco.editor.IEditorDecorationsCollection;
    ins: monaco.editor.IEditorDecorationsCollection;
    editors: { del: monaco.editor.ICodeEditor; ins: monaco.editor.ICodeEditor };
  } | null = null;

  private get changes(): WordChange[] {
    return this.diffed.changes;
  }

  constructor(
    private readonly lang: string,
    initial: DiffStats,
  ) {
    this.stats = new StateCell<DiffStats | null>(initial);
  }

  attach(_editor: Editor, doc: ArticleDocument): monaco.IDisposable {
    this.doc = doc;
    this.baselineText = doc.baseline.getValue();
    this.baselineParas = splitParagraphs(this.baselineText);
    const differ = new WordDiffClient(this.baselineText, this.lang);
    this.differ = differ;
    this.span = null;
    void this.diffNow();
    const span = new ChangedSpan();
    this.span = span;
    const onChange = doc.model.onDidChangeContent((e) => {
      span.add(e.changes);
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.recount(), RECOUNT_MS);
    });
    return {
      dispose: () => {
        onChange.dispose();
        window.clearTimeout(this.timer);
        differ.dispose();
        this.differ = null;
        this.doc = null;
      },
    };
  }

  /** Called with the editor's text after each recount (the live metrics and the paragraphs follow it). */
  onRecount(listener: (text: string) => void): monaco.IDisposable {
    this.recounted.add(listener);
    return { dispose: () => void this.recounted.delete(listener) };
  }

  /** Where the inline tags are (each is one token of the diff): the baseline's, and the editor's as they stand. */
  setTags(baseline: readonly TagRange[], current: () => readonly TagRange[]): void {
    this.baselineTags = baseline;
    this.currentTags = current;
  }

  /** The server's counts after a save, when they are still those of the editor's text. */
  setStats(stats: DiffStats): void {
    this.stats.set(stats);
  }

  /** After a pause in typing: the listeners get the text now, the counts and highlights follow from the worker. */
  recount(): void {
    const model = this.doc?.model;
    if (!model || model.isDisposed()) return;
    window.clearTimeout(this.timer);
    const text = this.diffNow();
    if (text !== null) for (const l of this.recounted) l(text);
  }

  /** The changes of the editor's text as it is now (worked out, or waited for). */
  async current(): Promise<readonly WordChange[]> {
    const model = this.doc?.model;
    if (model && !model.isDisposed() && this.changesVersion !== model.getAlternativeVersionId()) {
      window.clearTimeout(this.timer);
      this.diffNow();
    }
    await this.pending?.done;
    return this.changes;
  }

  /**
   * The changes of the text as it is now, at once: keys typed right after Alt+F5 must replace the change
   * it selects, so a diff the worker has not answered yet is worked out here (the same wordDiff).
   */
  private currentNow(): readonly WordChange[] {
    const model = this.doc?.model;
    if (!model || model.isDisposed()) return this.changes;
    const version = model.getAlternativeVersionId();
    if (this.changesVersion !== version) {
      const diff = wordDiff(this.baselineText, model.getValue(), this.lang, { baseline: this.baselineTags, current: this.currentTags() });
      this.diffed = diff;
      this.changesVersion = version;
      this.stats.set(diff.stats);
      this.paintHighlights();
    }
    return this.changes;
  }

  /** Asks the worker for the diff of the current text, unless it is known or asked already; returns the text asked about. */
  private diffNow(): string | null {
    const model = this.doc?.model;
    const differ = this.differ;
    if (!model || model.isDisposed() || !differ) return null;
    const version = model.getAlternativeVersionId();
    const text = model.getValue();
    if (this.changesVersion === version || this.pending?.version === version) return text;
    // The worker holds the text of the last request: after the first, only the edit since is sent.
    const done = differ.diff(this.span ? this.span.take(text) : text, { baseline: this.baselineTags, current: this.currentTags() }).then((diff) => {
      if (this.pending?.version === version) this.pending = null;
      // A newer text is already asked about (null), or the model moved on: those answers are stale.
      if (!diff || model.isDisposed() || model.getAlternativeVersionId() !== version) return;
      this.diffed = diff;
      this.changesVersion = version;
      this.stats.set(diff.stats);
      this.paintHighlights();
    });
    this.pending = { version, done };
    return text;
  }

  /**
   * Whole-word highlights in a diff editor of this article (Monaco's inner changes can split words),
   * painted around what each side shows and again as it scrolls: decorating every change of a book
   * took 2.6 s of the 6 s it took to open the Changes view.
   */
  showIn(diff: monaco.editor.IStandaloneDiffEditor): monaco.IDisposable {
    const sides = { del: diff.getOriginalEditor(), ins: diff.getModifiedEditor() };
    this.highlights = { del: sides.del.createDecorationsCollection(), ins: sides.ins.createDecorationsCollection(), editors: sides };
    let frame = 0;
    const repaint = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => this.paintHighlights());
    };
    const scrolls = [sides.del.onDidScrollChange(repaint), sides.ins.onDidScrollChange(repaint), sides.ins.onDidLayoutChange(repaint)];
    // The diff opened with the article is usually ready: painted at once, else when the worker answers.
    this.paintHighlights();
    void this.current();
    return {
      dispose: () => {
        cancelAnimationFrame(frame);
        scrolls.forEach((d) => d.dispose());
        this.highlights?.del.clear();
        this.highlights?.ins.clear();
        this.highlights = null;
      },
    };
  }

  private paintHighlights(): void {
    const doc = this.doc;
    const h = this.highlights;
    // Changes of an older text would point at the wrong words; the painted ones move with the edits until the new diff.
    if (!h || !doc || doc.model.isDisposed() || this.changesVersion !== doc.model.getAlternativeVersionId()) return;
    const del = changesShown(this.changes, 'baseline', shownOffsets(h.editors.del, doc.baseline))
      .filter((c) => c.baseline[1] > c.baseline[0])
      .map((c) => ({ range: rangeAt(doc.baseline, ...c.baseline), options: { inlineClassName: 'word-deleted' } }));
    const ins = changesShown(this.changes, 'current', shownOffsets(h.editors.ins, doc.model))
      .filter((c) => c.current[1] > c.current[0])
      .map((c) => ({ range: rangeAt(doc.model, ...c.current), options: { inlineClassName: c.kind === 'replaced' ? 'word-replaced' : 'word-inserted' } }));
    h.del.set(del);
    h.ins.set(ins);
  }

  /**
   * Next or previous change from the cursor, by the word diff (a paragraph is one line, so line changes
   * would skip every other change in it); the change is selected, so typing replaces it.
   */
  goTo(editor: Editor, direction: 'next' | 'previous'): void {
    const changes = this.currentNow(); // the list must reflect the latest keystroke
    const at = selectionOffsets(editor) ?? { start: 0, end: 0 };
    if (!changes.length) return;
    // Next: starts after the cursor (or at it, if not yet selected). Previous: ends before it.
    const pick =
      direction === 'next'
        ? (changes.find((c) => c.current[0] > at.start || (c.current[0] === at.start && c.current[1] > at.end)) ?? changes[0]!)
        : ([...changes].reverse().find((c) => c.current[1] < at.start) ?? changes[changes.length - 1]!);
    revealSpan(editor, pick.current[0], pick.current[1]);
  }

  /** The paragraph at the cursor back to its machine translation. */
  revertParagraph(editor: Editor): void {
    const model = this.doc?.model;
    if (!model) return;
    const current = splitParagraphs(model.getValue());
    const line = editor.getPosition()?.lineNumber ?? 1;
    let index = 0;
    for (const p of current) {
      if (p.startLine <= line) index = p.index;
      else break;
    }
    const p = current[index];
    const b = this.baselineParas[mapParagraphs(this.baselineParas, current)[index] ?? -1];
    if (!p || !b || p.text === b.text) return;
    replaceRange(editor, rangeAt(model, p.start, p.end), b.text, 'calque.revertParagraph');
  }

  revertArticle(editor: Editor): void {
    const model = this.doc?.model;
    if (model) replaceRange(editor, model.getFullModelRange(), this.baselineText, 'calque.revertArticle');
  }
}

/** One undoable edit. */
function replaceRange(editor: Editor, range: monaco.IRange, text: string, source: string): void {
  editor.pushUndoStop();
  editor.executeEdits(source, [{ range, text, forceMoveMarkers: true }]);
  editor.pushUndoStop();
  editor.focus();
}

/** Lines painted beyond what an editor shows, so a scroll of a screen or two finds them painted. */
const PAINT_MARGIN_LINES = 150;

/** The offsets of `model` an editor shows, with a margin. */
function shownOffsets(editor: monaco.editor.ICodeEditor, model: monaco.editor.ITextModel): [number, number] {
  const ranges = editor.getVisibleRanges();
  const first = Math.max(1, (ranges[0]?.startLineNumber ?? 1) - PAINT_MARGIN_LINES);
  const last = Math.min(model.getLineCount(), (ranges[ranges.length - 1]?.endLineNumber ?? 1) + PAINT_MARGIN_LINES);
  return [model.getOffsetAt({ lineNumber: first, column: 1 }), model.getOffsetAt({ lineNumber: last, column: model.getLineMaxColumn(last) })];
}

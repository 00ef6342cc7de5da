import type { DocumentAlignment, Finding } from '../../../main/contract/review';
import type { monaco } from '../../monaco/setup';
import type { ArticleDocument } from '../article-document';
import { clearFindings, fixOperations, showFindings, type FindingHandlers } from '../finding-actions';
import { readingOrder } from '../reading-order';
import { rangeAt, revealSpan, selectionOffsets } from '../ranges';
import { fixAllEdits } from '../finding-groups';
import { StateCell, type Editor, type EditorContribution } from './contribution';

/**
 * The checks' findings in the editor: squiggles with their hover, quick fixes (Ctrl/Cmd+.), each fix
 * one undoable edit, and F8 / Shift+F8 through every finding of both sides in reading order (a
 * source-side finding is shown in the source pane, through `showSource`).
 */
export class FindingsContribution implements EditorContribution {
  /** The finding F8 or the panel last went to (an index into the findings), -1 for none. */
  readonly current = new StateCell(-1);
  private findings: readonly Finding[] = [];
  private order: { index: number; at: number }[] = [];
  private handlers: Omit<FindingHandlers, 'findings'> | null = null;
  private model: monaco.editor.ITextModel | null = null;

  constructor(private readonly showSource: (start: number, end: number) => void) {}

  attach(_editor: Editor, doc: ArticleDocument): monaco.IDisposable {
    this.model = doc.model;
    this.paint();
    return {
      dispose: () => {
        clearFindings(doc.model);
        this.model = null;
      },
    };
  }

  /** New findings from the checks (with the alignment they were made with), or new labels. */
  set(findings: readonly Finding[], alignment: DocumentAlignment | null, handlers: Omit<FindingHandlers, 'findings'>): void {
    if (findings !== this.findings) this.order = readingOrder(findings, alignment);
    this.findings = findings;
    this.handlers = handlers;
    this.paint();
  }

  private paint(): void {
    if (this.model && this.handlers) showFindings(this.model, { ...this.handlers, findings: this.findings });
  }

  /** Show finding `index`: selected in the translation, or marked in the source pane. */
  jump(index: number, editor: Editor | null): void {
    const f = this.findings[index];
    if (!f) return;
    this.current.set(index);
    if (f.side === 'source') this.showSource(f.start, f.end);
    else if (editor) revealSpan(editor, f.start, f.end);
  }

  /**
   * F8 / Shift+F8: the next or previous finding in reading order, wrapping around. It continues from the
   * current finding while that is still selected (or, on the source side, while the source pane has the
   * focus: `inSource`); otherwise it starts from the translation's cursor.
   */
  goTo(editor: Editor, direction: 'next' | 'previous', inSource: boolean): void {
    const order = this.order;
    if (!order.length) return;
    const at = selectionOffsets(editor) ?? { start: 0, end: 0 };
    const cur = this.findings[this.current.get()];
    const curPos = order.findIndex((o) => o.index === this.current.get());
    const stillThere = cur && curPos >= 0 && (cur.side === 'source' ? inSource : cur.start === at.start && cur.end === at.end);
    let pos: number;
    if (stillThere) pos = (curPos + (direction === 'next' ? 1 : -1) + order.length) % order.length;
    else if (direction === 'next') {
      pos = order.findIndex((o) => {
        const f = this.findings[o.index]!;
        return o.at > at.start || (o.at === at.start && f.side === 'target' && f.end > at.end);
      });
      if (pos < 0) pos = 0;
    } else {
      pos = order.length - 1;
      while (pos >= 0 && order[pos]!.at >= at.start) pos--;
      if (pos < 0) pos = order.length - 1;
    }
    this.jump(order[pos]!.index, editor);
  }

  /**
   * "Fix all" of a group: the first fix of each finding, in one edit operation, so one undo takes the
   * whole group back. Returns how many findings were fixed (fixes of overlapping words are left out).
   */
  applyFixes(editor: Editor, indices: readonly number[]): number {
    const model = this.model;
    if (!model) return 0;
    const { edits, applied } = fixAllEdits(indices.map((i) => this.findings[i]).filter((f): f is Finding => !!f));
    if (!edits.length) return 0;
    editor.pushUndoStop();
    editor.executeEdits(
      'calque.fixAll',
      edits.map((e) => ({ range: rangeAt(model, e.start, e.end), text: e.text, forceMoveMarkers: true })),
    );
    editor.pushUndoStop();
    editor.focus();
    return applied;
  }

  /** Apply fix `k` of finding `index` as one undo step, however many edits it has. */
  applyFix(editor: Editor, index: number, k: number): boolean {
    const fix = this.findings[index]?.fixes[k];
    const model = this.model;
    if (!fix || !model) return false;
    editor.pushUndoStop();
    editor.executeEdits('calque.fix', fixOperations(model, fix));
    editor.pushUndoStop();
    editor.focus();
    return true;
  }
}


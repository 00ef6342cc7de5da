import { monaco } from '../monaco/setup';

/**
 * The one conversion from text offsets (UTF-16 units of the NFC text, as core and the contract give them)
 * to a Monaco range of a model: findings, fixes, annotations, sentences and changes all go through it.
 */
export function rangeAt(model: monaco.editor.ITextModel, start: number, end: number): monaco.Range {
  const a = model.getPositionAt(start);
  const b = model.getPositionAt(Math.max(start, end));
  return new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
}

/** The same span as a selection (typing replaces it). */
export function selectionAt(model: monaco.editor.ITextModel, start: number, end: number): monaco.Selection {
  const r = rangeAt(model, start, end);
  return new monaco.Selection(r.startLineNumber, r.startColumn, r.endLineNumber, r.endColumn);
}

/** The offsets of an editor's selection (the cursor when it is empty). */
export function selectionOffsets(editor: monaco.editor.ICodeEditor): { start: number; end: number } | null {
  const model = editor.getModel();
  const sel = editor.getSelection();
  if (!model || !sel) return null;
  return { start: model.getOffsetAt(sel.getStartPosition()), end: model.getOffsetAt(sel.getEndPosition()) };
}

/** Select a span, bring it into view and give the editor the focus. */
export function revealSpan(editor: monaco.editor.ICodeEditor, start: number, end: number): void {
  const model = editor.getModel();
  if (!model) return;
  const sel = selectionAt(model, start, end);
  editor.setSelection(sel);
  editor.revealRangeInCenterIfOutsideViewport(sel);
  editor.focus();
}

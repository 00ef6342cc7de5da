import { useEffect, useState } from 'react';
import type { monaco } from '../monaco/setup';

/**
 * The cursor's offset in the editor, a moment after it moves: the metrics bar follows it, and
 * re-rendering the review view on every keystroke costs a book its frame.
 */
export function useCursorOffset(editor: monaco.editor.ICodeEditor | null | undefined): number {
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    let timer: number | undefined;
    const sub = editor.onDidChangeCursorPosition((e) => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setOffset(model.getOffsetAt(e.position)), 150);
    });
    return () => {
      sub.dispose();
      window.clearTimeout(timer);
    };
  }, [editor]);
  return offset;
}

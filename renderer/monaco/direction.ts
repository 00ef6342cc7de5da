import { monaco } from './setup';

/**
 * Lay out every line of an editor right to left when its text's language is written that way. Monaco
 * has no editor-wide direction (a `dir` on its container breaks its layout); it does honour a line's
 * direction from a decoration with `textDirection`, so one decoration spans the whole model and is
 * stretched again after each edit.
 */
export function followTextDirection(editor: monaco.editor.ICodeEditor, dir: 'ltr' | 'rtl'): monaco.IDisposable {
  if (dir !== 'rtl') return { dispose: () => undefined };
  const collection = editor.createDecorationsCollection();
  const apply = () => {
    const model = editor.getModel();
    if (!model) return;
    collection.set([{ range: model.getFullModelRange(), options: { textDirection: monaco.editor.TextDirection.RTL, stickiness: monaco.editor.TrackedRangeStickiness.AlwaysGrowsWhenTypingAtEdges } }]);
  };
  apply();
  const onContent = editor.onDidChangeModelContent(apply);
  const onModel = editor.onDidChangeModel(apply);
  return {
    dispose: () => {
      onContent.dispose();
      onModel.dispose();
      collection.clear();
    },
  };
}

import { useEffect, useState, type RefObject } from 'react';
import { followTextDirection } from '../monaco/direction';
import { PROSE_EDITING } from '../monaco/prose-editing';
import { monaco, PROSE_FONT, wrappingFor } from '../monaco/setup';
import type { ReviewSession } from './use-review-session';

/**
 * The Changes view: Monaco's diff editor of the baseline against the working copy, with Calque's
 * whole-word highlights. It exists only while shown: a hidden diff editor would still re-diff the whole
 * article on every keystroke.
 */
export function useDiffEditor(
  session: ReviewSession | null,
  host: RefObject<HTMLDivElement | null>,
  shown: boolean,
  options: { sideBySide: boolean; dir: 'ltr' | 'rtl'; originalLabel: string; modifiedLabel: string },
): monaco.editor.IStandaloneDiffEditor | null {
  const [diff, setDiff] = useState<monaco.editor.IStandaloneDiffEditor | null>(null);
  const { dir, sideBySide, originalLabel, modifiedLabel } = options;

  useEffect(() => {
    const el = host.current;
    if (!session || !shown || !el) return;
    const editor = monaco.editor.createDiffEditor(el, {
      ...PROSE_EDITING,
      originalEditable: false,
      automaticLayout: true,
      wordWrap: 'on',
      diffWordWrap: 'on',
      wrappingStrategy: wrappingFor(session.doc.model.getValue()),
      ignoreTrimWhitespace: false,
      minimap: { enabled: false },
      renderOverviewRuler: true,
      unicodeHighlight: { ambiguousCharacters: false },
      fontFamily: PROSE_FONT,
      fontSize: 15,
      lineHeight: 24,
      scrollBeyondLastLine: false,
      originalAriaLabel: originalLabel,
      // The diff editor names its right side by `modifiedAriaLabel` (`ariaLabel` left it unnamed).
      modifiedAriaLabel: modifiedLabel,
    });
    // The view model is ours to dispose: Monaco 0.57's setModel({original, modified}) keeps one reference
    // to the view model it creates that nothing releases, so after the Changes view closed, its listeners
    // still re-diffed the whole article in the editor worker after every pause in typing (npm run bench:
    // 9 s of the page's CPU for 62 keys typed in the review view).
    const viewModel = editor.createViewModel({ original: session.doc.baseline, modified: session.doc.model });
    editor.setModel(viewModel);
    const directions = [followTextDirection(editor.getOriginalEditor(), dir), followTextDirection(editor.getModifiedEditor(), dir)];
    const highlights = session.changes.showIn(editor);
    session.diff.current = editor;
    setDiff(editor);
    return () => {
      setDiff(null);
      // Unless the session went first and took the editor down.
      if (session.diff.current === editor) {
        session.diff.current = null;
        highlights.dispose();
        directions.forEach((d) => d.dispose());
        editor.dispose();
      }
      viewModel.dispose();
    };
  }, [session, shown, host, dir, originalLabel, modifiedLabel]);

  useEffect(() => {
    if (!diff) return;
    diff.updateOptions({ renderSideBySide: sideBySide });
    // Any diff editor update re-derives its two editors' options and drops their accessible names
    // (Monaco 0.57 keeps them only from the construction options): name them again after each.
    diff.getOriginalEditor().updateOptions({ ariaLabel: originalLabel });
    diff.getModifiedEditor().updateOptions({ ariaLabel: modifiedLabel });
  }, [diff, sideBySide, originalLabel, modifiedLabel]);

  return diff;
}

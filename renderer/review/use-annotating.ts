import { useCallback, useState, type RefObject } from 'react';
import type { ArticleView } from '../../main/contract/api';
import type { Annotation, Finding, MqmCategory, MqmSeverity } from '../../main/contract/review';
import type { AnnotationDraft } from '../components/AnnotateDialog';
import type { NoticeMessage } from '../components/Notice';
import { sourceSelection } from '../components/SourcePane';
import type { Editor } from './contrib/contribution';
import { selectionOffsets } from './ranges';
import type { ReviewSession } from './use-review-session';

export interface AnnotatingDialog {
  side: 'target' | 'source';
  start: number;
  end: number;
  quote: string;
  initial: AnnotationDraft;
  existing?: Annotation;
}

/**
 * Annotating: the dialog on the selection (translation or source, severity preset by Alt+1…Alt+4), on
 * an existing annotation, or a finding made an annotation in one step. The focus goes back to where
 * the annotation was made (keyboard first: keep typing).
 */
export function useAnnotating(
  session: ReviewSession | null,
  view: ArticleView | null,
  activeEditor: () => Editor | null,
  sourcePane: RefObject<HTMLElement | null>,
  notify: (n: NoticeMessage) => void,
  showPanel: (p: 'annotations') => void,
) {
  const [dialog, setDialog] = useState<AnnotatingDialog | null>(null);
  const textOf = useCallback((side: 'target' | 'source') => (side === 'target' ? (session?.doc.model.getValue() ?? '') : (view?.source.text ?? '')), [session, view]);

  const returnFocus = (side: 'target' | 'source') =>
    window.setTimeout(() => {
      if (side === 'target') activeEditor()?.focus();
      else sourcePane.current?.focus();
    }, 0);

  const fromSelection = (severity: MqmSeverity) => {
    const initial = { severity, category: 'Style/Awkward' as MqmCategory, comment: '' };
    const fromSource = sourceSelection(sourcePane.current);
    if (fromSource) return setDialog({ side: 'source', ...fromSource, quote: textOf('source').slice(fromSource.start, fromSource.end), initial });
    const editor = activeEditor();
    const sel = editor ? selectionOffsets(editor) : null;
    if (!sel || sel.start === sel.end) return notify({ key: 'annotations.selectFirst' });
    setDialog({ side: 'target', ...sel, quote: textOf('target').slice(sel.start, sel.end), initial });
  };

  const fromFinding = useCallback(
    (f: Finding, comment: string) => {
      session?.annotations.addFinding(f, comment);
      notify({ key: 'annotations.added' });
    },
    [session, notify],
  );

  const edit = (a: Annotation) =>
    setDialog({ side: a.side, start: a.start, end: a.end, quote: a.quote.exact, initial: { severity: a.severity, category: a.category, comment: a.comment }, existing: a });

  const save = (draft: AnnotationDraft) => {
    if (!dialog || !session) return;
    if (dialog.existing) session.annotations.edit(dialog.existing, draft);
    else session.annotations.add(dialog.side, dialog.start, dialog.end, draft);
    setDialog(null);
    showPanel('annotations');
    notify({ key: dialog.existing ? 'annotations.updated' : 'annotations.added' });
    returnFocus(dialog.side);
  };

  const cancel = () => {
    if (dialog) returnFocus(dialog.side);
    setDialog(null);
  };

  return { dialog, fromSelection, fromFinding, edit, save, cancel };
}

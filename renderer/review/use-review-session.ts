import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ArticleView, SegmentUpdate } from '../../main/contract/api';
import { api, toUiError, type UiError } from '../api';
import { trackWrite } from '../lib/pending-writes';
import { followTextDirection } from '../monaco/direction';
import { PROSE_EDITING } from '../monaco/prose-editing';
import { monaco, PROSE_FONT, wrappingFor } from '../monaco/setup';
import { ArticleDocument } from './article-document';
import { AnnotationsContribution } from './contrib/annotations';
import { ChangesContribution } from './contrib/changes';
import { FindingsContribution } from './contrib/findings';
import { SegmentsContribution } from './contrib/segments';
import { SentenceSync } from './contrib/sentence-sync';
import { TagsContribution } from './contrib/tags';
import { EditingTime } from './editing-time';

/** Everything one open article has: its working copy, its editor and the editor's contributions. */
export interface ReviewSession {
  doc: ArticleDocument;
  editor: monaco.editor.IStandaloneCodeEditor;
  changes: ChangesContribution;
  findings: FindingsContribution;
  annotations: AnnotationsContribution;
  sync: SentenceSync;
  segments: SegmentsContribution;
  tags: TagsContribution;
  editing: EditingTime;
  /** The Changes view's diff editor while it is shown (disposed before the models). */
  diff: { current: monaco.editor.IStandaloneDiffEditor | null };
}

export interface SessionEvents {
  onError: (e: UiError) => void;
  /** A save went through (the status leaves "not started"). */
  onSaved: () => void;
  /** A keystroke at `offset` (editing time, live metrics, checks). */
  onEdit: (offset: number) => void;
  /** The text after a pause in typing (live metrics). */
  onRecount: (text: string) => void;
  /** A segment's state or lock was stored (the article's status may have followed). */
  onSegmentUpdate: (update: SegmentUpdate) => void;
  /** An edit was refused: the selection is in locked segment `number`. */
  onLockedEdit: (number: number) => void;
}

/** The translation editor: prose, not code (monaco/prose-editing.ts). */
export const EDITOR_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  ...PROSE_EDITING,
  wordWrap: 'on',
  minimap: { enabled: false },
  automaticLayout: true,
  lineNumbers: 'on',
  glyphMargin: false,
  folding: false,
  renderLineHighlight: 'line',
  unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: true },
  fontFamily: PROSE_FONT,
  fontSize: 15,
  lineHeight: 24,
  padding: { top: 8 },
  scrollBeyondLastLine: false,
  // The find widget would push the first line down while it is open (and back when it closes), out of
  // line with the source pane; it covers the top line instead, as the source pane's heading does.
  find: { addExtraSpaceOnTop: false },
};

/**
 * Opens an article in the editor in `host` once its view has loaded, attaches the contributions, and
 * takes it all down when the article is left (pending annotation moves, editing time and unsaved edits
 * are written then). The callbacks may change on every render; the session keeps the latest.
 */
export function useReviewSession(id: string, view: ArticleView | null, host: RefObject<HTMLDivElement | null>, events: SessionEvents): ReviewSession | null {
  const [session, setSession] = useState<ReviewSession | null>(null);
  const latest = useRef(events);
  useEffect(() => {
    latest.current = events;
  });

  useEffect(() => {
    const el = host.current;
    if (!view || !el) return;
    const onError = (e: UiError) => latest.current.onError(e);
    const changes = new ChangesContribution(view.target.lang, view.stats);
    const doc = new ArticleDocument(id, view, {
      onError,
      onSaved: (stats, current) => {
        if (current) changes.setStats(stats);
        latest.current.onSaved();
      },
    });
    const editing = new EditingTime(id, onError);
    const flushOnSave = doc.onBeforeSave(editing.flush);
    const editor = monaco.editor.create(el, { ...EDITOR_OPTIONS, model: doc.model, wrappingStrategy: wrappingFor(view.target.text) });
    const sync = new SentenceSync();
    const findings = new FindingsContribution(sync.showSource);
    const annotations = new AnnotationsContribution(id, view.source.text, onError, { text: view.baseline, lang: view.target.lang });
    const segments = new SegmentsContribution(
      view,
      (req) =>
        trackWrite(api.setSegmentState({ id, ...req })).then(
          (u) => {
            latest.current.onSegmentUpdate(u);
            return u;
          },
          (err) => {
            onError(toUiError(err));
            return null;
          },
        ),
      (n) => latest.current.onLockedEdit(n),
    );
    const tags = new TagsContribution({ text: view.source.text, tags: view.source.tags ?? [] }, view.target.tags ?? [], view.baselineTags ?? []);
    changes.setTags(view.baselineTags ?? [], () => tags.chips.get());
    const attached = [tags, changes, findings, annotations, sync, segments].map((c) => c.attach(editor, doc));
    const direction = followTextDirection(editor, view.target.dir);
    const recounted = changes.onRecount((text) => {
      sync.setText(text);
      latest.current.onRecount(text);
    });
    const typing = doc.model.onDidChangeContent((e) => latest.current.onEdit(e.changes[0]?.rangeOffset ?? 0));
    const diff: ReviewSession['diff'] = { current: null };
    setSession({ doc, editor, changes, findings, annotations, sync, segments, tags, editing, diff });
    return () => {
      setSession(null);
      typing.dispose();
      recounted.dispose();
      direction.dispose();
      diff.current?.dispose();
      diff.current = null;
      for (const a of attached.reverse()) a.dispose();
      editor.dispose();
      doc.dispose(); // saves unsaved edits and stores the editing time
      flushOnSave();
    };
  }, [id, view, host]);

  return session;
}

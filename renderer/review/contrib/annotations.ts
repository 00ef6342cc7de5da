import type { Annotation, Finding, TextEdit } from '../../../main/contract/review';
import { mapThroughEdits, newAnnotationId, quoteAt } from '../../../main/common/annotations/anchor';
import { baselineSpanOf, placeOnBaseline } from '../../../main/common/annotations/baseline-span';
import { api, toUiError, type UiError } from '../../api';
import type { AnnotationDraft } from '../../components/AnnotateDialog';
import { monaco } from '../../monaco/setup';
import { AUTOSAVE_MS, type ArticleDocument } from '../article-document';
import { rangeAt, revealSpan } from '../ranges';
import { StateCell, type Editor, type EditorContribution } from './contribution';


/** How long after the last keystroke annotations are placed again from the word diff (a pause in typing). */
const REBASE_MS = 200;

export interface AnnotationsState {
  annotations: Annotation[];
  invalidLines: number;
  current: string | null;
}

/** Hover text is rendered by Monaco as markdown: escape it so comments and document text stay text. */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, '\\$&');
}

/**
 * The article's MQM annotations: loaded re-anchored against the editor's text, moved through every
 * edit, written a moment after the last change (immediately when one is added, edited or deleted), and
 * underlined by severity in the translation (the hover says category, severity and comment, as text).
 */
export class AnnotationsContribution implements EditorContribution {
  readonly state = new StateCell<AnnotationsState>({ annotations: [], invalidLines: 0, current: null });
  private loaded = false;
  /** The annotation ids as last read or saved: a save merges with what another tab added since (never dropped). */
  private base: string[] = [];
  private timer: number | undefined;
  private rebaseTimer: number | undefined;
  private decorations: monaco.editor.IEditorDecorationsCollection | null = null;
  private doc: ArticleDocument | null = null;
  /** The hover's text of an annotation, in the UI language (set again when it changes). */
  private describe: (a: Annotation) => string = (a) => a.category;

  constructor(
    private readonly id: string,
    private readonly sourceText: string,
    private readonly onError: (e: UiError) => void,
    /** The machine translation (the diff baseline) and its language: annotations of MT words follow them. */
    private readonly mt: { text: string; lang: string } = { text: '', lang: 'und' },
  ) {}

  attach(editor: Editor, doc: ArticleDocument): monaco.IDisposable {
    this.doc = doc;
    this.decorations = editor.createDecorationsCollection();
    const model = doc.model;
    void api.getAnnotations({ id: this.id, text: model.getValue() }).then(
      (res) => {
        if (model.isDisposed()) return;
        this.loaded = true;
        this.base = res.annotations.map((a) => a.id);
        // Annotations made while the stored ones were loading (a slow server) join them and are written now.
        const early = this.state.get().annotations.filter((a) => !this.base.includes(a.id));
        this.update({ annotations: [...res.annotations, ...early], invalidLines: res.invalidLines });
        if (early.length > 0) this.store();
      },
      (err) => this.onError(toUiError(err)),
    );
    const onChange = model.onDidChangeContent((e) => {
      const list = this.state.get().annotations;
      if (!list.some((a) => a.side === 'target')) return;
      // Monaco's changes of one event are relative to the text before it.
      const edits: TextEdit[] = e.changes.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
      this.persist(mapThroughEdits(list, edits, { side: 'target', newText: model.getValue() }));
      // Character edits only approximate a correction (typing "dog" over "cat" key by key); the word diff against the MT settles it.
      window.clearTimeout(this.rebaseTimer);
      this.rebaseTimer = window.setTimeout(() => this.rebase(), REBASE_MS);
    });
    return {
      dispose: () => {
        onChange.dispose();
        window.clearTimeout(this.rebaseTimer);
        this.flush(); // leaving the article: write pending moves now
        this.decorations?.clear();
        this.decorations = null;
        this.doc = null;
      },
    };
  }

  setDescribe(describe: (a: Annotation) => string): void {
    this.describe = describe;
    this.paint();
  }

  /** Write pending moves now (before a report, when leaving). */
  flush(): void {
    if (this.timer === undefined) return;
    window.clearTimeout(this.timer);
    this.rebase();
    this.store();
  }

  /** Place the annotations of MT words on the current text through the baseline→current word diff. */
  private rebase(): void {
    window.clearTimeout(this.rebaseTimer);
    this.rebaseTimer = undefined;
    const model = this.doc?.model;
    const list = this.state.get().annotations;
    if (!model || model.isDisposed() || !list.some((a) => a.baseline)) return;
    this.update({ annotations: placeOnBaseline(list, this.mt.text, model.getValue(), this.mt.lang) });
  }

  add(side: 'target' | 'source', start: number, end: number, draft: AnnotationDraft, extra: Partial<Annotation> = {}): void {
    const now = new Date().toISOString();
    const text = side === 'target' ? (this.doc?.model.getValue() ?? '') : this.sourceText;
    const baseline = side === 'target' ? baselineSpanOf({ start, end }, text, this.mt.text, this.mt.lang) : undefined;
    const a: Annotation = { id: newAnnotationId(), side, start, end, quote: quoteAt(text, start, end), ...draft, created: now, modified: now, ...extra, ...(baseline ? { baseline } : {}) };
    this.persist([...this.state.get().annotations, a], true);
  }

  /** A finding as an annotation, in one step: its category, severity and message. */
  addFinding(f: Finding, comment: string): void {
    // A hint the editor annotates has become a problem: the least MQM severity.
    this.add(f.side, f.start, f.end, { category: f.category, severity: f.severity === 'hint' ? 'minor' : f.severity, comment }, { rule: f.rule });
  }

  edit(existing: Annotation, draft: AnnotationDraft): void {
    const now = new Date().toISOString();
    this.persist(
      this.state.get().annotations.map((x) => (x.id === existing.id ? { ...x, ...draft, modified: now } : x)),
      true,
    );
  }

  remove(a: Annotation): void {
    this.persist(
      this.state.get().annotations.filter((x) => x.id !== a.id),
      true,
    );
  }

  /** Select an annotation's span in the editor (or show it in the source pane, through `showSource`). */
  jump(a: Annotation, editor: Editor | null, showSource: (start: number, end: number) => void): void {
    this.update({ current: a.id });
    if (a.side === 'source') showSource(a.start, a.end);
    else if (editor) revealSpan(editor, a.start, a.end);
  }

  private persist(annotations: Annotation[], immediately = false): void {
    this.update({ annotations });
    window.clearTimeout(this.timer);
    if (immediately) this.store();
    else this.timer = window.setTimeout(() => this.store(), AUTOSAVE_MS);
  }

  private store(): void {
    this.timer = undefined;
    if (this.rebaseTimer !== undefined) this.rebase();
    if (!this.loaded) return;
    void api
      .saveAnnotations({ id: this.id, annotations: this.state.get().annotations, base: this.base })
      .then((res) => (this.base = res.ids))
      .catch((err) => this.onError(toUiError(err)));
  }

  private update(patch: Partial<AnnotationsState>): void {
    this.state.set({ ...this.state.get(), ...patch });
    this.paint();
  }

  private paint(): void {
    const model = this.doc?.model;
    if (!this.decorations || !model || model.isDisposed()) return;
    const { annotations, current } = this.state.get();
    this.decorations.set(
      annotations
        .filter((a) => a.side === 'target' && !a.orphaned)
        .map((a) => ({
          range: rangeAt(model, a.start, a.end),
          options: {
            inlineClassName: `ann ann-${a.severity}${a.id === current ? ' ann-current' : ''}`,
            hoverMessage: { value: escapeMarkdown(this.describe(a)) },
            stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
          },
        })),
    );
  }
}

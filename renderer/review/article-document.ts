import type { ArticleView, DiffStats } from '../../main/contract/api';
import { api, toUiError, type UiError } from '../api';
import { trackWrite } from '../lib/pending-writes';
import { monaco } from '../monaco/setup';

/** How long typing must pause before an autosave. */
export const AUTOSAVE_MS = 1500;

export interface DocumentState {
  dirty: boolean;
  saveState: 'idle' | 'saving' | 'saved';
  /** Another program changed the file while there were unsaved edits: the editor chooses. */
  conflict: { theirs: string | null; revision: string } | null;
}

export interface DocumentHooks {
  onError: (e: UiError) => void;
  /** After each save: the server's word counts, and whether they are still those of the editor's text. */
  onSaved?: (stats: DiffStats, current: boolean) => void;
}

/**
 * The working copy of one article: the translation's text model and the baseline's, the revision on
 * disk it was read at, dirty state, one save at a time, autosave after a pause, and what happens when
 * the file changes on disk (reload a clean copy, ask when there are unsaved edits, never overwrite
 * silently). React reads its state through subscribe/getState (useSyncExternalStore).
 */
export class ArticleDocument {
  readonly model: monaco.editor.ITextModel;
  readonly baseline: monaco.editor.ITextModel;
  private revision: string;
  private savedVersion: number;
  private deleted = false;
  private saving: Promise<void> | null = null;
  private autosave: number | undefined;
  private state: DocumentState = { dirty: false, saveState: 'idle', conflict: null };
  private readonly listeners = new Set<() => void>();
  private readonly beforeSave = new Set<() => void>();
  private readonly onChange: monaco.IDisposable;

  constructor(
    readonly id: string,
    view: ArticleView,
    private readonly hooks: DocumentHooks,
  ) {
    this.model = monaco.editor.createModel(view.target.text, 'plaintext');
    this.model.setEOL(monaco.editor.EndOfLineSequence.LF);
    this.baseline = monaco.editor.createModel(view.baseline, 'plaintext');
    this.revision = view.revision;
    this.savedVersion = this.model.getAlternativeVersionId();
    this.onChange = this.model.onDidChangeContent(() => {
      this.set({ dirty: this.isDirty(), saveState: 'idle' });
      window.clearTimeout(this.autosave);
      this.autosave = window.setTimeout(() => void this.save(), AUTOSAVE_MS);
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getState = (): DocumentState => this.state;

  /** Work to store with every save (the editing time gathered since the last one). */
  onBeforeSave(run: () => void): () => void {
    this.beforeSave.add(run);
    return () => void this.beforeSave.delete(run);
  }

  isDirty(): boolean {
    return !this.model.isDisposed() && this.model.getAlternativeVersionId() !== this.savedVersion;
  }

  get currentRevision(): string {
    return this.revision;
  }

  /** Save the editor's text; `force` overwrites a change made on disk (the editor chose "keep mine"). */
  async save(force = false): Promise<void> {
    if (this.saving) await this.saving;
    const model = this.model;
    if (model.isDisposed()) return;
    const version = model.getAlternativeVersionId();
    if (version === this.savedVersion && !force) return;
    window.clearTimeout(this.autosave);
    this.set({ saveState: 'saving' });
    const run = (async () => {
      try {
        const res = await api.saveArticle({ id: this.id, text: model.getValue(), expectedRevision: this.revision, force: force || this.deleted || undefined });
        this.revision = res.revision;
        this.savedVersion = version;
        this.deleted = false;
        for (const f of this.beforeSave) f();
        this.hooks.onSaved?.(res.stats, !model.isDisposed() && model.getAlternativeVersionId() === version);
        this.set({ dirty: this.isDirty(), saveState: 'saved' });
      } catch (err) {
        this.set({ saveState: 'idle' });
        const e = toUiError(err);
        if (e.code !== 'conflict') this.hooks.onError(e);
        else {
          const disk = await api.readDisk({ id: this.id }).catch(() => null);
          this.set({ conflict: { theirs: disk?.text ?? null, revision: disk?.revision ?? '' } });
        }
      }
    })();
    this.saving = run;
    await run;
    this.saving = null;
  }

  /**
   * The file changed on disk (the watcher's event). A clean copy is reloaded; with unsaved edits the
   * editor is asked. Returns what happened, for the view's banner.
   */
  async changedOnDisk(change: { revision: string; deleted: boolean }): Promise<'deleted' | 'reloaded' | 'conflict' | null> {
    if (change.revision === this.revision) return null;
    if (change.deleted) {
      this.deleted = true; // the next save writes the file again
      return 'deleted';
    }
    const unsaved = this.isDirty();
    const disk = await api.readDisk({ id: this.id });
    if (disk.revision === this.revision || this.model.isDisposed()) return null;
    this.deleted = false;
    if (unsaved) {
      this.set({ conflict: { theirs: disk.text, revision: disk.revision } });
      return 'conflict';
    }
    this.replaceAll(disk.text, disk.revision);
    return 'reloaded';
  }

  /** The editor's answer to a conflict: keep mine (overwrite on purpose) or take theirs (undoable). */
  resolveConflict(choice: 'mine' | 'theirs'): void {
    const conflict = this.state.conflict;
    this.set({ conflict: null });
    if (choice === 'mine') void this.save(true);
    else if (conflict?.theirs != null) this.replaceAll(conflict.theirs, conflict.revision);
  }

  private replaceAll(text: string, revision: string): void {
    this.model.pushEditOperations([], [{ range: this.model.getFullModelRange(), text }], () => null);
    this.revision = revision;
    this.savedVersion = this.model.getAlternativeVersionId();
    this.set({ dirty: false });
  }

  /** Leaving the article (another article, back to the list): unsaved edits are saved, then the models go. */
  dispose(): void {
    window.clearTimeout(this.autosave);
    this.onChange.dispose();
    for (const f of this.beforeSave) f();
    if (this.isDirty()) {
      void trackWrite(api.saveArticle({ id: this.id, text: this.model.getValue(), expectedRevision: this.revision })).catch((err) => this.hooks.onError(toUiError(err)));
    }
    this.model.dispose();
    this.baseline.dispose();
    this.listeners.clear();
  }

  /** Listeners hear only real changes: every keystroke calls this, and a new state re-renders the whole view. */
  private set(patch: Partial<DocumentState>): void {
    if ((Object.keys(patch) as (keyof DocumentState)[]).every((k) => Object.is(patch[k], this.state[k]))) return;
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}

import type { monaco } from '../../monaco/setup';
import type { ArticleDocument } from '../article-document';

export type Editor = monaco.editor.ICodeEditor;

/**
 * An editor contribution, as VS Code's editor contributions are: it attaches to an editor showing an
 * article's working copy and gives back what undoes it. The review view attaches each one once per
 * article and disposes them when the article is left.
 */
export interface EditorContribution {
  attach(editor: Editor, doc: ArticleDocument): monaco.IDisposable;
}

/** State a contribution shows in React, read with useSyncExternalStore(cell.subscribe, cell.get). */
export class StateCell<T> {
  private readonly listeners = new Set<() => void>();
  constructor(private value: T) {}
  get = (): T => this.value;
  set(next: T): void {
    if (Object.is(next, this.value)) return;
    this.value = next;
    for (const l of this.listeners) l();
  }
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
}

/** Several disposables as one. */
export function disposeAll(...items: { dispose(): void }[]): monaco.IDisposable {
  return { dispose: () => items.forEach((d) => d.dispose()) };
}

import { randomUUID } from 'node:crypto';
import { CalqueError, type ArticleId, type ProjectEditUndone } from '../../contract/api.js';

/**
 * Edits the host makes to articles that are not open in this editor (a project replace, "fix all" across
 * the project): each article's edit is one undo entry, its text before and the revision it left, so
 * "undo" puts back exactly that text, and only when nobody changed the file since (else a conflict,
 * nothing written). Kept in memory for the last few edits: an undo is for the session that made them.
 */
export interface ProjectEditEntry {
  id: ArticleId;
  /** The translation's text before the edit. */
  before: string;
  /** The revision the edit's save left. */
  revision: string;
}

type Save = (req: { id: ArticleId; text: string; expectedRevision: string }) => Promise<{ revision: string }>;

const KEPT = 8;

export class ProjectEdits {
  private readonly edits = new Map<string, ProjectEditEntry[]>();

  /** Remember one project edit (one entry per article it saved); its id for `undo`, or undefined when nothing changed. */
  record(entries: ProjectEditEntry[]): string | undefined {
    if (!entries.length) return undefined;
    const undoId = randomUUID();
    this.edits.set(undoId, entries);
    while (this.edits.size > KEPT) this.edits.delete(this.edits.keys().next().value!);
    return undoId;
  }

  /** Undo a project edit article by article; one changed since is a conflict and stays as it is. */
  async undo(undoId: string, save: Save): Promise<ProjectEditUndone> {
    const entries = this.edits.get(undoId);
    if (!entries) throw new CalqueError('undoUnavailable');
    this.edits.delete(undoId);
    const out: ProjectEditUndone = { restored: [], conflicts: [] };
    for (const e of entries) {
      try {
        const saved = await save({ id: e.id, text: e.before, expectedRevision: e.revision });
        out.restored.push({ id: e.id, revision: saved.revision });
      } catch (err) {
        if (err instanceof CalqueError && err.code === 'conflict') out.conflicts.push(e.id);
        else throw err;
      }
    }
    return out;
  }
}

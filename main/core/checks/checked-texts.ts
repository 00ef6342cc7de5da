import { applyTextEdit, type TextEdit } from '../../common/text-edit.js';

/** Articles whose last checked text is kept: the editors open at once (a book's text is 1.4 MB). */
const MAX_TEXTS = 16;

/**
 * The text each article was last checked with, by key, so the editor's next check can send one edit
 * instead of the whole text. One text per article: an edit of an older one is refused (the editor then
 * sends its whole text), never applied to the wrong base.
 */
export class CheckedTexts {
  private readonly texts = new Map<string, { key: string; text: string }>();
  private next = 0;

  /** Keeps `text` as article `id`'s last checked text; returns its key. */
  keep(id: string, text: string): string {
    const key = String(++this.next);
    this.texts.delete(id); // most recently used last
    this.texts.set(id, { key, text });
    while (this.texts.size > MAX_TEXTS) this.texts.delete(this.texts.keys().next().value!);
    return key;
  }

  /** The text of key `edit.base` with the edit applied; null when that text is not (or no longer) the one kept. */
  edited(id: string, edit: { base: string } & TextEdit): string | null {
    const kept = this.texts.get(id);
    return kept && kept.key === edit.base ? applyTextEdit(kept.text, edit) : null;
  }
}

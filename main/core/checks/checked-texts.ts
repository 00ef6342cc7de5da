import { applyTextEdit, type TextEdit } from '../../common/text-edit.js';
import type { HeldChecks } from '../../common/checks-delta.js';

/** Articles whose last checked text is kept: the editors open at once (a book's text is 1.4 MB). */
const MAX_TEXTS = 16;
/** Articles whose last answer is kept too, to answer the next check with its change (a book's is tens of MB). */
const MAX_ANSWERS = 2;

/**
 * The text each article was last checked with, by key, so the editor's next check can send one edit
 * instead of the whole text. One text per article: an edit of an older one is refused (the editor then
 * sends its whole text), never applied to the wrong base. For the pages that hold answers
 * (checkArticleChanges), the answer of that text is kept as well, for the next answer's delta.
 */
export class CheckedTexts {
  private readonly texts = new Map<string, { key: string; text: string; answer?: HeldChecks }>();
  private next = 0;

  /** Keeps `text` as article `id`'s last checked text (and `answer` as its findings); returns its key. */
  keep(id: string, text: string, answer?: HeldChecks): string {
    const key = String(++this.next);
    this.texts.delete(id); // most recently used last
    this.texts.set(id, { key, text, ...(answer ? { answer } : {}) });
    while (this.texts.size > MAX_TEXTS) this.texts.delete(this.texts.keys().next().value!);
    const answered = [...this.texts.values()].filter((t) => t.answer);
    for (const t of answered.slice(0, Math.max(0, answered.length - MAX_ANSWERS))) delete t.answer;
    return key;
  }

  /** The text of key `edit.base` with the edit applied; null when that text is not (or no longer) the one kept. */
  edited(id: string, edit: { base: string } & TextEdit): string | null {
    const kept = this.texts.get(id);
    return kept && kept.key === edit.base ? applyTextEdit(kept.text, edit) : null;
  }

  /** The text and answer of key `key`, while they are article `id`'s last. */
  answered(id: string, key: string): { text: string; answer: HeldChecks } | null {
    const kept = this.texts.get(id);
    return kept?.key === key && kept.answer ? { text: kept.text, answer: kept.answer } : null;
  }
}

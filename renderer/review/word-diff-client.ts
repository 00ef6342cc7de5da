import type { TextEdit } from '../../main/common/text-edit';
import type { DiffTags, WordDiff } from '../../main/common/word-diff';
import { replyDiff, type WordDiffReply, type WordDiffRequest } from './word-diff-protocol';
import DiffWorker from './word-diff.worker?worker';

/**
 * The page's side of word-diff.worker.ts for one article: `diff(text)` resolves with the diff of that
 * text, or null when a newer request overtook it (the worker diffs only the newest).
 */
export class WordDiffClient {
  private readonly worker = new DiffWorker();
  private seq = 0;
  private readonly waiting = new Map<number, (d: WordDiff | null) => void>();

  constructor(baseline: string, lang: string) {
    this.post({ type: 'init', baseline, lang });
    this.worker.onmessage = (e: MessageEvent<WordDiffReply>) => {
      const { seq } = e.data;
      for (const [s, resolve] of this.waiting) {
        if (s > seq) break;
        this.waiting.delete(s);
        resolve(s === seq ? replyDiff(e.data) : null);
      }
    };
  }

  /** The diff of a text: whole, or one edit of the text of the previous call. */
  diff(text: string | TextEdit, tags: DiffTags): Promise<WordDiff | null> {
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.waiting.set(seq, resolve);
      this.post({ type: 'diff', seq, text, tags });
    });
  }

  dispose(): void {
    this.worker.terminate();
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
  }

  private post(msg: WordDiffRequest): void {
    this.worker.postMessage(msg);
  }
}

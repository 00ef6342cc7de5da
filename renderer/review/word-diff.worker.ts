/**
 * The word diff of the working copy against the machine translation, off the page's main thread: the
 * same wordDiff as the server's counts (main/common/word-diff.ts), whose per-paragraph memo stays warm
 * here between pauses in typing. A book's first diff costs about half a second; on the main thread it
 * held the first paint of the Changes view and, after each pause, the next keystroke.
 */
import { applyTextEdit } from '../../main/common/text-edit';
import { wordDiff, type DiffTags } from '../../main/common/word-diff';
import { toChangeTable, type WordDiffReply, type WordDiffRequest } from './word-diff-protocol';

let article: { baseline: string; lang: string } | null = null;
/** The text of the last request: the next may send only its edit. */
let text = '';
/** Only the newest text is diffed: requests that queued up behind a long diff are stale (their edits are applied). */
let latest: { seq: number; tags: DiffTags } | null = null;
let scheduled = false;

function run(): void {
  scheduled = false;
  const req = latest;
  latest = null;
  if (!req || !article) return;
  const diff = wordDiff(article.baseline, text, article.lang, req.tags);
  const reply: WordDiffReply = { type: 'diff', seq: req.seq, stats: diff.stats, table: toChangeTable(diff.changes) };
  (self as unknown as Worker).postMessage(reply, [reply.table.data.buffer]);
}

self.onmessage = (e: MessageEvent<WordDiffRequest>) => {
  const msg = e.data;
  if (msg.type === 'init') article = { baseline: msg.baseline, lang: msg.lang };
  else {
    const next = typeof msg.text === 'string' ? msg.text : applyTextEdit(text, msg.text);
    if (next === null) throw new Error('word diff: an edit that does not fit the text'); // never expected: the page sends every edit
    text = next;
    latest = { seq: msg.seq, tags: msg.tags };
    if (!scheduled) {
      scheduled = true;
      setTimeout(run, 0);
    }
  }
};

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleChecks } from '../../main/contract/api';
import { textEdit } from '../../main/common/text-edit';
import { api, toUiError, type UiError } from '../api';
import type { monaco } from '../monaco/setup';

/** Typing must pause this long before the checks run again (they run in core, segment by segment). */
const CHECK_DELAY_MS = 350;
/**
 * While spelling suggestions are still pending, ask again after these pauses, then stop until the text
 * changes (or a fix, ignore or word-list change asks): an open article with nobody typing sends nothing.
 * Before this limit an idle page re-sent the whole article every 250 ms for as long as suggestions were
 * pending, which on text with many unknown words was forever (issue 13).
 */
export const PENDING_RETRIES_MS: readonly number[] = [250, 500, 1000, 2000];

/**
 * The article's alignment and findings for the editor's current text. Results for a text that has
 * changed since the request are dropped (a newer run is already scheduled), so squiggles never point at
 * the wrong words. A text that was already checked is not sent again; a hidden page sends nothing.
 *
 * After the first check, a request carries one edit against the text the host last checked (its
 * `textKey`) instead of the whole text: a book is 1.4 MB, and stringifying and sending it after every
 * pause in typing cost the page a long task each time. A host that no longer holds that text refuses
 * the edit (`invalidRequest`) and gets the whole text.
 */
export function useChecks(id: string, onError: (e: UiError) => void) {
  const [checks, setChecks] = useState<ArticleChecks | null>(null);
  const [checking, setChecking] = useState(false);
  const modelRef = useRef<monaco.editor.ITextModel | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const seq = useRef(0);
  /** The model version of the last answer, and whether it still had pending suggestions. */
  const last = useRef<{ version: number; pending: boolean } | null>(null);
  const retries = useRef(0);
  /** The text the host last checked for this page, and its key (null: send the whole text). */
  const sent = useRef<{ key: string; text: string; seq: number } | null>(null);
  const onErrorRef = useRef(onError);
  useEffect(() => {
    onErrorRef.current = onError;
  }, [onError]);

  const run = useCallback(
    async (force = false) => {
      const model = modelRef.current;
      if (!model || model.isDisposed()) return;
      // Undo back to a checked text, or a timer firing for a text already answered: nothing to ask.
      const version = model.getAlternativeVersionId();
      if (!force && last.current?.version === version && !last.current.pending) return;
      if (document.hidden) return; // the visibility listener asks again when the page is shown
      const mine = ++seq.current;
      setChecking(true);
      try {
        const text = model.getValue();
        const base = sent.current;
        const whole = () => api.checkArticle({ id, text });
        const res = base
          ? await api.checkArticle({ id, edit: { base: base.key, ...textEdit(base.text, text) } }).catch((err: unknown) => {
              if (toUiError(err).code === 'invalidRequest') return whole();
              throw err;
            })
          : await whole();
        // The host keeps the text of its latest check: the newest answer names the next base.
        if (res.textKey && (!sent.current || sent.current.seq < mine)) sent.current = { key: res.textKey, text, seq: mine };
        if (mine !== seq.current || model.isDisposed() || model.getAlternativeVersionId() !== version) return;
        last.current = { version, pending: !!res.pending };
        setChecks(res);
        // Spelling suggestions are worked out a little at a time: ask again a few times, then rest.
        if (res.pending && retries.current < PENDING_RETRIES_MS.length) {
          const delay = PENDING_RETRIES_MS[retries.current++]!;
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => void run(), delay);
        }
      } catch (err) {
        if (mine === seq.current) onErrorRef.current(toUiError(err));
      } finally {
        if (mine === seq.current) setChecking(false);
      }
    },
    [id],
  );

  const attach = useCallback(
    (model: monaco.editor.ITextModel | null) => {
      window.clearTimeout(timer.current);
      modelRef.current = model;
      last.current = null;
      sent.current = null;
      retries.current = 0;
      setChecks(null);
      if (model) void run(true);
    },
    [run],
  );

  /** The text changed: check it after a pause in typing. */
  const schedule = useCallback(() => {
    retries.current = 0;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void run(), CHECK_DELAY_MS);
  }, [run]);

  /** Something besides the text changed (an ignore, the word list, a fix): check now. */
  const runNow = useCallback(() => {
    retries.current = 0;
    window.clearTimeout(timer.current);
    return run(true);
  }, [run]);

  useEffect(() => {
    const onVisible = () => {
      if (!document.hidden) void run();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.clearTimeout(timer.current);
    };
  }, [run]);

  return { checks, checking, attach, schedule, runNow };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleChecks } from '../../main/contract/api';
import { applyChecksDelta, type HeldChecks } from '../../main/common/checks-delta';
import { textEdit } from '../../main/common/text-edit';
import { ChangedSpan } from './changed-span';
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
 * changed since the request are not shown (a newer run is already scheduled), so squiggles never point
 * at the wrong words. A text that was already checked is not sent again; a hidden page sends nothing.
 *
 * After the first check, a request carries one edit against the text the host last checked (its
 * `textKey`) instead of the whole text: a book is 1.4 MB, and stringifying and sending it after every
 * pause in typing cost the page a long task each time. A host that no longer holds that text refuses
 * the edit (`invalidRequest`) and gets the whole text. The answer comes as the change from the answer
 * the page holds (a book's full answer is 6.5 MB, about 30 ms to parse), so one check runs at a time
 * and every answer, shown or not, becomes the held one.
 */
export function useChecks(id: string, onError: (e: UiError) => void) {
  const [checks, setChecks] = useState<ArticleChecks | null>(null);
  const [checking, setChecking] = useState(false);
  const modelRef = useRef<monaco.editor.ITextModel | null>(null);
  const timer = useRef<number | undefined>(undefined);
  /** The model version of the last answer, and whether it still had pending suggestions. */
  const last = useRef<{ version: number; pending: boolean } | null>(null);
  const retries = useRef(0);
  /** The host's last answer to this page, its text and key (the next request's edit base); null: send the whole text. */
  const held = useRef<{ key: string; text: string; checks: HeldChecks } | null>(null);
  /** The check in flight, and whether another was asked for meanwhile (forced or not). */
  const flight = useRef<{ done: Promise<void>; again: null | { force: boolean; done: Promise<void>; start: () => void } } | null>(null);
  /** The model's edits since the last request (`taken`: that request's text), so a request need not compare two 1.2 MB texts. */
  const changes = useRef<{ span: ChangedSpan; taken: string | null; listener: monaco.IDisposable } | null>(null);
  const onErrorRef = useRef(onError);
  useEffect(() => {
    onErrorRef.current = onError;
  }, [onError]);

  const ask = useCallback(
    async (text: string): Promise<ArticleChecks & { textKey?: string }> => {
      const base = held.current;
      const changed = changes.current;
      // The span of the edits since the last request, when the held answer is of that very text (else a scan of both texts).
      const spanEdit = changed ? { fits: base?.text === changed.taken, edit: changed.span.take(text) } : null;
      if (changed) changed.taken = text;
      const whole = () => api.checkArticleChanges({ id, text });
      const res = base
        ? await api.checkArticleChanges({ id, edit: { base: base.key, ...(spanEdit?.fits ? spanEdit.edit : textEdit(base.text, text)) }, known: base.key }).catch((err: unknown) => {
            if (toUiError(err).code === 'invalidRequest') return whole();
            throw err;
          })
        : await whole();
      if (!('delta' in res)) return res;
      const { delta, ...rest } = res;
      const full = base && delta.base === base.key ? applyChecksDelta(base.checks, delta) : null;
      // A delta of an answer this page does not hold (never expected): ask for the whole answer.
      if (!full) return api.checkArticle({ id, text });
      return { ...rest, ...full };
    },
    [id],
  );

  const check = useCallback(
    async (force: boolean) => {
      const model = modelRef.current;
      if (!model || model.isDisposed()) return;
      // Undo back to a checked text, or a timer firing for a text already answered: nothing to ask.
      const version = model.getAlternativeVersionId();
      if (!force && last.current?.version === version && !last.current.pending) return;
      if (document.hidden) return; // the visibility listener asks again when the page is shown
      setChecking(true);
      try {
        const text = model.getValue();
        const res = await ask(text);
        held.current = res.textKey ? { key: res.textKey, text, checks: { findings: res.findings, alignment: res.alignment } } : null;
        if (model.isDisposed() || model.getAlternativeVersionId() !== version) return;
        last.current = { version, pending: !!res.pending };
        setChecks(res);
      } catch (err) {
        held.current = null;
        if (!model.isDisposed() && model.getAlternativeVersionId() === version) onErrorRef.current(toUiError(err));
      } finally {
        setChecking(false);
      }
    },
    [ask],
  );

  /** One check at a time: a request while one is in flight runs after it, once (forced if any asker forced). */
  const run = useCallback(
    (force = false): Promise<void> => {
      const now = flight.current;
      if (now) {
        if (now.again) {
          now.again.force ||= force;
          return now.again.done;
        }
        let start = () => {};
        const done = new Promise<void>((resolve) => (start = resolve)).then(() => run(now.again?.force ?? force));
        now.again = { force, done, start };
        return done;
      }
      const entry: NonNullable<typeof flight.current> = { done: Promise.resolve(), again: null };
      flight.current = entry;
      entry.done = check(force).finally(() => {
        flight.current = null;
        if (entry.again) return entry.again.start();
        // Spelling suggestions are worked out a little at a time: ask again a few times, then rest.
        if (last.current?.pending && retries.current < PENDING_RETRIES_MS.length) {
          const delay = PENDING_RETRIES_MS[retries.current++]!;
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => void run(), delay);
        }
      });
      return entry.done;
    },
    [check],
  );

  const attach = useCallback(
    (model: monaco.editor.ITextModel | null) => {
      window.clearTimeout(timer.current);
      modelRef.current = model;
      last.current = null;
      held.current = null;
      changes.current?.listener.dispose();
      changes.current = null;
      if (model) {
        const span = new ChangedSpan();
        changes.current = { span, taken: null, listener: model.onDidChangeContent((e) => span.add(e.changes)) };
      }
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

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleChecks } from '../../main/contract/api';
import { api, toUiError, type UiError } from '../api';
import type { monaco } from '../monaco/setup';

/** Typing must pause this long before the checks run again (they run in core, segment by segment). */
const CHECK_DELAY_MS = 350;
/** While fixes are still pending, how soon to ask again (typing reschedules sooner runs anyway). */
const PENDING_RETRY_MS = 250;

/**
 * The article's alignment and findings for the editor's current text. Results for a text that has
 * changed since the request are dropped (a newer run is already scheduled), so squiggles never point at
 * the wrong words.
 */
export function useChecks(id: string, onError: (e: UiError) => void) {
  const [checks, setChecks] = useState<ArticleChecks | null>(null);
  const [checking, setChecking] = useState(false);
  const modelRef = useRef<monaco.editor.ITextModel | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const seq = useRef(0);

  const run = useCallback(async () => {
    const model = modelRef.current;
    if (!model || model.isDisposed()) return;
    const version = model.getVersionId();
    const mine = ++seq.current;
    setChecking(true);
    try {
      const res = await api.checkArticle({ id, text: model.getValue() });
      if (mine !== seq.current || model.isDisposed() || model.getVersionId() !== version) return;
      setChecks(res);
      // Spelling suggestions are worked out a little at a time: ask again while the editor is idle.
      if (res.pending) {
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => void run(), PENDING_RETRY_MS);
      }
    } catch (err) {
      if (mine === seq.current) onError(toUiError(err));
    } finally {
      if (mine === seq.current) setChecking(false);
    }
  }, [id, onError]);

  const attach = useCallback(
    (model: monaco.editor.ITextModel | null) => {
      modelRef.current = model;
      setChecks(null);
      if (model) void run();
    },
    [run],
  );

  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void run(), CHECK_DELAY_MS);
  }, [run]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return { checks, checking, attach, schedule, runNow: run };
}

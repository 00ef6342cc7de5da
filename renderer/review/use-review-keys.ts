import { useEffect, useRef } from 'react';
import { commandFor, type ReviewCommand } from './keymap';

/**
 * The review view's keys (keymap.ts), caught before Monaco sees them, and the unsaved-edits guard when
 * the page is closed. `run` may change on every render; the listener calls the latest.
 */
export function useReviewKeys(run: (command: ReviewCommand) => void, hasUnsavedEdits: () => boolean, save: () => void): void {
  const latest = useRef({ run, hasUnsavedEdits, save });
  useEffect(() => {
    latest.current = { run, hasUnsavedEdits, save };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const binding = commandFor(e, !!document.querySelector('dialog[open]'));
      if (!binding?.run) return;
      // Ours alone: Monaco has its own F8 (markers by severity) and Alt+F5 (line changes) underneath.
      e.preventDefault();
      e.stopPropagation();
      latest.current.run(binding.run);
    };
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!latest.current.hasUnsavedEdits()) return;
      latest.current.save();
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, []);
}

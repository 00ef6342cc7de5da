import { api, toUiError, type UiError } from '../api';

/** A pause this long between keystrokes is not editing time (LiveMetrics counts the same way). */
export const IDLE_MS = 30_000;

/**
 * Editing time per segment, gathered keystroke by keystroke and stored with the article's review at each
 * save and when the article is left. Kept on the page, not in the metrics worker, so it can be stored
 * synchronously when the view closes.
 */
export class EditingTime {
  private pending: Record<string, number> = {};
  private last = 0;

  constructor(
    private readonly id: string,
    private readonly onError: (e: UiError) => void,
  ) {}

  /** A keystroke in segment `key`: the time since the previous keystroke counts there, unless it was a pause. */
  record(key: string | undefined, now = performance.now()): void {
    const gap = now - this.last;
    this.last = now;
    if (key && gap < IDLE_MS) this.pending[key] = (this.pending[key] ?? 0) + Math.round(gap);
  }

  flush = (): void => {
    const segments = this.pending;
    if (!Object.keys(segments).length) return;
    this.pending = {};
    void api.recordEditingTime({ id: this.id, segments }).catch((err) => this.onError(toUiError(err)));
  };
}

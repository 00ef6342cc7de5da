/**
 * Where the editor is (the open article and the segment at the cursor), kept per tab in
 * sessionStorage so that reloading the page returns there. Not in the URL: the address carries the
 * serve token, and a place is not worth sharing. Bad or missing data reads as "the list".
 */
const KEY = 'calque.place';

export interface OpenPlace {
  article: string;
  /** Index of the segment at the cursor. */
  segment?: number;
}

export function savedPlace(): OpenPlace | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    const p = raw ? (JSON.parse(raw) as unknown) : null;
    if (!p || typeof p !== 'object' || typeof (p as OpenPlace).article !== 'string') return null;
    const segment = (p as OpenPlace).segment;
    return { article: (p as OpenPlace).article, ...(Number.isInteger(segment) && segment! >= 0 ? { segment } : {}) };
  } catch {
    return null; // storage switched off, or damaged
  }
}

export function savePlace(place: OpenPlace | null): void {
  try {
    if (place) window.sessionStorage.setItem(KEY, JSON.stringify(place));
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // Storage switched off: a reload starts at the list, as before.
  }
}

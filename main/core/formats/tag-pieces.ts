import type { Piece } from '../../contract/document.js';

/**
 * Where the content's text is not to be translated, relative to the segment's text: every tag's
 * display text, and what lies between an opening tag that `protectsContent` and its partner (or the
 * end of the segment when the partner is elsewhere).
 */
export function protectedInPieces(content: readonly Piece[]): [number, number][] {
  const out: [number, number][] = [];
  let pos = 0;
  let openUntil: string | null = null; // id of the close tag ending the protected run
  let runStart = 0;
  for (const p of content) {
    const len = p.kind === 'text' ? p.text.length : p.display.length;
    if (p.kind !== 'text') {
      if (openUntil === null && p.kind === 'open' && p.protectsContent) {
        openUntil = p.partner ?? '';
        runStart = pos;
      } else if (openUntil !== null && p.id === openUntil) {
        push(out, runStart, pos + len);
        openUntil = null;
      }
      if (openUntil === null) push(out, pos, pos + len);
    }
    pos += len;
  }
  if (openUntil !== null) push(out, runStart, pos);
  return out;
}

function push(out: [number, number][], s: number, e: number): void {
  if (e <= s) return;
  const last = out[out.length - 1];
  if (last && s <= last[1]) last[1] = Math.max(last[1], e);
  else out.push([s, e]);
}

/** Whether two contents are the same pieces: the same text, and tags of the same kind and markup. */
export function samePieces(a: readonly Piece[], b: readonly Piece[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((p, i) => {
    const q = b[i]!;
    if (p.kind === 'text' || q.kind === 'text') return p.kind === q.kind && (p as { text: string }).text === (q as { text: string }).text;
    return p.kind === q.kind && p.original === q.original;
  });
}

import type { InlineTag, Piece } from '../../contract/document.js';

/**
 * A segment's content as the editor's text shows it (each tag as its display text) and back. Until
 * the editor shows tags as chips, a tag is its display text in the text: an edited segment is read
 * back by finding those display texts again. The k-th occurrence of a display text is the k-th tag
 * of the segment showing it; a tag whose display text is gone was deleted; a display text typed more
 * often than the segment had it is plain text (and written back escaped, as any text).
 */
export function piecesFromText(old: readonly Piece[], text: string): Piece[] {
  const tags = old.filter((p): p is InlineTag => p.kind !== 'text');
  if (!tags.length) return text ? [{ kind: 'text', text }] : [];
  const byDisplay = new Map<string, InlineTag[]>();
  for (const t of tags) byDisplay.set(t.display, [...(byDisplay.get(t.display) ?? []), t]);
  const displays = [...byDisplay.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(displays.map(escapeRegExp).join('|'), 'g');
  const out: Piece[] = [];
  let pos = 0;
  const pushText = (s: string) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + s };
    else out.push({ kind: 'text', text: s });
  };
  for (const m of text.matchAll(re)) {
    const queue = byDisplay.get(m[0])!;
    const tag = queue.shift();
    if (!tag) continue; // typed once more than the segment had it: stays text
    pushText(text.slice(pos, m.index));
    out.push(tag);
    pos = m.index + m[0].length;
  }
  pushText(text.slice(pos));
  return out;
}

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

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

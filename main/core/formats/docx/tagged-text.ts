import type { InlineTag, Piece } from '../../../contract/document.js';

/**
 * An edited segment's text back into pieces: the segment's own tags are found by their display text
 * (each at most once, in the order written); everything else is text. A tag the editor deleted is
 * simply absent, and text that looks like a tag but is none of this segment's stays text.
 */
export function piecesFromText(text: string, old: readonly Piece[]): Piece[] {
  const tags = new Map<string, InlineTag>();
  for (const p of old) if (p.kind !== 'text') tags.set(p.display, p);
  if (!tags.size) return text ? [{ kind: 'text', text }] : [];
  const out: Piece[] = [];
  const used = new Set<string>();
  let pos = 0;
  const pushText = (s: string) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.text += s;
    else out.push({ kind: 'text', text: s });
  };
  const displays = [...tags.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const re = new RegExp(displays.join('|'), 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (used.has(m[0])) continue;
    used.add(m[0]);
    pushText(text.slice(pos, m.index));
    out.push(tags.get(m[0])!);
    pos = m.index + m[0].length;
  }
  pushText(text.slice(pos));
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether two contents are the same pieces (text and tags by their markup). */
export function samePieces(a: readonly Piece[], b: readonly Piece[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((p, i) => {
    const q = b[i]!;
    if (p.kind === 'text' || q.kind === 'text') return p.kind === q.kind && (p as { text: string }).text === (q as { text: string }).text;
    return p.original === q.original;
  });
}

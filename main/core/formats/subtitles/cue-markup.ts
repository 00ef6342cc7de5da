import type { InlineTag, Piece } from '../../../contract/document.js';

/**
 * The markup inside a cue's text as inline tags, so the editor shows chips and the checks and the
 * diff see one token: SRT's `<i>`, `<b>`, `<u>`, `<s>`, `<font …>` (players accept any case), WebVTT's
 * `<c.class>`, `<i>`, `<b>`, `<u>`, `<v Name>`, `<lang tag>`, `<ruby>`, `<rt>` and timestamps
 * (`<00:01.500>`). A tag is shown as written (its display is its markup), so a cue's text in the
 * editor is the file's, and what is not one of these stays text.
 */
const SRT_TAG = /<\/(i|b|u|s|font)\s*>|<(i|b|u|s|font)(?:\s[^<>\n]*)?>/gi;
const VTT_TAG = /<\/(c|i|b|u|v|lang|ruby|rt)>|<(c|i|b|u|v|lang|ruby|rt)(?:\.[^\s.<>]+)*(?:[ \t][^<>\n]*)?>|<(?:\d+:)?\d{2}:\d{2}\.\d{3}>/g;

export function cuePieces(text: string, kind: 'srt' | 'vtt'): Piece[] {
  const out: Piece[] = [];
  const open: { name: string; n: number; at: number }[] = [];
  let pos = 0;
  let n = 0;
  for (const m of text.matchAll(kind === 'srt' ? SRT_TAG : VTT_TAG)) {
    if (m.index > pos) out.push({ kind: 'text', text: text.slice(pos, m.index) });
    pos = m.index + m[0].length;
    n++;
    const original = m[0];
    const closing = m[1]?.toLowerCase();
    const opening = m[2]?.toLowerCase();
    if (opening) {
      open.push({ name: opening, n, at: out.length });
      out.push({ kind: 'open', id: `${n}`, type: opening, display: original, original });
    } else if (closing) {
      const k = open.map((o) => o.name).lastIndexOf(closing);
      if (k === -1) {
        out.push({ kind: 'close', id: `${n}c`, type: closing, display: original, original });
        continue;
      }
      const partner = open.splice(k)[0]!;
      out[partner.at] = { ...(out[partner.at] as InlineTag), partner: `${partner.n}c` };
      out.push({ kind: 'close', id: `${partner.n}c`, partner: `${partner.n}`, type: closing, display: original, original });
    } else out.push({ kind: 'standalone', id: `${n}`, type: 'timestamp', display: original, original });
  }
  if (pos < text.length) out.push({ kind: 'text', text: text.slice(pos) });
  return out;
}

/** The cue text of pieces: text as it is, each tag as its markup. */
export function cueText(content: readonly Piece[]): string {
  return content.map((p) => (p.kind === 'text' ? p.text : p.original)).join('');
}

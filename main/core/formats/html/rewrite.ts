import { diffArrays } from 'diff';
import type { Piece } from '../../../contract/document.js';
import type { Atom } from './atoms.js';

/** How the new text of a segment is written into the file. */
export interface RewriteContext {
  /** The file's line ending, for line breaks typed in a segment. */
  newline: string;
  /** Attribute values hold the text: quotes must be escaped too ('"', "'" or '' when unquoted). */
  quote?: string;
  /** A tag's markup as it is to be written (an attribute inside it may have changed too). */
  tagMarkup(atom: Extract<Atom, { kind: 'tag' }>): string;
}

/** How long one segment's diff may take before the segment is written from its pieces alone. */
const DIFF_TIMEOUT_MS = 100;

/**
 * The source of a segment whose content changed, from its old atoms and its new pieces. A character
 * diff finds what the editor kept: an atom kept whole is written as its original bytes (its entities,
 * its no-break spaces, its line breaks), the rest is escaped anew.
 */
export function rewriteSegment(old: readonly Atom[], pieces: readonly Piece[], ctx: RewriteContext): string {
  const oldTokens: string[] = [];
  const owner: number[] = []; // old token → atom index
  const firstToken: number[] = [];
  old.forEach((a, i) => {
    firstToken.push(oldTokens.length);
    if (a.kind === 'tag') {
      oldTokens.push(`\u0000${a.tag.id}`);
      owner.push(i);
    } else
      // UTF-16 units, as atoms are sliced.
      for (let k = 0; k < a.text.length; k++) {
        oldTokens.push(a.text[k]!);
        owner.push(i);
      }
  });
  firstToken.push(oldTokens.length);
  const newTokens: string[] = [];
  for (const p of pieces) {
    if (p.kind === 'text') newTokens.push(...p.text.split(''));
    else newTokens.push(`\u0000${p.id}`);
  }
  const tagsById = new Map(old.flatMap((a) => (a.kind === 'tag' ? [[a.tag.id, a] as const] : [])));
  const newTagOriginal = new Map(pieces.flatMap((p) => (p.kind !== 'text' ? [[p.id, p.original] as const] : [])));
  const emitNew = (token: string) => {
    if (!token.startsWith('\u0000')) return escapeText(token, ctx);
    const id = token.slice(1);
    const atom = tagsById.get(id);
    return atom ? ctx.tagMarkup(atom) : (newTagOriginal.get(id) ?? '');
  };
  const changes = diffArrays(oldTokens, newTokens, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) return newTokens.map(emitNew).join('');
  let out = '';
  let o = 0;
  let n = 0;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (change.added) {
      for (let k = 0; k < count; k++) out += emitNew(newTokens[n++]!);
    } else if (change.removed) o += count;
    else {
      out += keptSpan(old, owner, firstToken, oldTokens, o, o + count, ctx);
      o += count;
      n += count;
    }
  }
  return out;
}

/** Old tokens [from, to) kept by the editor: whole atoms as their bytes, parts of atoms escaped. */
function keptSpan(old: readonly Atom[], owner: number[], firstToken: number[], tokens: string[], from: number, to: number, ctx: RewriteContext): string {
  let out = '';
  let t = from;
  while (t < to) {
    const i = owner[t]!;
    const atom = old[i]!;
    const aStart = firstToken[i]!;
    const aEnd = firstToken[i + 1]!;
    const end = Math.min(aEnd, to);
    if (t === aStart && end === aEnd) out += atom.kind === 'tag' ? ctx.tagMarkup(atom) : atom.raw;
    else if (atom.kind === 'text' && atom.raw === atom.text) out += atom.raw.slice(t - aStart, end - aStart);
    else out += escapeText(tokens.slice(t, end).join(''), ctx);
    t = end;
  }
  return out;
}

function escapeText(s: string, ctx: RewriteContext): string {
  let out = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (ctx.quote === '"') out = out.replace(/"/g, '&quot;');
  else if (ctx.quote === "'") out = out.replace(/'/g, '&#39;');
  else if (ctx.quote === '') out = out.replace(/[\s"'=`]/g, (c) => `&#${c.charCodeAt(0)};`);
  return out.replace(/\n/g, ctx.newline);
}

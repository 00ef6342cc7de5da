import { diffArrays } from 'diff';
import type { Piece } from '../../../contract/document.js';
import type { Item, Markup, ParagraphModel, Run, Wrapper } from './paragraph.js';
import { escapeAttr, escapeText } from './xml.js';

/** A tag's or marker's markup as a part's text has it (ranges resolved against it). */
export function renderMarkup(raw: string, markup: Markup): string {
  return markup.map((m) => (typeof m === 'string' ? m : raw.slice(m[0], m[1]))).join('');
}

/**
 * Rewriting one paragraph after its text changed. The old paragraph (its runs, wrappers, tags and
 * markers) and the new content are diffed word by word: kept characters keep their run and wrappers,
 * inserted ones take those of the words they replace (or of their neighbours), tags are matched by
 * their markup, and markers stay where they were. The result is written either plainly (the save) or
 * with the differences as Word revisions (the tracked-changes export).
 */

type Ctx = { wrappers: Wrapper[]; run: Run };
type Atom = { k: 'c'; ch: string; ctx: Ctx } | { k: 't'; markup: Markup; key: string; wrappers: Wrapper[] } | { k: 'new-tag'; xml: string; key: string; display: string };
type MarkerItem = Extract<Item, { k: 'marker' }>;

export interface Op {
  op: 'keep' | 'del' | 'ins' | 'marker' | 'raw';
  atom?: Atom;
  /** Resolved context for kept and inserted characters. */
  ctx?: Ctx;
  wrappers?: Wrapper[];
  marker?: MarkerItem;
  xml?: string;
  /** Offset in the new text where this op's atom starts (keep and ins). */
  at?: number;
}

export interface RevisionInfo {
  author: string;
  date: string;
  nextId: () => number;
}

export interface RewriteOptions {
  /** Render a markup (ranges through the nested edits). */
  render: (m: Markup) => string;
  /** Write the differences as Word revisions with these attributes. */
  tracked?: RevisionInfo;
  /** Extra markup at offsets of the new text (comment anchors), in order. */
  anchors?: { at: number; xml: string; end?: boolean }[];
}

function oldAtoms(model: ParagraphModel, raw: string): { atoms: Atom[]; markers: { at: number; m: MarkerItem }[] } {
  const atoms: Atom[] = [];
  const markers: { at: number; m: MarkerItem }[] = [];
  for (const it of model.items) {
    if (it.k === 'text') for (const ch of it.text.normalize('NFC')) atoms.push({ k: 'c', ch, ctx: { wrappers: it.wrappers, run: it.run } });
    else if (it.k === 'tag') atoms.push({ k: 't', markup: it.markup, key: renderMarkup(raw, it.markup), wrappers: it.wrappers });
    else markers.push({ at: atoms.length, m: it });
  }
  return { atoms, markers };
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** Word tokens over atoms: a run of letters and digits, or one other character, or one tag. */
function tokens(atoms: Atom[]): { key: string; from: number; to: number }[] {
  const out: { key: string; from: number; to: number }[] = [];
  for (let i = 0; i < atoms.length; ) {
    const a = atoms[i]!;
    if (a.k !== 'c') {
      out.push({ key: `\u0000${a.key}`, from: i, to: ++i });
      continue;
    }
    let j = i + 1;
    if (WORD.test(a.ch)) while (j < atoms.length && atoms[j]!.k === 'c' && WORD.test((atoms[j] as { ch: string }).ch)) j++;
    out.push({ key: atoms.slice(i, j).map((x) => (x as { ch: string }).ch).join(''), from: i, to: j });
    i = j;
  }
  return out;
}

/** The new content as atoms: text characters, and tags by their markup (an old tag's, when one matches). */
function newAtoms(content: readonly Piece[]): Atom[] {
  const out: Atom[] = [];
  for (const p of content) {
    if (p.kind === 'text') for (const ch of p.text) out.push({ k: 'c', ch, ctx: undefined as unknown as Ctx });
    else out.push({ k: 'new-tag', xml: p.original, key: p.original, display: p.display });
  }
  return out;
}

const common = (a: Wrapper[], b: Wrapper[]) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i]!.key === b[i]!.key) i++;
  return a.slice(0, i);
};

/** The diff of the old paragraph against the new content, as ops in output order. */
export function diffParagraph(model: ParagraphModel, content: readonly Piece[], raw: string): Op[] {
  const { atoms, markers } = oldAtoms(model, raw);
  const fresh = newAtoms(content);
  const ot = tokens(atoms);
  const nt = tokens(fresh);
  const changes = diffArrays(
    ot.map((t) => t.key),
    nt.map((t) => t.key),
  );
  // Where each new atom starts in the new segment text (a tag takes its display's length there).
  const offs: number[] = [];
  let pos = 0;
  for (const a of fresh) {
    offs.push(pos);
    pos += a.k === 'c' ? a.ch.length : a.k === 'new-tag' ? a.display.length : 0;
  }
  const ops: Op[] = [];
  let oi = 0; // old token index
  let ni = 0; // new token index
  let markerIdx = 0;
  const firstChar = atoms.find((a) => a.k === 'c');
  const firstCtx = firstChar?.k === 'c' ? firstChar.ctx : undefined;
  let lastCtx: Ctx | undefined;
  const emitMarkers = (upTo: number) => {
    while (markerIdx < markers.length && markers[markerIdx]!.at <= upTo) ops.push({ op: 'marker', marker: markers[markerIdx]!.m, wrappers: markers[markerIdx++]!.m.wrappers });
  };
  for (const hunk of hunks(changes, ot.map((t) => t.key))) {
    if (hunk.keep) {
      for (let k = 0; k < hunk.old; k++, oi++, ni++) {
        const t = ot[oi]!;
        for (let a = t.from; a < t.to; a++) {
          emitMarkers(a);
          const atom = atoms[a]!;
          const wrappers = atom.k === 'c' ? atom.ctx.wrappers : atom.k === 't' ? atom.wrappers : [];
          ops.push({ op: 'keep', atom, ...(atom.k === 'c' ? { ctx: atom.ctx } : {}), wrappers, at: offs[nt[ni]!.from + (a - t.from)]! });
          if (atom.k === 'c') lastCtx = atom.ctx;
        }
      }
      continue;
    }
    // A change: the old tokens deleted, then the new ones inserted. New words that replace old ones take
    // their formatting; pure insertions take their neighbours'.
    let replaced: Ctx | undefined;
    for (let k = 0; k < hunk.old; k++, oi++) {
      const t = ot[oi]!;
      for (let a = t.from; a < t.to; a++) {
        emitMarkers(a);
        const atom = atoms[a]!;
        const wrappers = atom.k === 'c' ? atom.ctx.wrappers : atom.k === 't' ? atom.wrappers : [];
        ops.push({ op: 'del', atom, ...(atom.k === 'c' ? { ctx: atom.ctx } : {}), wrappers });
        if (atom.k === 'c' && !replaced) replaced = atom.ctx;
      }
    }
    const nextOld = ot[oi] ? atoms[ot[oi]!.from] : undefined;
    const right = nextOld?.k === 'c' ? nextOld.ctx : undefined;
    const ctx = replaced ?? insertedCtx(lastCtx, right) ?? firstCtx;
    for (let k = 0; k < hunk.added; k++, ni++) {
      const t = nt[ni]!;
      for (let a = t.from; a < t.to; a++) ops.push({ op: 'ins', atom: fresh[a]!, ...(ctx ? { ctx } : {}), wrappers: ctx?.wrappers ?? [], at: offs[a]! });
    }
  }
  emitMarkers(Infinity);
  return ops;
}

/**
 * The diff as hunks of kept tokens and changes (old tokens out, new tokens in). A lone space kept
 * between two changes joins them, so "beside" → "next to" is one replacement, not two with the old
 * space in between.
 */
function hunks(changes: { added?: boolean; removed?: boolean; count?: number; value: string[] }[], oldKeys: string[]): { keep: boolean; old: number; added: number }[] {
  const raw = changes.map((c) => ({ keep: !c.added && !c.removed, old: c.added ? 0 : (c.count ?? c.value.length), added: c.removed ? 0 : (c.count ?? c.value.length) }));
  let o = 0;
  const withOld = raw.map((h) => {
    const at = o;
    o += h.old;
    return { ...h, at };
  });
  const out: { keep: boolean; old: number; added: number }[] = [];
  withOld.forEach((h, i) => {
    const lone = h.keep && h.old === 1 && /^\s$/.test(oldKeys[h.at]!) && i > 0 && i < withOld.length - 1 && !withOld[i - 1]!.keep && !withOld[i + 1]!.keep;
    const hunk = lone ? { keep: false, old: 1, added: 1 } : { keep: h.keep, old: h.old, added: h.keep ? 0 : h.added };
    const last = out[out.length - 1];
    if (!hunk.keep && last && !last.keep) {
      last.old += hunk.old;
      last.added += hunk.added;
    } else out.push(hunk);
  });
  return out;
}

/** An insertion between two characters: the wrappers both share; the run of whichever side has exactly those. */
function insertedCtx(left: Ctx | undefined, right: Ctx | undefined): Ctx | undefined {
  if (!left || !right) return left ?? right;
  const wrappers = common(left.wrappers, right.wrappers);
  if (wrappers.length === left.wrappers.length) return left;
  if (wrappers.length === right.wrappers.length) return right;
  return { wrappers, run: left.run };
}

const isRevisionWrapper = (w: Wrapper) => w.name === 'ins' || w.name === 'moveTo';

/** Serialize ops into paragraph content (everything between `w:pPr` and `</w:p>`). */
export function serializeOps(ops: Op[], opts: RewriteOptions): string {
  const tracked = opts.tracked;
  let out = '';
  let open: Wrapper[] = [];
  const setWrappers = (want: Wrapper[]) => {
    const keep = common(open, want);
    for (let i = open.length - 1; i >= keep.length; i--) out += open[i]!.close;
    for (let i = keep.length; i < want.length; i++) out += want[i]!.open;
    open = want;
  };
  const revAttrs = () => (tracked ? ` w:id="${tracked.nextId()}" w:author="${escapeAttr(tracked.author)}" w:date="${tracked.date}"` : '');
  const anchors = [...(opts.anchors ?? [])];
  const emitAnchors = (at: number, ends: boolean) => {
    for (let i = 0; i < anchors.length; ) {
      const a = anchors[i]!;
      if (a.at === at && !!a.end === ends) {
        setWrappers([]);
        out += a.xml;
        anchors.splice(i, 1);
      } else i++;
    }
  };
  for (let i = 0; i < ops.length; ) {
    const op = ops[i]!;
    if (op.at !== undefined) {
      emitAnchors(op.at, true);
      emitAnchors(op.at, false);
    }
    if (op.op === 'marker') {
      if (op.marker!.markup) {
        setWrappers(op.wrappers ?? []);
        out += opts.render(op.marker!.markup);
      }
      i++;
      continue;
    }
    if (op.op === 'raw') {
      setWrappers([]);
      out += op.xml ?? '';
      i++;
      continue;
    }
    if (op.op === 'del' && !tracked) {
      i++;
      continue;
    }
    const kind = op.op === 'ins' && !tracked ? 'keep' : op.op;
    let wrappers = op.wrappers ?? [];
    if (tracked && kind === 'ins') wrappers = wrappers.filter((w) => !isRevisionWrapper(w));
    const atom = op.atom!;
    if (atom.k !== 'c') {
      setWrappers(wrappers);
      const xml = atom.k === 't' ? opts.render(atom.markup) : atom.xml;
      if (kind === 'del') out += `<w:del${revAttrs()}>${asDeleted(xml)}</w:del>`;
      else if (kind === 'ins') out += `<w:ins${revAttrs()}>${xml}</w:ins>`;
      else out += xml;
      i++;
      continue;
    }
    // A group of characters of one run, one kind, one set of wrappers: one w:r.
    const run = op.ctx?.run;
    let text = '';
    let j = i;
    while (j < ops.length) {
      const o = ops[j]!;
      if (o.op === 'del' && !tracked) {
        j++; // the save leaves deleted text out: it does not cut the run
        continue;
      }
      const k = o.op === 'ins' && !tracked ? 'keep' : o.op;
      if (k !== kind || o.atom?.k !== 'c' || o.ctx?.run !== run || (o.ctx?.wrappers ?? []).map((w) => w.key).join() !== (op.ctx?.wrappers ?? []).map((w) => w.key).join()) break;
      // Anchors inside the group cut it.
      if (j > i && o.at !== undefined && anchors.some((a) => a.at === o.at)) break;
      text += o.atom.ch;
      j++;
    }
    setWrappers(wrappers);
    const body = `${run?.open ?? '<w:r>'}${run?.rPr ?? ''}${runContent(text, kind === 'del')}</w:r>`;
    out += kind === 'del' ? `<w:del${revAttrs()}>${body}</w:del>` : kind === 'ins' ? `<w:ins${revAttrs()}>${body}</w:ins>` : body;
    i = j;
  }
  for (const a of anchors) {
    setWrappers([]);
    out += a.xml;
  }
  setWrappers([]);
  return out;
}

/** A run's content for text: w:t (or w:delText) pieces, with tabs, breaks and special hyphens as their elements. */
function runContent(text: string, deleted: boolean): string {
  const t = deleted ? 'w:delText' : 'w:t';
  let out = '';
  for (const part of text.split(/([\t\n\u2011\u00ad])/)) {
    if (!part) continue;
    if (part === '\t') out += '<w:tab/>';
    else if (part === '\n') out += '<w:br/>';
    else if (part === '\u2011') out += '<w:noBreakHyphen/>';
    else if (part === '\u00ad') out += '<w:softHyphen/>';
    else out += `<${t} xml:space="preserve">${escapeText(part)}</${t}>`;
  }
  return out;
}

/** A run's markup as deleted text: w:t becomes w:delText, w:instrText w:delInstrText. */
function asDeleted(xml: string): string {
  return xml.replace(/<(\/?)w:t(\s|>|\/)/g, '<$1w:delText$2').replace(/<(\/?)w:instrText(\s|>|\/)/g, '<$1w:delInstrText$2');
}

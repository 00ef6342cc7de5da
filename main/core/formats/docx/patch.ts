import { writeZip } from './zip.js';
import type { LoadedDocx } from './load.js';
import type { Markup } from './paragraph.js';

/** A replacement of [start, end) of a part's text, built once the edits nested inside it are known. */
export interface PartEdit {
  start: number;
  end: number;
  build: (render: (m: Markup) => string) => string;
}

/**
 * A part's new text: each edit replaces its range, and an edit inside another one's range (a text
 * box's paragraph inside a paragraph's drawing) is applied inside that one's markup first.
 */
export function patchPart(raw: string, edits: readonly PartEdit[]): string {
  const done: { start: number; end: number; text: string }[] = [];
  const renderRange = (s: number, e: number): string => {
    const inside = done.filter((d) => d.start >= s && d.end <= e).sort((a, b) => a.start - b.start);
    let out = '';
    let pos = s;
    for (const d of inside) {
      if (d.start < pos) continue; // nested in one already applied
      out += raw.slice(pos, d.start) + d.text;
      pos = d.end;
    }
    return out + raw.slice(pos, e);
  };
  const render = (m: Markup) => m.map((x) => (typeof x === 'string' ? x : renderRange(x[0], x[1]))).join('');
  // Later starts first: a nested paragraph comes after the one that holds it.
  for (const e of [...edits].sort((a, b) => b.start - a.start)) done.push({ start: e.start, end: e.end, text: e.build(render) });
  return renderRange(0, raw.length);
}

/** The package with some parts' text replaced (and parts added); every other entry's bytes are copied. */
export function repackage(loaded: LoadedDocx, parts: ReadonlyMap<string, string>, added: readonly { name: string; text: string }[] = []): Uint8Array {
  const enc = new TextEncoder();
  const replaced = new Map([...parts].map(([name, text]) => [name, enc.encode(text)] as const));
  return writeZip(
    loaded.pkg.archive,
    replaced,
    added.map((a) => ({ name: a.name, data: enc.encode(a.text) })),
  );
}

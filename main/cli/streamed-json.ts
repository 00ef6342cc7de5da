/**
 * `JSON.stringify(value, null, 2)` written out piece by piece, for outputs that are mostly one long
 * array (a book's findings): as one string, with the objects it was made of, a 1,000,000-word check's
 * 70 MB of JSON took a few hundred MB at once. The same bytes: each element is stringified on its own
 * and indented to its depth (JSON strings hold no raw newline, so every newline is structure).
 */

/** Part of an output: an array whose elements are made and stringified one at a time. */
export class LazyArray<T> {
  constructor(
    readonly length: number,
    readonly item: (i: number) => T,
  ) {}
}

const INDENT = '  ';
const CHUNK = 1 << 20;

/** Writes the JSON as whole lines, each call a run of lines without its last newline (as `console.log` takes them). */
export function writeJson(value: unknown, writeLines: (lines: string) => void): void {
  let buf = '';
  const emit = (s: string) => {
    buf += s;
    if (buf.length >= CHUNK) {
      const end = buf.lastIndexOf('\n');
      if (end < 0) return;
      writeLines(buf.slice(0, end));
      buf = buf.slice(end + 1);
    }
  };
  const nested = (v: unknown, depth: number) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${INDENT.repeat(depth)}`);
  const walk = (v: unknown, depth: number): void => {
    const pad = INDENT.repeat(depth + 1);
    if (v instanceof LazyArray || Array.isArray(v)) {
      const n = v.length;
      if (n === 0) return emit('[]');
      emit('[');
      for (let i = 0; i < n; i++) {
        emit(`${i ? ',' : ''}\n${pad}`);
        const item: unknown = v instanceof LazyArray ? v.item(i) : (v as unknown[])[i];
        if (hasLazy(item)) walk(item, depth + 1);
        else emit(item === undefined ? 'null' : nested(item, depth + 1));
      }
      return emit(`\n${INDENT.repeat(depth)}]`);
    }
    const entries = Object.entries(v as object).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return emit('{}');
    emit('{');
    entries.forEach(([k, x], i) => {
      emit(`${i ? ',' : ''}\n${pad}${JSON.stringify(k)}: `);
      if (hasLazy(x)) walk(x, depth + 1);
      else emit(nested(x, depth + 1));
    });
    emit(`\n${INDENT.repeat(depth)}}`);
  };
  walk(value, 0);
  writeLines(buf);
}

/** Whether a value holds a LazyArray (which JSON.stringify cannot write): walked here, the rest stringified. */
function hasLazy(v: unknown): boolean {
  if (v instanceof LazyArray) return true;
  if (!v || typeof v !== 'object') return false;
  return Object.values(v).some((x) => x instanceof LazyArray || (Array.isArray(x) && x.some(hasLazy)) || (x && typeof x === 'object' && !Array.isArray(x) && hasLazy(x)));
}

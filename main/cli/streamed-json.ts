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

/** The JSON as runs of whole lines, each without its last newline (as `console.log` takes them). */
export function* jsonLines(value: unknown): Generator<string> {
  let buf = '';
  for (const piece of pieces(value, 0)) {
    buf += piece;
    if (buf.length < CHUNK) continue;
    const end = buf.lastIndexOf('\n');
    if (end < 0) continue;
    yield buf.slice(0, end);
    buf = buf.slice(end + 1);
  }
  yield buf;
}

const nested = (v: unknown, depth: number) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${INDENT.repeat(depth)}`);

/** The JSON text of `v` at nesting `depth`, in pieces: lazy arrays and what holds them walked, the rest stringified whole. */
function* pieces(v: unknown, depth: number): Generator<string> {
  const pad = INDENT.repeat(depth + 1);
  if (v instanceof LazyArray || Array.isArray(v)) {
    const n = v.length;
    if (n === 0) return yield '[]';
    yield '[';
    for (let i = 0; i < n; i++) {
      yield `${i ? ',' : ''}\n${pad}`;
      const item: unknown = v instanceof LazyArray ? v.item(i) : (v as unknown[])[i];
      if (hasLazy(item)) yield* pieces(item, depth + 1);
      else yield item === undefined ? 'null' : nested(item, depth + 1);
    }
    return yield `\n${INDENT.repeat(depth)}]`;
  }
  const entries = Object.entries(v as object).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return yield '{}';
  yield '{';
  for (const [i, [k, x]] of entries.entries()) {
    yield `${i ? ',' : ''}\n${pad}${JSON.stringify(k)}: `;
    if (hasLazy(x)) yield* pieces(x, depth + 1);
    else yield nested(x, depth + 1);
  }
  yield `\n${INDENT.repeat(depth)}}`;
}

/** Whether a value holds a LazyArray (which JSON.stringify cannot write): walked here, the rest stringified. */
function hasLazy(v: unknown): boolean {
  if (v instanceof LazyArray) return true;
  if (!v || typeof v !== 'object') return false;
  return Object.values(v).some((x) => x instanceof LazyArray || (Array.isArray(x) && x.some(hasLazy)) || (x && typeof x === 'object' && !Array.isArray(x) && hasLazy(x)));
}

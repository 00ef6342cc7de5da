/**
 * JSON.stringify in slices: a book's check reply (tens of thousands of sentences, links and findings)
 * took one JSON.stringify of a few hundred milliseconds, and a million-line article's view carries
 * three texts of 10 MB each, during which the server answered no one. Long arrays and long strings
 * near the top of the value are written a slice at a time, with the event loop let through in
 * between; the text is exactly JSON.stringify's.
 */

/** Elements of an array stringified at once. */
const SLICE = 500;
/** UTF-16 code units of a string stringified at once. */
const STRING_SLICE = 1 << 16;
/** Below this depth objects and arrays are walked; deeper values are stringified whole. */
const WALK_DEPTH = 3;

export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Resolves when `out` can take more (or is gone): a writer of a big reply waits here between slices. */
export function drained(out: NodeJS.WritableStream & { writableNeedDrain?: boolean; destroyed?: boolean }): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * Calls `emit` with consecutive pieces of JSON.stringify(value), and awaits `pause` between slices
 * (by default a turn of the event loop; a writer may also wait there for its socket to drain);
 * resolves when done. `sliced` is false when the value was small enough to need no pause (then `emit`
 * was called once).
 */
export async function stringifyInSlices(value: unknown, emit: (piece: string) => void, pause: () => Promise<void> = yieldToLoop): Promise<{ sliced: boolean }> {
  if (!needsSlicing(value, 0)) {
    emit(JSON.stringify(value));
    return { sliced: false };
  }
  await write(value, 0, emit, pause);
  return { sliced: true };
}

function walkable(v: unknown): v is object {
  return typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** Whether some array within the walked depth is long enough to be sliced. */
function needsSlicing(v: unknown, depth: number): boolean {
  if (typeof v === 'string') return depth <= WALK_DEPTH && v.length > STRING_SLICE;
  if (!walkable(v) || depth > WALK_DEPTH) return false;
  if (Array.isArray(v)) return v.length > SLICE || (depth < WALK_DEPTH && v.some((x) => needsSlicing(x, depth + 1)));
  return Object.values(v).some((x) => needsSlicing(x, depth + 1));
}

async function write(v: unknown, depth: number, emit: (piece: string) => void, pause: () => Promise<void>): Promise<void> {
  if (typeof v === 'string' && needsSlicing(v, depth)) return writeString(v, emit, pause);
  if (!walkable(v) || depth > WALK_DEPTH || !needsSlicing(v, depth)) {
    // JSON.stringify gives undefined for undefined, functions and symbols: callers below skip those.
    emit(JSON.stringify(v) ?? 'null');
    return;
  }
  if (Array.isArray(v)) {
    emit('[');
    if (v.length > SLICE) {
      for (let k = 0; k < v.length; k += SLICE) {
        const part = JSON.stringify(v.slice(k, k + SLICE));
        emit((k ? ',' : '') + part.slice(1, -1));
        await pause();
      }
    } else {
      for (let k = 0; k < v.length; k++) {
        if (k) emit(',');
        await write(v[k], depth + 1, emit, pause);
      }
    }
    emit(']');
    return;
  }
  emit('{');
  let first = true;
  for (const [key, x] of Object.entries(v)) {
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
    emit(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    await write(x, depth + 1, emit, pause);
  }
  emit('}');
}

/** A long string, a slice at a time; a slice never ends between the two halves of a surrogate pair. */
async function writeString(v: string, emit: (piece: string) => void, pause: () => Promise<void>): Promise<void> {
  emit('"');
  for (let k = 0; k < v.length; ) {
    let end = Math.min(v.length, k + STRING_SLICE);
    const last = v.charCodeAt(end - 1);
    if (end < v.length && last >= 0xd800 && last <= 0xdbff) end++;
    emit(JSON.stringify(v.slice(k, end)).slice(1, -1));
    k = end;
    await pause();
  }
  emit('"');
}

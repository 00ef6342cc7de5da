/**
 * JSON.stringify in slices: a book's check reply (tens of thousands of sentences, links and findings)
 * took one JSON.stringify of a few hundred milliseconds, during which the server answered no one. Long
 * arrays near the top of the value are written a slice of elements at a time, with the event loop let
 * through in between; the text is exactly JSON.stringify's.
 */

/** Elements of an array stringified at once. */
const SLICE = 2000;
/** Below this depth objects and arrays are walked; deeper values are stringified whole. */
const WALK_DEPTH = 3;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Calls `emit` with consecutive pieces of JSON.stringify(value); resolves when done. `sliced` is false
 * when the value was small enough to need no pause (then `emit` was called once).
 */
export async function stringifyInSlices(value: unknown, emit: (piece: string) => void): Promise<{ sliced: boolean }> {
  if (!needsSlicing(value, 0)) {
    emit(JSON.stringify(value));
    return { sliced: false };
  }
  await write(value, 0, emit);
  return { sliced: true };
}

function walkable(v: unknown): v is object {
  return typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** Whether some array within the walked depth is long enough to be sliced. */
function needsSlicing(v: unknown, depth: number): boolean {
  if (!walkable(v) || depth > WALK_DEPTH) return false;
  if (Array.isArray(v)) return v.length > SLICE || (depth < WALK_DEPTH && v.some((x) => needsSlicing(x, depth + 1)));
  return Object.values(v).some((x) => needsSlicing(x, depth + 1));
}

async function write(v: unknown, depth: number, emit: (piece: string) => void): Promise<void> {
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
        await yieldToLoop();
      }
    } else {
      for (let k = 0; k < v.length; k++) {
        if (k) emit(',');
        await write(v[k], depth + 1, emit);
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
    await write(x, depth + 1, emit);
  }
  emit('}');
}

/**
 * What a rule derives from a segment's text, remembered by the text: an article re-checked after a
 * keystroke asks again for every unchanged segment. Cleared whole past a bound, so a long session or a
 * million-segment article cannot grow it without end.
 */
const MEMO_LIMIT = 50_000;

export function remembered<T>(memo: Map<string, T>, key: string, make: () => T): T {
  let hit = memo.get(key);
  if (hit === undefined) {
    hit = make();
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, hit);
  }
  return hit;
}

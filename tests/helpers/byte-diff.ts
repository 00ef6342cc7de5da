/** Where two byte strings differ: the first differing byte and the end of the differing span in each (common suffix excluded). */
export function changedByteSpan(a: Uint8Array, b: Uint8Array): { start: number; oldEnd: number; newEnd: number } {
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a[start] === b[start]) start++;
  let suffix = 0;
  while (suffix < max - start && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return { start, oldEnd: a.length - suffix, newEnd: b.length - suffix };
}

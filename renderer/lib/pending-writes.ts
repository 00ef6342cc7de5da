/**
 * Writes the review view starts without waiting for them (a segment's mark or lock, the save of unsaved
 * edits when the article is left). The article list reads the project again when it comes back; it
 * waits for these first, so its counts and figures include them.
 */
const pending = new Set<Promise<unknown>>();

export function trackWrite<T>(write: Promise<T>): Promise<T> {
  pending.add(write);
  const done = () => void pending.delete(write);
  write.then(done, done);
  return write;
}

/** Resolves once every tracked write has ended, however it ended. */
export async function writesSettled(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
}

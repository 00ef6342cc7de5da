/**
 * Runs tasks one after another per key (an article id), so a read-modify-write of one article's file
 * never interleaves with another for the same article; different articles run in parallel.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.tails.set(key, next);
    // Forget the key once its last task is done, so the map does not grow with every article touched.
    const forget = () => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    };
    next.then(forget, forget);
    return next;
  }
}

/**
 * The one queue for read-modify-write of files under `.calque/`, keyed by absolute path. Shared by all
 * store instances: reopening a project makes new stores while the old ones may still be writing.
 */
export const fileQueue = new KeyedQueue();

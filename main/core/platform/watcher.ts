import * as fsp from 'node:fs/promises';
import { revisionOf } from '../text/read-text-file.js';

type ChangeHandler = (id: string, revision: string, deleted: boolean) => void;

/**
 * Notices changes made to open articles by other programs. Polls size and mtime (cheap, and reliable
 * on network drives and editors that replace files, where fs.watch misses events), then hashes only
 * when they moved. Our own saves are announced with `expect` so they are not reported back.
 */
export class DiskWatcher {
  private readonly files = new Map<string, { path: string; revision: string; mtimeMs: number; size: number; deleted: boolean }>();
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(
    private readonly intervalMs: number,
    private readonly onChange: ChangeHandler,
    private readonly maxWatched = 8,
  ) {}

  watch(id: string, path: string, revision: string): void {
    this.files.delete(id);
    this.files.set(id, { path, revision, mtimeMs: -1, size: -1, deleted: false });
    while (this.files.size > this.maxWatched) this.files.delete(this.files.keys().next().value!);
    // No stat is recorded here: the first poll hashes the file, so a write between the caller's read
    // and this call is still reported.
    if (!this.timer) {
      this.timer = setInterval(() => void this.poll(), this.intervalMs);
      this.timer.unref?.();
    }
  }

  /** The content we are about to write ourselves: not a change to report. */
  expect(id: string, revision: string): void {
    const f = this.files.get(id);
    if (f) f.revision = revision;
  }

  clear(): void {
    this.files.clear();
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.files.clear();
  }

  async poll(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (const [id, f] of this.files) {
        let st;
        try {
          st = await fsp.stat(f.path);
        } catch {
          if (!f.deleted) {
            f.deleted = true;
            this.onChange(id, '', true);
          }
          continue;
        }
        if (!f.deleted && st.mtimeMs === f.mtimeMs && st.size === f.size) continue;
        f.mtimeMs = st.mtimeMs;
        f.size = st.size;
        let revision: string;
        try {
          revision = revisionOf(await fsp.readFile(f.path));
        } catch {
          continue;
        }
        const wasDeleted = f.deleted;
        f.deleted = false;
        if (revision !== f.revision || wasDeleted) {
          f.revision = revision;
          this.onChange(id, revision, false);
        }
      }
    } finally {
      this.busy = false;
    }
  }
}

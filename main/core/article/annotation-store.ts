import * as fsp from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { CalqueError } from '../../contract/api.js';
import { MQM_CATEGORIES, MQM_SEVERITIES, type Annotation, type MqmCategory, type MqmSeverity } from '../../contract/review.js';
import { compareAnnotations } from '../../common/annotations/anchor.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { ensureCalqueFolder, tempDirOf } from '../platform/calque-folder.js';
import { FileLocks } from '../platform/file-lock.js';
import { hasMergeConflict } from '../platform/merge-markers.js';
import { assertNoSymlinks } from '../platform/safe-path.js';

/**
 * MQM annotations beside the user's files: `.calque/annotations/<article id>.jsonl`, one annotation
 * per line in a stable order (side, start, end, created, id) so that merges and diffs stay readable.
 * Lines that do not validate are reported, never dropped: they are written back verbatim at the end
 * of the file until the caller says they are resolved.
 */

const AnnotationSchema = z
  .object({
    id: z.string().min(1),
    side: z.enum(['target', 'source']),
    segment: z.string().optional(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
    category: z.enum(MQM_CATEGORIES as unknown as [MqmCategory, ...MqmCategory[]]),
    severity: z.enum(MQM_SEVERITIES as unknown as [MqmSeverity, ...MqmSeverity[]]),
    comment: z.string(),
    created: z.string(),
    modified: z.string(),
    rule: z.string().optional(),
    orphaned: z.boolean().optional(),
    /** Added in issue 11; lines without it are given one when the article is opened (segment-migration.ts). */
    baseline: z
      .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), exact: z.string() })
      .refine((b) => b.end >= b.start, { message: 'end is before start' })
      .optional(),
  })
  .refine((a) => a.end >= a.start, { message: 'end is before start' });

export interface InvalidLine {
  /** 1-based line number in the file as read. */
  line: number;
  /** The line exactly as it was. */
  text: string;
  reason: string;
}

export interface AnnotationFile {
  annotations: Annotation[];
  invalidLines: InvalidLine[];
  /** The file holds git conflict markers: it is read as far as possible and never rewritten. */
  mergeConflict?: boolean;
}

/** One annotation as its line in the file (key order fixed by the schema, so lines diff well). */
export function annotationLine(a: Annotation): string {
  const { id, side, segment, start, end, quote, category, severity, comment, created, modified, rule, orphaned, baseline } = a;
  const mt = baseline ? { start: baseline.start, end: baseline.end, exact: baseline.exact } : undefined;
  return JSON.stringify({ id, side, segment, start, end, quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }, category, severity, comment, created, modified, rule, orphaned: orphaned || undefined, baseline: mt });
}

export function parseAnnotationLines(content: string): AnnotationFile {
  const annotations: Annotation[] = [];
  const invalidLines: InvalidLine[] = [];
  content.split('\n').forEach((raw, i) => {
    const text = raw.replace(/\r$/, '');
    if (text.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      invalidLines.push({ line: i + 1, text: raw, reason: `not JSON: ${(err as Error).message}` });
      return;
    }
    const parsed = AnnotationSchema.safeParse(data);
    if (parsed.success) annotations.push(parsed.data as Annotation);
    else {
      const issue = parsed.error.issues[0]!;
      invalidLines.push({ line: i + 1, text: raw, reason: `${issue.path.join('.') || '(line)'}: ${issue.message}` });
    }
  });
  return { annotations, invalidLines };
}

export class AnnotationStore {
  private readonly dir: string;

  constructor(
    private readonly root: string,
    private readonly locks: FileLocks = new FileLocks(root),
  ) {
    this.dir = join(root, '.calque', 'annotations');
  }

  /** The file of an article; ids that would leave the annotations folder are refused. */
  path(id: string): string {
    const path = resolve(this.dir, `${id}.jsonl`);
    const rel = relative(this.dir, path);
    if (id === '' || rel === '' || rel.split(sep).includes('..') || id.includes('\0')) {
      throw new CalqueError('pathOutsideProject', { path: id });
    }
    return path;
  }

  /** The annotations of an article (none when it has no file) and the lines that did not validate. */
  async read(id: string): Promise<AnnotationFile> {
    let content: string;
    await assertNoSymlinks(this.root, this.path(id));
    try {
      content = await fsp.readFile(this.path(id), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { annotations: [], invalidLines: [] };
      throw new CalqueError('fileUnreadable', { path: this.path(id), reason: (err as NodeJS.ErrnoException).code ?? 'unreadable' });
    }
    const parsed = parseAnnotationLines(content);
    // Sorting and rewriting would scramble both sides of an unresolved git merge: never written over.
    if (hasMergeConflict(content)) parsed.mergeConflict = true;
    return parsed;
  }

  /**
   * Replace an article's annotations (written sorted, atomically). `keepInvalid` are lines from
   * `read` to keep verbatim at the end; pass [] only when the user resolved them. With nothing to
   * write the file is deleted rather than left empty: a missing file already reads as "no
   * annotations", and the project folder is not littered with empty files under version control.
   */
  async write(id: string, annotations: readonly Annotation[], keepInvalid: readonly InvalidLine[]): Promise<void> {
    const path = this.path(id);
    const lines = [...annotations].sort(compareAnnotations).map(annotationLine);
    for (const bad of keepInvalid) lines.push(bad.text.replace(/\r$/, ''));
    if (lines.length === 0) {
      await assertNoSymlinks(this.root, path);
      await fsp.rm(path, { force: true });
      return;
    }
    await ensureCalqueFolder(this.root);
    await assertNoSymlinks(this.root, path);
    await fsp.mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, Buffer.from(lines.join('\n') + '\n', 'utf8'), { tempDir: tempDirOf(this.root) });
  }

  /**
   * Read, change and write one article's annotations under its lock (across processes and store
   * instances), so no update is lost; invalid lines are kept. A file with merge markers is refused.
   */
  async update(id: string, fn: (annotations: Annotation[]) => Annotation[] | Promise<Annotation[]>): Promise<Annotation[]> {
    return this.locks.run(this.path(id), async () => {
      const { annotations, invalidLines, mergeConflict } = await this.read(id);
      if (mergeConflict) throw new CalqueError('annotationsMergeConflict', { path: `.calque/annotations/${id}.jsonl` });
      const changed = [...(await fn(annotations))].sort(compareAnnotations);
      await this.write(id, changed, invalidLines);
      return changed;
    });
  }
}

/**
 * Three-way merge of an editor's annotations into the file. `base` are the ids the editor had when it
 * last read or saved: ids in `base` missing from `mine` were deleted by this editor; ids on disk
 * missing from `base` were added elsewhere (another tab, another process) and are kept. An annotation
 * changed on both sides keeps the later `modified`. Without `base` the editor's list replaces the file.
 */
export function mergeAnnotations(disk: readonly Annotation[], mine: readonly Annotation[], base?: readonly string[]): Annotation[] {
  if (!base) return [...mine];
  const known = new Set(base);
  const mineById = new Map(mine.map((a) => [a.id, a]));
  const out = new Map<string, Annotation>();
  for (const d of disk) {
    const m = mineById.get(d.id);
    if (m) out.set(d.id, Date.parse(m.modified) >= Date.parse(d.modified) || !known.has(d.id) ? m : d);
    else if (!known.has(d.id)) out.set(d.id, d); // added elsewhere
    // else: deleted by this editor
  }
  for (const m of mine) if (!out.has(m.id)) out.set(m.id, m);
  return [...out.values()];
}

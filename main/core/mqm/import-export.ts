import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Annotation, MqmCategory, MqmSeverity } from '../../contract/review.js';
import { newAnnotationId, quoteAt } from '../../common/annotations/anchor.js';
import { isMqmCategory, parseSeverity, severityLabel } from '../../common/mqm/typology.js';
import { formatTsv, parseTsv, type MqmRow, type MqmRowOut, type TsvProblem } from '../../common/mqm/tsv.js';
import { readConfig } from '../project/config.js';
import { ConfigService } from '../project/config-service.js';
import { FileLocks } from '../platform/file-lock.js';
import { canonicalTag, isLanguageTag } from '../project/languages.js';
import { pairFiles } from '../project/pairing.js';
import { scanTextFiles } from '../project/scan.js';
import { declaredLanguages } from '../formats/declared-languages.js';
import { readTextFile } from '../text/read-text-file.js';
import { AnnotationStore } from '../article/annotation-store.js';
import { BaselineStore } from '../article/baseline-store.js';
import { decodeBaseline } from '../article/article-files.js';

/**
 * Google's WMT MQM TSV in and out of a Calque project. Import turns each (system, doc) into an
 * article pair with one segment per line and the rated errors into annotations; export writes a
 * project's annotations back as rows Google's MQM Viewer reads.
 */

/** project.json key listing the systems an import created (their folder is the system on export). */
const IMPORTED_SYSTEMS_KEY = 'mqmImportedSystems';

export class MqmImportError extends Error {
  constructor(
    message: string,
    readonly problems: TsvProblem[],
  ) {
    super(message);
    this.name = 'MqmImportError';
  }
}

export interface ImportOptions {
  /** The project folder (created if missing). */
  into: string;
  from: string;
  to: string;
  /** Import the good rows and return the bad ones in `skipped` instead of failing. */
  skipMalformed?: boolean;
  /** ISO time for created/modified (tests). */
  now?: string;
  /** The project's settings service (the only writer of project.json); made for `into` when absent. */
  config?: ConfigService;
}

export interface ImportedArticle {
  id: string;
  sourcePath: string;
  targetPath: string;
  segments: number;
  annotations: number;
}

export interface ImportResult {
  articles: ImportedArticle[];
  skipped: TsvProblem[];
  warnings: TsvProblem[];
  /** Set when project.json already had language pairs that do not include from → to. */
  pairsKept?: boolean;
}

/** A system or doc name must make one safe path segment. */
function unsafeName(name: string): string | null {
  if (name === '.' || name === '..') return 'is "." or ".."';
  if (/[/\\:*?"<>|\p{Cc}]/u.test(name)) return 'contains a character not allowed in a file name';
  if (name.startsWith('.')) return 'starts with "."';
  return null;
}

interface Segment {
  segId: number;
  source: string;
  target: string;
  rows: MqmRow[];
}

/** Rows a Calque import cannot represent, beyond the format's own checks. */
function importProblems(rows: MqmRow[]): { good: MqmRow[]; problems: TsvProblem[] } {
  const problems: TsvProblem[] = [];
  const good: MqmRow[] = [];
  const texts = new Map<string, { source: string; target: string; line: number }>();
  for (const r of rows) {
    const reasons: string[] = [];
    const noError = r.category.toLowerCase() === 'no-error';
    if (!noError && !isMqmCategory(r.category)) reasons.push(`category "${r.category}" is not in Calque's MQM typology`);
    if (!noError && r.severity.toLowerCase() !== 'no-error' && !parseSeverity(r.severity)) reasons.push(`severity "${r.severity}" cannot be annotated`);
    if (!noError && r.severity.toLowerCase() === 'no-error') reasons.push(`severity No-error with category "${r.category}"`);
    for (const [what, name] of [['system', r.system], ['doc', r.doc]] as const) {
      const why = unsafeName(name);
      if (why) reasons.push(`${what} "${name}" ${why}`);
    }
    const key = `${r.system}\t${r.doc}\t${r.segId}`;
    const seen = texts.get(key);
    if (seen && (seen.source !== r.source || seen.target !== r.target)) reasons.push(`segment ${r.segId} has other text than on line ${seen.line}`);
    if (reasons.length) problems.push({ line: r.line, reason: reasons.join('; ') });
    else {
      if (!seen) texts.set(key, { source: r.source, target: r.target, line: r.line });
      good.push(r);
    }
  }
  return { good, problems };
}

/** NFC offsets of a span given in the un-normalised text. */
function nfcSpan(text: string, start: number, end: number): [number, number] {
  return [text.slice(0, start).normalize('NFC').length, text.slice(0, end).normalize('NFC').length];
}

interface PlannedArticle extends ImportedArticle {
  sourceText: string;
  targetText: string;
  list: Annotation[];
}

function plan(rows: MqmRow[], from: string, to: string, now: string): PlannedArticle[] {
  const docs = new Map<string, { system: string; doc: string; segs: Map<number, Segment> }>();
  for (const r of rows) {
    const k = `${r.system}\t${r.doc}`;
    let d = docs.get(k);
    if (!d) docs.set(k, (d = { system: r.system, doc: r.doc, segs: new Map() }));
    let s = d.segs.get(r.segId);
    if (!s) d.segs.set(r.segId, (s = { segId: r.segId, source: r.source, target: r.target, rows: [] }));
    s.rows.push(r);
  }
  const out: PlannedArticle[] = [];
  for (const d of docs.values()) {
    const segs = [...d.segs.values()].sort((a, b) => a.segId - b.segId);
    const sourceLines = segs.map((s) => s.source.normalize('NFC'));
    const targetLines = segs.map((s) => s.target.normalize('NFC'));
    const sourceText = sourceLines.join('\n');
    const targetText = targetLines.join('\n');
    const list: Annotation[] = [];
    let so = 0;
    let to_ = 0;
    segs.forEach((s, i) => {
      for (const r of s.rows) {
        if (r.category.toLowerCase() === 'no-error') continue;
        const side = r.span?.side ?? 'target';
        const lineText = side === 'source' ? s.source : s.target;
        const base = side === 'source' ? so : to_;
        // A row without a span (an error of the whole segment) becomes a point at the line start.
        const [a, b] = r.span ? nfcSpan(lineText, r.span.start, r.span.end) : [0, 0];
        const full = side === 'source' ? sourceText : targetText;
        list.push({
          id: newAnnotationId(),
          side,
          start: base + a,
          end: base + b,
          quote: quoteAt(full, base + a, base + b),
          category: r.category as MqmCategory,
          severity: parseSeverity(r.severity) as MqmSeverity,
          comment: r.comment,
          created: now,
          modified: now,
          // The imported target is the system's output, the MT the errors are about.
          ...(side === 'target' && b > a ? { baseline: { start: base + a, end: base + b, exact: full.slice(base + a, base + b) } } : {}),
        });
      }
      so += sourceLines[i]!.length + 1;
      to_ += targetLines[i]!.length + 1;
    });
    out.push({
      id: `${d.system}/${d.doc}.txt`,
      sourcePath: `${d.system}/${d.doc}.${from}.txt`,
      targetPath: `${d.system}/${d.doc}.${to}.txt`,
      segments: segs.length,
      annotations: list.length,
      sourceText,
      targetText,
      list,
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function exists(path: string): Promise<boolean> {
  try {
    await fsp.lstat(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/** Move a file into place without ever replacing one (link fails on an existing name; rename is the fallback). */
async function moveNoClobber(from: string, to: string): Promise<void> {
  await fsp.mkdir(dirname(to), { recursive: true });
  try {
    await fsp.link(from, to);
    await fsp.rm(from);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new Error(`${to} appeared while importing; it was left as it is`);
    if (await exists(to)) throw new Error(`${to} appeared while importing; it was left as it is`);
    await fsp.rename(from, to); // file systems without hard links
  }
}

/**
 * Import a WMT MQM TSV into a project folder. All or nothing: every row is checked and every
 * destination must be free before anything is written; files are written into a temporary folder
 * inside the project and moved into place, and what was moved is removed again if a move fails.
 * Existing files are never overwritten.
 */
export async function importMqmTsv(content: string, options: ImportOptions): Promise<ImportResult> {
  for (const t of [options.from, options.to]) if (!isLanguageTag(t)) throw new MqmImportError(`not a language tag: ${t}`, []);
  const from = canonicalTag(options.from);
  const to = canonicalTag(options.to);
  if (from === to) throw new MqmImportError('--from and --to are the same language', []);
  const parsed = parseTsv(content);
  const checked = importProblems(parsed.rows);
  const problems = [...parsed.problems, ...checked.problems].sort((a, b) => a.line - b.line);
  if (problems.length && !options.skipMalformed) throw new MqmImportError(`${problems.length} malformed row(s)`, problems);
  if (problems.some((p) => p.line === 1)) throw new MqmImportError('the header is malformed', problems);

  const now = options.now ?? new Date().toISOString();
  const articles = plan(checked.good, from, to, now);
  if (articles.length === 0) throw new MqmImportError('no rows to import', problems);

  const root = resolve(options.into);
  const store = new AnnotationStore(root);
  const targets = articles.flatMap((a) => [join(root, a.sourcePath), join(root, a.targetPath), store.path(a.id)]);
  const taken: string[] = [];
  for (const t of targets) if (await exists(t)) taken.push(t);
  if (taken.length) throw new MqmImportError(`${taken.length} file(s) already exist (nothing was written): ${taken.slice(0, 5).join(', ')}${taken.length > 5 ? ', …' : ''}`, []);
  const settings = options.config ?? new ConfigService(root, new FileLocks(root));
  const { error: configError } = await settings.load();
  if (configError) throw configError; // a broken project.json stops the import here

  await fsp.mkdir(join(root, '.calque'), { recursive: true });
  const temp = join(root, '.calque', `.import-${randomBytes(6).toString('hex')}`);
  const moved: string[] = [];
  try {
    const tempStore = new AnnotationStore(temp);
    const moves: [string, string][] = [];
    for (const a of articles) {
      for (const [rel, text] of [[a.sourcePath, a.sourceText], [a.targetPath, a.targetText]] as const) {
        await fsp.mkdir(dirname(join(temp, rel)), { recursive: true });
        await fsp.writeFile(join(temp, rel), text + '\n', { flag: 'wx' });
        moves.push([join(temp, rel), join(root, rel)]);
      }
      await tempStore.write(a.id, a.list, []);
      if (a.list.length) moves.push([tempStore.path(a.id), store.path(a.id)]);
    }
    for (const [src, dst] of moves) {
      await moveNoClobber(src, dst);
      moved.push(dst);
    }
  } catch (err) {
    for (const m of moved.reverse()) await fsp.rm(m, { force: true }).catch(() => undefined);
    // Folders the import made and left empty go too (rmdir refuses folders that hold anything).
    const dirs = [...new Set(moved.map((m) => dirname(m)))].sort((a, b) => b.length - a.length);
    for (const d of dirs) for (let x = d; x.startsWith(root + '/') || x.startsWith(root + '\\'); x = dirname(x)) if (!(await fsp.rmdir(x).then(() => true, () => false))) break;
    throw err;
  } finally {
    await fsp.rm(temp, { recursive: true, force: true }).catch(() => undefined);
  }

  const systems = new Set(articles.map((a) => a.id.split('/')[0]!));
  let pairsKept = false;
  await settings.update((c) => {
    const known = Array.isArray(c[IMPORTED_SYSTEMS_KEY]) ? (c[IMPORTED_SYSTEMS_KEY] as string[]) : [];
    const pairs = c.pairs.length === 0 ? [{ source: from, target: to }] : c.pairs;
    pairsKept = c.pairs.length > 0 && !c.pairs.some((p) => p.source === from && p.target === to);
    return { ...c, pairs, [IMPORTED_SYSTEMS_KEY]: [...new Set([...known, ...systems])].sort() };
  });

  const result: ImportResult = {
    articles: articles.map(({ id, sourcePath, targetPath, segments, annotations }) => ({ id, sourcePath, targetPath, segments, annotations })),
    skipped: problems,
    warnings: parsed.warnings,
  };
  if (pairsKept) result.pairsKept = true;
  return result;
}

// ---------- export ----------

export interface ExportResult {
  tsv: string;
  rows: number;
  articles: number;
  annotations: number;
}

/** Line index of an offset and the offset where that line starts. */
function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function lineStarts(lines: string[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const l of lines) {
    out.push(at);
    at += l.length + 1;
  }
  return out;
}

/**
 * A project's annotations (both sides) as WMT MQM TSV rows: one segment per line of the article,
 * seg_id and doc_id its 1-based line number, rater "calque". The system is the article's first
 * folder when an import created it, else the project folder's name; doc is the article id (the
 * original doc name for imported articles). Lines without annotations get a No-error row; an
 * orphaned annotation is written without a span on the line where it was last placed.
 */
export async function exportMqmTsv(rootDir: string): Promise<ExportResult> {
  const root = resolve(rootDir);
  const config = await readConfig(root);
  const imported = new Set(Array.isArray(config?.[IMPORTED_SYSTEMS_KEY]) ? (config![IMPORTED_SYSTEMS_KEY] as string[]) : []);
  const files = await scanTextFiles(root);
  const paired = pairFiles(files, config?.pairs ?? [], await declaredLanguages(root, files));
  const store = new AnnotationStore(root);
  const rows: MqmRowOut[] = [];
  let annotationCount = 0;
  for (const article of paired.articles) {
    const [sourceText, targetText] = await Promise.all([readTextFile(join(root, article.sourcePath), article.sourcePath, 'source'), readTextFile(join(root, article.targetPath), article.targetPath, 'target')]).then((f) => f.map((x) => x.text));
    const { annotations } = await store.read(article.id);
    // Target errors are rated on the MT: its lines, and the spans of the MT words (the editor's corrections are not the system's output).
    const baselineBytes = await new BaselineStore(root, new FileLocks(root)).read(article.id);
    const mt = baselineBytes ? decodeBaseline(article.targetPath, article.id, baselineBytes).text : targetText!;
    const first = article.id.includes('/') ? article.id.slice(0, article.id.indexOf('/')) : '';
    const fromImport = first !== '' && imported.has(first);
    const system = fromImport ? first : basename(root);
    const doc = fromImport ? article.id.slice(first.length + 1).replace(/\.txt$/, '') : article.id;
    const lines = { source: sourceText!.split('\n'), target: mt.split('\n') };
    const starts = { source: lineStarts(lines.source), target: lineStarts(lines.target) };
    const byLine = new Map<number, Annotation[]>();
    for (const a of annotations) {
      const i = lineOf(starts[a.side], a.side === 'target' ? (a.baseline?.start ?? a.start) : a.start);
      byLine.set(i, [...(byLine.get(i) ?? []), a]);
    }
    const count = Math.max(lines.source.length, lines.target.length);
    for (let i = 0; i < count; i++) {
      const source = lines.source[i] ?? '';
      const target = lines.target[i] ?? '';
      const here = byLine.get(i) ?? [];
      if (!here.length && source.trim() === '' && target.trim() === '') continue;
      const base = { system, doc, docId: i + 1, segId: i + 1, rater: 'calque', source, target };
      if (!here.length) rows.push({ ...base, category: 'No-error', severity: 'No-error', comment: '' });
      for (const a of here) {
        const lineStart = starts[a.side][i]!;
        const lineEnd = lineStart + lines[a.side][i]!.length;
        const row: MqmRowOut = { ...base, category: a.category, severity: severityLabel(a.severity), comment: a.comment };
        // A span that runs past its line is cut at the line end (segments are lines here). A target
        // annotation of words the MT did not have (the editor's own) has no span in the MT's line.
        const span = a.side === 'source' ? (a.orphaned ? undefined : a) : (a.baseline ?? (baselineBytes ? undefined : a.orphaned ? undefined : a));
        if (span && span.end > span.start) row.span = { side: a.side, start: span.start - lineStart, end: Math.min(span.end, lineEnd) - lineStart };
        rows.push(row);
        annotationCount++;
      }
    }
  }
  return { tsv: formatTsv(rows), rows: rows.length, articles: paired.articles.length, annotations: annotationCount };
}

/** Write the export to a file that must not exist yet. */
export async function exportMqmTsvToFile(rootDir: string, outPath: string): Promise<ExportResult> {
  const result = await exportMqmTsv(rootDir);
  await fsp.writeFile(outPath, result.tsv, { flag: 'wx' });
  return result;
}

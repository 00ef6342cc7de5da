import { CalqueError, type ExportKind } from '../../../contract/api.js';
import type { Document } from '../../../contract/document.js';
import { piecesText } from '../../../contract/document.js';
import type { Annotation } from '../../../contract/review.js';
import { bilingualDocx, type ReviewRow } from './bilingual.js';
import { trackedDocx } from './tracked.js';
import { extensionOf, formatForPath } from '../registry.js';

/**
 * What the reviewer delivers besides the corrected files: the client's Word original with the review
 * as tracked changes and comments, or a bilingual review table as Word. One place decides the file
 * name and builds the bytes, for the app's Export, Export all and `calque export --as`.
 */

export interface DeliverableInput {
  kind: Exclude<ExportKind, 'own'>;
  targetPath: string;
  sourceLang: string;
  targetLang: string;
  source: Document;
  /** The translation as it is now. */
  target: Document;
  targetBytes: Uint8Array;
  /** The machine translation as first opened (the tracked changes' "before"). */
  baseline: Uint8Array;
  /** Placed against the current translation's text; orphaned ones are left out. */
  annotations: Annotation[];
  author: string;
  /** ISO 8601, seconds. */
  date: string;
}

/** Whether an article can be exported as `kind` (tracked changes need a Word translation). */
export function canDeliver(kind: ExportKind, targetPath: string): boolean {
  return kind !== 'docx-tracked' || formatForPath(targetPath).id === 'docx';
}

/** The exported file's relative name: tracked changes keep the translation's name, a review table gets `.review.docx`. */
export function deliverableName(kind: ExportKind, targetPath: string): string {
  if (kind !== 'bilingual-docx') return targetPath;
  const ext = extensionOf(targetPath);
  return `${ext ? targetPath.slice(0, -(ext.length + 1)) : targetPath}.review.docx`;
}

/** "Accuracy/Mistranslation · major: the comment", as a Word comment or a table cell says it. */
export function annotationLabel(a: Annotation): string {
  return `${a.category} · ${a.severity}${a.comment.trim() ? `: ${a.comment.trim()}` : ''}`;
}

export function deliverableBytes(input: DeliverableInput): Uint8Array {
  const targetAnnotations = input.annotations.filter((a) => a.side === 'target' && !a.orphaned);
  if (input.kind === 'docx-tracked') {
    if (!canDeliver('docx-tracked', input.targetPath)) throw new CalqueError('exportNeedsDocx', { path: input.targetPath });
    return trackedDocx(input.baseline, input.target, {
      author: input.author,
      date: input.date,
      comments: targetAnnotations.map((a) => ({ start: a.start, end: a.end, text: annotationLabel(a) })),
    });
  }
  return bilingualDocx({ title: input.targetPath, sourceLang: input.sourceLang, targetLang: input.targetLang, rows: reviewRows(input.source, input.target, targetAnnotations) });
}

/** One row per translation unit, its source by the same unit id (or position), its annotations as comments. */
export function reviewRows(source: Document, target: Document, annotations: Annotation[]): ReviewRow[] {
  const sourceById = new Map(source.units.map((u) => [u.id, u] as const));
  return target.units.map((u, i) => {
    const seg = u.segments[0]?.target;
    const src = (sourceById.get(u.id) ?? source.units[i])?.segments[0];
    const srcSide = src?.source ?? src?.target;
    const comments = seg ? annotations.filter((a) => a.start >= seg.start && a.start <= seg.end).map(annotationLabel) : [];
    return { id: u.id, source: srcSide ? piecesText(srcSide.content) : '', target: seg ? piecesText(seg.content) : '', comments };
  });
}

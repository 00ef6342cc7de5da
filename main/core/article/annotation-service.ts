import type { AnnotationsView } from '../../contract/api.js';
import type { Annotation } from '../../contract/review.js';
import { compareAnnotations, reanchorAll } from '../../common/annotations/anchor.js';
import { placeOnBaseline } from '../../common/annotations/baseline-span.js';
import type { ProjectSession } from '../project/session.js';
import { mergeAnnotations, type AnnotationStore } from './annotation-store.js';
import type { ArticleService } from './article-service.js';
import { documentWithText } from '../formats/document-text.js';
import { segmentOfAnnotation, withAnnotationSegments } from './segment-migration.js';

/** An article's MQM annotations: read re-anchored against a text, saved merged with what is on disk. */
export class AnnotationService {
  constructor(
    private readonly session: ProjectSession,
    private readonly store: AnnotationStore,
    private readonly articles: ArticleService,
  ) {}

  async get(id: string, text?: string): Promise<AnnotationsView> {
    const a = this.session.article(id);
    const { annotations, invalidLines } = await this.store.read(a.id);
    const disk = await this.articles.readTarget(a);
    const target = text !== undefined ? text.normalize('NFC') : disk.text;
    const source = await this.articles.readSource(a);
    const baseline = await this.articles.baselineText(a);
    // MT-error annotations follow their baseline words through the diff; the rest are found by their quote.
    const onBaseline = baseline === null ? annotations : placeOnBaseline(annotations, baseline, target, a.targetLang);
    const placed = onBaseline.map((x) => (x.side === 'target' && x.baseline && baseline !== null ? x : reanchorAll([x], { target, source: source.text })[0]!));
    // Each placed annotation names the segment it now starts in (of the editor's text when given).
    const docs = { source: source.doc, target: await this.articles.withStableIds(a, documentWithText(a.targetPath, disk.doc, 'target', target)) };
    const withSegments = placed.map((x) => ({ ...x, segment: x.orphaned ? x.segment : (segmentOfAnnotation(x, docs) ?? x.segment) }));
    return { annotations: withSegments.map(dropUndefinedSegment).sort(compareAnnotations), invalidLines: invalidLines.length };
  }

  /**
   * Save an editor's annotations. With `base` (the ids that editor last had) it is a merge: what
   * another tab or process added meanwhile is kept. Unreadable lines of the file are kept too.
   */
  async save(id: string, annotations: Annotation[], base?: string[]): Promise<{ count: number; ids: string[] }> {
    const a = this.session.article(id);
    // An annotation made since the last read names its segment in the text on disk, where its quote is at its offsets.
    const target = await this.articles.readTarget(a);
    const source = await this.articles.readSource(a);
    const texts = { target: target.text, source: source.text };
    const docs = { target: await this.articles.withStableIds(a, target.doc), source: source.doc };
    const named = annotations.map((x) => (x.segment !== undefined || texts[x.side].slice(x.start, x.end) !== x.quote.exact ? x : withAnnotationSegments([x], docs).annotations[0]!));
    const saved = await this.store.update(a.id, (disk) => mergeAnnotations(disk, named, base));
    return { count: saved.length, ids: saved.map((x) => x.id) };
  }
}

/** An annotation without a `segment` key rather than one set to undefined (lines and responses stay tidy). */
function dropUndefinedSegment(a: Annotation): Annotation {
  if (a.segment !== undefined) return a;
  const { segment: _none, ...rest } = a;
  return rest;
}

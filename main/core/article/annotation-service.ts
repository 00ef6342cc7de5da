import type { AnnotationsView } from '../../contract/api.js';
import type { Annotation } from '../../contract/review.js';
import { compareAnnotations, reanchorAll } from '../../common/annotations/anchor.js';
import type { ProjectSession } from '../project/session.js';
import { mergeAnnotations, type AnnotationStore } from './annotation-store.js';
import type { ArticleService } from './article-service.js';

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
    const target = text !== undefined ? text.normalize('NFC') : (await this.articles.readTarget(a)).text;
    const source = (await this.articles.readSource(a)).text;
    return { annotations: reanchorAll(annotations, { target, source }).sort(compareAnnotations), invalidLines: invalidLines.length };
  }

  /**
   * Save an editor's annotations. With `base` (the ids that editor last had) it is a merge: what
   * another tab or process added meanwhile is kept. Unreadable lines of the file are kept too.
   */
  async save(id: string, annotations: Annotation[], base?: string[]): Promise<{ count: number; ids: string[] }> {
    const a = this.session.article(id);
    const saved = await this.store.update(a.id, (disk) => mergeAnnotations(disk, annotations, base));
    return { count: saved.length, ids: saved.map((x) => x.id) };
  }
}

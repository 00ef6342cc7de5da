/**
 * An article's HTER and chrF for the article list, remembered by the texts' hashes: the list asks for
 * every article's figures on each describe and after each background count, and a book's take seconds
 * (main/common/metrics/article.ts is the one definition; this only avoids working them out twice).
 */
import { createHash } from 'node:crypto';
import { articleFigures, type ArticleFigures } from '../../common/metrics/article.js';

/** Works out the figures of `final` against `baseline` (the check service may do it in a worker). */
export type FiguresFn = (articleId: string, baseline: string, final: string, lang: string) => Promise<ArticleFigures>;

export const inThreadFigures: FiguresFn = async (_id, baseline, final, lang) => articleFigures(baseline, final, lang);

const hash = (text: string) => createHash('sha256').update(text).digest('base64');

export class FiguresMemo {
  private readonly memo = new Map<string, Promise<ArticleFigures>>();

  constructor(
    private readonly compute: FiguresFn = inThreadFigures,
    private readonly limit = 256,
  ) {}

  get(articleId: string, baseline: string, final: string, lang: string): Promise<ArticleFigures> {
    const key = `${lang}\u0000${hash(baseline)}\u0000${hash(final)}`;
    let hit = this.memo.get(key);
    if (!hit) {
      hit = this.compute(articleId, baseline, final, lang);
      hit.catch(() => this.memo.delete(key)); // a failure is not remembered
      this.memo.set(key, hit);
      while (this.memo.size > this.limit) this.memo.delete(this.memo.keys().next().value!);
    }
    return hit;
  }
}

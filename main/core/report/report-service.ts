import { basename } from 'node:path';
import { CalqueError, type ArticleSummary, type ExportResult, type ReportFormat } from '../../contract/api.js';
import type { Finding } from '../../contract/review.js';
import type { AnnotationService } from '../article/annotation-service.js';
import type { ArticleService } from '../article/article-service.js';
import type { ReviewStore } from '../article/review-store.js';
import { deliverFile, type SaveFileChooser } from '../export/deliver.js';
import type { ProjectSession } from '../project/session.js';
import { buildProjectReport, type ReportSource } from '../review/report-data.js';
import { annotationsCsv, qaFindingsCsv } from './csv.js';
import { findingMessage } from './finding-message.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import type { ProjectReport } from './model.js';

export interface ReportServiceDeps {
  session: ProjectSession;
  articles: ArticleService;
  annotations: AnnotationService;
  reviews: ReviewStore;
  printToPdf?: (html: string) => Promise<Uint8Array>;
  /** The checks' findings with their ignore decisions (the QA part of reports). */
  findings?: (id: string) => Promise<(Finding & { ignored: boolean })[]>;
  chooseSaveFile: SaveFileChooser;
}

/** Review reports of an article or the project: built once from the services, rendered as HTML, CSV, JSON or PDF. */
export class ReportService {
  constructor(private readonly deps: ReportServiceDeps) {}

  source(): ReportSource {
    const { session, articles, annotations, reviews } = this.deps;
    return {
      name: basename(session.root),
      scoring: session.config.current.scoring,
      articles: [...session.articles.values()].map((a) => ({ id: a.id }) as ArticleSummary),
      getArticle: (id) => articles.view(id),
      getAnnotations: (id) => annotations.get(id),
      editingMs: async (id) => (await reviews.read(id)).editingMs,
      ...(this.deps.findings ? { findings: this.deps.findings } : {}),
    };
  }

  build(opts: { id?: string; lng: string }): Promise<ProjectReport> {
    if (opts.id !== undefined) this.deps.session.article(opts.id);
    return buildProjectReport(this.source(), { ...(opts.id !== undefined ? { article: opts.id } : {}), uiLanguage: opts.lng });
  }

  async export(req: { id?: string; format: ReportFormat; lng: string }): Promise<ExportResult> {
    const report = await this.build({ ...(req.id !== undefined ? { id: req.id } : {}), lng: req.lng });
    let bytes: Uint8Array;
    if (req.format === 'pdf') {
      if (!this.deps.printToPdf) throw new CalqueError('invalidRequest', { reason: 'PDF reports need the desktop app' });
      bytes = await this.deps.printToPdf(renderHtml(report, req.lng));
    } else {
      const text = req.format === 'html' ? renderHtml(report, req.lng) : req.format === 'json' ? renderJson(report) : req.format === 'qa-csv' ? qaFindingsCsv(report, findingMessage(req.lng)) : annotationsCsv(report);
      // CSV opens in spreadsheets as UTF-8 only with a byte-order mark.
      bytes = Buffer.from((req.format === 'csv' || req.format === 'qa-csv' ? '\ufeff' : '') + text, 'utf8');
    }
    const stem = req.id !== undefined ? basename(req.id).replace(/\.[^.]+$/, '') : basename(this.deps.session.root);
    const name = req.format === 'qa-csv' ? `${stem}-qa.csv` : `${stem}-review.${req.format}`;
    return deliverFile(this.deps.chooseSaveFile, name, bytes);
  }
}

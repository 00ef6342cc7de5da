import { basename } from 'node:path';
import type { ExportResult, MqmImportResult } from '../../contract/api.js';
import { deliverFile, type SaveFileChooser } from '../export/deliver.js';
import type { ProjectSession } from '../project/session.js';
import { exportMqmTsv, importMqmTsv, MqmImportError } from './import-export.js';

/** Google's WMT MQM TSV into and out of the open project. */
export class MqmService {
  constructor(
    private readonly session: ProjectSession,
    private readonly chooseSaveFile: SaveFileChooser,
  ) {}

  /** Import; the imported articles' languages join the project's pairs (through the config service), so they are listed. */
  async import(req: { content: string; from: string; to: string; skipMalformed?: boolean }): Promise<MqmImportResult> {
    try {
      const res = await importMqmTsv(req.content.replace(/^\ufeff/, ''), { into: this.session.root, from: req.from, to: req.to, skipMalformed: !!req.skipMalformed, config: this.session.config });
      await this.session.config.update((c) => (c.pairs.some((x) => x.source === req.from && x.target === req.to) ? c : { ...c, pairs: [...c.pairs, { source: req.from, target: req.to }] }));
      return { imported: true, articles: res.articles.length, annotations: res.articles.reduce((n, a) => n + a.annotations, 0), problems: res.skipped };
    } catch (err) {
      if (err instanceof MqmImportError) return { imported: false, articles: 0, annotations: 0, problems: err.problems };
      throw err;
    }
  }

  async export(): Promise<ExportResult> {
    const res = await exportMqmTsv(this.session.root);
    return deliverFile(this.chooseSaveFile, `${basename(this.session.root)}-mqm.tsv`, Buffer.from(res.tsv, 'utf8'));
  }
}

import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { CalqueError, type LanguagePair } from '../../contract/api.js';
import { tempDirOf } from '../platform/calque-folder.js';
import { FileLocks } from '../platform/file-lock.js';
import { removeStaleTempFiles, TEMP_FILE_MAX_AGE_MS } from '../platform/temp-files.js';
import { ConfigService } from './config-service.js';
import { declaredLanguages } from '../formats/declared-languages.js';
import { pairFiles, type PairedArticle, type PairingResult } from './pairing.js';
import { scanProject } from './scan.js';

export interface SessionOptions {
  /** Language pairs given on the command line (serve --from/--to): added to the project's pairs. */
  languages?: LanguagePair[];
  /** Temp files of interrupted saves older than this are removed on open. */
  tempFileMaxAgeMs?: number;
}

/**
 * An open project folder: its files scanned and paired, its settings (through the ConfigService, the
 * only writer of project.json) and the project lock table. It answers "which article is this id" and
 * "where is this path", refusing anything outside the project.
 */
export class ProjectSession {
  pairing!: PairingResult;
  /** Files of formats Calque does not read, listed as such. */
  unsupported: string[] = [];
  articles = new Map<string, PairedArticle>();

  private constructor(
    readonly root: string,
    readonly locks: FileLocks,
    readonly config: ConfigService,
  ) {}

  static async open(root: string, options: SessionOptions = {}): Promise<ProjectSession> {
    const locks = new FileLocks(root);
    const session = new ProjectSession(root, locks, new ConfigService(root, locks));
    await session.scan(options.languages);
    await session.removeStaleTempFiles(options.tempFileMaxAgeMs ?? TEMP_FILE_MAX_AGE_MS);
    return session;
  }

  /** Scan and pair again (files added or renamed, the languages changed). */
  async scan(languages?: LanguagePair[]): Promise<void> {
    const { files, unsupported } = await scanProject(this.root);
    const loaded = await this.config.load();
    const error = loaded.error;
    let config = loaded.config;
    if (!error && languages?.length) config = await this.config.addPairs(languages);
    const declared = await declaredLanguages(this.root, files);
    let pairing = pairFiles(files, config.pairs, declared);
    if (!error && !config.pairs.length && pairing.proposedPairs.length && !pairing.ambiguous) {
      // Several sources into one shared language: the names tell the direction, so it is remembered
      // (re-read under the lock: pairs another process chose meanwhile are kept instead).
      const proposed = pairing.proposedPairs;
      config = await this.config.update((c) => (c.pairs.length ? c : { ...c, pairs: proposed }));
      pairing = pairFiles(files, config.pairs, declared);
    }
    this.pairing = pairing;
    this.unsupported = unsupported;
    this.articles = new Map(pairing.articles.map((a) => [a.id, a]));
  }

  /** The languages still have to be chosen: file names with two language tags and no settings. */
  get needsLanguages(): boolean {
    return !this.config.current.pairs.length && this.pairing.proposedPairs.length > 0;
  }

  /**
   * Whether the articles' direction is the user's (or told by the names), not a guess: only then may a
   * baseline be captured or a translation saved. A broken project.json or an open question means no.
   */
  get languagesConfirmed(): boolean {
    return !this.config.error && !this.needsLanguages;
  }

  article(id: string): PairedArticle {
    const a = this.articles.get(id);
    if (!a) throw new CalqueError('unknownArticle', { id });
    return a;
  }

  /** Absolute path of a project-relative path, refusing anything that would leave the project. */
  abs(rel: string): string {
    const full = resolve(this.root, rel);
    const back = relative(this.root, full);
    if (back.startsWith('..') || isAbsolute(back) || full === this.root) throw new CalqueError('pathOutsideProject', { path: rel });
    return full;
  }

  /** Only Calque's own temp files (by name and age): in its temp folder, its state folders and the articles' folders. */
  private async removeStaleTempFiles(maxAgeMs: number): Promise<string[]> {
    const calque = join(this.root, '.calque');
    const dirs = [tempDirOf(this.root), calque];
    for (const a of this.articles.values()) {
      dirs.push(dirname(this.abs(a.targetPath)), dirname(this.abs(a.sourcePath)));
      for (const folder of ['reviews', 'annotations', 'baselines']) dirs.push(dirname(join(calque, folder, a.id)));
    }
    return removeStaleTempFiles(dirs, maxAgeMs);
  }
}

import { join } from 'node:path';
import type { ArticleChecks, CheckSettingsInfo } from '../../contract/api.js';
import { alignDocument } from '../../common/align/index.js';
import { allChecks, CheckSession, checksFor, documentDate } from '../checks/engine.js';
import { readGlossaryFile } from '../checks/glossary/index.js';
import { normaliseSentence } from '../checks/qa/consistency.js';
import type { GlossaryEntry, Ignore, ProjectCheckData } from '../checks/types.js';
import type { ProjectConfig } from '../project/config.js';
import type { PairedArticle } from '../project/pairing.js';
import { readTextFile } from '../text/read-text-file.js';

/** Open check sessions kept (each caches its article's segments); a project can have thousands of articles. */
const MAX_SESSIONS = 16;
const DEFAULT_GLOSSARIES = ['.calque/glossary.csv', '.calque/glossary.tsv', '.calque/glossary.tbx'];

type Translations = Map<string, { articleId: string; target: string }[]>;

/**
 * One incremental check session per open article (the editor re-checks after each pause in typing),
 * and what the checks need from the project: settings, glossaries, the word list, the translations of
 * the same source sentences in other articles (consistency), and the article's ignores.
 */
export class ArticleCheckers {
  private readonly sessions = new Map<string, { session: CheckSession; key: string }>();
  private glossaries = new Map<string, Promise<GlossaryEntry[]>>();
  private translations: Promise<Translations> | null = null;

  constructor(
    private readonly root: string,
    private readonly articles: () => PairedArticle[],
  ) {}

  async check(a: PairedArticle, source: string, target: string, config: ProjectConfig, ignores: Ignore[]): Promise<ArticleChecks> {
    const project = await this.projectData(a, config);
    const settings = { disabled: config.checks?.disabled ?? [], severity: config.checks?.severity ?? {} };
    // A new session when the settings or the project data change; ignores can change in place.
    const key = JSON.stringify(settings) + `\u0000${project.glossary.length}\u0000${project.wordList.length}\u0000${project.translations?.size ?? -1}`;
    let entry = this.sessions.get(a.id);
    if (!entry || entry.key !== key) {
      entry = { session: new CheckSession({ sourceLang: a.sourceLang, targetLang: a.targetLang, project, settings, ignores, articleId: a.id }), key };
    } else entry.session.configure({ ignores });
    // Most recently used last; sessions of articles not looked at for a while are dropped (memory).
    this.sessions.delete(a.id);
    this.sessions.set(a.id, entry);
    while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    const findings = entry.session.update(source, target);
    const date = documentDate(source, target);
    return {
      alignment: entry.session.alignment ?? alignDocument(source, target, a.sourceLang, a.targetLang),
      findings,
      ignored: ignores.length,
      ...(entry.session.pending ? { pending: true } : {}),
      ...(date ? { documentDate: `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}` } : {}),
    };
  }

  describeSettings(config: ProjectConfig, pairs: { source: string; target: string }[]): CheckSettingsInfo {
    const disabled = new Set(config.checks?.disabled ?? []);
    const severity = config.checks?.severity ?? {};
    const applicable = new Set(pairs.flatMap((p) => checksFor(p.source, p.target).map((c) => c.id)));
    return {
      rules: allChecks()
        .filter((c) => applicable.has(c.id) || disabled.has(c.id))
        .map((c) => ({ id: c.id, category: c.category, defaultSeverity: c.severity, severity: severity[c.id] ?? c.severity, enabled: !disabled.has(c.id) }))
        .sort((x, y) => x.id.localeCompare(y.id)),
    };
  }

  /** The article's session is rebuilt on the next check (its ignores or settings changed). */
  forget(id: string): void {
    this.sessions.delete(id);
  }

  forgetAll(): void {
    this.sessions.clear();
    this.glossaries.clear();
  }

  /** Another article was saved: other articles' consistency data is stale. */
  articleSaved(): void {
    this.translations = null;
  }

  private async projectData(a: PairedArticle, config: ProjectConfig): Promise<ProjectCheckData> {
    const files = config.glossaries ?? DEFAULT_GLOSSARIES;
    const glossary = (await Promise.all(files.map((f) => this.glossary(f, a.sourceLang, a.targetLang)))).flat();
    this.translations ??= this.buildTranslations();
    // The first check of a project does not wait for every article to be aligned: consistency joins in later.
    const translations = await Promise.race([this.translations, new Promise<null>((r) => setTimeout(() => r(null), 50))]);
    return { glossary, wordList: config.wordList ?? [], ...(translations ? { translations } : {}) };
  }

  private glossary(rel: string, sourceLang: string, targetLang: string): Promise<GlossaryEntry[]> {
    const key = `${rel}\u0000${sourceLang}\u0000${targetLang}`;
    let entry = this.glossaries.get(key);
    if (!entry) {
      entry = readGlossaryFile(join(this.root, rel), rel, sourceLang, targetLang);
      this.glossaries.set(key, entry);
    }
    return entry;
  }

  /** Every article's source sentences with their translations, for the consistency check. */
  private async buildTranslations(): Promise<Translations> {
    const map: Translations = new Map();
    for (const a of this.articles()) {
      try {
        const source = (await readTextFile(join(this.root, a.sourcePath), a.sourcePath, 'source')).text;
        const target = (await readTextFile(join(this.root, a.targetPath), a.targetPath, 'target')).text;
        const al = alignDocument(source, target, a.sourceLang, a.targetLang);
        for (const link of al.links) {
          if (link.source.length !== 1 || link.target.length !== 1) continue;
          const s = al.source[link.source[0]!]!;
          const t = al.target[link.target[0]!]!;
          const key = normaliseSentence(source.slice(s.start, s.end));
          const list = map.get(key) ?? [];
          list.push({ articleId: a.id, target: target.slice(t.start, t.end) });
          map.set(key, list);
        }
      } catch {
        // An unreadable article simply adds nothing here; the list shows its error.
      }
      await new Promise((r) => setImmediate(r)); // keep the host responsive on big projects
    }
    return map;
  }
}

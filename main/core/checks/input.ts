/**
 * The one builder of a check's input (DESIGN.md, "The next shape"): settings, glossaries, the project
 * word list, the article's "ignore here" decisions and the project's consistency context. The editor's
 * check session, the article list's background counts and `calque check` all get their input here, so
 * they cannot disagree about what an article's findings are.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { CalqueError } from '../../contract/api.js';
import type { SegmentGroups } from '../../contract/document.js';
import type { ProjectConfig } from '../project/config.js';
import type { PairedArticle } from '../project/pairing.js';
import { assertNoSymlinks } from '../platform/safe-path.js';
import { readTextFile } from '../text/read-text-file.js';
import type { CheckInput } from './engine.js';
import { readGlossaryFile } from './glossary/index.js';
import { contextOf, packPairs, type ConsistencyContext, type PackedPairs } from './consistency-context.js';
import { sentencePairs } from './sentence-pairs.js';
import { glossaryCount, type GlossaryPart, type SharedProjectData } from './shared-project.js';
import type { CheckSettings, CheckTags, Ignore } from './types.js';

/** Read when project.json names no glossaries. */
export const DEFAULT_GLOSSARIES = ['.calque/glossary.csv', '.calque/glossary.tsv', '.calque/glossary.tbx'];

/** What the builder reads from the open project; every figure has one owner elsewhere. */
export interface CheckInputSources {
  root: string;
  config(): ProjectConfig;
  articles(): PairedArticle[];
  /** The article's "ignore here" decisions (kept in its review). */
  ignores(id: string): Promise<Ignore[]>;
  /** Aligns an article for the consistency context (the check service may do it in a worker), packed. */
  sentencePairs?(a: PairedArticle, source: string, target: string): Promise<PackedPairs>;
  /** Reads a glossary file (the check service does it in a worker: a big TBX takes seconds to parse). */
  readGlossary?(abs: string, rel: string, sourceLang: string, targetLang: string): Promise<GlossaryPart>;
}

/** A check input and what it was built from (a session is rebuilt when `projectKey` changes). */
export interface BuiltInput extends Omit<CheckInput, 'project'> {
  settings: CheckSettings;
  /** Glossaries, word list and consistency context, as shared with a worker (projectCheckData reads them). */
  project: SharedProjectData;
  ignores: Ignore[];
  /** Changes when settings, glossaries or the word list change (segment results depend on them). */
  projectKey: string;
  /** False when the consistency context was not ready in time and was left out (see `checkInputFor`). */
  complete: boolean;
}

export function settingsOf(config: ProjectConfig): CheckSettings {
  const options = config.checks?.options;
  return { disabled: config.checks?.disabled ?? [], severity: config.checks?.severity ?? {}, ...(options ? { options } : {}) };
}

export class CheckInputs {
  private glossaries = new Map<string, Promise<GlossaryPart>>();
  /** Every article's 1–1 aligned source sentences with their translations, by article. */
  private perArticle: Promise<Map<string, PackedPairs>> | null = null;
  private context: ConsistencyContext | null = null;
  /** Saved articles whose sentences the consistency context does not have yet (see `articleSaved`). */
  private readonly queued = new Map<string, { a: PairedArticle; source: string; target: string }>();
  private draining: Promise<void> | null = null;

  constructor(private readonly src: CheckInputSources) {}

  /**
   * The input for one article's texts. `waitMs`: how long to wait for the project's consistency
   * context on the first check of a project (aligning every article takes a while); past it the input
   * is built without it and marked incomplete. Undefined waits as long as it takes (counts, CLI).
   */
  async checkInputFor(a: PairedArticle, texts: { source: string; target: string; tags?: CheckTags; segmentGroups?: SegmentGroups | undefined; cueTimings?: { startMs: number; endMs: number }[] | undefined }, opts: { waitMs?: number } = {}): Promise<BuiltInput> {
    const config = this.src.config();
    const settings = settingsOf(config);
    const files = config.glossaries ?? DEFAULT_GLOSSARIES;
    const glossary = await Promise.all(files.map((f) => this.glossary(f, a.sourceLang, a.targetLang)));
    const wordList = config.wordList ?? [];
    // The project's "everywhere" ignores first, then the article's own ("ignore here").
    const ignores = [...(config.checks?.ignores ?? []), ...(await this.src.ignores(a.id))];
    const context = await this.consistency(opts.waitMs, a.id);
    const project: SharedProjectData = { glossary, wordList, ...(context ? { context } : {}) };
    return {
      source: texts.source,
      target: texts.target,
      ...(texts.tags ? { tags: texts.tags } : {}),
      sourceLang: a.sourceLang,
      targetLang: a.targetLang,
      settings,
      project,
      ignores,
      articleId: a.id,
      ...(texts.segmentGroups ? { segmentGroups: texts.segmentGroups } : {}),
      ...(texts.cueTimings ? { cueTimings: texts.cueTimings } : {}),
      projectKey: JSON.stringify([settings, files, glossaryCount(glossary), wordList]),
      complete: context !== null,
    };
  }

  /** Settings, glossaries or the word list changed: read them again. */
  configChanged(): void {
    this.glossaries.clear();
  }

  /**
   * An article's translation on disk changed: its sentences in the consistency context are replaced.
   * Queued, not awaited (re-aligning a book takes seconds, and a save must not wait for it): the latest
   * save of each article is re-aligned in the background, one at a time, and a check of another article
   * waits for those updates (`consistency`), so no check ever uses the old sentences.
   */
  articleSaved(a: PairedArticle, source: string, target: string): void {
    this.queued.set(a.id, { a, source, target });
    this.draining ??= this.drain().finally(() => (this.draining = null));
  }

  /** Resolves when every queued consistency update has been applied (tests, the CLI). */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    if (!this.perArticle) {
      this.queued.clear(); // the context is built from disk on first use, saved files included
      return;
    }
    const map = await this.perArticle;
    for (let next = this.firstQueued(); next; next = this.firstQueued()) {
      const { a, source, target } = next;
      try {
        const pairs = await this.pairsOf(a, source, target);
        // A newer save of the same article arrived while this one was aligned: that one is applied next.
        if (this.queued.get(a.id) !== next) continue;
        this.queued.delete(a.id);
        map.set(a.id, pairs);
      } catch {
        this.queued.delete(a.id);
        map.delete(a.id);
        this.perArticle = null; // rebuilt from disk on the next check
      }
      this.context = null;
    }
  }

  private firstQueued(): { a: PairedArticle; source: string; target: string } | undefined {
    return this.queued.values().next().value;
  }

  /** The article list changed (rescan, import): the context is rebuilt on the next check. */
  articlesChanged(): void {
    this.perArticle = null;
    this.context = null;
  }

  private async consistency(waitMs: number | undefined, articleId: string): Promise<ConsistencyContext | null> {
    this.perArticle ??= this.buildPerArticle();
    const ready = (async () => {
      let m = await this.perArticle!;
      // An article's check never reads its own sentences (qa/consistency.ts): only others' saves are waited for.
      while (this.draining && [...this.queued.keys()].some((id) => id !== articleId)) {
        await this.draining;
        this.perArticle ??= this.buildPerArticle();
        m = await this.perArticle;
      }
      return (this.context ??= contextOf(m));
    })();
    if (waitMs === undefined) return ready;
    return Promise.race([ready, new Promise<null>((r) => setTimeout(() => r(null), waitMs))]);
  }

  private glossary(rel: string, sourceLang: string, targetLang: string): Promise<GlossaryPart> {
    const key = `${rel}\u0000${sourceLang}\u0000${targetLang}`;
    let entry = this.glossaries.get(key);
    if (!entry) {
      // A glossary is read from inside the project only (project.json is the user's, but may come from anyone).
      const abs = resolve(this.src.root, rel);
      const back = relative(this.src.root, abs);
      if (back.startsWith('..') || isAbsolute(back)) return Promise.reject(new CalqueError('pathOutsideProject', { path: rel }));
      // Nor through a symbolic link: a linked glossary would show an outside file's terms.
      entry = assertNoSymlinks(this.src.root, abs).then(() => (this.src.readGlossary ?? readGlossaryFile)(abs, rel, sourceLang, targetLang));
      this.glossaries.set(key, entry);
    }
    return entry;
  }

  private async pairsOf(a: PairedArticle, source: string, target: string): Promise<PackedPairs> {
    return this.src.sentencePairs ? this.src.sentencePairs(a, source, target) : packPairs(sentencePairs(a.sourceLang, a.targetLang, source, target));
  }

  private async buildPerArticle(): Promise<Map<string, PackedPairs>> {
    const map = new Map<string, PackedPairs>();
    for (const a of this.src.articles()) {
      try {
        const source = (await readTextFile(join(this.src.root, a.sourcePath), a.sourcePath, 'source')).text;
        const target = (await readTextFile(join(this.src.root, a.targetPath), a.targetPath, 'target')).text;
        map.set(a.id, await this.pairsOf(a, source, target));
      } catch {
        // An unreadable article simply adds nothing here; the list shows its error.
      }
      await new Promise((r) => setImmediate(r)); // keep the host responsive on big projects
    }
    return map;
  }
}

/**
 * An article's word-diff stats against its baseline (words, changed, edit rate): the article list,
 * the view and each save show them. A whole-document word diff of a book or of a million lines takes
 * the host seconds, so the check service may work them out in a worker; `diffStats` is the one
 * definition, wherever it runs.
 */
import type { DiffStats } from '../../contract/api.js';
import { wordDiff, type DiffTags } from '../../common/word-diff.js';

export function diffStats(baseline: string, current: string, lang: string, tags?: DiffTags): DiffStats {
  return wordDiff(baseline, current, lang, tags).stats;
}

/** Works out the stats of `current` against `baseline` (the check service may do it in a worker). */
export type StatsFn = (articleId: string, baseline: string, current: string, lang: string, tags?: DiffTags) => Promise<DiffStats>;

export const inThreadStats: StatsFn = async (_id, baseline, current, lang, tags) => diffStats(baseline, current, lang, tags);

/** Texts from this length on are remembered (shorter ones cost less to diff than to look up). */
const REMEMBERED_FROM = 30_000;

interface Entry {
  lang: string;
  baseline: string;
  current: string;
  tags: DiffTags | undefined;
  stats: Promise<DiffStats>;
}

/**
 * The stats of the last few big texts. Keyed by the texts themselves: a file read again is the same
 * string (read-text-file.ts keeps the documents of big files), so a lookup compares pointers, with no
 * hash of megabytes on the request thread.
 */
export class StatsMemo {
  private readonly entries: Entry[] = [];

  constructor(
    private readonly compute: StatsFn = inThreadStats,
    private readonly limit = 8,
  ) {}

  get(articleId: string, baseline: string, current: string, lang: string, tags?: DiffTags): Promise<DiffStats> {
    if (baseline.length + current.length < REMEMBERED_FROM) return this.compute(articleId, baseline, current, lang, tags);
    const at = this.entries.findIndex((e) => e.lang === lang && e.baseline === baseline && e.current === current && sameTags(e.tags, tags));
    const hit = at >= 0 ? this.entries.splice(at, 1)[0]! : { lang, baseline, current, tags, stats: this.compute(articleId, baseline, current, lang, tags) };
    if (at < 0) hit.stats.catch(() => this.forget(hit)); // a failure is not remembered
    this.entries.push(hit);
    while (this.entries.length > this.limit) this.entries.shift();
    return hit.stats;
  }

  private forget(e: Entry): void {
    const at = this.entries.indexOf(e);
    if (at >= 0) this.entries.splice(at, 1);
  }
}

function sameTags(a: DiffTags | undefined, b: DiffTags | undefined): boolean {
  const same = (x: DiffTags['baseline'] = [], y: DiffTags['baseline'] = []) => x.length === y.length && x.every((t, k) => t.start === y[k]!.start && t.end === y[k]!.end);
  return same(a?.baseline, b?.baseline) && same(a?.current, b?.current);
}

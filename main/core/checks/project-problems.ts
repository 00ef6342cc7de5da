import { CalqueError, type ProjectFixResult, type ProjectProblemGroup, type ProjectProblems } from '../../contract/api.js';
import type { Finding } from '../../contract/review.js';
import { applyEdits, fixAllEdits } from '../../common/fix-all.js';
import { countProblems, totalProblems } from '../../common/problems.js';
import type { ProjectEditEntry } from '../article/project-edits.js';
import type { PairedArticle } from '../project/pairing.js';
import type { CheckService } from './service.js';

/**
 * The problems panel's groups for the whole project (issue 11, "the same actions across the project
 * from the article list"): one rule on one text, counted per article as the article list counts them
 * (countProblems of the same findings), and "fix all" of a group in every article, one save each.
 */

const RANK = { critical: 0, major: 1, minor: 2 } as const;
const keyOf = (f: { rule: string; text: string }) => `${f.rule}\u0000${f.text}`;

/**
 * `job`/`onProgress`: the dialog's progress and Cancel (a large project takes minutes); a cancelled run
 * stops before the next article and returns what it had.
 */
export async function projectProblems(
  checks: Pick<CheckService, 'problemsOnDisk'>,
  articles: readonly PairedArticle[],
  job: { readonly cancelled: boolean } = { cancelled: false },
  onProgress: (done: number) => void = () => undefined,
): Promise<ProjectProblems> {
  const groups = new Map<string, ProjectProblemGroup>();
  let checked = 0;
  for (const [done, a] of articles.entries()) {
    if (job.cancelled) break;
    if (done) onProgress(done);
    let findings: Finding[];
    try {
      ({ findings } = await checks.problemsOnDisk(a));
    } catch {
      continue; // an unreadable article shows its error in the list
    }
    checked++;
    const mine = new Map<string, Finding[]>();
    for (const f of findings) mine.set(keyOf(f), [...(mine.get(keyOf(f)) ?? []), f]);
    for (const [key, list] of mine) {
      const first = list[0]!;
      const severity = first.severity as ProjectProblemGroup['severity'];
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { rule: first.rule, text: first.text, category: first.category, severity, articles: [] }));
      for (const f of list) if (RANK[f.severity as ProjectProblemGroup['severity']] < RANK[g.severity]) g.severity = f.severity as ProjectProblemGroup['severity'];
      g.articles.push({ id: a.id, count: totalProblems(countProblems(list)), fixable: fixAllEdits(list).applied });
    }
  }
  const total = (g: ProjectProblemGroup) => g.articles.reduce((n, x) => n + x.count, 0);
  // The largest groups first: the repeated false alarm is what the list is for.
  return { groups: [...groups.values()].sort((x, y) => total(y) - total(x) || RANK[x.severity] - RANK[y.severity] || keyOf(x).localeCompare(keyOf(y))), articles: checked };
}

export interface FixDeps {
  checks: Pick<CheckService, 'problemsOnDisk'>;
  readDisk: (id: string) => Promise<{ text: string; revision: string }>;
  save: (req: { id: string; text: string; expectedRevision: string }) => Promise<{ revision: string }>;
}

/**
 * Fix all of `groups` in every article: the first fix of each of their findings on the file as it is now
 * (never a stale list's offsets), one save per article; one changed meanwhile is a conflict, left alone.
 */
export async function fixProjectProblems(deps: FixDeps, articles: readonly PairedArticle[], groups: readonly { rule: string; text: string }[]): Promise<ProjectFixResult & { undo: ProjectEditEntry[] }> {
  const wanted = new Set(groups.map(keyOf));
  const out: ProjectFixResult & { undo: ProjectEditEntry[] } = { fixed: 0, articles: [], conflicts: [], undo: [] };
  for (const a of articles) {
    let disk: { text: string; revision: string };
    let found: { findings: Finding[]; target: string };
    try {
      disk = await deps.readDisk(a.id);
      found = await deps.checks.problemsOnDisk(a);
    } catch {
      continue;
    }
    const { edits, applied } = fixAllEdits(found.findings.filter((f) => wanted.has(keyOf(f))));
    if (!applied) continue;
    // The check read the file again: if it changed in between, its offsets are not of `disk`.
    if (found.target !== disk.text) {
      out.conflicts.push(a.id);
      continue;
    }
    try {
      const saved = await deps.save({ id: a.id, text: applyEdits(disk.text, edits), expectedRevision: disk.revision });
      out.fixed += applied;
      out.articles.push({ id: a.id, fixed: applied, revision: saved.revision });
      out.undo.push({ id: a.id, before: disk.text, revision: saved.revision });
    } catch (err) {
      if (err instanceof CalqueError && err.code === 'conflict') out.conflicts.push(a.id);
      else throw err;
    }
  }
  return out;
}

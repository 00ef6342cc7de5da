/**
 * The problem counts of a set of findings, the one place they are computed (article list, stored review,
 * problems panel, `calque check`): hints are not problems, and a word misspelled several times in an
 * article (one group, `Finding.occurrences`) is one problem.
 */
import type { ProblemCounts } from '../contract/api.js';
import type { Finding } from '../contract/review.js';

export const isProblem = (f: Pick<Finding, 'severity'>) => f.severity !== 'hint';

export function countProblems(findings: readonly Finding[]): ProblemCounts {
  const counts: ProblemCounts = { minor: 0, major: 0, critical: 0 };
  const groups = new Set<string>();
  for (const f of findings) {
    if (f.severity === 'hint') continue;
    if (f.occurrences && f.occurrences > 1) {
      const key = `${f.rule}\u0000${f.text}`;
      if (groups.has(key)) continue;
      groups.add(key);
    }
    counts[f.severity]++;
  }
  return counts;
}

export const totalProblems = (c: ProblemCounts) => c.minor + c.major + c.critical;

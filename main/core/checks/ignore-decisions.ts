import type { ReviewStore } from '../article/review-store.js';
import type { ConfigService } from '../project/config-service.js';

/**
 * "Ignore" decisions of several findings at once (the problems panel's "ignore all"): one write of the
 * article's review, or one of project.json for "this rule for this text everywhere". Decisions already
 * there are not repeated. Read back by the check input builder (input.ts), the one place they apply.
 */
export interface IgnoreItem {
  rule: string;
  text: string;
}

function unseen(existing: readonly IgnoreItem[], items: readonly IgnoreItem[]): IgnoreItem[] {
  const seen = new Set(existing.map((i) => `${i.rule}\u0000${i.text}`));
  const out: IgnoreItem[] = [];
  for (const i of items) {
    const key = `${i.rule}\u0000${i.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ rule: i.rule, text: i.text });
  }
  return out;
}

/** Kept with the article's review, under its lock. Returns how many were new. */
export async function addArticleIgnores(reviews: Pick<ReviewStore, 'update'>, id: string, items: readonly IgnoreItem[]): Promise<number> {
  let added = 0;
  await reviews.update(id, (r) => {
    const fresh = unseen(r.ignores, items);
    added = fresh.length;
    return fresh.length ? { ignores: [...r.ignores, ...fresh] } : {};
  });
  return added;
}

/** Kept in project.json `checks.ignores`, through the config service (its only writer). */
export async function addProjectIgnores(config: Pick<ConfigService, 'update'>, items: readonly IgnoreItem[]): Promise<number> {
  let added = 0;
  await config.update((c) => {
    const existing = c.checks?.ignores ?? [];
    const fresh = unseen(existing, items);
    added = fresh.length;
    if (!fresh.length) return c;
    return { ...c, checks: { disabled: [], severity: {}, ...c.checks, ignores: [...existing, ...fresh] } };
  });
  return added;
}

import { useCallback, useRef, useState } from 'react';
import type { ProjectEditUndone, ProjectSearch, ReplaceResult, SearchMatch, SearchResult } from '../../main/contract/api';
import { api, toUiError, type UiError } from '../api';
import { useResultJob } from './use-result-job';

/** An article open in an editor: a replacement there goes through its model (one undoable edit). */
export interface OpenArticleEdits {
  id: string;
  /** Apply replacements ([start, end) of the text as searched) as one edit operation; false when the text moved on. */
  apply: (edits: { start: number; end: number; text: string; expect: string }[]) => boolean;
}

/**
 * The project search's lifecycle: start the job, follow its progress, cancel it, fetch its matches,
 * and replace chosen ones (the open article through its model, the others through the host).
 */
export function useProjectSearch(open: OpenArticleEdits | undefined) {
  const [query, setQuery] = useState<ProjectSearch | null>(null);
  // A replacement's or an undo's error; the search job's own error comes from useResultJob.
  const [actionError, setError] = useState<UiError | null>(null);
  const queryRef = useRef<ProjectSearch | null>(null);
  const start = useCallback(() => api.searchProject(queryRef.current!), []);
  const fetch = useCallback((jobId: string) => api.searchResult({ jobId }), []);
  const search = useResultJob<SearchResult>(start, fetch);
  const runJob = search.run;

  const run = useCallback(
    async (q: ProjectSearch) => {
      queryRef.current = q;
      setQuery(q);
      setError(null);
      await runJob();
    },
    [runJob],
  );

  const replace = useCallback(
    async (matches: SearchMatch[]): Promise<ReplaceResult | null> => {
      if (!query || query.replacement === undefined || !matches.length) return null;
      const mine = open ? matches.filter((m) => m.article === open.id) : [];
      const others = open ? matches.filter((m) => m.article !== open.id) : matches;
      const res: ReplaceResult = { replaced: 0, articles: [], conflicts: [], stale: 0 };
      if (mine.length && open) {
        const edits = mine.filter((m) => typeof m.replacement === 'string').map((m) => ({ start: m.start, end: m.end, text: m.replacement as string, expect: m.text }));
        if (open.apply(edits)) {
          res.replaced += edits.length;
          res.articles.push({ id: open.id, replaced: edits.length, revision: '' });
        } else res.stale += mine.length;
      }
      if (others.length) {
        try {
          const { pattern, regex, caseSensitive, wholeWord } = query;
          const r = await api.replaceInProject({ query: { pattern, regex, caseSensitive, wholeWord }, replacement: query.replacement, matches: others.map(({ article, start, end, text }) => ({ article, start, end, text })) });
          res.replaced += r.replaced;
          res.articles.push(...r.articles);
          res.conflicts.push(...r.conflicts);
          res.stale += r.stale;
          if (r.undoId) res.undoId = r.undoId;
        } catch (err) {
          setError(toUiError(err));
          return null;
        }
      }
      return res;
    },
    [query, open],
  );

  /** Undo the host's saves of a replacement (the open article's own edit is undone in its editor). */
  const undo = useCallback(async (undoId: string): Promise<ProjectEditUndone | null> => {
    try {
      return await api.undoProjectEdit({ undoId });
    } catch (err) {
      setError(toUiError(err));
      return null;
    }
  }, []);

  const { cancel, running, job, result } = search;
  return { run, cancel, replace, undo, running, job, result, error: actionError ?? search.error, query };
}

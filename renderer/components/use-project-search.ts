import { useCallback, useEffect, useRef, useState } from 'react';
import type { CalqueEvents, ProjectEditUndone, ProjectSearch, ReplaceResult, SearchMatch, SearchResult } from '../../main/contract/api';
import { api, toUiError, type UiError } from '../api';

type Job = CalqueEvents['job'];

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
  const [jobId, setJobId] = useState<string | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [query, setQuery] = useState<ProjectSearch | null>(null);
  const jobRef = useRef<string | null>(null);
  const early = useRef(new Map<string, Job>());

  useEffect(
    () =>
      api.onEvent((name, payload) => {
        if (name !== 'job') return;
        const j = payload as Job;
        // A short search can finish before searchProject's own answer arrives.
        if (jobRef.current === null) early.current.set(j.jobId, j);
        else if (j.jobId === jobRef.current) setJob(j);
      }),
    [],
  );

  useEffect(() => {
    if (!jobId || !job || job.jobId !== jobId) return;
    if (job.state === 'finished') api.searchResult({ jobId }).then(setResult, (e) => setError(toUiError(e)));
    else if (job.state === 'failed' && job.error) setError(job.error);
  }, [jobId, job]);

  const run = useCallback(async (q: ProjectSearch) => {
    setError(null);
    setResult(null);
    setJob(null);
    setQuery(q);
    jobRef.current = null;
    early.current.clear();
    try {
      const { jobId: id } = await api.searchProject(q);
      jobRef.current = id;
      setJobId(id);
      const seen = early.current.get(id);
      if (seen) setJob(seen);
    } catch (err) {
      setError(toUiError(err));
    }
  }, []);

  const cancel = useCallback(() => {
    if (jobId) void api.cancelJob({ jobId }).catch(() => undefined);
  }, [jobId]);

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

  const running = !!jobId && (!job || job.state === 'running');
  return { run, cancel, replace, undo, running, job, result, error, query };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { CalqueEvents, JobStarted } from '../../main/contract/api';
import { api, toUiError, type UiError } from '../api';

type Job = CalqueEvents['job'];

/**
 * A host job whose answer is fetched once it finished (project problems, project search): start it, follow its
 * progress, cancel it (the host stops before its next article), fetch the answer.
 */
export function useResultJob<T>(start: () => Promise<JobStarted>, fetch: (jobId: string) => Promise<T>) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const jobRef = useRef<string | null>(null);
  // A short job can end before start's own answer arrives.
  const early = useRef(new Map<string, Job>());

  useEffect(
    () =>
      api.onEvent((name, payload) => {
        if (name !== 'job') return;
        const j = payload as Job;
        if (jobRef.current === null) early.current.set(j.jobId, j);
        else if (j.jobId === jobRef.current) setJob(j);
      }),
    [],
  );

  useEffect(() => {
    if (!jobId || !job || job.jobId !== jobId) return;
    if (job.state === 'finished') fetch(jobId).then(setResult, (e) => setError(toUiError(e)));
    else if (job.state === 'failed' && job.error) setError(job.error);
  }, [jobId, job, fetch]);

  const run = useCallback(async () => {
    setError(null);
    setResult(null);
    setJob(null);
    jobRef.current = null;
    early.current.clear();
    try {
      const { jobId: id } = await start();
      jobRef.current = id;
      setJobId(id);
      const seen = early.current.get(id);
      if (seen) setJob(seen);
    } catch (err) {
      setError(toUiError(err));
    }
  }, [start]);

  const cancel = useCallback(() => {
    if (jobId) void api.cancelJob({ jobId }).catch(() => undefined);
  }, [jobId]);

  const running = !!jobId && (!job || job.state === 'running');
  return { run, cancel, running, job, result, error };
}

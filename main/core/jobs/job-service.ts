import { randomUUID } from 'node:crypto';
import { CalqueError, type CalqueEvents } from '../../contract/api.js';

export type JobState = CalqueEvents['job']['state'];
export type JobProgress = (done: number, total: number, state: JobState, error?: CalqueEvents['job']['error']) => void;

/** Long work (export all): an id, progress as `job` events, and a cancel flag the work checks between steps. */
export class JobService {
  private readonly jobs = new Map<string, { cancelled: boolean }>();

  constructor(private readonly emit: (payload: CalqueEvents['job']) => void) {}

  /** Start `work` in the background; it reports through `progress` and stops when `job.cancelled`. */
  start(work: (job: { cancelled: boolean }, progress: JobProgress) => Promise<void>): string {
    const jobId = randomUUID();
    const job = { cancelled: false };
    this.jobs.set(jobId, job);
    void work(job, (done, total, state, error) => {
      this.emit({ jobId, done, total, state, ...(error ? { error } : {}) });
      if (state !== 'running') this.jobs.delete(jobId);
    });
    return jobId;
  }

  cancel(jobId: string): { cancelled: boolean } {
    const job = this.jobs.get(jobId);
    if (!job) throw new CalqueError('unknownJob', { jobId });
    job.cancelled = true;
    return { cancelled: true };
  }

  dispose(): void {
    for (const job of this.jobs.values()) job.cancelled = true;
  }
}

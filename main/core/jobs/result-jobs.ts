import { CalqueError } from '../../contract/api.js';
import type { JobService } from './job-service.js';

/**
 * Project-wide work whose answer is fetched once it finished (the project problems): progress as `job`
 * events out of `total` articles, a cancel flag the work checks between articles, and the last few
 * answers kept for their fetch.
 */
export class ResultJobs<T> {
  private readonly results = new Map<string, T>();

  constructor(
    private readonly jobs: JobService,
    private readonly kept = 4,
  ) {}

  start(total: number, work: (job: { readonly cancelled: boolean }, onProgress: (done: number) => void) => Promise<T>): string {
    let done = 0;
    const jobId = this.jobs.start(async (job, progress) => {
      try {
        progress(0, total, 'running');
        const result = await work(job, (n) => progress((done = n), total, 'running'));
        if (job.cancelled) return progress(done, total, 'cancelled');
        this.keep(jobId, result);
        progress(total, total, 'finished');
      } catch (err) {
        progress(done, total, 'failed', err instanceof CalqueError ? err.toInfo() : { code: 'internal', params: { reason: String(err) } });
      }
    });
    return jobId;
  }

  result(jobId: string): T {
    const r = this.results.get(jobId);
    if (!r) throw new CalqueError('unknownJob', { jobId });
    return r;
  }

  private keep(jobId: string, r: T): void {
    this.results.set(jobId, r);
    while (this.results.size > this.kept) this.results.delete(this.results.keys().next().value!);
  }
}

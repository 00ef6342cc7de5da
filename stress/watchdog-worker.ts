/**
 * A TypeScript worker (loaded through tsx, as `npm run stress` does) that answers one message per try,
 * behind a watchdog: a try with no answer in `hangMs` is a hang, and the worker is replaced.
 */
import { Worker } from 'node:worker_threads';

export type Hang = { outcome: 'hang'; detail: string };

export class WatchdogWorker<In, Out> {
  private worker: Worker | null = null;

  constructor(
    private readonly url: string,
    private readonly hangMs: number,
  ) {}

  private async start(): Promise<Worker> {
    // The worker says it is ready once its module has loaded.
    const w = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(this.url)}); })`, { eval: true });
    w.unref();
    await new Promise<void>((resolve, reject) => {
      w.once('message', () => resolve());
      w.once('error', reject);
    });
    this.worker = w;
    return w;
  }

  async run(t: In): Promise<Out | Hang> {
    const w = this.worker ?? (await this.start());
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        w.removeAllListeners('message');
        void w.terminate();
        this.worker = null;
        resolve({ outcome: 'hang', detail: `no answer in ${this.hangMs} ms` });
      }, this.hangMs);
      w.once('message', (m: Out) => {
        clearTimeout(timer);
        resolve(m);
      });
      w.postMessage(t);
    });
  }

  stop(): void {
    void this.worker?.terminate();
  }
}

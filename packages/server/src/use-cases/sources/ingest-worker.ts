import type { IngestDeps, IngestJob } from './ports.ts';
import { runNextJob } from './run-job.ts';

/** How often an idle worker looks for jobs another process queued (this process's own submissions wake it at once). */
const POLL_MS = 2000;

export interface IngestWorker {
  wake(): void;
  stop(): Promise<void>;
}

/**
 * The server's reader of queued documents: one job at a time, beside the requests, so a burst of uploads
 * queues rather than slowing the answers. A job that throws is recorded on the job, and the worker goes on.
 */
export function startIngestWorker(deps: IngestDeps, log: { error(obj: object, msg: string): void }): IngestWorker {
  let stopped = false;
  let wakeUp: () => void = () => {};
  const idle = () =>
    new Promise<void>((resolve) => {
      // An idle worker does not keep the process alive: closing the app stops it, and a CLI run exits when done.
      const timer = setTimeout(resolve, POLL_MS).unref();
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    while (!stopped) {
      try {
        const ran = await runNextJob(deps, (err, job: IngestJob) => log.error({ err, processId: job.processId, jobId: job.jobId }, 'ingest job failed'));
        if (ran) continue;
      } catch (err) {
        // The queue itself failed (the database is closing or unreachable): wait, and try again.
        if (!stopped) log.error({ err }, 'ingest queue unavailable');
      }
      if (!stopped) await idle();
    }
  })();
  return {
    wake: () => wakeUp(),
    async stop() {
      stopped = true;
      wakeUp();
      await loop;
    },
  };
}

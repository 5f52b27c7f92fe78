import type { LogDeps } from '../ports.ts';
import { checkIntegrity } from './check-integrity.ts';
import type { ProcessIntegrity } from './integrity-state.ts';

type Deps = Pick<LogDeps, 'integrity' | 'log'>;

export interface WatchEvents {
  /** A process whose check found something (reported once per round while it lasts). */
  onFindings(report: ProcessIntegrity): void;
  onError(processId: string | null, err: unknown): void;
}

/** One round over every process; one process's failure does not stop the others' checks. */
export async function checkAllProcesses(deps: Deps, mode: { mode: 'complete' } | { mode: 'sampled'; sample: number }, events: WatchEvents) {
  const reports: ProcessIntegrity[] = [];
  for (const processId of await deps.log.processIds()) {
    try {
      const { report } = await checkIntegrity(deps, processId, mode);
      reports.push(report);
      if (report.findings.length > 0) events.onFindings(report);
    } catch (err) {
      events.onError(processId, err);
    }
  }
  return reports;
}

/**
 * The server watches its own log: a complete check of every process on start (before
 * the first request), then a sampled round every `seconds`. A log that passes its
 * complete check and has no checkpoint kept outside the database yet (a deployment
 * older than that file) gets its latest signed one kept now.
 */
export async function startIntegrityWatch(deps: Deps, opts: { seconds: number } & WatchEvents) {
  for (const report of await checkAllProcesses(deps, { mode: 'complete' }, opts)) {
    if (report.findings.length > 0) continue;
    try {
      const latest = await deps.log.latestCheckpoint(report.processId);
      if (latest && !deps.integrity.mirror.read(report.processId)) deps.integrity.mirror.keep(report.processId, latest.note);
    } catch (err) {
      opts.onError(report.processId, err);
    }
  }
  let round: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    round = round
      .then(() => checkAllProcesses(deps, { mode: 'sampled', sample: deps.integrity.sample }, opts))
      .catch((err: unknown) => opts.onError(null, err));
  }, opts.seconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await round;
    },
  };
}

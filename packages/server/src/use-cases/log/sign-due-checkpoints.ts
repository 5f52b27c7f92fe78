import type { LogDeps } from '../ports.ts';
import { signLatest } from './sign-checkpoint.ts';

/** The timer's work: a checkpoint for every process whose log grew since its last one. */
export async function signDueCheckpoints(deps: LogDeps) {
  const signed: { processId: string; size: number }[] = [];
  // One process failing its integrity check must not stop the others' checkpoints.
  const failed: { processId: string; error: unknown }[] = [];
  for (const processId of await deps.log.processIds()) {
    try {
      const r = await signLatest(deps, processId);
      if (r.signed) signed.push({ processId, size: r.checkpoint.size });
    } catch (error) {
      failed.push({ processId, error });
    }
  }
  return { signed, failed };
}

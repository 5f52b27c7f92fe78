import type { LogDeps } from '../ports.ts';
import { checkpointNote, headOf } from './log-support.ts';
import { signLatest } from './sign-checkpoint.ts';

/**
 * The latest signed checkpoint with the cosignatures received so far. Public: it holds
 * only a size and a root. A log never signed yet gets its first checkpoint now.
 */
export async function getCheckpoint(deps: LogDeps, processId: string): Promise<string> {
  await headOf(deps, processId);
  const latest = (await deps.log.latestCheckpoint(processId)) ?? (await signLatest(deps, processId)).checkpoint;
  return checkpointNote(latest);
}

/** The verifier key of the process's log, for a relying party's policy. */
export async function getLogKey(deps: LogDeps, processId: string) {
  await headOf(deps, processId);
  return { origin: deps.logKeys.origin(processId), key: deps.logKeys.verifierKey(processId) };
}

import type { LogDeps, WitnessRecord } from '../ports.ts';
import { headOf } from './log-support.ts';

/**
 * Witnesses are public, as their registrations are in the public log: a verifier needs
 * their keys, and every party can see which addresses the mediator approved.
 */
export async function listWitnesses(deps: LogDeps, processId: string): Promise<WitnessRecord[]> {
  await headOf(deps, processId);
  return deps.log.witnesses(processId);
}

import type { Actor } from '../../domain/shared/actor.ts';
import { AppError, notFound } from '../../domain/shared/app-error.ts';
import { assertMayActOnWitness } from '../../policies/witness.ts';
import type { LogDeps, WitnessRecord } from '../ports.ts';
import { headOf } from './log-support.ts';

/**
 * A party takes its witness away (or the mediator does, say for one that misbehaves):
 * it is no longer called nor shown as a cosigner. The row and its journal stay, since
 * stored cosignatures refer to it; removal is a new version, so the history shows who did it.
 */
export async function removeWitness(deps: LogDeps, actor: Actor, processId: string, name: string, input: { version: number }): Promise<WitnessRecord> {
  await headOf(deps, processId);
  return deps.store.write(processId, actor, async (uow) => {
    const current = await uow.witness(name);
    if (!current) throw notFound('witness', name);
    assertMayActOnWitness(actor, processId, current, 'remove');
    if (current.status === 'removed') throw new AppError('invalid_transition', 'witness_removed', `The witness "${name}" is already removed.`);
    return uow.reviseWitness({ ...current, status: 'removed', removedBy: actor.accountId }, input.version);
  });
}

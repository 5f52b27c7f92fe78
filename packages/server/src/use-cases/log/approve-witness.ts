import type { Actor } from '../../domain/shared/actor.ts';
import { AppError, notFound } from '../../domain/shared/app-error.ts';
import { assertMayActOnWitness } from '../../policies/witness.ts';
import type { LogDeps, WitnessRecord } from '../ports.ts';
import { headOf } from './log-support.ts';

/**
 * The mediator approves a party's pending witness: from then on it is sent every checkpoint
 * and its cosignatures are shown. The address is checked again here, because what a host
 * name resolves to may have changed since it was registered.
 */
export async function approveWitness(deps: LogDeps, actor: Actor, processId: string, name: string, input: { version: number }): Promise<WitnessRecord> {
  await headOf(deps, processId);
  const seen = (await deps.log.witnesses(processId)).find((w) => w.name === name);
  if (!seen) throw notFound('witness', name);
  assertMayActOnWitness(actor, processId, seen, 'approve');
  if (seen.status === 'pending') await deps.witnessClient.checkUrl(seen.url);
  return deps.store.write(processId, actor, async (uow) => {
    const current = await uow.witness(name);
    if (!current) throw notFound('witness', name);
    if (current.status !== 'pending')
      throw new AppError(
        'invalid_transition',
        current.status === 'active' ? 'already_active' : 'witness_removed',
        `The witness "${name}" is ${current.status}; only a pending witness can be approved.`,
      );
    if (current.url !== seen.url)
      throw new AppError('conflict', 'stale_version', `The witness "${name}" was changed meanwhile; reload it and try again.`, { field: 'version' });
    return uow.reviseWitness({ ...current, status: 'active', approvedBy: actor.accountId }, input.version);
  });
}

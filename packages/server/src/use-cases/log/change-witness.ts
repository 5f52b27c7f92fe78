import type { Actor } from '../../domain/shared/actor.ts';
import { AppError, notFound } from '../../domain/shared/app-error.ts';
import { assertMayActOnWitness, witnessStatusAfter } from '../../policies/witness.ts';
import type { LogDeps, WitnessRecord } from '../ports.ts';
import { headOf } from './log-support.ts';
import { normaliseWitnessUrl } from './register-witness.ts';

/**
 * A party moves its witness to a new address. A delegate's new address is pending again
 * until the mediator approves it (meanwhile the witness is not called at all, neither at
 * the old address nor at the new): approving a URL once must not let a party point the
 * server anywhere later. A new key is a new witness: register it and remove this one.
 */
export async function changeWitness(
  deps: LogDeps,
  actor: Actor,
  processId: string,
  name: string,
  input: { url: string; version: number },
): Promise<WitnessRecord> {
  await headOf(deps, processId);
  const url = normaliseWitnessUrl(input.url);
  const seen = (await deps.log.witnesses(processId)).find((w) => w.name === name);
  if (!seen) throw notFound('witness', name);
  assertMayActOnWitness(actor, processId, seen, 'change');
  await deps.witnessClient.checkUrl(url);
  return deps.store.write(processId, actor, async (uow) => {
    const current = await uow.witness(name);
    if (!current) throw notFound('witness', name);
    assertMayActOnWitness(actor, processId, current, 'change');
    if (current.status === 'removed')
      throw new AppError('invalid_transition', 'witness_removed', `The witness "${name}" is removed; register it again instead.`);
    const status = witnessStatusAfter(actor, processId);
    return uow.reviseWitness({ ...current, url, status, approvedBy: status === 'active' ? actor.accountId : null }, input.version);
  });
}

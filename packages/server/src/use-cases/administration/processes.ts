import type { Actor } from '../../domain/shared/actor.ts';
import { SYSTEM } from '../../domain/shared/actor.ts';
import { invalid } from '../../domain/shared/app-error.ts';
import { assertAdministrator } from '../../policies/administration.ts';
import type { AccessDeps } from '../access/deps.ts';
import { storedArea, type AreaInput } from '../../domain/lines/process-area.ts';

/** Process ids appear in every address and log origin: a short slug, no leading or trailing dash. */
export const PROCESS_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/**
 * Opens a process (administrator): its record and journal, and its first mediator, who is the
 * account the administrator names or else the administrator. Both in one unit of work.
 */
export async function openProcess(
  deps: AccessDeps,
  actor: Actor,
  input: { id: string; names: { en: string; uk?: string; ru?: string }; description?: string; areaOfInterest?: AreaInput; mediator?: string },
): Promise<{ id: string; mediator: string | null }> {
  assertAdministrator(actor, 'open a process');
  if (!PROCESS_ID.test(input.id))
    throw invalid('id', 'invalid_pattern', 'A process id is 1–64 lower-case letters, digits and dashes, starting and ending with a letter or digit.');
  let mediator: { accountId: string; username: string } | null = null;
  if (input.mediator !== undefined) {
    const found = await deps.accounts.accountInfo(input.mediator);
    if (!found?.active) throw invalid('mediator', 'unknown_account', `There is no active account "${input.mediator}".`);
    mediator = found;
  } else if (actor !== SYSTEM && actor.accountId && actor.username) mediator = { accountId: actor.accountId, username: actor.username };
  const { mediator: _, areaOfInterest, ...process } = input;
  const area = areaOfInterest && storedArea(input.id, areaOfInterest);
  await deps.store.write(input.id, actor, async (uow) => {
    await uow.createProcess(area ? { ...process, areaOfInterest: area } : process);
    if (mediator) await uow.grantRole({ accountId: mediator.accountId, role: 'mediator', partyId: null });
  });
  return { id: input.id, mediator: mediator?.username ?? null };
}

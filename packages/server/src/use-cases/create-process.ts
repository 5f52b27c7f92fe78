import type { Actor } from '../domain/shared/actor.ts';
import { assertCanWrite } from '../policies/access.ts';
import type { Deps } from './support.ts';

/** Opens a new process with its own journal; only the operator (CLI) may do this. */
export async function createProcess(
  deps: Deps,
  actor: Actor,
  input: { id: string; names: { en: string; uk?: string; ru?: string }; description?: string },
): Promise<{ id: string }> {
  assertCanWrite(actor, input.id, 'process', { audience: 'public', audienceParty: null });
  await deps.store.write(input.id, actor, (uow) => uow.createProcess(input));
  return { id: input.id };
}

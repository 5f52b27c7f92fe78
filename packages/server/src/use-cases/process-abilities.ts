import type { Actor } from '../domain/shared/actor.ts';
import { processAbilities } from '../policies/abilities.ts';
import { assertProcess, type Deps } from './support.ts';

/** What the reader may do in a process, so the interface offers only the forms the server accepts. */
export async function getProcessAbilities(deps: Deps, actor: Actor, processId: string) {
  await assertProcess(deps.store.reader, processId);
  return processAbilities(actor, processId);
}

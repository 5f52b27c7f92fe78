import type { Actor } from '../domain/shared/actor.ts';
import { assertCanWrite } from '../policies/access.ts';
import type { Deps } from './support.ts';
import { storedArea, type AreaInput } from '../domain/lines/process-area.ts';

/** Opens a new process with its own journal; only the operator (CLI) may do this. */
export async function createProcess(
  deps: Deps,
  actor: Actor,
  input: { id: string; names: { en: string; uk?: string; ru?: string }; description?: string; areaOfInterest?: AreaInput },
): Promise<{ id: string }> {
  assertCanWrite(actor, input.id, 'process', { audience: 'public', audienceParty: null });
  const { areaOfInterest, ...process } = input;
  const area = areaOfInterest && storedArea(input.id, areaOfInterest);
  await deps.store.write(input.id, actor, (uow) => uow.createProcess(area ? { ...process, areaOfInterest: area } : process));
  return { id: input.id };
}

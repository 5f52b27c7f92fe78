import type { Actor } from '../domain/shared/actor.ts';
import { assertCanWrite, visibilityOf } from '../policies/access.ts';
import type { Resource } from './resources.ts';
import type { StoredRecord } from './ports.ts';
import { reading } from './reading.ts';
import { assertProcess, bodyOf, recordId, today, type Deps } from './support.ts';

/**
 * Creates a record of a kind that needs no verb of its own (a party, a source, a statement…).
 * Extra fields (`context`) come from the route, such as the meeting an invitation belongs to.
 * The record belongs to the writer's side from then on (see policies/access.ts).
 */
export async function createRecord(
  deps: Deps,
  actor: Actor,
  processId: string,
  res: Resource,
  input: Record<string, unknown>,
  context: Record<string, unknown> = {},
): Promise<StoredRecord> {
  const given = { ...input, ...context };
  const visibility = visibilityOf(given, res.defaultAudience);
  await assertProcess(deps.store.reader, processId);
  const owner = assertCanWrite(actor, processId, res.kind, visibility, res.actingFor?.(given));
  res.check(given);
  return deps.store.write(processId, actor, async (uow) => {
    const read = reading(uow, actor, processId, 'reference');
    await read.assertRefs(res.refs(given));
    const full = res.complete ? await res.complete(given, (table, id) => read.find(table, id)) : given;
    const id = await recordId(uow, processId, res.kind, visibility, input.id as string | undefined);
    return uow.insert(res.table, res.kind, { id, ...visibility, ...res.index({ ...full, id }, today(uow.now)), body: bodyOf(full), owner });
  });
}

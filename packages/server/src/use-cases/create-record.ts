import type { Actor } from '../domain/shared/actor.ts';
import { conflict } from '../domain/shared/app-error.ts';
import { sameValue } from '../domain/monitoring/ucdp.ts';
import { assertCanWrite, visibilityOf } from '../policies/access.ts';
import type { Resource } from './resources.ts';
import type { StoredRecord, UnitOfWork } from './ports.ts';
import { reading } from './reading.ts';
import { assertProcess, assertWithinArea, bodyOf, recordId, today, type Deps } from './support.ts';

export type CreateOutcome = 'created' | 'unchanged';

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
  return (await writeNew(deps, actor, processId, res, { ...input, ...context }, input.id as string | undefined, false)).record;
}

/**
 * The create a client calls: resending a submission under the id it chose (a retry after a lost
 * answer) returns the record it made instead of an error, so a report is never filed twice nor
 * refused for having been saved; the same id for a different submission is refused.
 */
export async function submitRecord(deps: Deps, actor: Actor, processId: string, res: Resource, input: Record<string, unknown>) {
  return writeNew(deps, actor, processId, res, input, input.id as string | undefined, true);
}

async function writeNew(
  deps: Deps,
  actor: Actor,
  processId: string,
  res: Resource,
  given: Record<string, unknown>,
  clientId: string | undefined,
  resendable: boolean,
): Promise<{ record: StoredRecord; outcome: CreateOutcome }> {
  const visibility = visibilityOf(given, res.defaultAudience);
  await assertProcess(deps.store.reader, processId);
  const owner = assertCanWrite(actor, processId, res.writeAs?.(given) ?? res.kind, visibility, res.actingFor?.(given));
  res.check(given);
  await assertWithinArea(deps.store.reader, processId, res, given);
  return deps.store.write(processId, actor, async (uow) => {
    const read = reading(uow, actor, processId, 'reference');
    await read.assertRefs(res.refs(given));
    const full = res.complete ? await res.complete(given, (table, id) => read.find(table, id)) : given;
    const id = await recordId(uow, processId, res.kind, visibility, clientId);
    const body = bodyOf(full);
    if (resendable && clientId !== undefined) {
      // Ids are unique across audiences, so the lookup is the rule's, not the reader's.
      const existing = await read.rules().get(res.table, id);
      if (existing) {
        if (existing.owner === owner && (await firstVersionIs(uow, res, existing, { ...visibility, body }))) return { record: existing, outcome: 'unchanged' };
        throw conflict('id_reused', `The id "${clientId}" was already used for a different ${res.label}; choose a new id, or send the version to replace it.`, {
          field: 'id',
        });
      }
    }
    const record = await uow.insert(res.table, res.kind, { id, ...visibility, ...res.index({ ...full, id }, today(uow.now)), body, owner });
    return { record, outcome: 'created' };
  });
}

/**
 * Creates a record inside a unit of work the caller holds, so it commits with what else the caller writes (a
 * source with its reading, a statement with the review that confirmed it). The same checks as a create.
 */
export async function insertRecord(uow: UnitOfWork, actor: Actor, processId: string, res: Resource, given: Record<string, unknown>): Promise<StoredRecord> {
  const visibility = visibilityOf(given, res.defaultAudience);
  const owner = assertCanWrite(actor, processId, res.writeAs?.(given) ?? res.kind, visibility, res.actingFor?.(given));
  res.check(given);
  await assertWithinArea(uow, processId, res, given);
  const read = reading(uow, actor, processId, 'reference');
  await read.assertRefs(res.refs(given));
  const full = res.complete ? await res.complete(given, (table, id) => read.find(table, id)) : given;
  const id = await recordId(uow, processId, res.kind, visibility, undefined);
  return uow.insert(res.table, res.kind, { id, ...visibility, ...res.index({ ...full, id }, today(uow.now)), body: bodyOf(full), owner });
}

/** Whether the record's first version (later edits do not count) is this submission. */
export async function firstVersionIs(
  uow: UnitOfWork,
  res: Resource,
  existing: StoredRecord,
  submitted: Pick<StoredRecord, 'audience' | 'audienceParty' | 'body'>,
): Promise<boolean> {
  const same = (r: Pick<StoredRecord, 'audience' | 'audienceParty' | 'body'>) =>
    r.audience === submitted.audience && r.audienceParty === submitted.audienceParty && sameValue(r.body, submitted.body);
  if (existing.version === 1) return same(existing);
  const first = (await uow.journal(uow.processId, res.kind, existing.id)).find((e) => e.version === 1)?.body as StoredRecord | null | undefined;
  return !!first && same(first);
}

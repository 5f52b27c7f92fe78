import type { Actor, Visibility } from '../../domain/shared/actor.ts';
import { conflict, type AppError } from '../../domain/shared/app-error.ts';
import { assertCanWrite, visibilityOf } from '../../policies/access.ts';
import { firstVersionIs } from '../create-record.ts';
import { resource } from '../resources.ts';
import type { NewRecord, StoredRecord, UnitOfWork } from '../ports.ts';
import { assertProcess, bodyOf, opaqueId, recordId, today, type Deps } from '../support.ts';
import { reading } from '../reading.ts';

export type PutOutcome = 'created' | 'unchanged';

/**
 * Writes an incident under a client-chosen id, or finds the one already written under it.
 * A resent submission (a retry after a lost answer, a re-imported file) must not duplicate
 * an incident, since counts come from incidents; but an id reused for a different incident
 * is a client error, not a silent merge, so it is refused.
 */
export async function putIncident(
  uow: UnitOfWork,
  id: string,
  visibility: Visibility,
  body: Record<string, unknown>,
): Promise<{ record: StoredRecord; outcome: PutOutcome }> {
  const res = resource('incident');
  const existing = await uow.get(res.table, uow.processId, id);
  if (existing) {
    if (await sameSubmission(uow, existing, visibility, body)) return { record: existing, outcome: 'unchanged' };
    throw reused(id);
  }
  const owner = assertCanWrite(uow.actor, uow.processId, res.kind, visibility);
  const record = await uow.insert(res.table, res.kind, { id, ...visibility, ...res.index(body, today(uow.now)), body, owner });
  return { record, outcome: 'created' };
}

/**
 * The batch form of putIncident for imports: one read for the ids already taken and one
 * write for the new incidents. Returns each item's outcome, or the error that refused it.
 */
export async function putIncidents(
  uow: UnitOfWork,
  visibility: Visibility,
  items: { id: string; body: Record<string, unknown> }[],
): Promise<(PutOutcome | AppError)[]> {
  const res = resource('incident');
  if (visibility.audience !== 'public') {
    const key = await uow.idKey(uow.processId);
    items = items.map((item) => ({ ...item, id: opaqueId(key, res.kind, item.id) }));
  }
  const existing = new Map(
    (
      await uow.getMany(
        res.table,
        uow.processId,
        items.map((i) => i.id),
      )
    ).map((r) => [r.id, r]),
  );
  const outcomes: (PutOutcome | AppError)[] = [];
  const owner = assertCanWrite(uow.actor, uow.processId, res.kind, visibility);
  const fresh: NewRecord[] = [];
  const seen = new Set<string>();
  for (const { id, body } of items) {
    const old = existing.get(id);
    if (old || seen.has(id)) {
      const same = old ? await sameSubmission(uow, old, visibility, body) : false;
      outcomes.push(same ? 'unchanged' : reused(id));
      continue;
    }
    seen.add(id);
    fresh.push({ id, ...visibility, ...res.index(body, today(uow.now)), body, owner });
    outcomes.push('created');
  }
  await uow.insertMany(res.table, res.kind, fresh);
  return outcomes;
}

const reused = (id: string) =>
  conflict('id_reused', `The incident id "${id}" was already used for a different incident; choose a new id, or send the version to replace it.`, {
    field: 'id',
    id,
  });

/** The submission that created the record: the first version, which later edits and verification steps do not change. */
const sameSubmission = (uow: UnitOfWork, existing: StoredRecord, v: Visibility, body: Record<string, unknown>) =>
  firstVersionIs(uow, resource('incident'), existing, { ...v, body });

/** Records an incident typed in by a person (or sent by a client); safe to resend with the same id. */
export async function createIncident(
  deps: Deps,
  actor: Actor,
  processId: string,
  input: Record<string, unknown>,
): Promise<{ record: StoredRecord; outcome: PutOutcome }> {
  const res = resource('incident');
  const visibility = visibilityOf(input, res.defaultAudience);
  await assertProcess(deps.store.reader, processId);
  assertCanWrite(actor, processId, res.kind, visibility);
  res.check(input);
  return deps.store.write(processId, actor, async (uow) => {
    await reading(uow, actor, processId, 'reference').assertRefs(res.refs(input));
    return putIncident(uow, await recordId(uow, processId, res.kind, visibility, input.id as string | undefined), visibility, bodyOf(input));
  });
}

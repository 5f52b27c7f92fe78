import type { Actor, Audience } from '../domain/shared/actor.ts';
import { invalid } from '../domain/shared/app-error.ts';
import { assertCanWrite, visibilityOf } from '../policies/access.ts';
import type { Resource } from './resources.ts';
import type { StoredRecord } from './ports.ts';
import { assertProcess, assertRefs, bodyOf, readable, today, type Deps } from './support.ts';

/**
 * Writes a new version of a record. The caller sends the version it read; if someone
 * wrote in between, nothing is written and the caller gets a conflict to resolve.
 */
export async function replaceRecord(
  deps: Deps,
  actor: Actor,
  processId: string,
  res: Resource,
  id: string,
  input: Record<string, unknown> & { version: number },
): Promise<StoredRecord> {
  if (input.id !== undefined && input.id !== id) throw invalid('id', 'id_mismatch', `The body names "${String(input.id)}" but the address names "${id}".`);
  await assertProcess(deps.store.reader, processId);
  return deps.store.write(processId, actor, async (uow) => {
    const current = await readable(uow, actor, processId, res.table, id, res.label);
    // Fields that a verb of its own maintains (a meeting's status, the parent) carry over.
    const full = { ...current.body, ...input, id };
    const visibility = visibilityOf(full as { audience?: Audience; audienceParty?: string }, res.defaultAudience);
    assertCanWrite(actor, processId, res.kind, current, res.actingFor?.(current.body));
    assertCanWrite(actor, processId, res.kind, visibility, res.actingFor?.(full));
    res.check(full);
    await assertRefs(uow, actor, processId, res.refs(full));
    const index = res.index(full, today(uow.now));
    return uow.revise(res.table, res.kind, current, input.version, {
      ...visibility,
      ...index,
      parentId: current.parentId ?? index.parentId,
      status: res.kind === 'meeting' || res.kind === 'invitation' ? current.status : index.status,
      body: bodyOf(full),
    });
  });
}

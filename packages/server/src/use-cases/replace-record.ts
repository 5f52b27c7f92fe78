import { READ_ONLY_KEYS } from '@parley/contracts';
import type { Actor, Visibility } from '../domain/shared/actor.ts';
import { invalid } from '../domain/shared/app-error.ts';
import { assertCanChange, visibilityOf } from '../policies/access.ts';
import type { Resource } from './resources.ts';
import type { StoredRecord } from './ports.ts';
import { reading } from './reading.ts';
import { assertProcess, assertWithinArea, bodyOf, today, type Deps } from './support.ts';

/**
 * Writes a new version of a record. Replacing means replacing: the request carries the
 * whole new body, and a field it leaves out is gone. The audience is kept unless the
 * request names one, since changing it is publishing (or restricting), a decision of its own.
 * The caller sends the version it read; if someone wrote in between, nothing is written.
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
  if (input.processId !== undefined && input.processId !== processId)
    throw invalid('processId', 'process_mismatch', `The body names the process "${String(input.processId)}" but the address names "${processId}".`);
  // What a read shows beside the record's own fields is the server's to keep.
  const own = Object.fromEntries(Object.entries(input).filter(([k]) => !READ_ONLY_KEYS.includes(k) && !res.keptByVerb?.includes(k)));
  await assertProcess(deps.store.reader, processId);
  return deps.store.write(processId, actor, async (uow) => {
    const read = reading(uow, actor, processId, 'edit');
    const current = await read.one(res.table, id, res.label);
    const kept = Object.fromEntries((res.keptByVerb ?? []).filter((k) => k in current.body).map((k) => [k, current.body[k]]));
    const given = { ...own, ...kept, id };
    const visibility: Visibility =
      input.audience === undefined
        ? { audience: current.audience, audienceParty: current.audienceParty }
        : visibilityOf(given as { audience?: Visibility['audience']; audienceParty?: string });
    // Undoing what only the mediator may do (an agreed line) needs the same right as doing it.
    for (const kind of new Set([res.writeAs?.(given) ?? res.kind, res.writeAs?.(current.body) ?? res.kind]))
      assertCanChange(actor, processId, kind, current, visibility, res.actingFor?.(given));
    res.check(given);
    await assertWithinArea(uow, processId, res, given, current.body);
    await read.assertRefs(res.refs(given));
    const full = res.complete ? await res.complete(given, (table, ref) => read.find(table, ref)) : given;
    const index = res.index(full, today(uow.now));
    return uow.revise(res.table, res.kind, current, input.version, {
      ...visibility,
      ...index,
      // What a verb of its own maintains (a meeting's status, the parent) carries over.
      parentId: current.parentId ?? index.parentId,
      status: res.statusByVerb ? current.status : index.status,
      body: bodyOf(full),
    });
  });
}

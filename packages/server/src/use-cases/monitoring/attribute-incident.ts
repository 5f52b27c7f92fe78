import type { Actor, Audience } from '../../domain/shared/actor.ts';
import { invalid } from '../../domain/shared/app-error.ts';
import { assertCanWrite, visibilityOf } from '../../policies/access.ts';
import { resource } from '../resources.ts';
import type { StoredRecord } from '../ports.ts';
import { assertProcess, bodyOf, newId, type Deps } from '../support.ts';
import { reading } from '../reading.ts';

/**
 * Appends one view of who is responsible for an incident. A party may claim or dispute
 * for itself; an assessment is the mediator's or an analyst's, so it is checked against
 * the writers of assessments. Nothing here replaces an earlier view.
 */
export async function attributeIncident(
  deps: Deps,
  actor: Actor,
  processId: string,
  incidentId: string,
  input: Record<string, unknown>,
): Promise<StoredRecord> {
  await assertProcess(deps.store.reader, processId);
  const res = resource('attribution');
  const full = { ...input, incidentId } as unknown as Record<string, unknown> & {
    kind: string;
    disputes?: string;
    audience?: Audience;
    audienceParty?: string;
  };
  const visibility = visibilityOf(full, res.defaultAudience);
  const owner = assertCanWrite(actor, processId, res.writeAs?.(full) ?? res.kind, visibility, res.actingFor?.(full));
  res.check(full);
  return deps.store.write(processId, actor, async (uow) => {
    const read = reading(uow, actor, processId, 'edit');
    await read.one('incidents', incidentId, 'incident');
    await read.assertRefs(res.refs(full));
    if (full.disputes) {
      const disputed = await read.find(res.table, full.disputes);
      if (disputed?.parentId !== incidentId)
        throw invalid('disputes', 'unknown_reference', `The attribution "${full.disputes}" is not one of this incident's.`);
    }
    return uow.insert(res.table, res.kind, {
      id: newId('att'),
      ...visibility,
      ...res.index(full, uow.now.toISOString().slice(0, 10)),
      body: bodyOf(full),
      owner,
    });
  });
}

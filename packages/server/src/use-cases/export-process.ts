import type { Actor } from '../domain/shared/actor.ts';
import { readScope } from '../policies/access.ts';
import { RESOURCES } from './resources.ts';
import { assertProcess, type Deps } from './support.ts';

/**
 * Everything the actor may read in one process, as one JSON document. The journal is
 * included only for whoever may read everything, since it holds every record's body.
 */
export async function exportProcess(deps: Deps, actor: Actor, processId: string) {
  const r = deps.store.reader;
  await assertProcess(r, processId);
  const scope = readScope(actor, processId);
  const records: Record<string, unknown[]> = {};
  for (const res of RESOURCES) records[res.collection] = await r.list(res.table, processId, scope, { limit: 1_000_000 });
  const meetingIds = records.meetings!.map((m) => (m as { id: string }).id);
  const history = await Promise.all(
    meetingIds.map(async (id) => ({
      meetingId: id,
      transitions: await r.history('meeting_transitions', processId, { meeting_id: id }),
      claims: await r.history('cause_claims', processId, { meeting_id: id }),
    })),
  );
  return {
    format: 'parley-export/1',
    processId,
    exportedAt: new Date().toISOString(),
    records,
    meetingHistory: history,
    journal: scope.all ? await r.allJournal(processId) : undefined,
  };
}

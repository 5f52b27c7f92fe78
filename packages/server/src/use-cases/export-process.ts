import type { Actor } from '../domain/shared/actor.ts';
import { reading } from './reading.ts';
import type { StoredRecord } from './ports.ts';
import { RESOURCES } from './resources.ts';
import { assertProcess, type Deps } from './support.ts';

/**
 * Everything the actor may read in one process, as one JSON document. The journal is
 * included only for whoever may read everything, since it holds every record's body.
 */
export async function exportProcess(deps: Deps, actor: Actor, processId: string) {
  await assertProcess(deps.store.reader, processId);
  const read = reading(deps.store.reader, actor, processId, 'export');
  const records: Record<string, StoredRecord[]> = {};
  for (const res of RESOURCES) records[res.collection] = await read.list(res.table, { limit: 1_000_000 });
  const history = await Promise.all(
    records.meetings!.map(async (meeting) => ({
      meetingId: meeting.id,
      transitions: await read.transitions(meeting),
      claims: await read.causeClaims(meeting),
    })),
  );
  return {
    format: 'parley-export/2',
    processId,
    exportedAt: new Date().toISOString(),
    records,
    meetingHistory: history,
    journal: read.scope.all ? await deps.store.reader.allJournal(processId) : undefined,
  };
}

import type { Actor } from '../domain/shared/actor.ts';
import { reading } from './reading.ts';
import type { JournalEntry, StoredRecord } from './ports.ts';
import { isExchangeEntry } from './log/exchange-kinds.ts';
import { RESOURCES } from './resources.ts';
import { assertProcess, type Deps } from './support.ts';

/** Detainee data leaves only through its own export, which needs a purpose and is written to the access log. */
const withoutDetaineeData = (journal: JournalEntry[]) => journal.map((e) => (isExchangeEntry(e.recordType, e.recordId) ? { ...e, body: null } : e));

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
    journal: read.scope.all ? withoutDetaineeData(await deps.store.reader.allJournal(processId)) : undefined,
  };
}

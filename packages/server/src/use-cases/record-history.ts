import type { Actor } from '../domain/shared/actor.ts';
import type { Resource } from './resources.ts';
import type { JournalEntry } from './ports.ts';
import { readable, type Deps } from './support.ts';

/** Every version of a record, oldest first, as the journal holds them. */
export async function recordHistory(deps: Deps, actor: Actor, processId: string, res: Resource, id: string): Promise<JournalEntry[]> {
  await readable(deps.store.reader, actor, processId, res.table, id, res.label);
  return deps.store.reader.journal(processId, res.kind, id);
}

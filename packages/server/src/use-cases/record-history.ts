import type { Actor } from '../domain/shared/actor.ts';
import { canRead } from '../policies/access.ts';
import type { Resource } from './resources.ts';
import type { JournalEntry } from './ports.ts';
import { reading } from './reading.ts';
import type { Deps } from './support.ts';
import { versionVisibility } from './log/record-visibility.ts';

/**
 * Every version of a record, oldest first, as the journal holds them. Each version is
 * read under its own audience: one that was narrower than the reader's (a record later
 * made public) stays hidden.
 */
export async function recordHistory(deps: Deps, actor: Actor, processId: string, res: Resource, id: string): Promise<JournalEntry[]> {
  const read = reading(deps.store.reader, actor, processId, 'history');
  const current = await read.one(res.table, id, res.label);
  const entries = await read.journal(res.kind, current);
  return entries.filter((e) => canRead(actor, processId, versionVisibility(e.body) ?? current));
}

import type { Actor } from '../domain/shared/actor.ts';
import type { Resource } from './resources.ts';
import type { StoredRecord } from './ports.ts';
import { reading } from './reading.ts';
import type { Deps } from './support.ts';

/** Reads one record; a hidden record is reported exactly like a missing one. */
export async function getRecord(deps: Deps, actor: Actor, processId: string, res: Resource, id: string): Promise<StoredRecord> {
  return reading(deps.store.reader, actor, processId, 'view').one(res.table, id, res.label);
}

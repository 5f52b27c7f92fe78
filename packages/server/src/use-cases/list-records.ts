import type { Actor } from '../domain/shared/actor.ts';
import { invalid } from '../domain/shared/app-error.ts';
import { reading } from './reading.ts';
import type { Resource } from './resources.ts';
import type { ListFilter, StoredRecord } from './ports.ts';
import { assertProcess, type Deps } from './support.ts';

export interface ListInput {
  limit?: number;
  after?: string;
  from?: string;
  to?: string;
  party?: string;
  status?: string;
  parent?: string;
}

const encodeCursor = (r: StoredRecord) => Buffer.from(JSON.stringify([r.sortOn, r.id])).toString('base64url');
function decodeCursor(cursor: string): ListFilter['after'] {
  try {
    const [sortOn, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof sortOn === 'string' && typeof id === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(sortOn)) return { sortOn, id };
  } catch {
    // fall through to the refusal below
  }
  throw invalid('after', 'bad_cursor', 'The "after" cursor is not one this server gave out.');
}

/**
 * Lists records the actor may read, in date order, by keyset pagination: a page
 * never skips or repeats a record when others are written meanwhile.
 */
export async function listRecords(
  deps: Deps,
  actor: Actor,
  processId: string,
  res: Resource,
  q: ListInput,
): Promise<{ items: StoredRecord[]; next: string | null }> {
  if (q.from && q.to && q.to < q.from) throw invalid('to', 'span_reversed', `"to" (${q.to}) is before "from" (${q.from}).`);
  const limit = q.limit ?? 50;
  const filter: ListFilter = { ...q, limit: limit + 1, after: q.after ? decodeCursor(q.after) : undefined };
  const rows = await reading(deps.store.reader, actor, processId, 'list').list(res.table, filter);
  // An empty page may mean a process that does not exist; only then is it worth asking.
  if (rows.length === 0) await assertProcess(deps.store.reader, processId);
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? encodeCursor(items[items.length - 1]!) : null };
}

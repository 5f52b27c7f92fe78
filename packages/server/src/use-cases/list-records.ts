import type { ListSort } from '@parley/contracts';
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
  audience?: StoredRecord['audience'];
  sort?: ListSort;
}

const ORDERS: Record<ListSort, NonNullable<ListFilter['order']>> = {
  date: { by: 'date', desc: false },
  '-date': { by: 'date', desc: true },
  updated: { by: 'updated', desc: false },
  '-updated': { by: 'updated', desc: true },
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

const keyOf = (r: StoredRecord, sort: ListSort) => (ORDERS[sort].by === 'date' ? r.sortOn : r.updatedAt);

/** The cursor names its order, so a cursor of one order is never read as a position in another. */
const encodeCursor = (r: StoredRecord, sort: ListSort) => Buffer.from(JSON.stringify([sort, keyOf(r, sort), r.id])).toString('base64url');

function sameInstant(key: string) {
  const t = Date.parse(key);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, key.length) === key;
}

function decodeCursor(cursor: string, sort: ListSort): ListFilter['after'] {
  try {
    const [s, key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const keyShape = ORDERS[sort].by === 'date' ? DAY : INSTANT;
    // The key goes into SQL as a date or time: it must be one that round-trips (no 30 February), never a 500.
    const real = typeof key === 'string' && keyShape.test(key) && sameInstant(key);
    if (s === sort && real && typeof id === 'string' && ID.test(id)) {
      return { key, id };
    }
  } catch {
    // fall through to the refusal below
  }
  throw invalid('after', 'bad_cursor', 'The "after" cursor is not one this server gave out for this order.');
}

/**
 * Lists records the actor may read, filtered and in one of the closed set of orders, by keyset pagination:
 * a page never skips or repeats a record when others are written meanwhile. The filters only narrow the
 * reader's scope (applied in the same SQL), so no filter reveals a record the reader may not see.
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
  const sort = q.sort ?? 'date';
  const filter: ListFilter = {
    from: q.from,
    to: q.to,
    party: q.party,
    status: q.status,
    parent: q.parent,
    audience: q.audience,
    order: ORDERS[sort],
    limit: limit + 1,
    after: q.after ? decodeCursor(q.after, sort) : undefined,
  };
  const rows = await reading(deps.store.reader, actor, processId, 'list').list(res.table, filter);
  // An empty page may mean a process that does not exist; only then is it worth asking.
  if (rows.length === 0) await assertProcess(deps.store.reader, processId);
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? encodeCursor(items[items.length - 1]!, sort) : null };
}

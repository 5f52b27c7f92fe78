import type { Kysely } from 'kysely';
import type { CalendarFeedInfo, CalendarFeedStore } from '../use-cases/ports.ts';
import type { Database } from './schema.ts';

// Both drivers return timestamps as Date; the types of generated columns say less, hence unknown.
type FeedRow = { feed_id: string; process_id: string; created_at: unknown; last_used_at: unknown };
const iso = (d: unknown) => new Date(d as Date).toISOString();
const info = (r: FeedRow): CalendarFeedInfo => ({
  id: r.feed_id,
  processId: r.process_id,
  createdAt: iso(r.created_at),
  lastUsedAt: r.last_used_at === null ? null : iso(r.last_used_at),
});
const COLUMNS = ['feed_id', 'process_id', 'created_at', 'last_used_at'] as const;
// As with API tokens: a calendar polls every few minutes, and the minute is all its owner needs to know.
const LAST_USED_STEP_MS = 60_000;

export function createCalendarFeedStore(db: Kysely<Database>): CalendarFeedStore {
  return {
    async create(f) {
      const row = await db
        .insertInto('calendar_feeds')
        .values({ feed_id: f.feedId, token_hash: f.tokenHash, account_id: f.accountId, process_id: f.processId })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      return info(row);
    },
    async list(accountId, processId) {
      const rows = await db
        .selectFrom('calendar_feeds')
        .select(COLUMNS)
        .where('account_id', '=', accountId)
        .where('process_id', '=', processId)
        .orderBy('created_at')
        .orderBy('feed_id')
        .execute();
      return rows.map(info);
    },
    async delete(accountId, feedId) {
      const r = await db.deleteFrom('calendar_feeds').where('account_id', '=', accountId).where('feed_id', '=', feedId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async open(tokenHash, now) {
      const row = await db
        .selectFrom('calendar_feeds')
        .select(['account_id', 'process_id', 'last_used_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!row) return undefined;
      if (row.last_used_at === null || now.getTime() - new Date(row.last_used_at).getTime() >= LAST_USED_STEP_MS)
        await db.updateTable('calendar_feeds').set({ last_used_at: now.toISOString() }).where('token_hash', '=', tokenHash).execute();
      return { accountId: row.account_id, processId: row.process_id };
    },
  };
}

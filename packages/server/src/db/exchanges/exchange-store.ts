import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.ts';
import type { ExchangeReader, StoredBatch, StoredDecision, StoredDetainee, StoredList, StoredReconciliation } from '../../use-cases/exchanges/ports.ts';

const stamp = (r: { recorded_by: string; recorded_at: unknown }) => ({
  recordedBy: r.recorded_by,
  recordedAt: new Date(r.recorded_at as string | Date).toISOString(),
});
const chunks = <T>(list: T[], n: number) => Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, i * n + n));

/** Reads of the exchange tables. Who may call them is the use cases' business (policies/exchanges.ts). */
export function createExchangeReader(db: Kysely<Database>): ExchangeReader {
  const listRow = (r: Selectable<Database['detainee_lists']>): StoredList => ({
    listId: r.list_id,
    version: r.seq,
    partyId: r.party_id,
    side: r.side as StoredList['side'],
    heldBy: r.held_by,
    title: r.title,
    entries: r.entries,
    ...stamp(r),
  });
  const detainees = () =>
    db
      .selectFrom('detainees as d')
      .innerJoin('detainee_lists as l', (j) =>
        j.onRef('l.process_id', '=', 'd.process_id').onRef('l.list_id', '=', 'd.list_id').onRef('l.seq', '=', 'd.list_seq'),
      )
      .select(['d.detainee_id', 'd.list_id', 'd.list_seq', 'd.line', 'd.entry', 'd.recorded_by', 'd.recorded_at', 'l.party_id', 'l.held_by', 'l.side']);
  const detaineeRow = (r: {
    detainee_id: string;
    list_id: string;
    list_seq: number;
    line: number;
    entry: unknown;
    recorded_by: string;
    recorded_at: unknown;
    party_id: string;
    held_by: string;
    side: string;
  }): StoredDetainee => ({
    id: r.detainee_id,
    listId: r.list_id,
    listVersion: r.list_seq,
    line: r.line,
    entry: (r.entry ?? null) as StoredDetainee['entry'],
    partyId: r.party_id,
    heldBy: r.held_by,
    side: r.side as StoredDetainee['side'],
    ...stamp(r),
  });

  return {
    async lists(processId) {
      const rows = await db
        .selectFrom('detainee_lists')
        .selectAll()
        .where('process_id', '=', processId)
        .orderBy('recorded_at')
        .orderBy('list_id')
        .orderBy('seq')
        .execute();
      return rows.map(listRow);
    },
    async listEntries(processId, listId, version) {
      const rows = await detainees()
        .where('d.process_id', '=', processId)
        .where('d.list_id', '=', listId)
        .where('d.list_seq', '=', version)
        .orderBy('d.line')
        .execute();
      return rows.map(detaineeRow);
    },
    async detainees(processId, ids) {
      const out: StoredDetainee[] = [];
      for (const part of chunks([...new Set(ids)], 1000))
        out.push(...(await detainees().where('d.process_id', '=', processId).where('d.detainee_id', 'in', part).execute()).map(detaineeRow));
      return out;
    },
    async statuses(processId, ids) {
      const out = [];
      for (const part of chunks([...new Set(ids)], 1000)) {
        const rows = await db
          .selectFrom('detainee_statuses')
          .selectAll()
          .where('process_id', '=', processId)
          .where('detainee_id', 'in', part)
          .orderBy('detainee_id')
          .orderBy('seq')
          .execute();
        out.push(...rows.map((r) => ({ detaineeId: r.detainee_id, seq: r.seq, status: r.status, at: r.at, source: r.source, ...stamp(r) })));
      }
      return out;
    },
    async reconciliations(processId) {
      const rows = await db.selectFrom('reconciliations').selectAll().where('process_id', '=', processId).orderBy('recorded_at').execute();
      return rows.map((r): StoredReconciliation => ({
        id: r.reconciliation_id,
        lists: [
          { listId: r.list_a, version: r.seq_a },
          { listId: r.list_b, version: r.seq_b },
        ],
        result: r.result as StoredReconciliation['result'],
        ...stamp(r),
      }));
    },
    async decisions(processId, reconciliationId) {
      const rows = await db
        .selectFrom('match_decisions')
        .selectAll()
        .where('process_id', '=', processId)
        .where('reconciliation_id', '=', reconciliationId)
        .orderBy('seq')
        .execute();
      return rows.map((r): StoredDecision => ({
        seq: r.seq,
        a: r.a_id,
        b: r.b_id,
        decision: r.decision as StoredDecision['decision'],
        reason: r.reason,
        ...stamp(r),
      }));
    },
    async batches(processId) {
      const rows = await db.selectFrom('exchange_batches').selectAll().where('process_id', '=', processId).orderBy('batch_id').orderBy('seq').execute();
      return rows.map((r): StoredBatch => ({ id: r.batch_id, version: r.seq, batch: r.batch as StoredBatch['batch'], ...stamp(r) }));
    },
    async reviewers(processId) {
      const rows = await db.selectFrom('exchange_reviewers').selectAll().where('process_id', '=', processId).orderBy('account_id').orderBy('seq').execute();
      const latest = new Map<string, (typeof rows)[number]>();
      for (const r of rows) latest.set(r.account_id, r);
      return [...latest.values()].map((r) => ({ accountId: r.account_id, version: r.seq, active: r.active, ...stamp(r) }));
    },
    async accessLog(processId, limit) {
      const rows = await db
        .selectFrom('detainee_access')
        .selectAll()
        .where('process_id', '=', processId)
        .orderBy('recorded_at', 'desc')
        .orderBy('access_id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: r.access_id, action: r.action, purpose: r.purpose, subjects: r.subjects as string[], ...stamp(r) }));
    },
  };
}

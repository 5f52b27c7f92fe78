import { sql, type Kysely, type Transaction } from 'kysely';
import type { IntegrityEntry, IntegrityReader, IntegrityStore } from '../../use-cases/log/integrity-state.ts';
import type { Database, RecordTable } from '../schema.ts';
import { toRecord } from '../record-store.ts';
import type { LogDatabase } from './log-schema.ts';
import { DbHashReader } from './merkle.ts';
import { EXCHANGE_HISTORY } from '../../use-cases/log/exchange-kinds.ts';

const bytes = (b: Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const HISTORY_TABLES = new Set([
  'meeting_transitions',
  'cause_claims',
  'invitation_responses',
  'source_readings',
  'candidate_reviews',
  ...EXCHANGE_HISTORY.map((h) => h.table),
]);
const chunks = <T>(list: T[], n: number) => Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, i * n + n));

type Row = {
  idx: number;
  record_type: string;
  record_id: string;
  version: number;
  envelope: unknown;
  leaf_hash: Uint8Array;
  body: unknown;
  salt: Uint8Array | null;
};
const toEntry = (r: Row): IntegrityEntry => ({
  idx: Number(r.idx),
  type: r.record_type,
  recordId: r.record_id,
  version: r.version,
  envelope: r.envelope as IntegrityEntry['envelope'],
  leafHash: bytes(r.leaf_hash),
  body: r.body ?? null,
  salt: r.salt ? bytes(r.salt) : null,
});

function reader(tx: Transaction<LogDatabase>, processId: string): IntegrityReader {
  const journal = () =>
    tx
      .selectFrom('journal as j')
      .leftJoin('entry_bodies as b', (join) => join.onRef('b.process_id', '=', 'j.process_id').onRef('b.idx', '=', 'j.idx'))
      .select(['j.idx', 'j.record_type', 'j.record_id', 'j.version', 'j.envelope', 'j.leaf_hash', 'b.body', 'b.salt'])
      .where('j.process_id', '=', processId);
  const records = tx as unknown as Transaction<Database>;
  return {
    async head() {
      const r = await tx.selectFrom('log_heads').select(['size', 'root']).where('process_id', '=', processId).executeTakeFirst();
      return r && { size: Number(r.size), root: r.root ? bytes(r.root) : new Uint8Array(32) };
    },
    async journalShape() {
      const r = await tx
        .selectFrom('journal')
        .where('process_id', '=', processId)
        .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.min('idx').as('min'), eb.fn.max('idx').as('max')])
        .executeTakeFirstOrThrow();
      return { count: Number(r.count), min: r.min === null ? null : Number(r.min), max: r.max === null ? null : Number(r.max) };
    },
    async entries(from, to) {
      return (await journal().where('j.idx', '>=', from).where('j.idx', '<', to).orderBy('j.idx').execute()).map((r) => toEntry(r as Row));
    },
    async entriesOf(type, recordIds) {
      const out: IntegrityEntry[] = [];
      for (const ids of chunks(recordIds, 500))
        out.push(
          ...(await journal().where('j.record_type', '=', type).where('j.record_id', 'in', ids).orderBy('j.idx').execute()).map((r) => toEntry(r as Row)),
        );
      return out;
    },
    nodes: new DbHashReader(tx, processId),
    async allNodes() {
      const rows = await tx.selectFrom('log_nodes').select(['level', 'idx', 'hash']).where('process_id', '=', processId).execute();
      return rows.map((r) => ({ level: r.level, idx: Number(r.idx), hash: bytes(r.hash) }));
    },
    async checkpoints() {
      const rows = await tx.selectFrom('checkpoints').select(['size', 'root']).where('process_id', '=', processId).orderBy('size').execute();
      return rows.map((r) => ({ size: Number(r.size), root: bytes(r.root) }));
    },
    async records(table, ids) {
      const q = () =>
        records
          .selectFrom(table as RecordTable)
          .selectAll()
          .where('process_id', '=', processId);
      const rows = ids === undefined ? await q().execute() : (await Promise.all(chunks(ids, 500).map((part) => q().where('id', 'in', part).execute()))).flat();
      return rows.map((r) => ({ id: r.id, version: r.version, record: toRecord(r as Parameters<typeof toRecord>[0]), body: r.body }));
    },
    async history(table) {
      if (!HISTORY_TABLES.has(table)) throw new Error(`${table} is not a history table`);
      const rows = await records
        .selectFrom(table as 'meeting_transitions')
        .selectAll()
        .where('process_id', '=', processId)
        .execute();
      return rows.map(({ process_id: _p, recorded_by: _b, recorded_at: _a, ...rest }) => rest as Record<string, unknown>);
    },
  };
}

/**
 * Each check reads one snapshot (repeatable read, read only): a write committed
 * meanwhile is simply not seen, instead of looking like an entry without a head.
 */
export function createIntegrityStore(database: Kysely<Database>): IntegrityStore {
  const db = database as unknown as Kysely<LogDatabase>;
  return {
    read: (processId, fn) =>
      db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (tx) => {
          await sql`set transaction read only`.execute(tx);
          return fn(reader(tx, processId));
        }),
  };
}

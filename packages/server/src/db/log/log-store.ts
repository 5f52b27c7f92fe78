import type { Kysely } from 'kysely';
import type { Envelope } from '@parley/tlog';
import type { Database } from '../schema.ts';
import type { LogStore, StoredCheckpoint, WitnessRecord, WitnessStatus } from '../../use-cases/ports.ts';
import type { LogDatabase } from './log-schema.ts';
import { CachedHashReader, DbHashReader } from './merkle.ts';

/** A witnesses row as the use cases see it. */
export const toWitness = (r: {
  name: string;
  party_id: string;
  vkey: string;
  url: string;
  status: string;
  version: number;
  approved_by: string | null;
  removed_by: string | null;
}): WitnessRecord => ({
  name: r.name,
  partyId: r.party_id,
  vkey: r.vkey,
  url: r.url,
  status: r.status as WitnessStatus,
  version: r.version,
  approvedBy: r.approved_by,
  removedBy: r.removed_by,
});

const bytes = (b: Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** Reads of the stored tree, and the checkpoint, witness and cosignature tables. */
export function createLogStore(database: Kysely<Database>): LogStore {
  const db = database as unknown as Kysely<LogDatabase>;

  async function withCosignatures(processId: string, row: { size: number; root: Uint8Array; note: string } | undefined): Promise<StoredCheckpoint | undefined> {
    if (!row) return undefined;
    // A removed witness's cosignatures stay stored, but it is no longer shown as vouching for the log.
    const lines = await db
      .selectFrom('cosignatures as c')
      .innerJoin('witnesses as w', (j) => j.onRef('w.process_id', '=', 'c.process_id').onRef('w.name', '=', 'c.witness'))
      .select('c.line')
      .where('c.process_id', '=', processId)
      .where('c.size', '=', row.size)
      .where('w.status', '=', 'active')
      .orderBy('c.witness')
      .execute();
    return { size: Number(row.size), root: bytes(row.root), note: row.note, cosignatures: lines.map((l) => l.line) };
  }

  const checkpointQuery = (processId: string) => db.selectFrom('checkpoints').select(['size', 'root', 'note']).where('process_id', '=', processId);

  return {
    async processIds() {
      return (await db.selectFrom('log_heads').select('process_id').orderBy('process_id').execute()).map((r) => r.process_id);
    },
    async head(processId) {
      const r = await db.selectFrom('log_heads').select(['size', 'root']).where('process_id', '=', processId).executeTakeFirst();
      return r?.root ? { size: Number(r.size), root: bytes(r.root) } : undefined;
    },
    nodes: (processId) => new DbHashReader(db, processId),
    servedNodes: (processId) => new CachedHashReader(new DbHashReader(db, processId), processId),
    async envelopes(processId, from, to) {
      const rows = await db
        .selectFrom('journal')
        .select('envelope')
        .where('process_id', '=', processId)
        .where('idx', '>=', from)
        .where('idx', '<', to)
        .orderBy('idx')
        .execute();
      return rows.map((r) => r.envelope as Envelope);
    },
    async auditRows(processId) {
      const rows = await db
        .selectFrom('journal as j')
        .leftJoin('entry_bodies as b', (join) => join.onRef('b.process_id', '=', 'j.process_id').onRef('b.idx', '=', 'j.idx'))
        .select(['j.idx', 'j.envelope', 'j.leaf_hash', 'j.record_type', 'j.record_id', 'j.version', 'b.body', 'b.salt'])
        .where('j.process_id', '=', processId)
        .orderBy('j.idx')
        .execute();
      return rows.map((r) => ({
        idx: Number(r.idx),
        envelope: r.envelope as Envelope,
        leafHash: bytes(r.leaf_hash),
        type: r.record_type,
        recordId: r.record_id,
        version: r.version,
        body: r.body ?? null,
        salt: r.salt ? bytes(r.salt) : null,
      }));
    },
    async entry(processId, recordType, recordId, version) {
      let q = db
        .selectFrom('journal as j')
        .leftJoin('entry_bodies as b', (join) => join.onRef('b.process_id', '=', 'j.process_id').onRef('b.idx', '=', 'j.idx'))
        .select(['j.idx', 'j.envelope', 'b.body', 'b.salt'])
        .where('j.process_id', '=', processId)
        .where('j.record_type', '=', recordType)
        .where('j.record_id', '=', recordId);
      if (version !== undefined) q = q.where('j.version', '=', version);
      const r = await q.orderBy('j.idx', 'desc').limit(1).executeTakeFirst();
      return r && { idx: Number(r.idx), envelope: r.envelope as Envelope, body: r.body ?? null, salt: r.salt ? bytes(r.salt) : null };
    },
    async latestCheckpoint(processId) {
      return withCosignatures(processId, await checkpointQuery(processId).orderBy('size', 'desc').limit(1).executeTakeFirst());
    },
    async checkpointAt(processId, size) {
      return withCosignatures(processId, await checkpointQuery(processId).where('size', '=', size).executeTakeFirst());
    },
    async saveCheckpoint(processId, c) {
      // The primary key on (process, size) decides a race between two signers: the first one stands.
      await db
        .insertInto('checkpoints')
        .values({ process_id: processId, size: c.size, root: Buffer.from(c.root), note: c.note })
        .onConflict((oc) => oc.columns(['process_id', 'size']).doNothing())
        .execute();
      return (await withCosignatures(processId, await checkpointQuery(processId).where('size', '=', c.size).executeTakeFirst()))!;
    },
    async witnesses(processId, status) {
      let q = db.selectFrom('witnesses').selectAll().where('process_id', '=', processId);
      if (status) q = q.where('status', '=', status);
      return (await q.orderBy('name').execute()).map(toWitness);
    },
    async lastCosignedSize(processId, witness) {
      const r = await db
        .selectFrom('cosignatures')
        .select((eb) => eb.fn.max('size').as('size'))
        .where('process_id', '=', processId)
        .where('witness', '=', witness)
        .executeTakeFirst();
      return Number(r?.size ?? 0);
    },
    async saveCosignature(processId, size, witness, line) {
      await db
        .insertInto('cosignatures')
        .values({ process_id: processId, size, witness, line })
        .onConflict((oc) => oc.columns(['process_id', 'size', 'witness']).doNothing())
        .execute();
    },
  };
}

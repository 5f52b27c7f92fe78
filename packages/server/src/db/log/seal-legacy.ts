import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { LogDatabase } from './log-schema.ts';
import { appendToFrontier, insertNodes, sealEntry } from './merkle.ts';

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/**
 * Entries written before 002_log.sql held their body in the journal and had no leaf.
 * Each such process is sealed once, in one transaction: bodies move to entry_bodies
 * behind fresh salts, envelopes and nodes are written, and the head gets its root.
 */
export async function sealLegacyJournal(database: Kysely<Database>): Promise<string[]> {
  const db = database as unknown as Kysely<LogDatabase>;
  const pending = await db.selectFrom('log_heads').select('process_id').where('root', 'is', null).execute();
  for (const { process_id: pid } of pending) {
    await db.transaction().execute(async (tx) => {
      await sql`select set_config('parley.uow', 'on', true)`.execute(tx);
      const head = await tx.selectFrom('log_heads').select(['size', 'root']).where('process_id', '=', pid).forUpdate().executeTakeFirst();
      if (!head || head.root !== null) return;
      const rows = await tx.selectFrom('journal').selectAll().where('process_id', '=', pid).orderBy('idx').execute();
      const leaves: Uint8Array[] = [];
      for (const r of rows) {
        const s = sealEntry({ type: r.record_type, recordId: r.record_id, version: r.version, supersedes: r.supersedes, author: r.author, at: iso(r.at) }, r.body);
        await tx.insertInto('entry_bodies').values({ process_id: pid, idx: Number(r.idx), body: JSON.stringify(s.body), salt: Buffer.from(s.salt) }).execute();
        await tx.updateTable('journal').set({ envelope: JSON.stringify(s.envelope), leaf_hash: Buffer.from(s.leafHash), body: null })
          .where('process_id', '=', pid).where('idx', '=', Number(r.idx)).execute();
        leaves.push(s.leafHash);
      }
      const { nodes, root } = appendToFrontier(0, [], leaves);
      await insertNodes(tx, pid, nodes);
      await tx.updateTable('log_heads').set({ size: rows.length, root: Buffer.from(root) }).where('process_id', '=', pid).execute();
    });
  }
  return pending.map((p) => p.process_id);
}

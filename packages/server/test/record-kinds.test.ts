import { STORED_KINDS } from '@parley/contracts';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { RECORD_TABLES } from '../src/db/schema.ts';
import { RECORD_KINDS, WRITERS } from '../src/policies/access.ts';
import { editable, RESOURCES } from '../src/use-cases/resources.ts';
import { pascal } from '../src/http/routes/edits.ts';
import { world, type World } from './support/world.ts';

/**
 * The registry of record kinds (use-cases/resources.ts) is the one list; everything else is
 * held to it here: the policy's kinds, the database's record tables, and the API's routes.
 * Adding a kind without its table, policy row or routes fails one of these.
 */

// Kinds the policy knows that are not stored as records of their own: each is written by a verb
// into another table (a history, the log, the accounts). A new one must be added here on purpose.
const NOT_RECORDS = ['process', 'meeting_transition', 'cause_claim', 'invitation_response', 'role_grant', 'witness', 'checkpoint', 'redaction'];
// The columns every record table has (the one record shape).
const SHAPE = ['process_id', 'id', 'version', 'audience', 'audience_party', 'parent_id', 'status', 'sort_on', 'party_ids', 'body', 'owner'];

type Doc = { paths: Record<string, Record<string, { operationId?: string }>> };

describe(`the registry of record kinds (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  let doc: Doc;
  beforeAll(async () => {
    w = await world();
    doc = (await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Doc;
  });

  it('names each kind, table and collection once, and only kinds the policy knows', () => {
    for (const key of ['kind', 'table', 'collection'] as const) expect(new Set(RESOURCES.map((r) => r[key])).size).toBe(RESOURCES.length);
    expect([...RESOURCES.map((r) => r.kind), ...NOT_RECORDS].sort()).toEqual([...RECORD_KINDS].sort());
    expect(RESOURCES.map((r) => r.table).sort()).toEqual([...RECORD_TABLES].sort());
    expect(RESOURCES.map((r) => r.kind).sort()).toEqual([...STORED_KINDS].sort());
    for (const r of RESOURCES) expect(WRITERS[r.kind].length, `${r.kind} has writers`).toBeGreaterThan(0);
  });

  it('gives every kind a table of the record shape, and every table of that shape a kind', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns where table_schema = current_schema()`.execute(w.rt.handle.db);
    const columns = new Map<string, Set<string>>();
    for (const r of rows) columns.set(r.table_name, (columns.get(r.table_name) ?? new Set()).add(r.column_name));
    const shaped = [...columns].filter(([, cols]) => SHAPE.every((c) => cols.has(c))).map(([t]) => t);
    expect(shaped.sort()).toEqual(RESOURCES.map((r) => r.table).sort());
  });

  it('gives every kind its routes: list, read and history, create when generic, replace and patch when editable', () => {
    const ops = new Set(Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId)));
    for (const r of RESOURCES) {
      const want = [`list${pascal(r.collection)}`, `get${pascal(r.kind)}`, `get${pascal(r.kind)}History`];
      if (r.genericCreate) want.push(`create${pascal(r.kind)}`);
      if (editable(r)) want.push(`replace${pascal(r.kind)}`, `patch${pascal(r.kind)}`);
      for (const op of want) expect(ops.has(op), `${r.kind}: ${op}`).toBe(true);
      expect(doc.paths[`/api/processes/{processId}/${r.collection}`], r.collection).toBeDefined();
    }
  });
});

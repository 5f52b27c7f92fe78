import { readdirSync, readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { SERVER_ROOT } from '../paths.ts';

const DIR = new URL('src/db/migrations/', SERVER_ROOT);

/** Applies the plain-SQL migrations not yet applied, each in its own transaction, in name order. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  await sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(db);
  const done = new Set((await db.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name));
  const applied: string[] = [];
  for (const name of readdirSync(DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    if (done.has(name)) continue;
    const text = readFileSync(new URL(name, DIR), 'utf8');
    await db.transaction().execute(async (tx) => {
      await sql.raw(text).execute(tx);
      await tx.insertInto('schema_migrations').values({ name }).execute();
    });
    applied.push(name);
  }
  return applied;
}

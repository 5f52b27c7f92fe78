import { readdirSync, readFileSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/db/connection.ts';
import type { Database } from '../../src/db/schema.ts';
import { rand } from './world.ts';

/** An empty database of the engine under test: a new PGlite, or a new schema on the PostgreSQL server. */
export async function freshDatabase(): Promise<{ db: Kysely<Database>; close(): Promise<void> }> {
  if ((process.env.PARLEY_TEST_ENGINE ?? 'pglite') !== 'postgres') return openDatabase({ dataDir: null });
  const schema = `fresh_${rand()}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const pool = new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1, options: `-c search_path=${schema},public` });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    async close() {
      await db.destroy();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

/** Applies the migrations named before `first` and records them as applied, as a database of that time would be. */
export async function migrateBefore(db: Kysely<Database>, first: string, opts: { andLater?: boolean } = {}) {
  const dir = new URL('../../src/db/migrations/', import.meta.url);
  await sql`create table schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(db);
  // `andLater`: every migration but the one under test, so the tables later ones add (which the check reads) exist.
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.sql') && (f < first || (opts.andLater && !f.startsWith(first))))
    .sort()) {
    await sql.raw(readFileSync(new URL(name, dir), 'utf8')).execute(db);
    await sql`insert into schema_migrations (name) values (${name})`.execute(db);
  }
}

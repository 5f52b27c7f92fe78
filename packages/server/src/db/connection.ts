import { mkdirSync, realpathSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { lazyPostgis } from './postgis-extension.ts';
import type { Database } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

// pg returns int8 and numeric as strings; PGlite returns numbers. Parse the same way on both.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// Dates without time stay ISO strings on both engines.
pg.types.setTypeParser(1082, (v) => v);

/**
 * Opens PostgreSQL when a URL is given, else PGlite persisted in `dataDir` (or in memory when null).
 * A persisted PGlite is opened only under the data directory's lock (see data-dir-lock.ts): PostgreSQL and memory
 * need none, since PostgreSQL arbitrates its own clients and memory is private to the process.
 */
export async function openDatabase(opts: { url?: string; dataDir?: string | null }): Promise<DbHandle> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  let lock: { release(): void } | null = null;
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    // One lock per directory however it is named (a symlink, a relative path).
    lock = await acquireDataDirLock(realpathSync(opts.dataDir));
  }
  try {
    const lite = await PGlite.create({
      ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
      extensions: { postgis: lazyPostgis },
      parsers: { 1082: (v: string) => v },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(lite) });
    return {
      db,
      engine: 'pglite',
      close: async () => {
        try {
          await db.destroy();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * A session's first geodesic buffer loads PROJ's coordinate systems (about 0.2 s on the embedded engine). The map's
 * zones are such buffers, and the map's first clusters queue behind them on the embedded engine's one connection, so
 * the server pays this once, as it starts serving, instead of in a reader's first view of the map.
 */
export async function warmUp(db: Kysely<Database>): Promise<void> {
  await sql`select st_buffer(st_setsrid(st_makepoint(37.8, 48.0), 4326)::geography, 1000)`.execute(db);
}

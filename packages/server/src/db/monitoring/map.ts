import { sql, type Kysely } from 'kysely';
import type { ReadScope } from '../../policies/access.ts';
import type { ClusterFilter, GeoFeature, ZoneRequest } from '../../use-cases/ports.ts';
import type { Database } from '../schema.ts';
import { json, visible } from './scope.ts';

/** The WHERE clause the clusters and the bench's bare query share. */
export function clusterWhere(processId: string, scope: ReadScope, f: ClusterFilter) {
  const { west, south, east, north } = f.bbox;
  return sql.join([
    sql`process_id = ${processId}`,
    visible(scope, 'incidents'),
    sql`geom && st_makeenvelope(${west}::float8, ${south}::float8, ${east}::float8, ${north}::float8, 4326)`,
    ...(f.from ? [sql`sort_on >= cast(${f.from} as date)`] : []),
    ...(f.to ? [sql`sort_on <= cast(${f.to} as date)`] : []),
    ...(f.status ? [sql`status = ${f.status}`] : []),
    ...(f.kind ? [sql`body ->> 'violence' = ${f.kind}`] : []),
    ...(f.party ? [sql`${f.party} = any(party_ids)`] : []),
  ], sql` and `);
}

/** Grid clustering in SQL: one feature per occupied cell, at the centroid of its incidents. */
export async function clusters(db: Kysely<Database>, processId: string, scope: ReadScope, f: ClusterFilter): Promise<GeoFeature[]> {
  const rows = await sql<{ n: number; lon: number; lat: number; killed: number; first_id: string }>`
    select count(*)::int as n, st_x(st_centroid(st_collect(geom))) as lon, st_y(st_centroid(st_collect(geom))) as lat,
      coalesce(sum(killed_best), 0)::int as killed, min(id) as first_id
    from incidents where ${clusterWhere(processId, scope, f)}
    group by st_snaptogrid(geom, ${f.cellDegrees}::float8)`.execute(db);
  return rows.rows.map((r) => ({
    type: 'Feature', geometry: { type: 'Point', coordinates: [Number(r.lon), Number(r.lat)] },
    properties: { count: Number(r.n), killedBest: Number(r.killed), ...(Number(r.n) === 1 ? { incidentId: r.first_id } : {}) },
  }));
}

/** Every line the reader may see, or, on a day, the latest of each kind and claimant dated on or before it. */
export async function lines(db: Kysely<Database>, processId: string, scope: ReadScope, asOf?: string): Promise<GeoFeature[]> {
  const rows = await sql<{ id: string; version: number; day: string; body: unknown; geometry: unknown }>`
    select distinct on (${asOf ? sql`status, coalesce(body ->> 'claimantPartyId', '')` : sql`id`})
      id, version, sort_on::text as day, body, st_asgeojson(geom, 6) as geometry
    from lines
    where process_id = ${processId} and ${visible(scope, 'lines')} ${asOf ? sql`and sort_on <= cast(${asOf} as date)` : sql``}
    order by ${asOf ? sql`status, coalesce(body ->> 'claimantPartyId', ''), sort_on desc, id desc` : sql`id`}`.execute(db);
  return rows.rows.map((r) => {
    const { geometry: _g, ...props } = json(r.body) as Record<string, unknown>;
    return { type: 'Feature', id: r.id, geometry: json(r.geometry), properties: { ...props, version: Number(r.version) } };
  });
}

/** Buffers on the sphere around the contact line in force on each zone's day. */
export async function zones(db: Kysely<Database>, processId: string, scope: ReadScope, list: ZoneRequest[]): Promise<GeoFeature[]> {
  if (list.length === 0) return [];
  const specs = JSON.stringify(list.map((z, n) => ({ n, as_of: z.asOf, metres: z.metres })));
  const rows = await sql<{ n: number; id: string; version: number; day: string; approximate: boolean | null; geometry: unknown }>`
    with z as (select * from jsonb_to_recordset(cast(${specs} as jsonb)) as z(n int, as_of date, metres float8))
    select z.n, l.id, l.version, l.sort_on::text as day, (l.body ->> 'approximate')::boolean as approximate,
      st_asgeojson(st_buffer(l.geom::geography, z.metres), 5) as geometry
    from z cross join lateral (
      select x.id, x.version, x.sort_on, x.body, x.geom from lines x
      where x.process_id = ${processId} and x.status = 'contact' and ${visible(scope, 'x')} and x.sort_on <= z.as_of
      order by x.sort_on desc, x.id desc limit 1
    ) l
    order by z.n`.execute(db);
  return rows.rows.map((r) => ({
    type: 'Feature', geometry: json(r.geometry),
    properties: { ...list[Number(r.n)]!.properties, line: { id: r.id, version: Number(r.version), date: r.day, approximate: r.approximate ?? false } },
  }));
}

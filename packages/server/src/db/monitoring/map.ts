import { sql, type Kysely } from 'kysely';
import type { ReadScope } from '../../policies/access.ts';
import type { ClusterFilter, GeoFeature, ZoneRequest } from '../../use-cases/ports.ts';
import type { Database } from '../schema.ts';
import { json, visible } from './scope.ts';

/** The filter of the clusters, the list's filter, without the viewport. */
function filterWhere(processId: string, scope: ReadScope, f: Omit<ClusterFilter, 'bbox' | 'cellDegrees'>, alias = 'incidents') {
  const c = (name: string) => sql.ref(`${alias}.${name}`);
  return sql.join(
    [
      sql`${c('process_id')} = ${processId}`,
      visible(scope, alias),
      ...(f.from ? [sql`${c(alias === 'incidents' ? 'sort_on' : 'day')} >= cast(${f.from} as date)`] : []),
      ...(f.to ? [sql`${c(alias === 'incidents' ? 'sort_on' : 'day')} <= cast(${f.to} as date)`] : []),
      ...(f.status ? [sql`${c('status')} = ${f.status}`] : []),
      ...(f.kind ? [alias === 'incidents' ? sql`body ->> 'violence' = ${f.kind}` : sql`${c('kind')} = ${f.kind}`] : []),
      ...(f.party ? [sql`${f.party} = any(${c('party_ids')})`] : []),
    ],
    sql` and `,
  );
}

/** The WHERE clause of the plainest viewport query over incidents (the bench's bare baseline). */
export function clusterWhere(processId: string, scope: ReadScope, f: ClusterFilter) {
  const { west, south, east, north } = f.bbox;
  return sql`${filterWhere(processId, scope, f)} and geom && st_makeenvelope(${west}::float8, ${south}::float8, ${east}::float8, ${north}::float8, 4326)`;
}

/** The zoom whose cells incident_cells keeps (005_projections.sql); coarser zooms are unions of them. */
export const PROJECTED_ZOOM = 9;

type ClusterRow = { n: number; lon: number; lat: number; killed: number; cx: number; cy: number; first_id?: string | null };

/**
 * Grid clustering: one feature per occupied cell of 90/2^zoom degrees (floor-aligned) that
 * the viewport touches, at the centroid of its incidents; a cell is counted whole, so a
 * cluster does not change as the viewport pans. Down to zoom 9 the counts come from the
 * incident_cells projection, with the same read scope and filters as the list; finer
 * zooms, and grids no zoom gives, group the points themselves.
 */
export async function clusters(db: Kysely<Database>, processId: string, scope: ReadScope, f: ClusterFilter): Promise<GeoFeature[]> {
  const size = f.cellDegrees;
  const zoom = Math.round(Math.log2(90 / size));
  const { west, south, east, north } = f.bbox;
  const [x0, x1, y0, y1] = [Math.floor(west / size), Math.floor(east / size), Math.floor(south / size), Math.floor(north / size)];
  let rows: ClusterRow[];
  if (zoom >= 0 && zoom <= PROJECTED_ZOOM && 90 / 2 ** zoom === size) {
    const shift = PROJECTED_ZOOM - zoom;
    // Arithmetic shifts floor, so a zoom-9 cell falls in exactly one coarser cell.
    rows = (
      await sql<ClusterRow>`
      select sum(n)::int as n, sum(sum_lon) / sum(n) as lon, sum(sum_lat) / sum(n) as lat, sum(killed_best)::int as killed,
        c.cell_x >> ${shift}::int as cx, c.cell_y >> ${shift}::int as cy
      from incident_cells c
      where ${filterWhere(processId, scope, f, 'c')}
        and c.cell_x between ${x0 * 2 ** shift}::int and ${(x1 + 1) * 2 ** shift - 1}::int
        and c.cell_y between ${y0 * 2 ** shift}::int and ${(y1 + 1) * 2 ** shift - 1}::int
      group by 5, 6 having sum(n) > 0`.execute(db)
    ).rows;
    const singles = rows.filter((r) => Number(r.n) === 1);
    if (singles.length > 0) {
      const cells = JSON.stringify(singles.map((r) => ({ cx: Number(r.cx), cy: Number(r.cy) })));
      const ids = await sql<{ id: string; cx: number; cy: number }>`
        select incidents.id, v.cx, v.cy
        from jsonb_to_recordset(cast(${cells} as jsonb)) as v(cx int, cy int)
        join incidents on geom && st_makeenvelope(v.cx * ${size}::float8, v.cy * ${size}::float8, (v.cx + 1) * ${size}::float8, (v.cy + 1) * ${size}::float8, 4326)
          and floor(st_x(geom) / ${size}::float8)::int = v.cx and floor(st_y(geom) / ${size}::float8)::int = v.cy
        where ${filterWhere(processId, scope, f)}`.execute(db);
      const byCell = new Map(ids.rows.map((r) => [`${r.cx},${r.cy}`, r.id]));
      for (const r of singles) r.first_id = byCell.get(`${r.cx},${r.cy}`) ?? null;
    }
  } else {
    rows = (
      await sql<ClusterRow>`
      select count(*)::int as n, avg(st_x(geom)) as lon, avg(st_y(geom)) as lat, coalesce(sum(killed_best), 0)::int as killed,
        min(id) as first_id, floor(st_x(geom) / ${size}::float8)::int as cx, floor(st_y(geom) / ${size}::float8)::int as cy
      from incidents
      where ${filterWhere(processId, scope, f)}
        and geom && st_makeenvelope(${x0 * size}::float8, ${y0 * size}::float8, ${(x1 + 1) * size}::float8, ${(y1 + 1) * size}::float8, 4326)
        and floor(st_x(geom) / ${size}::float8)::int between ${x0}::int and ${x1}::int
        and floor(st_y(geom) / ${size}::float8)::int between ${y0}::int and ${y1}::int
      group by 6, 7`.execute(db)
    ).rows;
  }
  return rows.map((r) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [Number(r.lon), Number(r.lat)] },
    properties: { count: Number(r.n), killedBest: Number(r.killed), ...(Number(r.n) === 1 && r.first_id ? { incidentId: r.first_id } : {}) },
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

/** Buffers on the sphere around the contact line in force on each zone's day, or around one chosen line. */
export async function zones(db: Kysely<Database>, processId: string, scope: ReadScope, list: ZoneRequest[], lineId?: string): Promise<GeoFeature[]> {
  if (list.length === 0) return [];
  const specs = JSON.stringify(list.map((z, n) => ({ n, as_of: z.asOf, metres: z.metres })));
  const rows = await sql<{ n: number; id: string; version: number; day: string; approximate: boolean | null; geometry: unknown }>`
    with z as (select * from jsonb_to_recordset(cast(${specs} as jsonb)) as z(n int, as_of date, metres float8))
    select z.n, l.id, l.version, l.sort_on::text as day, (l.body ->> 'approximate')::boolean as approximate,
      st_asgeojson(st_buffer(l.geom::geography, z.metres), 5) as geometry
    from z cross join lateral (
      select x.id, x.version, x.sort_on, x.body, x.geom from lines x
      where x.process_id = ${processId} and ${visible(scope, 'x')}
        and ${lineId ? sql`x.id = ${lineId}` : sql`x.status = 'contact' and x.owner = 'mediator' and x.sort_on <= z.as_of`}
      order by x.sort_on desc, x.id desc limit 1
    ) l
    order by z.n`.execute(db);
  return rows.rows.map((r) => ({
    type: 'Feature',
    geometry: json(r.geometry),
    properties: { ...list[Number(r.n)]!.properties, line: { id: r.id, version: Number(r.version), date: r.day, approximate: r.approximate ?? false } },
  }));
}

import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Position } from '../../domain/lines/area-of-interest.ts';
import type { ReadScope } from '../../policies/access.ts';
import type { LineComparisonInput, LineComparisonRows, MovedPlaceRow, ParcelRow } from '../../use-cases/lines/ports.ts';
import type { Database } from '../schema.ts';
import { json, visible } from '../monitoring/scope.ts';

/** Below this a parcel is the noise of two overlays of the same edge, not land (10 m²). */
const SLIVER_KM2 = 1e-5;

const lineJson = (coordinates: Position[]) => JSON.stringify({ type: 'LineString', coordinates });
const geom = (geojson: string): RawBuilder<unknown> => sql`st_setsrid(st_geomfromgeojson(${geojson}), 4326)`;

/**
 * The area is split by each extended line; every piece is put on the left or the right of
 * its line by the turn from the line's direction at the nearest point to a point inside the
 * piece (that nearest point lies on the piece's own edge, so the turn is the piece's side).
 * Land left of B but right of A moves to the left, and the reverse; the places inside those
 * parcels change sides. Splits are planar in degrees, as the lines are drawn; areas, lengths
 * and distances are on the WGS84 spheroid. The distances are sampled at every vertex and along
 * each geodesic edge (segmentised on the spheroid, not interpolated in degrees), so a sample
 * lies on its line as the spheroid sees it and identical lines are zero apart, not centimetres.
 */
export async function compareLines(db: Kysely<Database>, processId: string, scope: ReadScope, q: LineComparisonInput): Promise<LineComparisonRows> {
  const ring = JSON.stringify({ type: 'Polygon', coordinates: [q.ring] });
  const settlements = JSON.stringify(q.settlements);
  const step = 1 / Math.max(1, q.samples);
  const { rows } = await sql<Record<string, unknown>>`
    with aoi as (select ${geom(ring)} as g),
    blades as (
      select 'a' as line, ${geom(lineJson(q.a.extended))} as g
      union all select 'b', ${geom(lineJson(q.b.extended))}
    ),
    pieces as (
      select b.line, d.geom as g from aoi cross join blades b cross join lateral st_dump(st_split(aoi.g, b.g)) d
    ),
    probed as (
      select p.line, p.g, s.pt, st_closestpoint(b.g, s.pt) as near, st_linelocatepoint(b.g, s.pt) as f, b.g as blade
      from pieces p join blades b on b.line = p.line cross join lateral (select st_pointonsurface(p.g) as pt) s
    ),
    sided as (
      select line, g, case when
        (st_x(ahead) - st_x(behind)) * (st_y(pt) - st_y(near)) - (st_y(ahead) - st_y(behind)) * (st_x(pt) - st_x(near)) > 0
        then 'left' else 'right' end as side
      from (
        select line, g, pt, near,
          st_lineinterpolatepoint(blade, greatest(f - 1e-7, 0)) as behind,
          st_lineinterpolatepoint(blade, least(f + 1e-7, 1)) as ahead
        from probed
      ) x
    ),
    lefts as (
      select coalesce((select st_union(g) from sided where line = 'a' and side = 'left'), st_geomfromtext('POLYGON EMPTY', 4326)) as a,
        coalesce((select st_union(g) from sided where line = 'b' and side = 'left'), st_geomfromtext('POLYGON EMPTY', 4326)) as b
    ),
    moved as (
      select 'left' as side, d.geom as g from lefts cross join lateral st_dump(st_difference(lefts.b, lefts.a)) d
      union all
      select 'right', d.geom from lefts cross join lateral st_dump(st_difference(lefts.a, lefts.b)) d
    ),
    measured as (select side, g, st_area(g::geography, true) / 1e6 as km2 from moved where st_dimension(g) = 2),
    parcels as (select row_number() over (order by km2 desc, side)::int as n, side, g, km2 from measured where km2 > ${SLIVER_KM2}),
    places as (
      select s.id, s.names, s.population, st_setsrid(st_makepoint(s.lon, s.lat), 4326) as pt, 'gazetteer' as origin
      from jsonb_to_recordset(cast(${settlements} as jsonb)) as s(id text, names jsonb, population int, lon float8, lat float8)
      union all
      select * from (
        select distinct on (i.body -> 'place' ->> 'name') 'incident:' || i.id, jsonb_build_object('en', i.body -> 'place' ->> 'name'), null::int, i.geom, 'record'
        from incidents i
        where i.process_id = ${processId} and ${visible(scope, 'i')} and i.body -> 'place' ->> 'name' is not null
          and i.geom && (select st_envelope(g) from aoi)
        order by i.body -> 'place' ->> 'name', i.id
      ) r
    ),
    changed as (select pl.*, p.side, p.n from places pl join parcels p on st_intersects(p.g, pl.pt)),
    drawn as (
      select 'a' as line, ${geom(lineJson(q.a.coordinates))} as g
      union all select 'b', ${geom(lineJson(q.b.coordinates))}
    ),
    spheric as (select line, g, g::geography as gg from drawn),
    samples as (
      select s.line, d.geom as pt
      from spheric s cross join lateral st_dumppoints(st_segmentize(s.gg, greatest(st_length(s.gg, true) * ${step}::float8, 1))::geometry) d
    ),
    apart as (
      select s.line, s.pt, o.g as other, st_distance(s.pt::geography, o.gg, true) as m
      from samples s join spheric o on o.line <> s.line
    )
    select
      (select jsonb_object_agg(line, st_length(gg, true) / 1000) from spheric) as length_km,
      (select jsonb_object_agg(line, n) from (select line, count(*)::int as n from pieces group by line) c) as pieces,
      (select coalesce(jsonb_agg(jsonb_build_object('n', n, 'to', side, 'areaKm2', km2, 'geometry', st_asgeojson(g, 6)::jsonb,
        'label', st_asgeojson(st_pointonsurface(g), 6)::jsonb) order by n), '[]'::jsonb) from parcels) as parcels,
      (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'names', names, 'population', population, 'lon', st_x(pt), 'lat', st_y(pt),
        'origin', origin, 'to', side, 'parcel', n) order by population desc nulls last, id), '[]'::jsonb) from changed) as places,
      (select jsonb_build_object('max', max(m), 'mean', avg(m)) from apart) as apart,
      (select jsonb_build_object('on', line, 'from', st_asgeojson(pt, 6)::jsonb, 'to', st_asgeojson(st_closestpoint(other, pt), 6)::jsonb)
        from apart order by m desc, line limit 1) as farthest`.execute(db);
  const r = rows[0]!;
  const length = json(r.length_km) as { a: number; b: number };
  const pieces = json(r.pieces) as { a?: number; b?: number } | null;
  const apart = json(r.apart) as { max: number | null; mean: number | null };
  const farthest = json(r.farthest) as { on: 'a' | 'b'; from: { coordinates: Position }; to: { coordinates: Position } } | null;
  const parcels = json(r.parcels) as (Omit<ParcelRow, 'label'> & { label: { coordinates: Position } })[];
  return {
    lengthKm: { a: Number(length.a), b: Number(length.b) },
    pieces: { a: Number(pieces?.a ?? 0), b: Number(pieces?.b ?? 0) },
    parcels: parcels.map((p) => ({ ...p, areaKm2: Number(p.areaKm2), label: p.label.coordinates })),
    places: json(r.places) as MovedPlaceRow[],
    distance: {
      hausdorffM: Number(apart.max ?? 0),
      meanM: Number(apart.mean ?? 0),
      farthest: farthest ? { on: farthest.on, from: farthest.from.coordinates, to: farthest.to.coordinates } : null,
    },
  };
}

/**
 * The bare split-and-area query a comparison is measured against in bench/lines.bench.ts:
 * the same split of one area by two lines and the spheroid area of what lies between them,
 * without sides, places or distances.
 */
export async function bareSplitArea(db: Kysely<Database>, ring: Position[], a: Position[], b: Position[]): Promise<number> {
  const area = JSON.stringify({ type: 'Polygon', coordinates: [ring] });
  const { rows } = await sql<{ km2: number }>`
    with aoi as (select ${geom(area)} as g),
    pa as (select d.geom as g from aoi cross join lateral st_dump(st_split(aoi.g, ${geom(lineJson(a))})) d),
    pb as (select d.geom as g from aoi cross join lateral st_dump(st_split(aoi.g, ${geom(lineJson(b))})) d)
    select coalesce(sum(st_area(st_intersection(pa.g, pb.g)::geography, true)), 0) / 1e6 as km2 from pa cross join pb`.execute(db);
  return Number(rows[0]?.km2 ?? 0);
}

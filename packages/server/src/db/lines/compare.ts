import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Position } from '../../domain/lines/area-of-interest.ts';
import type { ReadScope } from '../../policies/access.ts';
import type { LineComparisonInput, LineComparisonRows, MovedPlaceRow, ParcelRow } from '../../use-cases/lines/ports.ts';
import type { Database } from '../schema.ts';
import { json, visible } from '../monitoring/scope.ts';

/** Below this a parcel is the noise of two overlays of the same edge, not land (10 m²). */
const SLIVER_KM2 = 1e-5;
/** Samples in a run that shares one window on the other line for its nearest points. */
const RUN = 25;
/**
 * The same geodesics as a cast to geography, on geometry: the cast builds a geography per call, which made
 * the spheroid lengths and distances 20 times slower here (20 ms against 1 ms for 1,000 point pairs).
 */
const WGS84 = 'SPHEROID["WGS 84",6378137,298.257223563]';

const lineJson = (coordinates: Position[]) => JSON.stringify({ type: 'LineString', coordinates });
const geom = (geojson: string): RawBuilder<unknown> => sql`st_setsrid(st_geomfromgeojson(${geojson}), 4326)`;

/**
 * A line or a one-ring polygon as hex EWKB (SRID 4326): PostGIS reads it as the geometry's text form
 * in 0.3 ms for 2,000 vertices, against 2 ms for the same line as GeoJSON, with the same doubles.
 */
function ewkb(kind: 'line' | 'polygon', coordinates: Position[]): RawBuilder<unknown> {
  const head = kind === 'line' ? 13 : 17;
  const buf = Buffer.alloc(head + 16 * coordinates.length);
  buf.writeUInt8(1, 0);
  buf.writeUInt32LE(0x20000000 | (kind === 'line' ? 2 : 3), 1);
  buf.writeUInt32LE(4326, 5);
  if (kind === 'polygon') buf.writeUInt32LE(1, 9);
  buf.writeUInt32LE(coordinates.length, head - 4);
  coordinates.forEach(([x, y], i) => {
    buf.writeDoubleLE(x, head + 16 * i);
    buf.writeDoubleLE(y, head + 16 * i + 8);
  });
  return sql`cast(${buf.toString('hex')} as geometry)`;
}

/**
 * The area is split once by both extended lines; every face of that overlay is put on the left
 * or the right of each line by the turn from the line's direction at the nearest point to a point
 * inside the face (the segment to that nearest point crosses no line, so the turn is the face's
 * side). Land left of B but right of A moves to the left, and the reverse; the places inside those
 * parcels change sides. Splits are planar in degrees, as the lines are drawn; areas, lengths
 * and distances are on the WGS84 spheroid. Distances are sampled: points spaced evenly along each
 * line as drawn, each measured on the spheroid to its nearest point on the other line, both ways;
 * the largest is the (sampled) Hausdorff distance. A geography distance to a 2,000-vertex line per
 * sample cost a second here; the nearest point found in a local flat view and one point-to-point
 * spheroid distance cost milliseconds, and a sample on an identical line is exactly zero away.
 */
export async function compareLines(db: Kysely<Database>, processId: string, scope: ReadScope, q: LineComparisonInput): Promise<LineComparisonRows> {
  const settlements = JSON.stringify(q.settlements);
  const step = 1 / Math.max(1, q.samples);
  // Nearest points are found in degrees with longitude shrunk to the area's middle latitude (a local
  // equirectangular view, so "nearest" means nearest on the ground), then measured on the spheroid.
  const box = q.ring.reduce((m, [, lat]) => ({ s: Math.min(m.s, lat), n: Math.max(m.n, lat) }), { s: 90, n: -90 });
  const k = Math.cos((((box.s + box.n) / 2) * Math.PI) / 180);
  const query = sql<Record<string, unknown>>`
    with aoi as (select ${ewkb('polygon', q.ring)} as g),
    blades as (
      select 'a' as line, ${ewkb('line', q.a.extended)} as g
      union all select 'b', ${ewkb('line', q.b.extended)}
    ),
    -- One split by both lines gives the faces of their overlay; each face is on one side of each line.
    faces as (
      select row_number() over () as face, d.geom as g, st_pointonsurface(d.geom) as pt
      from aoi cross join lateral st_dump(st_split(aoi.g, (select st_union(g) from blades))) d
    ),
    -- Each step whose columns are used twice is materialised: inlined, PostgreSQL substitutes a column's
    -- expression at each use and evaluates it again, here a pass over a 2,000-vertex line each time.
    probed as materialized (
      select f.face, b.line, f.pt, st_closestpoint(b.g, f.pt) as near, st_linelocatepoint(b.g, f.pt) as at, b.g as blade
      from faces f cross join blades b
    ),
    turned as materialized (
      select face, line, pt, near,
        st_lineinterpolatepoint(blade, greatest(at - 1e-7, 0)) as behind,
        st_lineinterpolatepoint(blade, least(at + 1e-7, 1)) as ahead
      from probed
    ),
    sided as (
      select face, line, case when
        (st_x(ahead) - st_x(behind)) * (st_y(pt) - st_y(near)) - (st_y(ahead) - st_y(behind)) * (st_x(pt) - st_x(near)) > 0
        then 'left' else 'right' end as side
      from turned
    ),
    -- Faces on different sides of A and B are the land that moves; two of them never share an edge
    -- (crossing one line changes one side), so each is a parcel of its own.
    moving as materialized (
      select sa.face, sb.side from sided sa join sided sb on sb.face = sa.face and sb.line = 'b'
      where sa.line = 'a' and sa.side <> sb.side
    ),
    -- Materialised apart from the join so that each moving face's spheroid area is computed once: inlined,
    -- the planner evaluated it once per face and probe pair (14 × 14 times here, 85 ms of 140).
    measured as materialized (select f.g, m.side, st_area(f.g::geography, true) / 1e6 as km2 from moving m join faces f on f.face = m.face),
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
      select 'a' as line, ${ewkb('line', q.a.coordinates)} as g
      union all select 'b', ${ewkb('line', q.b.coordinates)}
    ),
    spheric as (select line, g, st_scale(g, ${k}::float8, 1) as flat from drawn),
    samples as materialized (
      select line, i, pt, st_scale(pt, ${k}::float8, 1) as fp from (
        select s.line, coalesce(d.path[1], 1) as i, d.geom as pt from spheric s cross join lateral st_dump(st_lineinterpolatepoints(s.g, ${step}::float8, true)) d
        union all select line, 0, st_startpoint(g) from spheric
      ) x
    ),
    -- A closest point on the whole other line costs a pass over its 2,000 vertices (12 ms for the 1,000
    -- samples). A run of samples needs only the part of it within reach: no sample of the run is farther
    -- from the line than the run's first sample is (measured on the whole line) plus the way between the
    -- two, so the line clipped to the run's box widened by that much holds every one of their closest points.
    reach as materialized (
      select s.line, s.i / ${RUN} as run, st_distance(o.flat, s.fp) as d, s.fp from samples s join spheric o on o.line <> s.line
      where s.i % ${RUN} = 0
    ),
    windows as materialized (
      select w.line, w.run, st_clipbybox2d(o.flat, w.box) as part from (
        select r.line, r.run, st_expand(st_extent(s.fp), (r.d + max(st_distance(s.fp, r.fp))) * 1.001 + 1e-9) as box
        from reach r join samples s on s.line = r.line and s.i / ${RUN} = r.run
        group by r.line, r.run, r.d, r.fp
      ) w join spheric o on o.line <> w.line
    ),
    nearest as materialized (
      select s.line, s.pt, st_scale(st_closestpoint(case when st_isempty(w.part) then o.flat else w.part end, s.fp), ${1 / k}::float8, 1) as near
      from samples s join windows w on w.line = s.line and w.run = s.i / ${RUN} join spheric o on o.line <> s.line
    ),
    apart as (select line, pt, near, st_distancespheroid(pt, near, ${WGS84}::spheroid) as m from nearest)
    select
      (select json_object_agg(line, st_lengthspheroid(g, ${WGS84}::spheroid) / 1000) from spheric) as length_km,
      (select json_object_agg(line, n) from (select line, count(distinct side)::int as n from sided group by line) c) as pieces,
      (select coalesce(json_agg(json_build_object('n', n, 'to', side, 'areaKm2', km2, 'geometry', st_asgeojson(g, 6)::json,
        'label', st_asgeojson(st_pointonsurface(g), 6)::json) order by n), '[]'::json) from parcels) as parcels,
      (select coalesce(json_agg(json_build_object('id', id, 'names', names, 'population', population, 'lon', st_x(pt), 'lat', st_y(pt),
        'origin', origin, 'to', side, 'parcel', n) order by population desc nulls last, id), '[]'::json) from changed) as places,
      (select json_build_object('max', max(m), 'mean', avg(m)) from apart) as apart,
      (select json_build_object('on', line, 'from', st_asgeojson(pt, 6)::json, 'to', st_asgeojson(near, 6)::json)
        from apart order by m desc, line limit 1) as farthest`;
  // PostGIS's cost estimates make PostgreSQL compile this query with JIT, which took longer (~0.5 s
  // here) than running it; PGlite has no JIT and accepts the setting all the same.
  const { rows } = await db.transaction().execute(async (tx) => {
    await sql`set local jit = off`.execute(tx);
    return query.execute(tx);
  });
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
    select coalesce(sum(st_area(d.geom::geography, true)), 0) / 1e6 as km2
    from st_dump(st_split(${geom(area)}, st_union(${geom(lineJson(a))}, ${geom(lineJson(b))}))) d`.execute(db);
  return Number(rows[0]?.km2 ?? 0);
}

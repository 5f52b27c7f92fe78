// Monitoring at scale: N incidents written in one INSERT … SELECT generate_series (the bare,
// COPY-like baseline, outside the journal) and a sample through the import path (parse,
// validate, journal, Merkle log), as a ratio of rows/s; then the map's viewport clusters
// against the same query in bare SQL, the daily report, and the corridor query.
// PostgreSQL when DATABASE_URL is set (default N 1,000,000), else PGlite (default N 20,000).
import { sql } from 'kysely';
import { openRuntime } from '../packages/server/src/compose.ts';
import { clusterWhere } from '../packages/server/src/db/monitoring/map.ts';
import { exportUcdp } from '../packages/server/src/domain/monitoring/ucdp.ts';
import type { Incident } from '../packages/server/src/domain/monitoring/incident.ts';
import { cellDegrees } from '../packages/server/src/domain/monitoring/map.ts';
import { SYSTEM, type Actor } from '../packages/server/src/domain/shared/actor.ts';
import { createProcess } from '../packages/server/src/use-cases/create-process.ts';
import { createRecord } from '../packages/server/src/use-cases/create-record.ts';
import { clusterIncidents } from '../packages/server/src/use-cases/monitoring/cluster-incidents.ts';
import { dailyReport } from '../packages/server/src/use-cases/monitoring/daily-report.ts';
import { importIncidents } from '../packages/server/src/use-cases/monitoring/import-incidents.ts';
import { resource } from '../packages/server/src/use-cases/resources.ts';
import type { ReadScope } from '../packages/server/src/policies/access.ts';

const onPostgres = !!process.env.DATABASE_URL;
const N = Number(process.env.BENCH_INCIDENTS ?? (onPostgres ? 1_000_000 : 20_000));
const SAMPLE = Number(process.env.BENCH_IMPORT_SAMPLE ?? 2_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
// The area of the Donbas the generated incidents fall in.
const AREA = { west: 37.3, south: 47.0, east: 39.8, north: 48.9 };
const DAYS = 120;

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
async function timed(runs: number, op: (i: number) => Promise<unknown>): Promise<number[]> {
  await op(0); // warm-up, not counted
  const out: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const t = performance.now();
    await op(i);
    out.push(performance.now() - t);
  }
  return out;
}
const day = (n: number) => new Date(Date.UTC(2014, 8, 1) + (n % DAYS) * 86_400_000).toISOString().slice(0, 10);
/** A viewport of about 0.7° × 0.5° (zoom 9 on a laptop screen) somewhere in the area, the same for both sides of a comparison. */
const viewport = (i: number) => {
  const west = AREA.west + ((i * 0.37) % 1.7);
  const south = AREA.south + ((i * 0.23) % 1.3);
  return { west, south, east: west + 0.7, north: south + 0.5 };
};

export async function benchMonitoring() {
  const rt = await openRuntime({ databaseUrl: process.env.DATABASE_URL, dataDir: null });
  const db = rt.handle.db;
  const pid = `bench-mon-${Date.now().toString(36)}`;
  await createProcess(rt, SYSTEM, { id: pid, names: { en: 'Monitoring bench' } });
  await createRecord(rt, SYSTEM, pid, resource('line'), {
    kind: 'contact',
    date: '2014-09-19',
    approximate: true,
    audience: 'public',
    sources: [],
    geometry: {
      type: 'LineString',
      coordinates: [
        [39.49, 48.65],
        [39.23, 48.74],
        [38.38, 48.63],
        [38.4, 48.34],
        [37.98, 48.3],
        [37.75, 48.14],
        [37.74, 48.07],
        [37.5, 47.94],
        [37.58, 47.65],
        [37.81, 47.09],
      ],
    },
  });

  // The bare baseline: one statement, inside a transaction that the unit-of-work trigger accepts, no journal.
  let t = performance.now();
  await db.transaction().execute(async (tx) => {
    await sql`select set_config('parley.uow', 'on', true)`.execute(tx);
    await sql`
      insert into incidents (process_id, id, version, audience, audience_party, parent_id, status, sort_on, party_ids, body, created_at, created_by, updated_at, updated_by)
      select ${pid}, 'g' || g, 1, case when g % 10 = 0 then 'mediator' else 'public' end, null, null,
        case when g % 3 = 0 then 'corroborated' else 'reported' end, d, case when g % 2 = 0 then array['ukr'] else array[]::text[] end,
        jsonb_build_object(
          'date', jsonb_build_object('start', d::text, 'end', d::text, 'precision', 'day'),
          'place', jsonb_build_object('lat', lat, 'lon', lon, 'precision', 'near', 'admin1', case when lat > 48.3 and lon > 38.6 then 'Luhansk' else 'Donetsk' end),
          'violence', 'state_based', 'actors', '[]'::jsonb,
          'casualties', jsonb_build_object('killed', jsonb_build_object('low', g % 3, 'best', g % 3, 'high', g % 3 + 1), 'injured', jsonb_build_object('low', 0, 'best', g % 2, 'high', 1)),
          'sources', '[]'::jsonb),
        now(), 'bench', now(), 'bench'
      from (
        select g, (date '2014-09-01' + (g % ${DAYS})) as d,
          ${AREA.south}::float8 + random() * ${AREA.north - AREA.south}::float8 as lat, ${AREA.west}::float8 + random() * ${AREA.east - AREA.west}::float8 as lon
        from generate_series(1, ${N}::int) as g
      ) s`.execute(tx);
  });
  const bareMs = performance.now() - t;
  // A table in service is vacuumed by autovacuum; a fresh one is not yet, and index-only scans need its visibility map.
  await sql`vacuum (analyze) incidents`.execute(db);

  // The import path for a sample: a UCDP file through parse, validation, the unit of work and the log.
  const sample: Incident[] = Array.from({ length: SAMPLE }, (_, i) => ({
    date: { start: day(i), end: day(i), precision: 'day' },
    place: { lat: 47.5 + (i % 100) / 100, lon: 37.5 + (i % 77) / 50, precision: 'near', admin1: 'Donetsk', country: 'Ukraine' },
    violence: 'state_based',
    actors: [
      { role: 'side_a', name: 'Government of Ukraine' },
      { role: 'side_b', name: 'DPR' },
    ],
    casualties: { killed: { low: 0, best: i % 3, high: 3 }, killedBy: { sideA: 0, sideB: 0, civilians: 0, unknown: i % 3 } },
    sources: [{ publisher: 'Bench', date: day(i) }],
    external: { dataset: 'ucdp-ged', id: String(900_000_000 + i), row: {} },
  }));
  const file = new TextEncoder().encode(exportUcdp(sample));
  t = performance.now();
  const report = await importIncidents(rt, SYSTEM, pid, file);
  const importMs = performance.now() - t;
  if (report.totals.created !== SAMPLE)
    throw new Error(`import created ${report.totals.created} of ${SAMPLE}: ${JSON.stringify(report.rows.find((r) => r.status === 'refused'))}`);

  // A forum reader, so the scope's WHERE clause is paid like a real analyst's request pays it.
  const analyst: Actor = { accountId: 'bench', username: 'bench', roles: [{ processId: pid, role: 'analyst', partyId: null }] };
  const zoom = 9;
  const bbox = (i: number) => Object.values(viewport(i)).join(',');
  const api = await timed(RUNS, (i) => clusterIncidents(rt, analyst, pid, { bbox: bbox(i), zoom, from: '2014-09-01', to: '2014-10-31' }));
  const readerScope: ReadScope = { all: false, audiences: ['public', 'forum'], parties: [] };
  const period = { from: '2014-09-01', to: '2014-10-31' };
  // Bare SQL for the viewport as the plainest query over the base table: points inside the box, snapped to the grid.
  const bare = await timed(RUNS, (i) =>
    sql`
    select count(*)::int as n, st_x(st_centroid(st_collect(geom))) as lon, st_y(st_centroid(st_collect(geom))) as lat
    from incidents where ${clusterWhere(pid, readerScope, { bbox: viewport(i), cellDegrees: cellDegrees(zoom), ...period })}
    group by st_snaptogrid(geom, ${cellDegrees(zoom)}::float8)`.execute(db),
  );
  // The use case's own question (every grid cell the box touches, whole) in bare SQL over the base table. The edges are
  // compared exactly: && compares float4-rounded boxes, so it lets in points up to ~1e-6° outside.
  const cellsOf = (i: number) => {
    const s = cellDegrees(zoom);
    const v = viewport(i);
    return {
      s,
      bbox: {
        west: Math.floor(v.west / s) * s,
        south: Math.floor(v.south / s) * s,
        east: (Math.floor(v.east / s) + 1) * s,
        north: (Math.floor(v.north / s) + 1) * s,
      },
    };
  };
  const bareCells = await timed(RUNS, (i) =>
    sql`
    select count(*)::int as n, avg(st_x(geom)) as lon, avg(st_y(geom)) as lat, sum(killed_best)::int as killed
    from incidents where ${clusterWhere(pid, readerScope, { ...cellsOf(i), cellDegrees: cellsOf(i).s, ...period })}
      and st_x(geom) >= ${cellsOf(i).bbox.west}::float8 and st_y(geom) >= ${cellsOf(i).bbox.south}::float8 and st_x(geom) < ${cellsOf(i).bbox.east}::float8 and st_y(geom) < ${cellsOf(i).bbox.north}::float8
    group by floor(st_x(geom) / ${cellsOf(i).s}::float8), floor(st_y(geom) / ${cellsOf(i).s}::float8)`.execute(db),
  );
  // The same counts, both ways, for one viewport: the projection must answer what the points answer.
  {
    const mine = (await clusterIncidents(rt, analyst, pid, { bbox: bbox(7), zoom, ...period })).features.reduce((n, f) => n + Number(f.properties.count), 0);
    const theirs = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from incidents where ${clusterWhere(pid, readerScope, { ...cellsOf(7), cellDegrees: cellsOf(7).s, ...period })}
      and st_x(geom) >= ${cellsOf(7).bbox.west}::float8 and st_y(geom) >= ${cellsOf(7).bbox.south}::float8 and st_x(geom) < ${cellsOf(7).bbox.east}::float8 and st_y(geom) < ${cellsOf(7).bbox.north}::float8`.execute(
        db,
      )
    ).rows[0]!.n;
    if (mine !== theirs) throw new Error(`clusters count ${mine} incidents in viewport 7, the base table ${theirs}`);
  }
  const whole = await timed(Math.min(RUNS, 10), () =>
    clusterIncidents(rt, analyst, pid, { bbox: `${AREA.west},${AREA.south},${AREA.east},${AREA.north}`, zoom: 6 }),
  );
  const wholeBare = await timed(Math.min(RUNS, 10), () =>
    sql`
    select count(*)::int as n, st_x(st_centroid(st_collect(geom))) as lon, st_y(st_centroid(st_collect(geom))) as lat
    from incidents where ${clusterWhere(pid, readerScope, { bbox: AREA, cellDegrees: cellDegrees(6) })}
    group by st_snaptogrid(geom, ${cellDegrees(6)}::float8)`.execute(db),
  );

  const reports = await timed(Math.min(RUNS, 20), (i) => dailyReport(rt, analyst, pid, day(30 + i)));

  // Incidents within 15 km of the contact line, per day, over 30 days: the plain ST_DWithin on geography…
  const corridorSql = (i: number) => sql<{ sort_on: string; count: number }>`
    with l as materialized (select geom::geography as g from lines where process_id = ${pid} and status = 'contact' order by sort_on desc limit 1)
    select i.sort_on::text, count(*)::int from incidents i, l
    where i.process_id = ${pid} and i.sort_on between cast(${day(i * 3)} as date) and cast(${day(i * 3)} as date) + 29 and st_dwithin(i.geog, l.g, 15000)
    group by i.sort_on order by i.sort_on`;
  const corridor = await timed(Math.min(RUNS, 10), (i) => corridorSql(i).execute(db));
  // …and with the line buffered once: points inside the corridor less 500 m are in, points outside it plus 500 m are out,
  // and only the 1 km seam between is measured on the spheroid, so the answer is ST_DWithin's. The line's box covers the
  // whole area, so the period's points come from the (process_id, sort_on) include (geom) index alone; JIT is off, as its
  // compilation (~200 ms) costs more than it saves here (PostGIS's cost estimates make the planner expect far more work).
  const bufferedSql = (i: number) => sql<{ sort_on: string; count: number }>`
    with l as materialized (select geom::geography as g from lines where process_id = ${pid} and status = 'contact' order by sort_on desc limit 1),
    b as materialized (select l.g, st_buffer(l.g, 14500, 'quad_segs=16')::geometry as inner_g, st_buffer(l.g, 15500, 'quad_segs=16')::geometry as outer_g from l),
    c as materialized (
      select i.sort_on, i.geom from incidents i
      where i.process_id = ${pid} and i.sort_on between cast(${day(i * 3)} as date) and cast(${day(i * 3)} as date) + 29
    )
    select c.sort_on::text, count(*)::int from c, b
    where st_intersects(c.geom, b.outer_g) and (st_intersects(c.geom, b.inner_g) or st_dwithin(c.geom::geography, b.g, 15000))
    group by c.sort_on order by c.sort_on`;
  const buffer = (i: number) =>
    db.transaction().execute(async (tx) => {
      await sql`set local jit = off`.execute(tx);
      return bufferedSql(i).execute(tx);
    });
  const buffered = await timed(Math.min(RUNS, 10), (i) => buffer(i));
  for (const i of [1, 5]) {
    const [a, b] = [JSON.stringify((await corridorSql(i).execute(db)).rows), JSON.stringify((await buffer(i)).rows)];
    if (a !== b) throw new Error(`buffered corridor differs from ST_DWithin: ${a.slice(0, 200)} vs ${b.slice(0, 200)}`);
  }

  // The generated rows would slow every later run sharing the database; the journalled sample and line stay, as the log requires.
  await db.transaction().execute(async (tx) => {
    await sql`select set_config('parley.uow', 'on', true)`.execute(tx);
    await sql`delete from incidents where process_id = ${pid} and id like 'g%'`.execute(tx);
  });
  await rt.close();
  const rate = (rows: number, ms: number) => rows / (ms / 1000);
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  return [
    `monitoring (${rt.engine}, ${N.toLocaleString('en')} generated incidents over ${DAYS} days${!process.env.BENCH_INCIDENTS && !onPostgres ? '; PGlite default, set DATABASE_URL for the 1M run' : ''}; p95 of ${RUNS} runs unless noted)`,
    `  ingest, bare INSERT … SELECT generate_series: ${rate(N, bareMs).toFixed(0)} rows/s (${(bareMs / 1000).toFixed(1)} s, baseline)`,
    `  ingest, UCDP import path (${SAMPLE} rows, journalled): ${rate(SAMPLE, importMs).toFixed(0)} rows/s; ratio import/bare ${(rate(SAMPLE, importMs) / rate(N, bareMs)).toFixed(3)}`,
    `  viewport clusters (zoom ${zoom}, ~0.7°×0.5°, 2 months): use case p95 ${f(p95(api))} vs bare SQL p95 ${f(p95(bare))} (points in the box) and ${f(p95(bareCells))} (points in the cells the box touches, the use case's question); use case/bare ${(p95(api) / p95(bare)).toFixed(2)}×`,
    `  whole area clusters (zoom 6, all dates): use case p95 ${f(p95(whole))} vs bare SQL p95 ${f(p95(wholeBare))} (10 runs)`,
    `  daily report (JSON, per region, with violations): p95 ${f(p95(reports))} (20 runs)`,
    `  corridor (within 15 km of the contact line, per day, 30 days): ST_DWithin p95 ${f(p95(corridor))}; buffered line and index-only period, same counts, p95 ${f(p95(buffered))} (10 runs)`,
  ].join('\n');
}

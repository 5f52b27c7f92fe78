// Lines compared: two 2,000-vertex lines over the Donbas that cross each other several times,
// compared through the use case (sides, parcels, spheroid areas, settlements, distances) against
// the bare PostGIS query that splits the same area by the same two extended lines and sums the
// spheroid areas of the overlay, in the same run. Goal: under 200 ms and within 1.5× of the bare query.
// PostgreSQL when DATABASE_URL is set, else PGlite.
import { openRuntime } from '../packages/server/src/compose.ts';
import { bareSplitArea } from '../packages/server/src/db/lines/compare.ts';
import { DONBAS_AOI, extendAcross, orient, ringBbox, type Position } from '../packages/server/src/domain/lines/area-of-interest.ts';
import { SYSTEM } from '../packages/server/src/domain/shared/actor.ts';
import { createProcess } from '../packages/server/src/use-cases/create-process.ts';
import { createRecord } from '../packages/server/src/use-cases/create-record.ts';
import { compareLines } from '../packages/server/src/use-cases/lines/compare-lines.ts';
import { gazetteer } from '../packages/server/src/use-cases/lines/gazetteer.ts';
import { reading } from '../packages/server/src/use-cases/reading.ts';
import { resource } from '../packages/server/src/use-cases/resources.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const VERTICES = 2_000;
// The line of contact of September 2014, as the demo sketches it, from the north-east to the coast.
const BASE: Position[] = [
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
];

/** BASE resampled to `n` vertices, each moved east by `offset(t)` degrees (t from 0 to 1 along the line). */
function dense(n: number, offset: (t: number) => number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    const at = t * (BASE.length - 1);
    const k = Math.min(BASE.length - 2, Math.floor(at));
    const f = at - k;
    const [x0, y0] = BASE[k]!;
    const [x1, y1] = BASE[k + 1]!;
    out.push([Number((x0 + (x1 - x0) * f + offset(t)).toFixed(6)), Number((y0 + (y1 - y0) * f).toFixed(6))]);
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
async function timed(runs: number, op: () => Promise<unknown>): Promise<number[]> {
  await op(); // warm-up, not counted
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await op();
    out.push(performance.now() - t);
  }
  return out;
}

export async function benchLines() {
  const rt = await openRuntime({ databaseUrl: process.env.DATABASE_URL, dataDir: null });
  const pid = `bench-lines-${Date.now().toString(36)}`;
  const { ring, along, approximate, note } = DONBAS_AOI;
  await createProcess(rt, SYSTEM, { id: pid, names: { en: 'Lines bench' }, areaOfInterest: { ring, along, approximate, note } });
  const a = dense(VERTICES, (t) => 0.004 * Math.sin(t * 180));
  const b = dense(VERTICES, (t) => 0.03 * Math.sin(t * 23) + 0.004 * Math.cos(t * 150));
  const ids: string[] = [];
  for (const coordinates of [a, b]) {
    const rec = await createRecord(rt, SYSTEM, pid, resource('line'), {
      kind: 'demarcation_proposal',
      date: '2014-11-20',
      approximate: true,
      audience: 'public',
      sources: [],
      geometry: { type: 'LineString', coordinates },
    });
    ids.push(rec.id);
  }
  // Until the GeoNames-based list is merged, a grid of synthetic settlements stands in, as many as the oblasts have.
  const synthetic = gazetteer.settlements.length === 0;
  if (synthetic)
    for (let i = 0; i < 3_000; i++)
      gazetteer.settlements.push({
        id: `s${i}`,
        names: { en: `Settlement ${i}` },
        population: 100 + i,
        lon: 36.7 + ((i * 0.618034) % 1) * 3.3,
        lat: 47.1 + ((i * 0.381966) % 1) * 1.9,
      });
  const box = ringBbox(DONBAS_AOI.ring);
  const oa = orient(a, DONBAS_AOI.along);
  const ob = orient(b, DONBAS_AOI.along);
  const ea = extendAcross(oa, box);
  const eb = extendAcross(ob, box);

  const comparison = await compareLines(rt, SYSTEM, pid, { a: ids[0]!, b: ids[1]! });
  const bareKm2 = await bareSplitArea(rt.handle.db, DONBAS_AOI.ring, ea, eb);
  const full = await timed(RUNS, () => compareLines(rt, SYSTEM, pid, { a: ids[0]!, b: ids[1]! }));
  const bare = await timed(RUNS, () => bareSplitArea(rt.handle.db, DONBAS_AOI.ring, ea, eb));
  // The breakdown: the comparison's one query alone, given what the use case gives it, so that what
  // the use case spends reading the two lines shows apart.
  const input = {
    ring: DONBAS_AOI.ring,
    a: { coordinates: oa, extended: ea },
    b: { coordinates: ob, extended: eb },
    settlements: gazetteer.settlements.filter((s) => s.lon >= box.west && s.lon <= box.east && s.lat >= box.south && s.lat <= box.north),
    samples: comparison.distance.samples,
  };
  const scope = reading(rt.store.reader, SYSTEM, pid, 'view').scope;
  const query = await timed(RUNS, () => rt.monitoring.compareLines(pid, scope, input));
  await rt.close();
  if (synthetic) gazetteer.settlements.length = 0;
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  const gained = comparison.gainedKm2.left + comparison.gainedKm2.right;
  return [
    `lines (${rt.engine}, two ${VERTICES.toLocaleString('en')}-vertex lines over the Donbas, ${comparison.parcels.length} parcels, ${gained.toFixed(0)} km² between them of ${bareKm2.toFixed(0)} km² in the area; ${synthetic ? 'synthetic' : 'gazetteer'} settlements tested: ${gazetteer.settlements.length || 3000}, changing sides: ${comparison.settlements.length}; median / p95 of ${RUNS} runs)`,
    `  bare split-and-area query (baseline): ${f(median(bare))} / ${f(p95(bare))}`,
    `  comparison use case (sides, parcels, areas, settlements, distances from ${comparison.distance.samples}+ samples per line): ${f(median(full))} / ${f(p95(full))}; ratio ${(median(full) / median(bare)).toFixed(2)}× (median), ${(p95(full) / p95(bare)).toFixed(2)}× (p95)`,
    `    of which its one query alone (the rest is the use case around it, mostly reading the two lines): ${f(median(query))} / ${f(p95(query))}; ratio ${(median(query) / median(bare)).toFixed(2)}× (median)`,
  ].join('\n');
}

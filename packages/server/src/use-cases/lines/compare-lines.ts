import type { Actor } from '../../domain/shared/actor.ts';
import { invalid, notFound } from '../../domain/shared/app-error.ts';
import {
  areaAroundLines,
  boxArea,
  extendAcross,
  orient,
  ringBbox,
  sideLabels,
  type AreaOfInterest,
  type Position,
  type Side,
} from '../../domain/lines/area-of-interest.ts';
import { processArea } from '../../domain/lines/process-area.ts';
import { parseLineRef, type LineRef } from '../../domain/lines/line-ref.ts';
import { parseBbox } from '../../domain/monitoring/map.ts';
import { canRead } from '../../policies/access.ts';
import { versionVisibility } from '../log/record-visibility.ts';
import type { MonitoringDeps, StoredRecord } from '../ports.ts';
import { reading, type Reading } from '../reading.ts';
import { assertProcess } from '../support.ts';
import { gazetteer } from './gazetteer.ts';

/** Points sampled on each line for the distances apart: enough for a metre-scale mean on a front of a few hundred km. */
const SAMPLES = 500;

interface ResolvedLine {
  ref: string;
  id: string;
  version: number;
  kind: string;
  date: string;
  claimantPartyId: string | null;
  approximate: boolean;
  coordinates: Position[];
}

interface LineBody {
  kind: string;
  date: string;
  claimantPartyId?: string;
  approximate: boolean;
  geometry: { coordinates: Position[] };
}

const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Compares two lines the reader may see, within the process's area of interest: what land lies
 * between them and which side gains it under B compared with A, the places that change sides,
 * and how far apart the lines are. Each line is read through the one reader, so a line (or a
 * version of it) the reader may not see answers as missing, never as "hidden".
 */
export async function compareLines(deps: MonitoringDeps, actor: Actor, processId: string, q: { a: string; b: string; aoi?: string }) {
  const refA = parseLineRef(q.a, 'a');
  const refB = parseLineRef(q.b, 'b');
  const asked = q.aoi ? parseBbox(q.aoi, 'aoi') : null;
  await assertProcess(deps.store.reader, processId);
  const read = reading(deps.store.reader, actor, processId, 'view');
  const a = await resolve(read, refA, q.a);
  const b = await resolve(read, refB, q.b);
  const given = asked ? null : await deps.store.reader.processArea(processId);
  const area: AreaOfInterest = asked ? boxArea(asked) : given ? processArea(processId, given) : areaAroundLines(a.coordinates, b.coordinates);
  const box = ringBbox(area.ring);
  const oa = orient(a.coordinates, area.along);
  const ob = orient(b.coordinates, area.along);
  const rows = await deps.monitoring.compareLines(processId, read.scope, {
    ring: area.ring,
    a: { coordinates: oa, extended: extendAcross(oa, box) },
    b: { coordinates: ob, extended: extendAcross(ob, box) },
    settlements: gazetteer.settlements.filter((s) => s.lon >= box.west && s.lon <= box.east && s.lat >= box.south && s.lat <= box.north),
    samples: SAMPLES,
  });
  for (const [field, n] of [
    ['a', rows.pieces.a],
    ['b', rows.pieces.b],
  ] as const)
    if (n < 2)
      throw invalid(
        field,
        'line_outside_area',
        `The line "${q[field]}" does not cross the area of interest (${area.id}), so it has no sides there to compare.`,
      );
  const parcels = rows.parcels.map((p) => ({ n: p.n, from: other(p.to), to: p.to, areaKm2: p.areaKm2, label: p.label, geometry: p.geometry }));
  const gained = (s: Side) => parcels.filter((p) => p.to === s).reduce((sum, p) => sum + p.areaKm2, 0);
  return {
    area: { id: area.id, approximate: area.approximate, note: area.note, ring: area.ring, sides: sideLabels(area) },
    a: { ...a, lengthKm: rows.lengthKm.a },
    b: { ...b, lengthKm: rows.lengthKm.b },
    parcels,
    gainedKm2: { left: gained('left'), right: gained('right') },
    settlements: rows.places.map((s) => ({ ...s, from: other(s.to) })),
    distance: {
      // Centimetres: below that the figure is the floating point of two copies of one line, not a distance.
      hausdorffKm: round(rows.distance.hausdorffM, 2) / 1000,
      meanKm: round(rows.distance.meanM, 2) / 1000,
      samples: SAMPLES,
      farthest: rows.distance.hausdorffM >= 0.01 ? rows.distance.farthest : null,
    },
    sources: gazetteer.credits,
  };
}

async function resolve(read: Reading, ref: LineRef, text: string): Promise<ResolvedLine> {
  if (ref.kind === 'contact') {
    // The reference contact line is the mediator's, as the withdrawal zones measure from it.
    const candidates = await read.list('lines', { status: 'contact', to: ref.date, limit: 10_000 });
    const inForce = candidates
      .filter((l) => l.owner === 'mediator')
      .sort((x, y) => (x.sortOn === y.sortOn ? (x.id < y.id ? 1 : -1) : x.sortOn < y.sortOn ? 1 : -1))[0];
    if (!inForce) throw notFound('contact line in force on', ref.date);
    return shape(text, inForce.id, inForce.version, inForce.body as unknown as LineBody);
  }
  const current = await read.one('lines', ref.id, 'line');
  if (ref.version === undefined || ref.version === current.version) return shape(text, current.id, current.version, current.body as unknown as LineBody);
  const entry = (await read.journal('line', current)).find((e) => e.version === ref.version);
  // A journal entry holds the stored record of its version; an erased one has no body.
  const stored = entry?.body as StoredRecord | null | undefined;
  if (!entry || !stored?.body || !canRead(read.actor, read.processId, versionVisibility(stored) ?? current))
    throw notFound('line version', `${ref.id}@${ref.version}`);
  return shape(text, current.id, entry.version, stored.body as unknown as LineBody);
}

const shape = (ref: string, id: string, version: number, body: LineBody): ResolvedLine => ({
  ref,
  id,
  version,
  kind: body.kind,
  date: body.date,
  claimantPartyId: body.claimantPartyId ?? null,
  approximate: body.approximate,
  coordinates: body.geometry.coordinates,
});

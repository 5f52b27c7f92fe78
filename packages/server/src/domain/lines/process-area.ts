import { invalid } from '../shared/app-error.ts';
import { ringBbox, type AreaOfInterest, type Position } from './area-of-interest.ts';
import { firstSelfIntersection, segmentsMeet } from './self-intersection.ts';

/** A process's area of interest as its administrator gives it (see AreaOfInterest). */
export interface AreaInput {
  ring: Position[];
  along?: Position;
  approximate: boolean;
  note?: string;
}

/**
 * The area a process's lines are compared in, checked as a line is: a closed ring that does not
 * cross itself or the antimeridian. Without `along`, lines are read across the area's longer side
 * (north to south in a tall area, west to east in a wide one), which names the sides by the compass.
 */
export function processArea(processId: string, input: AreaInput): AreaOfInterest {
  const ring = input.ring;
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (ring.length < 4 || first[0] !== last[0] || first[1] !== last[1])
    throw invalid('areaOfInterest/ring', 'area_not_closed', 'An area of interest is one closed ring: at least four positions, the last equal to the first.');
  for (let i = 1; i < ring.length; i++)
    if (Math.abs(ring[i]![0] - ring[i - 1]![0]) > 180)
      throw invalid(`areaOfInterest/ring/${i}`, 'crosses_antimeridian', `The edge to position ${i} crosses the antimeridian; draw the area on one side of it.`);
  const open = ring.slice(0, -1);
  let crossing = firstSelfIntersection(open);
  // The closing edge runs back to the start; it may meet only its two neighbours.
  for (let j = 1; crossing === null && j < open.length - 2; j++)
    if (segmentsMeet(open[j]!, open[j + 1]!, open[open.length - 1]!, first)) crossing = ring.length - 1;
  if (crossing !== null)
    throw invalid(
      `areaOfInterest/ring/${crossing}`,
      'self_intersecting_area',
      `The edge from position ${crossing} crosses or touches another edge of the area.`,
    );
  const box = ringBbox(ring);
  const along = input.along ?? (box.north - box.south >= (box.east - box.west) * Math.cos((((box.south + box.north) / 2) * Math.PI) / 180) ? [0, -1] : [1, 0]);
  if (along[0] === 0 && along[1] === 0) throw invalid('areaOfInterest/along', 'invalid_value', 'The direction lines are read in cannot be zero.');
  return { id: `${processId}:area`, approximate: input.approximate, ring, along, note: input.note ?? '' };
}

/** The area as it is stored with its process: checked, with the direction lines are read in made explicit. */
export function storedArea(processId: string, input: AreaInput): AreaInput {
  const { ring, along, approximate, note } = processArea(processId, input);
  return { ring, along, approximate, ...(note ? { note } : {}) };
}

/** Whether a point lies inside a ring (even–odd rule; on the edge counts as crossing in assertCrossesArea). */
function inside([x, y]: Position, ring: Position[]): boolean {
  let odd = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

/** Cells per side of the grid the area's edges are bucketed in. */
const GRID = 32;

/**
 * A line that never enters its process's area has no sides there, so no comparison could use it:
 * refused when written, not first found out when compared. Planar in degrees, as the comparison's split is.
 * A line enters the area when its first point is inside or one of its segments meets an edge (to get inside
 * from outside, it must cross one). The edges are bucketed on a grid: tested against every edge, a
 * 20,000-vertex line beside a 1,000-position concave area took 1.3 s, which any delegate could ask for.
 */
export function assertCrossesArea(coords: Position[], area: AreaOfInterest): void {
  const ring = area.ring;
  const box = ringBbox(ring);
  const w = (box.east - box.west) / GRID || 1e-12;
  const h = (box.north - box.south) / GRID || 1e-12;
  const col = (x: number) => Math.min(GRID - 1, Math.max(0, Math.floor((x - box.west) / w)));
  const row = (y: number) => Math.min(GRID - 1, Math.max(0, Math.floor((y - box.south) / h)));
  const cells: number[][] = Array.from({ length: GRID * GRID }, () => []);
  for (let k = 1; k < ring.length; k++) {
    const [a, b] = [ring[k - 1]!, ring[k]!];
    for (let c = col(Math.min(a[0], b[0])); c <= col(Math.max(a[0], b[0])); c++)
      for (let r = row(Math.min(a[1], b[1])); r <= row(Math.max(a[1], b[1])); r++) cells[r * GRID + c]!.push(k);
  }
  const first = coords[0]!;
  const outside = (p: Position) => p[0] < box.west || p[0] > box.east || p[1] < box.south || p[1] > box.north;
  if (!outside(first) && inside(first, ring)) return;
  const seen = new Int32Array(ring.length).fill(-1);
  for (let i = 1; i < coords.length; i++) {
    const [p, q] = [coords[i - 1]!, coords[i]!];
    if (Math.max(p[0], q[0]) < box.west || Math.min(p[0], q[0]) > box.east || Math.max(p[1], q[1]) < box.south || Math.min(p[1], q[1]) > box.north) continue;
    for (let c = col(Math.min(p[0], q[0])); c <= col(Math.max(p[0], q[0])); c++)
      for (let r = row(Math.min(p[1], q[1])); r <= row(Math.max(p[1], q[1])); r++)
        for (const k of cells[r * GRID + c]!) {
          if (seen[k] === i) continue;
          seen[k] = i;
          if (segmentsMeet(p, q, ring[k - 1]!, ring[k]!)) return;
        }
  }
  throw invalid(
    'geometry/coordinates',
    'line_outside_area',
    `The line does not enter the process's area of interest (${area.note || area.id}), so it has no sides there to compare.`,
  );
}

type Pos = [number, number];

const orient = (a: Pos, b: Pos, c: Pos) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
const onSegment = (a: Pos, b: Pos, p: Pos) =>
  Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);

export function segmentsMeet(a: Pos, b: Pos, c: Pos, d: Pos): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d)) || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

/**
 * The first vertex index at which a line crosses or touches itself (segments that are not
 * neighbours meet), or null. A line that crosses itself has no consistent sides, so land
 * "between" it and another is undefined. Segments are bucketed on a grid so a 20,000-vertex
 * line is checked in a fraction of a second rather than by its 200 million pairs; a small hand-written
 * check, because the geometry libraries on npm that do this (turf's kinks, JSTS) pull in far
 * more than one predicate, and PostGIS's ST_IsSimple runs only after the write began.
 */
export function firstSelfIntersection(coords: Pos[]): number | null {
  const n = coords.length - 1;
  if (n < 2) return null;
  const xs = coords.map((p) => p[0]);
  const ys = coords.map((p) => p[1]);
  const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
  // Cells at least twice the mean segment and at most √n to a side of the extent, so no segment spans a huge number of cells.
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.hypot(coords[i + 1]![0] - coords[i]![0], coords[i + 1]![1] - coords[i]![1]);
  const extent = Math.max(Math.max(...xs) - x0, Math.max(...ys) - y0, 1e-12);
  const size = Math.max((2 * total) / n, extent / Math.max(1, Math.ceil(Math.sqrt(n))), 1e-12);
  const grid = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const [a, b] = [coords[i]!, coords[i + 1]!];
    const [cx0, cx1] = [Math.floor((Math.min(a[0], b[0]) - x0) / size), Math.floor((Math.max(a[0], b[0]) - x0) / size)];
    const [cy0, cy1] = [Math.floor((Math.min(a[1], b[1]) - y0) / size), Math.floor((Math.max(a[1], b[1]) - y0) / size)];
    const seen = new Set<number>();
    for (let cx = cx0; cx <= cx1; cx++)
      for (let cy = cy0; cy <= cy1; cy++) {
        const key = `${cx},${cy}`;
        const bucket = grid.get(key) ?? [];
        for (const j of bucket) {
          if (seen.has(j) || j >= i - 1) continue;
          seen.add(j);
          // The first and last segment of a closed line share the start point by design; still a loop, so still refused.
          if (segmentsMeet(coords[j]!, coords[j + 1]!, a, b)) return i;
        }
        bucket.push(i);
        grid.set(key, bucket);
      }
  }
  return null;
}

import { invalid } from '../shared/app-error.ts';

export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * Reads "west,south,east,north". A box whose west edge lies east of its east edge would
 * cross the antimeridian; no monitored area does, so it is taken for a swapped pair.
 */
export function parseBbox(text: string, field = 'bbox'): Bbox {
  const parts = text.split(',');
  const nums = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (parts.length !== 4 || nums.some((n) => !Number.isFinite(n)))
    throw invalid(field, 'malformed_bbox', `"${text}" is not a box: give west,south,east,north as four numbers.`);
  const [west, south, east, north] = nums as [number, number, number, number];
  for (const [v, name] of [
    [west, 'west'],
    [east, 'east'],
  ] as const)
    if (v < -180 || v > 180) throw invalid(field, 'outside_wgs84', `The ${name} edge ${v} is outside WGS84 (−180 to 180).`);
  for (const [v, name] of [
    [south, 'south'],
    [north, 'north'],
  ] as const)
    if (v < -90 || v > 90) throw invalid(field, 'outside_wgs84', `The ${name} edge ${v} is outside WGS84 (−90 to 90).`);
  if (west >= east || south >= north)
    throw invalid(field, 'bbox_inverted', `The box ${text} is inverted or empty: west must be below east and south below north.`);
  return { west, south, east, north };
}

/** Grid cells about 64 screen pixels wide at the zoom asked for (a 256-pixel tile spans 360/2^zoom degrees). */
export const cellDegrees = (zoom: number) => 90 / 2 ** zoom;

/** `to` before `from` is a reversed period, not an empty one. */
export function assertPeriod(from?: string, to?: string): void {
  if (from && to && to < from) throw invalid('to', 'span_reversed', `"to" (${to}) is before "from" (${from}).`);
}

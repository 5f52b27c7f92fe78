import { invalid } from '../shared/app-error.ts';
import { firstSelfIntersection } from './self-intersection.ts';

export type LineKind = 'contact' | 'demarcation_proposal';

/** A contact or demarcation line as one party or agreement draws it on one day. */
export interface Line {
  kind: LineKind;
  date: string;
  basisAgreementId?: string;
  claimantPartyId?: string;
  standing?: 'tabled' | 'withdrawn' | 'agreed';
  approximate: boolean;
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  note?: string;
}

/**
 * What the schema cannot say about a line: every position is on the globe, the line has
 * length, does not cross the antimeridian and does not cross itself. PostGIS would store a line of one repeated point, but it has no sides,
 * so every distance to it would be a distance to a point.
 */
export function assertLine(l: Line): void {
  if (l.kind === 'contact' && l.standing !== undefined)
    throw invalid('standing', 'standing_of_contact_line', 'A contact line describes the ground: only a demarcation proposal is tabled, withdrawn or agreed.');
  const coords = l.geometry.coordinates;
  for (const [i, [lon, lat]] of coords.entries()) {
    if (!Number.isFinite(lon) || lon < -180 || lon > 180)
      throw invalid(`geometry/coordinates/${i}/0`, 'outside_wgs84', `Longitude ${lon} is outside WGS84 (−180 to 180).`);
    if (!Number.isFinite(lat) || lat < -90 || lat > 90)
      throw invalid(`geometry/coordinates/${i}/1`, 'outside_wgs84', `Latitude ${lat} is outside WGS84 (−90 to 90).`);
  }
  const [first] = coords;
  if (!first || coords.every(([lon, lat]) => lon === first[0] && lat === first[1]))
    throw invalid('geometry/coordinates', 'degenerate_line', 'A line needs at least two different positions.');
  // RFC 7946 §3.1.9: a line across the antimeridian is cut in two; a one-piece line stepping more than half the globe does not mean that.
  for (let i = 1; i < coords.length; i++)
    if (Math.abs(coords[i]![0] - coords[i - 1]![0]) > 180)
      throw invalid(
        `geometry/coordinates/${i}`,
        'crosses_antimeridian',
        `The segment to position ${i} crosses the antimeridian; split the line there (RFC 7946 §3.1.9).`,
      );
  const crossing = firstSelfIntersection(coords);
  if (crossing !== null)
    throw invalid(
      `geometry/coordinates/${crossing}`,
      'self_intersecting_line',
      `The segment from position ${crossing} crosses or touches an earlier part of the line.`,
    );
}

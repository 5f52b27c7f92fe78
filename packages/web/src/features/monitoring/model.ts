import type { Meta, SourceRef } from '../../app/types.ts';

export interface MapFilters {
  from: string;
  to: string;
  kind: string;
  status: string;
  party: string;
}

export interface ClusterFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { count: number; killedBest: number; incidentId?: string };
}
export interface ClusterCollection {
  type: 'FeatureCollection';
  features: ClusterFeature[];
}
export interface GeoCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> | null }[];
}

/** What the map drew for one request: the clusters, and how long from asking to painted. */
export interface Drawn {
  clusters: ClusterFeature[];
  seq: number;
  ms: number;
  zoom: number;
  bbox: string;
}

/** The days the time slider spans: the ceasefire period of the demo and the year before it. */
export const PERIOD = { first: '2014-01-01', last: '2015-02-28' };
const DAY = 86_400_000;
export const dayIndex = (d: string) => Math.round((Date.parse(`${d}T00:00:00Z`) - Date.parse(`${PERIOD.first}T00:00:00Z`)) / DAY);
export const dayAt = (i: number) => new Date(Date.parse(`${PERIOD.first}T00:00:00Z`) + i * DAY).toISOString().slice(0, 10);
export const PERIOD_DAYS = dayIndex(PERIOD.last);

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round = (v: number) => Math.round(v * 1e4) / 1e4;

/** The server's query for a viewport: the box clamped to WGS84 and a whole zoom level (its grid follows the zoom). */
export function clusterQuery(bounds: [[number, number], [number, number]], zoom: number, f: MapFilters) {
  const [[w, s], [e, n]] = bounds;
  const west = round(clamp(w, -180, 179.9));
  const east = round(clamp(e, west + 0.0001, 180));
  const south = round(clamp(s, -85, 84.9));
  const north = round(clamp(n, south + 0.0001, 85));
  return {
    bbox: `${west},${south},${east},${north}`,
    zoom: clamp(Math.floor(zoom), 0, 22),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.party ? { party: f.party } : {}),
  };
}

type Bounds = { low: number; best: number; high: number };
export interface Incident extends Meta {
  date: { start: string; end: string; precision: 'day' | 'span' | 'week' | 'month' | 'year' };
  place: { lat: number; lon: number; precision: string; name?: string; description?: string; admin1?: string; admin2?: string; country?: string };
  violence?: 'state_based' | 'non_state' | 'one_sided';
  actors: { role: 'side_a' | 'side_b'; name: string; partyId?: string }[];
  casualties: { killed: Bounds; killedBy?: { sideA: number; sideB: number; civilians: number; unknown: number }; injured?: Bounds };
  sources: { publisher: string; date?: string; headline?: string; sourceId?: string }[];
  originalSources?: string;
  notes?: string;
  verification?: string;
  external?: { dataset: string; id: string };
}
export interface Observation extends Meta {
  incidentIds: string[];
  method: string;
  kind: string;
  count: number;
  approximate: boolean;
  weapon?: string;
  direction?: { bearing: number; label?: string };
  distanceKm?: { min: number; max: number };
  observer: { lat: number; lon: number; name?: string };
  time: { from: string; to?: string };
  note?: string;
  sources: SourceRef[];
}
export interface VerificationStep extends Meta {
  incidentId: string;
  seq: number;
  from: string | null;
  to: string;
  reason: string;
  sources: SourceRef[];
}
export interface Attribution extends Meta {
  incidentId: string;
  kind: 'claimed' | 'assessed' | 'disputed';
  responsiblePartyId?: string;
  responsibleLabel?: string;
  byPartyId?: string;
  disputes?: string;
  text: string;
  sources: SourceRef[];
}

export interface RegionRow {
  region: string;
  incidents: { today: number; previous: number; change: number };
  explosions: { today: number; previous: number; change: number };
  killed: Bounds;
  injured: Bounds;
  weaponsInViolation: {
    observationId: string;
    date: string;
    weapon: string;
    weaponPartyId: string | null;
    distanceKm: number;
    rule: { agreement: string; category: string; requiredKm: number; inForce: boolean; text: string };
    line: { id: string; date: string; approximate: boolean };
  }[];
  restrictions: { id: string; date: string; place: { name: string; admin1?: string }; byPartyId?: string; byLabel?: string; description: string }[];
}
export interface DailyReport {
  date: string;
  previousDate: string;
  regions: RegionRow[];
  totals: Omit<RegionRow, 'region' | 'weaponsInViolation' | 'restrictions'> & { weaponsInViolation: number; restrictions: number };
}

export const VIOLENCE = ['state_based', 'non_state', 'one_sided'] as const;
export const STATUSES = ['reported', 'corroborated', 'verified', 'disputed', 'retracted'] as const;

export type {
  Attribution,
  ClusterCollection,
  ClusterFeature,
  DailyReport,
  GeoCollection,
  Incident,
  Observation,
  VerificationStep,
} from '../../app/api-types.ts';
import type { ClusterFeature } from '../../app/api-types.ts';
export interface MapFilters {
  from: string;
  to: string;
  kind: string;
  status: string;
  party: string;
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
  const violence = VIOLENCE.find((v) => v === f.kind);
  const status = STATUSES.find((v) => v === f.status);
  const west = round(clamp(w, -180, 179.9));
  const east = round(clamp(e, west + 0.0001, 180));
  const south = round(clamp(s, -85, 84.9));
  const north = round(clamp(n, south + 0.0001, 85));
  return {
    bbox: `${west},${south},${east},${north}`,
    zoom: clamp(Math.floor(zoom), 0, 22),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(violence ? { kind: violence } : {}),
    ...(status ? { status } : {}),
    ...(f.party ? { party: f.party } : {}),
  };
}

export const VIOLENCE = ['state_based', 'non_state', 'one_sided'] as const;
export const STATUSES = ['reported', 'corroborated', 'verified', 'disputed', 'retracted'] as const;

import type { MapPosition } from './map-view.tsx';
import { STATUSES, VIOLENCE, type MapFilters } from './model.ts';

/** What the address holds of a map view, so it can be shared: the period, the filters and where the map looks. */
export interface SharedView {
  filters: Partial<MapFilters>;
  position: MapPosition | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: string | null): v is string => !!v && DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/** Reads a view from a query string; whatever is malformed is left out (the page then uses its default). */
export function readView(search: string): SharedView {
  const q = new URLSearchParams(search);
  const filters: Partial<MapFilters> = {};
  const from = q.get('from');
  const to = q.get('to');
  if (isDay(from) && isDay(to) && from <= to) Object.assign(filters, { from, to });
  const kind = VIOLENCE.find((v) => v === q.get('kind'));
  if (kind) filters.kind = kind;
  const status = STATUSES.find((v) => v === q.get('status'));
  if (status) filters.status = status;
  const party = q.get('party');
  if (party && /^[A-Za-z0-9_.-]{1,64}$/.test(party)) filters.party = party;
  let position: MapPosition | null = null;
  const at = (q.get('at') ?? '').split(',').map(Number);
  if (at.length === 3 && at.every(Number.isFinite)) {
    const [lat, lon, zoom] = at as [number, number, number];
    if (Math.abs(lat) <= 85 && Math.abs(lon) <= 180 && zoom >= 2 && zoom <= 14) position = { lat, lon, zoom };
  }
  return { filters, position };
}

/** The query string of a view, in a fixed order so the same view has one address. */
export function viewSearch(f: MapFilters, position: MapPosition | null): string {
  const q = new URLSearchParams();
  q.set('from', f.from);
  q.set('to', f.to);
  if (f.kind) q.set('kind', f.kind);
  if (f.status) q.set('status', f.status);
  if (f.party) q.set('party', f.party);
  if (position) q.set('at', `${position.lat},${position.lon},${position.zoom}`);
  return `?${q.toString().replace(/%2C/g, ',')}`;
}

const DAY_MS = 86_400_000;
export const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The default period: the four weeks up to the latest incident the reader may see (or the span's end). */
export function defaultPeriod(span: { from: string | null; to: string | null }, fallback: { first: string; last: string }) {
  const to = span.to ?? fallback.last;
  const first = span.from ?? fallback.first;
  const from = addDays(to, -27);
  return { from: from < first ? first : from, to };
}

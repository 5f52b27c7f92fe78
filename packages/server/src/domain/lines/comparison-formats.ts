import { stringifyCsv } from '../monitoring/csv.ts';
import type { Side, SideLabel } from './area-of-interest.ts';

/** The parts of a comparison the exports carry; the JSON answer has the rest. */
export interface ComparisonForExport {
  area: { id: string; sides: Record<Side, SideLabel> };
  a: { ref: string; id: string; version: number; coordinates: [number, number][] };
  b: { ref: string; id: string; version: number; coordinates: [number, number][] };
  parcels: { n: number; from: Side; to: Side; areaKm2: number; label: [number, number]; geometry: unknown }[];
  settlements: {
    id: string;
    names: { en: string; uk?: string; ru?: string };
    population: number | null;
    lon: number;
    lat: number;
    origin: string;
    from: Side;
    to: Side;
    parcel: number;
  }[];
}

/** One table for both parcels and places, so a spreadsheet gets everything a comparison found from one file. */
export function comparisonCsv(c: ComparisonForExport): string {
  const side = (s: Side) => c.area.sides[s].en;
  const header = [
    'row',
    'parcel',
    'from_side',
    'to_side',
    'area_km2',
    'lon',
    'lat',
    'place_id',
    'name_en',
    'name_uk',
    'name_ru',
    'population',
    'origin',
    'line_a',
    'line_b',
  ];
  const lineA = `${c.a.id}@${c.a.version}`;
  const lineB = `${c.b.id}@${c.b.version}`;
  const rows = [
    header,
    ...c.parcels.map((p) => [
      'parcel',
      String(p.n),
      side(p.from),
      side(p.to),
      p.areaKm2.toFixed(4),
      String(p.label[0]),
      String(p.label[1]),
      '',
      '',
      '',
      '',
      '',
      '',
      lineA,
      lineB,
    ]),
    ...c.settlements.map((s) => [
      'settlement',
      String(s.parcel),
      side(s.from),
      side(s.to),
      '',
      String(s.lon),
      String(s.lat),
      s.id,
      s.names.en,
      s.names.uk ?? '',
      s.names.ru ?? '',
      s.population === null ? '' : String(s.population),
      s.origin,
      lineA,
      lineB,
    ]),
  ];
  return stringifyCsv(rows);
}

/** Both lines, every parcel and every place that changes sides, as one FeatureCollection (RFC 7946). */
export function comparisonGeoJson(c: ComparisonForExport) {
  const line = (which: 'a' | 'b', l: ComparisonForExport['a']) => ({
    type: 'Feature' as const,
    geometry: { type: 'LineString', coordinates: l.coordinates },
    properties: { role: `line_${which}`, ref: l.ref, id: l.id, version: l.version },
  });
  return {
    type: 'FeatureCollection' as const,
    features: [
      line('a', c.a),
      line('b', c.b),
      ...c.parcels.map((p) => ({
        type: 'Feature' as const,
        geometry: p.geometry,
        properties: { role: 'parcel', n: p.n, from: p.from, to: p.to, fromLabel: c.area.sides[p.from].en, toLabel: c.area.sides[p.to].en, areaKm2: p.areaKm2 },
      })),
      ...c.settlements.map((s) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
        properties: { role: 'settlement', id: s.id, names: s.names, population: s.population, origin: s.origin, from: s.from, to: s.to, parcel: s.parcel },
      })),
    ],
  };
}

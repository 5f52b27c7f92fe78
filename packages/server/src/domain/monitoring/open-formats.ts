import { stringifyCsv } from './csv.ts';
import type { Incident } from './incident.ts';

export interface IdentifiedIncident {
  id: string;
  status: string | null;
  incident: Incident;
}

/** Incidents as an RFC 7946 FeatureCollection; the properties are the incident's fields without the raw imported row. */
export function incidentsGeoJson(list: IdentifiedIncident[]) {
  return {
    type: 'FeatureCollection' as const,
    features: list.map(({ id, status, incident }) => {
      const { external, ...fields } = incident;
      return {
        type: 'Feature' as const,
        id,
        geometry: { type: 'Point' as const, coordinates: [incident.place.lon, incident.place.lat] },
        properties: { ...fields, verification: status ?? 'reported', ...(external ? { external: { dataset: external.dataset, id: external.id } } : {}) },
      };
    }),
  };
}

/**
 * The columns of the CSV export and their HXL hashtags (hxlstandard.org), which let
 * humanitarian tools read the file without a mapping. The tag row follows the header.
 * The HXL import reads the same table, so what this writes comes back in.
 */
export const HXL_COLUMNS: [string, string, (x: IdentifiedIncident) => string | number | undefined][] = [
  ['id', '#event+id', (x) => x.id],
  ['date_start', '#date+start', (x) => x.incident.date.start],
  ['date_end', '#date+end', (x) => x.incident.date.end],
  ['date_precision', '#date+precision', (x) => x.incident.date.precision],
  ['latitude', '#geo+lat', (x) => x.incident.place.lat],
  ['longitude', '#geo+lon', (x) => x.incident.place.lon],
  ['geo_precision', '#geo+precision', (x) => x.incident.place.precision],
  ['country', '#country+name', (x) => x.incident.place.country],
  ['admin1', '#adm1+name', (x) => x.incident.place.admin1],
  ['admin2', '#adm2+name', (x) => x.incident.place.admin2],
  ['location', '#loc+name', (x) => x.incident.place.name],
  ['violence', '#event+type', (x) => x.incident.violence],
  [
    'side_a',
    '#group+side_a',
    (x) =>
      x.incident.actors
        .filter((a) => a.role === 'side_a')
        .map((a) => a.name)
        .join('; '),
  ],
  [
    'side_b',
    '#group+side_b',
    (x) =>
      x.incident.actors
        .filter((a) => a.role === 'side_b')
        .map((a) => a.name)
        .join('; '),
  ],
  ['killed_low', '#affected+killed+low', (x) => x.incident.casualties.killed.low],
  ['killed_best', '#affected+killed', (x) => x.incident.casualties.killed.best],
  ['killed_high', '#affected+killed+high', (x) => x.incident.casualties.killed.high],
  ['injured_low', '#affected+injured+low', (x) => x.incident.casualties.injured?.low],
  ['injured_best', '#affected+injured', (x) => x.incident.casualties.injured?.best],
  ['injured_high', '#affected+injured+high', (x) => x.incident.casualties.injured?.high],
  ['killed_side_a', '#affected+killed+side_a', (x) => x.incident.casualties.killedBy?.sideA],
  ['killed_side_b', '#affected+killed+side_b', (x) => x.incident.casualties.killedBy?.sideB],
  ['killed_civilians', '#affected+killed+civilians', (x) => x.incident.casualties.killedBy?.civilians],
  ['killed_unknown', '#affected+killed+unknown', (x) => x.incident.casualties.killedBy?.unknown],
  ['verification', '#status+verification', (x) => x.status ?? 'reported'],
  ['sources', '#meta+source', (x) => x.incident.sources.map((s) => s.publisher).join('; ')],
  ['notes', '#description+notes', (x) => x.incident.notes],
];

export function incidentsHxlCsv(list: IdentifiedIncident[]): string {
  return stringifyCsv([
    HXL_COLUMNS.map((c) => c[0]),
    HXL_COLUMNS.map((c) => c[1]),
    ...list.map((x) =>
      HXL_COLUMNS.map(([, , get]) => {
        const v = get(x);
        return v === undefined ? '' : String(v);
      }),
    ),
  ]);
}

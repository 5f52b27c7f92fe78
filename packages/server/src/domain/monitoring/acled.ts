import { INT4_MAX } from '@parley/contracts';
import { invalid } from '../shared/app-error.ts';
import { parseCsv, stringifyCsv } from './csv.ts';
import { dateProblems, placeProblems, type DatePrecision, type GeoPrecision, type Incident, type Problem } from './incident.ts';
import { idFrom, mapRow, readRecords, refuse, summarise, unknownLayout, type IncidentParse, type RowMapping } from './import-formats.ts';
import { sameValue } from './ucdp.ts';
import { decodeSourceFile } from './text-encoding.ts';

/** ACLED's columns as its data export writes them today. */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

/** The older layout (before disorder_type), still found in archived downloads. */
export const ACLED_LEGACY_COLUMNS = [
  'data_id',
  'iso',
  'event_id_cnty',
  'event_id_no_cnty',
  'event_date',
  'year',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'timestamp',
  'iso3',
] as const;

export type AcledLayout = 'current' | 'legacy';
type Row = Record<string, string>;

/** time_precision 1–3; geo_precision 1–3 (the town, a place near it or part of a region, the region's capital). */
const TIME_PREC: DatePrecision[] = ['day', 'week', 'month'];
const GEO_PREC: GeoPrecision[] = ['exact', 'near', 'admin1'];
const TIME_CODE: Record<DatePrecision, string> = { day: '1', span: '2', week: '2', month: '3', year: '3' };
const GEO_CODE: Record<GeoPrecision, string> = { exact: '1', near: '2', admin2: '2', estimated: '2', water_or_air: '2', admin1: '3', country: '3' };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DMY = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/;

/** The header names a layout when it has all of that layout's columns; extra columns are kept in the raw row. */
export function acledLayout(header: string[]): AcledLayout | undefined {
  if (ACLED_COLUMNS.every((c) => header.includes(c))) return 'current';
  if (ACLED_LEGACY_COLUMNS.every((c) => header.includes(c))) return 'legacy';
  return undefined;
}

/** ACLED writes 2014-09-20 in its API and "20 September 2014" in older spreadsheets. */
function acledDay(v: string): string {
  if (!v) return refuse('event_date', 'missing_date', 'The row has no event_date.');
  const dmy = DMY.exec(v);
  const month = dmy ? MONTHS.indexOf(dmy[2]!.toLowerCase()) + 1 : 0;
  const iso = dmy && month ? `${dmy[3]}-${String(month).padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
  if (!iso) return refuse('event_date', 'bad_date', `event_date "${v}" is not a date like 2014-09-20 or 20 September 2014.`);
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) refuse('event_date', 'impossible_date', `event_date "${v}" is not a calendar day.`);
  return iso;
}

function coordinate(row: Row, column: string): number {
  const v = row[column] ?? '';
  if (!/^-?\d+(\.\d+)?$/.test(v)) refuse(column, 'bad_coordinate', `${column} "${v}" is not a decimal degree.`);
  return Number(v);
}

function code<T>(row: Row, column: string, values: T[]): T {
  const v = row[column] ?? '';
  const found = /^\d$/.test(v) ? values[Number(v) - 1] : undefined;
  if (found === undefined) refuse(column, 'unknown_code', `${column} "${v}" is not one of 1–${values.length}.`);
  return found as T;
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
const text = (v: string | undefined) => (v ? v : undefined);
const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const COLUMN_OF: Record<string, string> = { 'date/start': 'event_date', 'date/end': 'event_date', 'place/lat': 'latitude', 'place/lon': 'longitude' };
const asColumn = (p: Problem): Problem => ({ ...p, field: COLUMN_OF[p.field] ?? p.field });

/**
 * Maps one ACLED row to an incident. ACLED gives one date and says how well it is known,
 * so the date is that day with its precision rather than an invented span; its one
 * fatality figure is the best, low and high estimate; associated actors follow the
 * main actor on the same side, so the order gives actor1 and assoc_actor_1 back.
 */
export function mapAcledRow(row: Row): RowMapping {
  return mapRow(() => {
    const id = row.event_id_cnty ?? '';
    if (!id) refuse('event_id_cnty', 'missing_id', 'The row has no event_id_cnty.');
    const day = acledDay(row.event_date ?? '');
    const date = { start: day, end: day, precision: code(row, 'time_precision', TIME_PREC) };
    const place = clean({
      lat: coordinate(row, 'latitude'),
      lon: coordinate(row, 'longitude'),
      precision: code(row, 'geo_precision', GEO_PREC),
      name: text(row.location),
      admin1: text(row.admin1),
      admin2: text(row.admin2),
      country: text(row.country),
    });
    const fatal = [...dateProblems(date), ...placeProblems(place)].map(asColumn);
    if (fatal[0]) refuse(fatal[0].field, fatal[0].reason, fatal[0].message);
    const fatalities = row.fatalities ?? '';
    if (!/^\d+$/.test(fatalities)) refuse('fatalities', 'bad_number', `fatalities "${fatalities}" is not a whole number of people.`);
    const best = Number(fatalities);
    if (best > INT4_MAX) refuse('fatalities', 'number_out_of_range', `fatalities "${fatalities}" is larger than any count Parley stores (${INT4_MAX}).`);
    const side = (role: 'side_a' | 'side_b', main: string, assoc: string) => [main, ...list(row[assoc])].filter(Boolean).map((name) => ({ role, name }));
    const incident: Incident = clean({
      date,
      place,
      actors: [...side('side_a', row.actor1 ?? '', 'assoc_actor_1'), ...side('side_b', row.actor2 ?? '', 'assoc_actor_2')],
      casualties: { killed: { low: best, best, high: best } },
      sources: list(row.source).map((publisher) => ({ publisher })),
      notes: text(row.notes),
      external: { dataset: 'acled' as const, id, row },
    });
    const problems: Problem[] = [];
    if (row.year && row.year !== day.slice(0, 4))
      problems.push({ field: 'year', reason: 'year_mismatch', message: `year ${row.year} differs from event_date ${row.event_date}; the date is kept.` });
    return { id: idFrom('acled', id), incident, problems };
  }, row.event_id_cnty || undefined);
}

/** Reads an ACLED CSV export in either layout, detected from the header; each row is accepted, warned or refused with its line. */
export function parseAcled(bytes: Uint8Array): IncidentParse {
  const { text: content, encoding } = decodeSourceFile(bytes);
  const { records, problem } = parseCsv(content);
  const header = records[0]?.fields;
  if (!header) throw invalid('file', 'empty_file', 'The file is empty.');
  if (!acledLayout(header)) {
    const missing = ACLED_COLUMNS.filter((c) => !header.includes(c));
    throw unknownLayout(`The header is neither ACLED layout; it lacks ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}.`);
  }
  const { rows, incidents } = readRecords(records.slice(1), header, problem, mapAcledRow);
  return summarise('acled', encoding, rows, incidents, !problem);
}

const isoToDmy = (iso: string) =>
  `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]![0]!.toUpperCase()}${MONTHS[Number(iso.slice(5, 7)) - 1]!.slice(1)} ${iso.slice(0, 4)}`;
const names = (i: Incident, role: 'side_a' | 'side_b') => i.actors.filter((a) => a.role === role).map((a) => a.name);

/** Column groups and the incident fields each is written from, as in the UCDP export. */
const GROUPS: { get: (i: Incident) => unknown; put: (i: Incident, raw: Row) => Row }[] = [
  {
    get: (i) => i.date,
    put: (i, raw) => ({
      event_date: DMY.test(raw.event_date ?? '') ? isoToDmy(i.date.start) : i.date.start,
      year: i.date.start.slice(0, 4),
      time_precision: TIME_CODE[i.date.precision],
    }),
  },
  {
    get: (i) => i.place,
    put: ({ place: p }) => ({
      latitude: String(p.lat),
      longitude: String(p.lon),
      geo_precision: GEO_CODE[p.precision],
      location: p.name ?? '',
      admin1: p.admin1 ?? '',
      admin2: p.admin2 ?? '',
      country: p.country ?? '',
    }),
  },
  {
    get: (i) => i.actors.map((a) => [a.role, a.name]),
    put: (i) => {
      const [a1 = '', ...a] = names(i, 'side_a');
      const [b1 = '', ...b] = names(i, 'side_b');
      return { actor1: a1, assoc_actor_1: a.join('; '), actor2: b1, assoc_actor_2: b.join('; ') };
    },
  },
  { get: (i) => i.casualties.killed.best, put: (i) => ({ fatalities: String(i.casualties.killed.best) }) },
  { get: (i) => i.sources.map((s) => s.publisher), put: (i) => ({ source: i.sources.map((s) => s.publisher).join('; ') }) },
  { get: (i) => i.notes, put: (i) => ({ notes: i.notes ?? '' }) },
];

/**
 * One incident as an ACLED row: an imported ACLED row as it came in, with every edited
 * group written over it; any other incident from its fields, under its record id.
 */
export function toAcledRow(id: string, incident: Incident, layout: AcledLayout = 'current'): string[] {
  const columns = layout === 'current' ? ACLED_COLUMNS : ACLED_LEGACY_COLUMNS;
  const raw = incident.external?.dataset === 'acled' ? incident.external.row : {};
  const again = incident.external?.dataset === 'acled' ? mapAcledRow(raw).incident : undefined;
  const out: Row = { ...Object.fromEntries(columns.map((c) => [c, raw[c] ?? ''])), event_id_cnty: raw.event_id_cnty || id };
  for (const g of GROUPS) if (!again || !sameValue(g.get(again), g.get(incident))) Object.assign(out, g.put(incident, raw));
  return columns.map((c) => out[c]!);
}

export function exportAcled(list: { id: string; incident: Incident }[], layout: AcledLayout = 'current'): string {
  return stringifyCsv([[...(layout === 'current' ? ACLED_COLUMNS : ACLED_LEGACY_COLUMNS)], ...list.map((x) => toAcledRow(x.id, x.incident, layout))], '\n');
}

import { INT4_MAX } from '@parley/contracts';
import { invalid, type ErrorReason } from '../shared/app-error.ts';
import { parseCsv, stringifyCsv } from './csv.ts';
import {
  boundsProblems,
  dateProblems,
  placeProblems,
  splitProblems,
  type DatePrecision,
  type GeoPrecision,
  type Incident,
  type Problem,
  type Violence,
} from './incident.ts';
import { decodeSourceFile } from './text-encoding.ts';

/** The 49 columns of the UCDP Georeferenced Event Dataset as its API exports them, in order. */
export const UCDP_COLUMNS = [
  'id',
  'relid',
  'year',
  'active_year',
  'code_status',
  'type_of_violence',
  'conflict_dset_id',
  'conflict_new_id',
  'conflict_name',
  'dyad_dset_id',
  'dyad_new_id',
  'dyad_name',
  'side_a_dset_id',
  'side_a_new_id',
  'side_a',
  'side_b_dset_id',
  'side_b_new_id',
  'side_b',
  'number_of_sources',
  'source_article',
  'source_office',
  'source_date',
  'source_headline',
  'source_original',
  'where_prec',
  'where_coordinates',
  'where_description',
  'adm_1',
  'adm_2',
  'latitude',
  'longitude',
  'geom_wkt',
  'priogrid_gid',
  'country',
  'country_id',
  'region',
  'event_clarity',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'high',
  'low',
  'gwnoa',
  'gwnob',
] as const;
export type UcdpRow = Record<string, string>;

const DATE_PREC: DatePrecision[] = ['day', 'span', 'week', 'month', 'year'];
const WHERE_PREC: GeoPrecision[] = ['exact', 'near', 'admin2', 'admin1', 'estimated', 'country', 'water_or_air'];
const VIOLENCE: Violence[] = ['state_based', 'non_state', 'one_sided'];

export interface RowReport {
  line: number;
  /** The row's id as the file gives it (UCDP's and ACLED's own ids; the incident id in HXL and GeoJSON), when it has one. */
  id?: string;
  status: 'accepted' | 'warned' | 'refused';
  problems: Problem[];
}

export interface UcdpParse {
  encoding: 'windows-1252' | 'utf-8';
  rows: RowReport[];
  /** The incidents of accepted and warned rows, each with the line it came from. */
  incidents: { line: number; incident: Incident }[];
  /** False when the file breaks off inside a record. */
  complete: boolean;
  totals: { rows: number; accepted: number; warned: number; refused: number; best: number; low: number; high: number };
}

class RowError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}
const refuse = (field: string, reason: ErrorReason, message: string): never => {
  throw new RowError({ field, reason, message });
};

/** UCDP writes `1/22/2014 12:00:00 AM` and, in some rows, `05/02/2014 00:00`; both are month first. */
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?(?: [AP]M)?)?$/;

function isoDay(row: UcdpRow, column: string): string {
  const m = US_DATE.exec(row[column] ?? '');
  if (!m) return refuse(column, 'bad_date', `${column} "${row[column]}" is not a date like 1/22/2014 12:00:00 AM.`);
  const iso = `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) refuse(column, 'impossible_date', `${column} "${row[column]}" is not a calendar day.`);
  return iso;
}

function count(row: UcdpRow, column: string): number {
  const v = row[column] ?? '';
  if (!/^\d+$/.test(v)) refuse(column, 'bad_number', `${column} "${v}" is not a whole number of people.`);
  if (Number(v) > INT4_MAX) refuse(column, 'number_out_of_range', `${column} "${v}" is larger than any count Parley stores (${INT4_MAX}).`);
  return Number(v);
}

function coordinate(row: UcdpRow, column: string): number {
  const v = row[column] ?? '';
  if (!/^-?\d+(\.\d+)?$/.test(v)) refuse(column, 'bad_coordinate', `${column} "${v}" is not a decimal degree.`);
  return Number(v);
}

function code<T>(row: UcdpRow, column: string, values: T[]): T {
  const v = row[column] ?? '';
  const found = /^\d+$/.test(v) ? values[Number(v) - 1] : undefined;
  if (found === undefined) refuse(column, 'unknown_code', `${column} "${v}" is not one of 1–${values.length}.`);
  return found as T;
}

/** source_article holds the sources as `"office,date,headline"` items joined by `;`; headlines may hold `;` and unescaped quotes. */
function sourcesOf(article: string): Incident['sources'] {
  if (!article) return [];
  const inner = article.startsWith('"') && article.endsWith('"') ? article.slice(1, -1) : article;
  return inner.split('";"').map((item) => {
    const m = /^(.*?),(\d{4}-\d{2}-\d{2}),(.*)$/s.exec(item);
    return m ? { publisher: m[1]!, date: m[2]!, headline: m[3]! } : { publisher: item };
  });
}

/** Problems name the incident field; an import report names the CSV column. */
const COLUMN_OF: Record<string, string> = {
  'date/start': 'date_start',
  'date/end': 'date_end',
  'date/precision': 'date_prec',
  'place/lat': 'latitude',
  'place/lon': 'longitude',
  'casualties/killed/low': 'low',
  'casualties/killed/best': 'best',
  'casualties/killedBy': 'deaths_a',
};
const asColumn = (p: Problem): Problem => ({ ...p, field: COLUMN_OF[p.field] ?? p.field });

const text = (v: string | undefined) => (v ? v : undefined);
const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Maps one UCDP row to an incident; a row that cannot be read is refused as a whole. */
export function mapUcdpRow(row: UcdpRow): { incident?: Incident; problems: Problem[]; refused: boolean } {
  try {
    if (!row.id) refuse('id', 'missing_id', 'The row has no UCDP id.');
    const precision = code(row, 'date_prec', DATE_PREC);
    const date = { start: isoDay(row, 'date_start'), end: isoDay(row, 'date_end'), precision };
    const place = clean({
      lat: coordinate(row, 'latitude'),
      lon: coordinate(row, 'longitude'),
      precision: code(row, 'where_prec', WHERE_PREC),
      name: text(row.where_coordinates),
      description: text(row.where_description),
      admin1: text(row.adm_1),
      admin2: text(row.adm_2),
      country: text(row.country),
    });
    const killed = { low: count(row, 'low'), best: count(row, 'best'), high: count(row, 'high') };
    const killedBy = {
      sideA: count(row, 'deaths_a'),
      sideB: count(row, 'deaths_b'),
      civilians: count(row, 'deaths_civilians'),
      unknown: count(row, 'deaths_unknown'),
    };
    const incident: Incident = clean({
      date,
      place,
      violence: row.type_of_violence ? code(row, 'type_of_violence', VIOLENCE) : undefined,
      actors: [...(row.side_a ? [{ role: 'side_a' as const, name: row.side_a }] : []), ...(row.side_b ? [{ role: 'side_b' as const, name: row.side_b }] : [])],
      casualties: { killed, killedBy },
      sources: sourcesOf(row.source_article ?? ''),
      originalSources: text(row.source_original),
      external: { dataset: 'ucdp-ged' as const, id: row.id!, row },
    });
    const fatal = [...dateProblems(date), ...placeProblems(place)].map(asColumn);
    if (fatal[0]) throw new RowError(fatal[0]);
    // A source's own inconsistencies are kept as given: changing them would misquote it.
    const warnings = [...boundsProblems(killed, 'casualties/killed'), ...splitProblems(incident.casualties)].map(asColumn);
    if (row.number_of_sources && Number(row.number_of_sources) !== incident.sources.length)
      warnings.push({
        field: 'number_of_sources',
        reason: 'source_count_mismatch',
        message: `number_of_sources says ${row.number_of_sources} but source_article lists ${incident.sources.length}.`,
      });
    return { incident, problems: warnings, refused: false };
  } catch (e) {
    if (e instanceof RowError) return { problems: [e.problem], refused: true };
    throw e;
  }
}

/**
 * Reads a UCDP GED CSV export. Each row is accepted, accepted with warnings, or refused
 * with its reason and line; a refused row contributes nothing. A file that is not
 * UCDP GED at all (missing columns, unreadable encoding) is refused as a whole.
 */
export function parseUcdp(bytes: Uint8Array): UcdpParse {
  const { text: content, encoding } = decodeSourceFile(bytes);
  const { records, problem } = parseCsv(content);
  const header = records[0]?.fields;
  if (!header) throw invalid('file', 'empty_file', 'The file is empty.');
  const missing = UCDP_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    throw invalid('file', 'not_ucdp_ged', `The file lacks the UCDP GED columns ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}.`);
  const rows: RowReport[] = [];
  const incidents: UcdpParse['incidents'] = [];
  const seen = new Set<string>();
  for (const rec of records.slice(1)) {
    if (rec.fields.length === 1 && rec.fields[0] === '') continue;
    if (rec.fields.length !== header.length) {
      rows.push({
        line: rec.line,
        status: 'refused',
        problems: [
          { field: 'row', reason: 'wrong_field_count', message: `Line ${rec.line} has ${rec.fields.length} fields; the header has ${header.length}.` },
        ],
      });
      continue;
    }
    const row: UcdpRow = Object.fromEntries(header.map((h, i) => [h, rec.fields[i]!]));
    const mapped = mapUcdpRow(row);
    let { problems } = mapped;
    if (!mapped.refused && seen.has(row.id!))
      problems = [{ field: 'id', reason: 'duplicate_id', message: `The UCDP id ${row.id} appears earlier in the file.` }];
    const refused = mapped.refused || problems.some((p) => p.reason === 'duplicate_id');
    rows.push({ line: rec.line, id: row.id || undefined, status: refused ? 'refused' : problems.length ? 'warned' : 'accepted', problems });
    if (refused) continue;
    seen.add(row.id!);
    incidents.push({ line: rec.line, incident: mapped.incident! });
  }
  if (problem) rows.push({ line: problem.line, status: 'refused', problems: [{ field: 'row', reason: problem.reason, message: problem.message }] });
  const sum = (k: 'best' | 'low' | 'high') => incidents.reduce((s, { incident }) => s + incident.casualties.killed[k], 0);
  const by = (s: RowReport['status']) => rows.filter((r) => r.status === s).length;
  return {
    encoding,
    rows,
    incidents,
    complete: !problem,
    totals: {
      rows: rows.length,
      accepted: by('accepted'),
      warned: by('warned'),
      refused: by('refused'),
      best: sum('best'),
      low: sum('low'),
      high: sum('high'),
    },
  };
}

const usDate = (iso: string) => `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)} 12:00:00 AM`;
const n = (v: number | undefined) => (v === undefined ? '' : String(v));
const side = (i: Incident, role: 'side_a' | 'side_b') =>
  i.actors
    .filter((a) => a.role === role)
    .map((a) => a.name)
    .join('; ');

/**
 * Each group of columns with the incident fields it is written from. A group whose fields
 * equal what the kept row maps to is written as the row has it (UCDP's own date and
 * number formats); a group whose fields were edited is written from the fields.
 */
const GROUPS: { get: (i: Incident) => unknown; put: (i: Incident) => Partial<UcdpRow> }[] = [
  {
    get: (i) => i.date,
    put: (i) => ({
      date_start: usDate(i.date.start),
      date_end: usDate(i.date.end),
      date_prec: String(DATE_PREC.indexOf(i.date.precision) + 1),
      year: i.date.start.slice(0, 4),
    }),
  },
  {
    get: (i) => i.place,
    put: ({ place: p }) => ({
      latitude: String(p.lat),
      longitude: String(p.lon),
      geom_wkt: `POINT (${p.lon} ${p.lat})`,
      where_prec: String(WHERE_PREC.indexOf(p.precision) + 1),
      where_coordinates: p.name ?? '',
      where_description: p.description ?? '',
      adm_1: p.admin1 ?? '',
      adm_2: p.admin2 ?? '',
      country: p.country ?? '',
    }),
  },
  { get: (i) => i.violence, put: (i) => ({ type_of_violence: i.violence ? String(VIOLENCE.indexOf(i.violence) + 1) : '' }) },
  { get: (i) => i.actors.map((a) => [a.role, a.name]), put: (i) => ({ side_a: side(i, 'side_a'), side_b: side(i, 'side_b') }) },
  { get: (i) => i.casualties.killed, put: ({ casualties: { killed: k } }) => ({ best: n(k.best), low: n(k.low), high: n(k.high) }) },
  {
    get: (i) => i.casualties.killedBy,
    put: ({ casualties: { killedBy: k } }) => ({
      deaths_a: n(k?.sideA),
      deaths_b: n(k?.sideB),
      deaths_civilians: n(k?.civilians),
      deaths_unknown: n(k?.unknown),
    }),
  },
  {
    get: (i) => i.sources.map((s) => [s.publisher, s.date, s.headline]),
    put: ({ sources: s }) => ({
      number_of_sources: String(s.length),
      source_article: s.map((x) => `"${[x.publisher, x.date ?? '', x.headline ?? ''].join(',')}"`).join(';'),
      source_office: s.map((x) => x.publisher).join(';'),
      source_date: s.map((x) => x.date ?? '').join(';'),
      source_headline: s.map((x) => x.headline ?? '').join(';'),
    }),
  },
  { get: (i) => i.originalSources, put: (i) => ({ source_original: i.originalSources ?? '' }) },
  { get: (i) => i.external?.id, put: (i) => ({ id: i.external?.id ?? '' }) },
];

/** Deep equality that ignores key order (jsonb reorders keys) and treats an absent key as undefined. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** One incident as a UCDP row: the kept source row, with every edited field written over it. */
export function toUcdpRow(incident: Incident): string[] {
  // Another dataset's row says nothing about UCDP's columns, so such an incident is written from its fields.
  const raw = incident.external?.dataset === 'ucdp-ged' ? incident.external.row : {};
  const again = incident.external?.dataset === 'ucdp-ged' ? mapUcdpRow(raw).incident : undefined;
  const out: UcdpRow = Object.fromEntries(UCDP_COLUMNS.map((c) => [c, raw[c] ?? '']));
  for (const g of GROUPS) if (!again || !sameValue(g.get(again), g.get(incident))) Object.assign(out, g.put(incident));
  return UCDP_COLUMNS.map((c) => out[c]!);
}

/** UCDP-shaped CSV text with its header; UCDP ends lines with LF. */
export function exportUcdp(incidents: Incident[]): string {
  return stringifyCsv([[...UCDP_COLUMNS], ...incidents.map(toUcdpRow)], '\n');
}

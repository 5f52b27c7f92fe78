import { INT4_MAX } from '@parley/contracts';
import { invalid } from '../shared/app-error.ts';
import { parseCsv } from './csv.ts';
import {
  boundsProblems,
  dateProblems,
  placeProblems,
  splitProblems,
  type Bounds,
  type DatePrecision,
  type GeoPrecision,
  type Incident,
  type Problem,
  type Violence,
} from './incident.ts';
import {
  contentId,
  ID_PATTERN,
  isHxlTagRow,
  mapRow,
  readRecords,
  refuse,
  summarise,
  unknownLayout,
  type IncidentParse,
  type RowMapping,
} from './import-formats.ts';
import { HXL_COLUMNS } from './open-formats.ts';
import { decodeSourceFile } from './text-encoding.ts';

const DATE_PREC: DatePrecision[] = ['day', 'span', 'week', 'month', 'year'];
const GEO_PREC: GeoPrecision[] = ['exact', 'near', 'admin2', 'admin1', 'estimated', 'country', 'water_or_air'];
const VIOLENCE: Violence[] = ['state_based', 'non_state', 'one_sided'];

/** HXL attributes are unordered and case-insensitive: #affected+killed+low is #Affected +low +killed. */
export const normaliseTag = (tag: string) => {
  const [hash = '', ...attrs] = tag
    .trim()
    .toLowerCase()
    .split('+')
    .map((s) => s.trim());
  return [hash, ...attrs.sort()].join('+');
};

/** Tag → the export's column name; the header row is for people, so the import goes by tags alone. */
const COLUMN_OF_TAG = new Map(HXL_COLUMNS.map(([name, tag]) => [normaliseTag(tag), name]));

type Row = Record<string, string>;

function number(row: Row, column: string, kind: 'coordinate' | 'people'): number {
  const v = (row[column] ?? '').trim();
  const ok = kind === 'people' ? /^\d+$/.test(v) : /^-?\d+(\.\d+)?$/.test(v);
  if (!ok)
    refuse(
      column,
      kind === 'people' ? 'bad_number' : 'bad_coordinate',
      `${column} "${v}" is not ${kind === 'people' ? 'a whole number of people' : 'a decimal degree'}.`,
    );
  if (kind === 'people' && Number(v) > INT4_MAX)
    refuse(column, 'number_out_of_range', `${column} "${v}" is larger than any count Parley stores (${INT4_MAX}).`);
  return Number(v);
}

function choice<T extends string>(row: Row, column: string, values: T[], fallback?: T): T {
  const v = (row[column] ?? '').trim();
  if (!v && fallback) return fallback;
  if (!values.includes(v as T)) refuse(column, 'invalid_choice', `${column} "${v}" is not one of ${values.join(', ')}.`);
  return v as T;
}

/** A figure given as best alone stands for all three estimates; one given in none of the columns is absent. */
function bounds(row: Row, prefix: string): Bounds | undefined {
  const [low, best, high] = ['low', 'best', 'high'].map((k) => (row[`${prefix}_${k}`] ?? '').trim());
  if (!low && !best && !high) return undefined;
  const b = number(row, `${prefix}_best`, 'people');
  return { low: low ? number(row, `${prefix}_low`, 'people') : b, best: b, high: high ? number(row, `${prefix}_high`, 'people') : b };
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
const text = (v: string | undefined) => (v?.trim() ? v : undefined);
const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const COLUMN_OF: Record<string, string> = {
  'date/start': 'date_start',
  'date/end': 'date_end',
  'date/precision': 'date_precision',
  'place/lat': 'latitude',
  'place/lon': 'longitude',
  'casualties/killed/low': 'killed_low',
  'casualties/killed/best': 'killed_best',
  'casualties/injured/low': 'injured_low',
  'casualties/injured/best': 'injured_best',
  'casualties/killedBy': 'killed_civilians',
};
const asColumn = (p: Problem): Problem => ({ ...p, field: COLUMN_OF[p.field] ?? p.field });

/** Maps one row (keyed by the export's column names) to an incident, as the HXL export writes it. */
export function mapHxlRow(row: Row): RowMapping {
  return mapRow(() => {
    const id = (row.id ?? '').trim() || contentId('hxl', JSON.stringify(row));
    if (!ID_PATTERN.test(id)) refuse('id', 'bad_id', `id "${id}" is not a lower-case slug of at most 64 characters.`);
    const start = (row.date_start ?? '').trim();
    if (!start) refuse('date_start', 'missing_date', 'The row has no start date.');
    const date = { start, end: (row.date_end ?? '').trim() || start, precision: choice(row, 'date_precision', DATE_PREC, 'day') };
    const place = clean({
      lat: number(row, 'latitude', 'coordinate'),
      lon: number(row, 'longitude', 'coordinate'),
      // A third-party file that gives no precision has not said the spot is exact.
      precision: choice(row, 'geo_precision', GEO_PREC, 'estimated'),
      name: text(row.location),
      admin1: text(row.admin1),
      admin2: text(row.admin2),
      country: text(row.country),
    });
    const fatal = [...dateProblems(date), ...placeProblems(place)].map(asColumn);
    if (fatal[0]) refuse(fatal[0].field, fatal[0].reason, fatal[0].message);
    const killed = bounds(row, 'killed') ?? refuse('killed_best', 'missing_number', 'The row gives no number killed.');
    const split = ['killed_side_a', 'killed_side_b', 'killed_civilians', 'killed_unknown'].filter((c) => (row[c] ?? '').trim());
    const problems: Problem[] = [];
    if (split.length > 0 && split.length < 4)
      problems.push({ field: split[0]!, reason: 'partial_split_dropped', message: 'Deaths by side are kept only when all four columns are given.' });
    const incident: Incident = clean({
      date,
      place,
      violence: text(row.violence) ? choice(row, 'violence', VIOLENCE) : undefined,
      actors: [...list(row.side_a).map((name) => ({ role: 'side_a' as const, name })), ...list(row.side_b).map((name) => ({ role: 'side_b' as const, name }))],
      casualties: clean({
        killed,
        killedBy:
          split.length === 4
            ? {
                sideA: number(row, 'killed_side_a', 'people'),
                sideB: number(row, 'killed_side_b', 'people'),
                civilians: number(row, 'killed_civilians', 'people'),
                unknown: number(row, 'killed_unknown', 'people'),
              }
            : undefined,
        injured: bounds(row, 'injured'),
      }),
      sources: list(row.sources).map((publisher) => ({ publisher })),
      notes: text(row.notes),
    });
    problems.push(...boundsProblems(killed, 'casualties/killed').map(asColumn), ...splitProblems(incident.casualties).map(asColumn));
    if (incident.casualties.injured) problems.push(...boundsProblems(incident.casualties.injured, 'casualties/injured').map(asColumn));
    const status = (row.verification ?? '').trim();
    if (status && status !== 'reported')
      problems.push({
        field: 'verification',
        reason: 'verification_not_imported',
        message: `The file says "${status}"; an import records the incident as reported, and only a verification step changes that.`,
      });
    return { id, incident, problems };
  }, row.id?.trim() || undefined);
}

/**
 * Reads CSV whose second line is an HXL tag row. Columns are found by their tags, in any
 * order and with attributes in any order; columns with tags Parley does not know are ignored.
 */
export function parseHxl(bytes: Uint8Array): IncidentParse {
  const { text: content, encoding } = decodeSourceFile(bytes);
  const { records, problem } = parseCsv(content);
  if (!records[0]) throw invalid('file', 'empty_file', 'The file is empty.');
  const tags = records[1]?.fields;
  if (!isHxlTagRow(tags)) throw unknownLayout('The second line is not an HXL tag row (hashtags such as #date+start, #geo+lat).');
  const columns = tags!.map((t) => COLUMN_OF_TAG.get(normaliseTag(t)) ?? '');
  const missing = ['date_start', 'latitude', 'longitude', 'killed_best'].filter((c) => !columns.includes(c));
  if (missing.length) throw unknownLayout(`The HXL tag row lacks the tags for ${missing.join(', ')}.`);
  const { rows, incidents } = readRecords(records.slice(2), columns, problem, (row) => {
    delete row[''];
    return mapHxlRow(row);
  });
  return summarise('hxl', encoding, rows, incidents, !problem);
}

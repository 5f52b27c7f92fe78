import { INT4_MAX } from '@parley/contracts';
import { AppError, invalid, type ErrorReason } from '../shared/app-error.ts';
import { assertStorableText } from '../shared/strict-json.ts';
import { parsePreciseDate } from '../shared/precise-date.ts';

/** How well the dates are known; the span between start and end must fit it. */
export type DatePrecision = 'day' | 'span' | 'week' | 'month' | 'year';
/** How well the place is known, from the exact spot to only the country (UCDP where_prec 1–7). */
export type GeoPrecision = 'exact' | 'near' | 'admin2' | 'admin1' | 'estimated' | 'country' | 'water_or_air';
export type Violence = 'state_based' | 'non_state' | 'one_sided';
export type ExternalDataset = 'ucdp-ged' | 'acled';

export interface Bounds {
  low: number;
  best: number;
  high: number;
}

export interface IncidentSource {
  publisher: string;
  date?: string;
  headline?: string;
  /** A source record of the process, when one was entered. */
  sourceId?: string;
}

/** What happened, where and when, as ACLED and UCDP GED describe an event. */
export interface Incident {
  date: { start: string; end: string; precision: DatePrecision };
  place: {
    lat: number;
    lon: number;
    precision: GeoPrecision;
    name?: string;
    description?: string;
    admin1?: string;
    admin2?: string;
    country?: string;
  };
  violence?: Violence;
  actors: { role: 'side_a' | 'side_b'; name: string; partyId?: string }[];
  casualties: {
    killed: Bounds;
    /** The best estimate split by who died, as UCDP's deaths_* columns give it. */
    killedBy?: { sideA: number; sideB: number; civilians: number; unknown: number };
    injured?: Bounds;
  };
  sources: IncidentSource[];
  /** The original sources behind the reports (UCDP source_original), as given. */
  originalSources?: string;
  notes?: string;
  /**
   * The imported row, every column as read, so an export can give back exactly what came in.
   * Empty when the incident came through a format that keeps no row (GeoJSON names only the dataset and id).
   */
  external?: { dataset: ExternalDataset; id: string; row: Record<string, string> };
}

export interface Problem {
  field: string;
  reason: ErrorReason;
  message: string;
}

/** The widest span, in days counted inclusively, that each precision allows. */
export const SPAN_DAYS: Record<DatePrecision, number> = { day: 1, span: 6, week: 7, month: 31, year: 366 };

const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

export function dateProblems(d: Incident['date'], field = 'date'): Problem[] {
  for (const [k, v] of [
    ['start', d.start],
    ['end', d.end],
  ] as const) {
    try {
      if (parsePreciseDate(v, `${field}/${k}`).precision !== 'day')
        return [{ field: `${field}/${k}`, reason: 'bad_date', message: `"${v}" must be a calendar day (YYYY-MM-DD).` }];
    } catch (e) {
      return [{ field: `${field}/${k}`, reason: 'bad_date', message: (e as Error).message }];
    }
  }
  const span = days(d.start, d.end);
  if (span < 1) return [{ field: `${field}/end`, reason: 'span_reversed', message: `The incident ends (${d.end}) before it starts (${d.start}).` }];
  if (span > SPAN_DAYS[d.precision])
    return [
      {
        field: `${field}/precision`,
        reason: 'precision_contradicts_dates',
        message: `A date known to the ${d.precision} cannot span ${span} days (${d.start} to ${d.end}); at most ${SPAN_DAYS[d.precision]}.`,
      },
    ];
  return [];
}

export function placeProblems(p: { lat: number; lon: number }, field = 'place'): Problem[] {
  const out: Problem[] = [];
  if (!Number.isFinite(p.lat) || p.lat < -90 || p.lat > 90)
    out.push({ field: `${field}/lat`, reason: 'outside_wgs84', message: `Latitude ${p.lat} is outside WGS84 (−90 to 90).` });
  if (!Number.isFinite(p.lon) || p.lon < -180 || p.lon > 180)
    out.push({ field: `${field}/lon`, reason: 'outside_wgs84', message: `Longitude ${p.lon} is outside WGS84 (−180 to 180).` });
  return out;
}

/** Low ≤ best ≤ high. */
export function boundsProblems(b: Bounds, field: string): Problem[] {
  if (b.low > b.high) return [{ field: `${field}/low`, reason: 'bounds_reversed', message: `The low estimate ${b.low} is above the high estimate ${b.high}.` }];
  if (b.best < b.low || b.best > b.high)
    return [{ field: `${field}/best`, reason: 'best_outside_bounds', message: `The best estimate ${b.best} lies outside ${b.low}–${b.high}.` }];
  return [];
}

export function splitProblems(c: Incident['casualties'], field = 'casualties'): Problem[] {
  if (!c.killedBy) return [];
  const sum = c.killedBy.sideA + c.killedBy.sideB + c.killedBy.civilians + c.killedBy.unknown;
  return sum === c.killed.best
    ? []
    : [{ field: `${field}/killedBy`, reason: 'split_mismatch', message: `The deaths by side add up to ${sum}, not the best estimate ${c.killed.best}.` }];
}

/**
 * What the database would refuse: text it cannot store (NUL, unpaired surrogates), numbers
 * that are not finite, and casualty figures beyond the integer columns generated from them.
 * An import checks every row with this before the first write, so no row can fail the write.
 */
export function storageProblems(i: Incident): Problem[] {
  const out: Problem[] = [];
  const walk = (v: unknown, path: string[]) => {
    if (typeof v === 'string') {
      try {
        assertStorableText(v, path);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        out.push({ field: path.join('/'), reason: e.reason, message: e.message });
      }
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) out.push({ field: path.join('/'), reason: 'number_out_of_range', message: `${path.join('/')} is not a finite number.` });
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        walk(k, path);
        walk(x, [...path, k]);
      }
    }
  };
  walk(i, []);
  const c = i.casualties;
  for (const [group, values] of [
    ['killed', c.killed],
    ['killedBy', c.killedBy],
    ['injured', c.injured],
  ] as const)
    for (const [k, n] of Object.entries(values ?? {}))
      if (!Number.isSafeInteger(n) || n < 0 || n > INT4_MAX)
        out.push({
          field: `casualties/${group}/${k}`,
          reason: 'number_out_of_range',
          message: `casualties/${group}/${k} is ${n}; a count of people must be a whole number from 0 to ${INT4_MAX}.`,
        });
  return out;
}

/**
 * Checks an incident typed in by a person. Unlike an import, which keeps a source's
 * inconsistent estimates as given and warns, a person entering contradictory numbers
 * has made a typing error, so every problem is refused.
 */
export function assertIncident(i: Incident): void {
  const problems = [
    ...dateProblems(i.date),
    ...placeProblems(i.place),
    ...boundsProblems(i.casualties.killed, 'casualties/killed'),
    ...(i.casualties.injured ? boundsProblems(i.casualties.injured, 'casualties/injured') : []),
    ...splitProblems(i.casualties),
  ];
  const p = problems[0];
  if (p) throw invalid(p.field, p.reason, p.message);
}

import { invalid } from './app-error.ts';

export type Precision = 'year' | 'month' | 'day' | 'time';

export interface PreciseDate {
  value: string;
  precision: Precision;
  /** First calendar day the value covers (UTC date for date-times), for sorting and filtering. */
  firstDay: string;
  /** Last calendar day the value covers. */
  lastDay: string;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:(T)(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * Parses a date whose precision is its length. A schema pattern cannot tell that
 * 2014-02-30 does not exist, so the calendar is checked here.
 */
export function parsePreciseDate(value: string, field: string): PreciseDate {
  const m = PATTERN.exec(value);
  if (!m) throw invalid(field, 'bad_date', `"${value}" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or a date-time with an offset.`);
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (year < 1900 || year > 2200) throw invalid(field, 'impossible_date', `The year ${year} in "${value}" is out of range (1900–2200).`);
  if (month !== undefined && (month < 1 || month > 12)) throw invalid(field, 'impossible_date', `"${value}" has no month ${month}.`);
  if (month !== undefined && day !== undefined && (day < 1 || day > daysIn(year, month)))
    throw invalid(field, 'impossible_date', `"${value}" does not exist: ${year}-${pad(month)} has ${daysIn(year, month)} days.`);
  if (m[4]) {
    const [h, min, s] = [Number(m[5]), Number(m[6]), Number(m[7] ?? 0)];
    if (h > 23 || min > 59 || s > 59) throw invalid(field, 'impossible_date', `"${value}" has an impossible time of day.`);
    if (m[8] !== 'Z' && (Number(m[8]!.slice(1, 3)) > 14 || Number(m[8]!.slice(4)) > 59))
      throw invalid(field, 'invalid_offset', `"${value}" has the UTC offset ${m[8]}; offsets run from -12:00 to +14:00.`);
    const utc = new Date(value).toISOString().slice(0, 10);
    return { value, precision: 'time', firstDay: utc, lastDay: utc };
  }
  if (month === undefined) return { value, precision: 'year', firstDay: `${year}-01-01`, lastDay: `${year}-12-31` };
  if (day === undefined)
    return { value, precision: 'month', firstDay: `${year}-${pad(month)}-01`, lastDay: `${year}-${pad(month)}-${pad(daysIn(year, month))}` };
  const d = `${year}-${pad(month)}-${pad(day)}`;
  return { value, precision: 'day', firstDay: d, lastDay: d };
}

/** Refuses a span whose end lies before its start (at the precision both allow). */
export function assertOrdered(from: string | undefined, to: string | undefined, field: string): void {
  if (!from || !to) return;
  const a = parsePreciseDate(from, field);
  const b = parsePreciseDate(to, field);
  if (b.lastDay < a.firstDay) throw invalid(field, 'span_reversed', `The span ends (${to}) before it starts (${from}).`);
}

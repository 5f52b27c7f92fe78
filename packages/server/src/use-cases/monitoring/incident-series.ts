import type { Actor } from '../../domain/shared/actor.ts';
import { invalid } from '../../domain/shared/app-error.ts';
import { assertPeriod } from '../../domain/monitoring/map.ts';
import { readScope } from '../../policies/access.ts';
import type { MonitoringDeps, SeriesPoint } from '../ports.ts';
import { assertProcess } from '../support.ts';

export interface SeriesQuery {
  from?: string;
  to?: string;
  interval?: 'day' | 'week';
}

export interface IncidentSeries {
  interval: 'day' | 'week';
  from: string | null;
  to: string | null;
  points: SeriesPoint[];
}

/** Days as a daily series: three years of days is about 1,100 points, as many as a chart can show. */
const MAX_DAILY_DAYS = 3 * 366;
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

function assertSpan(interval: 'day' | 'week', from: string, to: string, field: 'from' | 'to'): void {
  if (interval === 'day' && days(from, to) > MAX_DAILY_DAYS)
    throw invalid(
      field,
      'span_too_long',
      `A daily series may span at most three years; ${from} to ${to} is longer. Ask for interval=week or a shorter period.`,
    );
}

/**
 * Incidents and their killed (low/best/high) per day or week, counted from the incidents
 * the reader may see only: a confidential incident moves the series of those who may read it alone.
 */
export async function incidentSeries(deps: MonitoringDeps, actor: Actor, processId: string, q: SeriesQuery): Promise<IncidentSeries> {
  const interval = q.interval ?? 'week';
  assertPeriod(q.from, q.to);
  if (q.from && q.to) assertSpan(interval, q.from, q.to, 'to');
  await assertProcess(deps.store.reader, processId);
  const series = await deps.monitoring.incidentSeries(processId, readScope(actor, processId), { from: q.from, to: q.to, interval });
  // An open end takes the visible incidents' first or last day; the span rule holds for it too.
  if (series.from && series.to && !(q.from && q.to)) assertSpan(interval, series.from, series.to, q.from ? 'to' : 'from');
  return { interval, ...series };
}

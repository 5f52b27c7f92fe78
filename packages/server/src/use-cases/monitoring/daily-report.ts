import type { Actor } from '../../domain/shared/actor.ts';
import { buildDailyReport, previousDay, type DailyReport, type Restriction } from '../../domain/monitoring/daily-report.ts';
import type { MonitoringDeps } from '../ports.ts';
import { reading } from '../reading.ts';
import { listViolations } from './list-violations.ts';

/**
 * The day's report as a monitoring mission publishes it, built only from what the reader
 * may see: a confidential incident changes the counts of those who may read it alone.
 */
export async function dailyReport(deps: MonitoringDeps, actor: Actor, processId: string, date: string): Promise<DailyReport> {
  const violations = await listViolations(deps, actor, processId, { date });
  const read = reading(deps.store.reader, actor, processId, 'report');
  const scope = read.scope;
  const counts = await deps.monitoring.regionCounts(processId, scope, [date, previousDay(date)]);
  const restrictions = await read.list('restrictions', { from: date, to: date, limit: 10_000 });
  return buildDailyReport(
    date,
    counts.map((c) => ({
      ...c,
      killed: { low: c.killed[0], best: c.killed[1], high: c.killed[2] },
      injured: { low: c.injured[0], best: c.injured[1], high: c.injured[2] },
    })),
    violations,
    restrictions.map((r) => ({ id: r.id, ...(r.body as unknown as Omit<Restriction, 'id'>) })),
  );
}

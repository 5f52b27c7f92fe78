import type { Actor } from '../../domain/shared/actor.ts';
import { ceasefireOn, type CeasefireProvision } from '../../domain/monitoring/ceasefire.ts';
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
  // Read as the reader may: a ceasefire in an agreement they may not see is not named to them.
  const provisions = await read.list('provisions', { limit: 10_000 });
  const inForce = ceasefireOn(
    date,
    provisions.map((p) => ({ id: p.id, agreementId: p.parentId ?? '', ...(p.body as unknown as Omit<CeasefireProvision, 'id' | 'agreementId'>) })),
  );
  const agreement = inForce && (await read.find('agreements', inForce.agreementId));
  const body = agreement ? (agreement.body as { titles: { en: string; uk?: string; ru?: string }; shortNames?: string[] }) : null;
  const ceasefire = inForce && body ? { ...inForce, agreementTitles: body.titles, agreementShortName: body.shortNames?.[0] ?? null } : null;
  return buildDailyReport(
    date,
    counts.map((c) => ({
      ...c,
      killed: { low: c.killed[0], best: c.killed[1], high: c.killed[2] },
      injured: { low: c.injured[0], best: c.injured[1], high: c.injured[2] },
    })),
    violations,
    restrictions.map((r) => ({ id: r.id, ...(r.body as unknown as Omit<Restriction, 'id'>) })),
    ceasefire,
  );
}

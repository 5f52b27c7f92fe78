import type { Actor } from '../../domain/shared/actor.ts';
import { MEMORANDUM_LINE_DATE, zonesFor, type RuleSetId } from '../../domain/lines/withdrawal-rules.ts';
import { readScope } from '../../policies/access.ts';
import type { GeoFeature, MonitoringDeps } from '../ports.ts';
import { reading } from '../reading.ts';
import { assertProcess } from '../support.ts';

/**
 * The zones of a day as buffers around their reference lines: one per agreement, distance
 * and line measured from. The package's zones are two, one around each side's line; with a
 * chosen line (`line`), every zone is measured from it, to see what a proposal would mean.
 */
export async function zoneLayer(
  deps: MonitoringDeps,
  actor: Actor,
  processId: string,
  q: { date: string; agreement?: RuleSetId; line?: string },
): Promise<{ type: 'FeatureCollection'; features: GeoFeature[] }> {
  await assertProcess(deps.store.reader, processId);
  if (q.line) await reading(deps.store.reader, actor, processId, 'view').one('lines', q.line, 'line');
  const requests = zonesFor(q.date, q.agreement).map((z) => ({
    asOf: z.reference === 'memorandum_line' ? MEMORANDUM_LINE_DATE : q.date,
    metres: z.requiredKm * 1000,
    properties: { ...z, date: q.date },
  }));
  return { type: 'FeatureCollection', features: await deps.monitoring.zones(processId, readScope(actor, processId), requests, q.line) };
}

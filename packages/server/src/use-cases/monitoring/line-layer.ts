import type { Actor } from '../../domain/shared/actor.ts';
import { readScope } from '../../policies/access.ts';
import type { GeoFeature, MonitoringDeps } from '../ports.ts';
import { assertProcess } from '../support.ts';

/** The lines the reader may see as GeoJSON; on a day, the latest line of each kind and claimant by then. */
export async function lineLayer(
  deps: MonitoringDeps,
  actor: Actor,
  processId: string,
  date?: string,
): Promise<{ type: 'FeatureCollection'; features: GeoFeature[] }> {
  await assertProcess(deps.store.reader, processId);
  return { type: 'FeatureCollection', features: await deps.monitoring.lines(processId, readScope(actor, processId), date) };
}

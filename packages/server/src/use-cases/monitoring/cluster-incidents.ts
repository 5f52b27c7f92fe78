import type { Actor } from '../../domain/shared/actor.ts';
import { assertPeriod, cellDegrees, parseBbox } from '../../domain/monitoring/map.ts';
import { readScope } from '../../policies/access.ts';
import type { GeoFeature, MonitoringDeps } from '../ports.ts';
import { assertProcess } from '../support.ts';

export interface ClusterQuery {
  bbox: string;
  zoom: number;
  from?: string;
  to?: string;
  kind?: string;
  status?: string;
  party?: string;
}

/**
 * Incidents in a viewport grouped into grid cells on the server, so a map of a million
 * incidents receives a few hundred points. Counts are of incidents the reader may see.
 */
export async function clusterIncidents(
  deps: MonitoringDeps,
  actor: Actor,
  processId: string,
  q: ClusterQuery,
): Promise<{ type: 'FeatureCollection'; features: GeoFeature[] }> {
  const bbox = parseBbox(q.bbox);
  assertPeriod(q.from, q.to);
  await assertProcess(deps.store.reader, processId);
  const features = await deps.monitoring.clusters(processId, readScope(actor, processId), { ...q, bbox, cellDegrees: cellDegrees(q.zoom) });
  return { type: 'FeatureCollection', features };
}

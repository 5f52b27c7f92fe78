import type { Actor } from '../../domain/shared/actor.ts';
import type { Incident } from '../../domain/monitoring/incident.ts';
import { incidentsGeoJson, incidentsHxlCsv, type IdentifiedIncident } from '../../domain/monitoring/open-formats.ts';
import { assertPeriod } from '../../domain/monitoring/map.ts';
import type { Deps } from '../support.ts';
import { readableIncidents } from './export-incidents.ts';

async function identified(deps: Deps, actor: Actor, processId: string, filter: { from?: string; to?: string }): Promise<IdentifiedIncident[]> {
  assertPeriod(filter.from, filter.to);
  return (await readableIncidents(deps, actor, processId, filter)).map((r) => ({ id: r.id, status: r.status, incident: r.body as unknown as Incident }));
}

/** The incidents the reader may see as GeoJSON (RFC 7946), for GIS tools. */
export async function exportIncidentsGeoJson(deps: Deps, actor: Actor, processId: string, filter: { from?: string; to?: string } = {}) {
  return incidentsGeoJson(await identified(deps, actor, processId, filter));
}

/** The incidents the reader may see as CSV with an HXL tag row, for humanitarian tools. */
export async function exportIncidentsHxl(deps: Deps, actor: Actor, processId: string, filter: { from?: string; to?: string } = {}): Promise<string> {
  return incidentsHxlCsv(await identified(deps, actor, processId, filter));
}

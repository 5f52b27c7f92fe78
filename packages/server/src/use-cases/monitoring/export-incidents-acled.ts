import type { Actor } from '../../domain/shared/actor.ts';
import { exportAcled, type AcledLayout } from '../../domain/monitoring/acled.ts';
import type { Incident } from '../../domain/monitoring/incident.ts';
import { assertPeriod } from '../../domain/monitoring/map.ts';
import type { Deps } from '../support.ts';
import { readableIncidents } from './export-incidents.ts';

/** The incidents the reader may see as ACLED CSV: imported ACLED rows as they came in, edits written over them. */
export async function exportIncidentsAcled(
  deps: Deps,
  actor: Actor,
  processId: string,
  q: { from?: string; to?: string; layout?: AcledLayout } = {},
): Promise<string> {
  assertPeriod(q.from, q.to);
  const records = await readableIncidents(deps, actor, processId, { from: q.from, to: q.to });
  return exportAcled(
    records.map((r) => ({ id: r.id, incident: r.body as unknown as Incident })),
    q.layout,
  );
}

import type { Actor } from '../../domain/shared/actor.ts';
import type { Incident } from '../../domain/monitoring/incident.ts';
import { exportUcdp } from '../../domain/monitoring/ucdp.ts';
import type { StoredRecord } from '../ports.ts';
import { assertProcess, type Deps } from '../support.ts';
import { reading } from '../reading.ts';

/** Every incident the actor may read, in date order, page by page. */
export async function readableIncidents(deps: Deps, actor: Actor, processId: string, filter: { from?: string; to?: string } = {}): Promise<StoredRecord[]> {
  await assertProcess(deps.store.reader, processId);
  const read = reading(deps.store.reader, actor, processId, 'export');
  const all: StoredRecord[] = [];
  for (;;) {
    const last = all.at(-1);
    const page = await read.list('incidents', { ...filter, limit: 1000, after: last && { key: last.sortOn, id: last.id } });
    all.push(...page);
    if (page.length < 1000) return all;
  }
}

/** The incidents as UCDP GED CSV: imported rows come back as they came in, edits written over them. */
export async function exportIncidentsUcdp(deps: Deps, actor: Actor, processId: string, filter: { from?: string; to?: string } = {}): Promise<string> {
  const records = await readableIncidents(deps, actor, processId, filter);
  return exportUcdp(records.map((r) => r.body as unknown as Incident));
}

import type { Actor, Audience } from '../../domain/shared/actor.ts';
import type { ImportFormat, IncidentParse } from '../../domain/monitoring/import-formats.ts';
import { parseIncidentFile } from '../../domain/monitoring/incident-file.ts';
import type { RowReport } from '../../domain/monitoring/ucdp.ts';
import { assertCanWrite } from '../../policies/access.ts';
import { assertProcess, type Deps } from '../support.ts';
import { putIncidents } from './create-incident.ts';

export interface ImportRowReport extends RowReport {
  /** What the import did with a readable row: a new incident, or one already recorded from it. */
  outcome?: 'created' | 'unchanged' | 'refused';
  incidentId?: string;
}

export interface ImportReport {
  format: ImportFormat;
  encoding: IncidentParse['encoding'];
  complete: boolean;
  totals: IncidentParse['totals'] & { created: number; unchanged: number };
  rows: ImportRowReport[];
}

export interface ImportOptions {
  audience?: Exclude<Audience, 'party'>;
  /** Detected from the file when absent. */
  format?: ImportFormat;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Imports a file of incidents: UCDP GED or ACLED CSV, CSV with HXL tags, or GeoJSON.
 * Readable rows are written in batches, each batch one unit of work, so a failure loses at most that batch and never part of a row; re-importing the same
 * file writes nothing new. Rows the parser refuses, and rows whose id was used for a
 * different incident, are reported and skipped.
 */
export async function importIncidents(deps: Deps, actor: Actor, processId: string, file: Uint8Array, o: ImportOptions = {}): Promise<ImportReport> {
  const visibility = { audience: o.audience ?? 'public', audienceParty: null };
  await assertProcess(deps.store.reader, processId);
  assertCanWrite(actor, processId, 'incident', visibility);
  const parsed = parseIncidentFile(file, o.format);
  const byLine = new Map<number, ImportRowReport>(parsed.rows.map((r) => [r.line, { ...r }]));
  for (const r of byLine.values()) if (r.status === 'refused') r.outcome = 'refused';
  const size = o.batchSize ?? 250;
  let done = 0;
  for (let i = 0; i < parsed.incidents.length; i += size) {
    const batch = parsed.incidents.slice(i, i + size);
    await deps.store.write(processId, actor, async (uow) => {
      const items = batch.map(({ id, incident }) => ({ id, body: incident as unknown as Record<string, unknown> }));
      const outcomes = await putIncidents(uow, visibility, items);
      batch.forEach(({ line }, k) => {
        const report = byLine.get(line)!;
        const outcome = outcomes[k]!;
        if (typeof outcome === 'string') return void Object.assign(report, { outcome, incidentId: items[k]!.id });
        report.status = 'refused';
        report.outcome = 'refused';
        report.problems = [...report.problems, { field: 'id', reason: outcome.reason, message: outcome.message }];
      });
    });
    done += batch.length;
    o.onProgress?.(done, parsed.incidents.length);
  }
  const rows = [...byLine.values()].sort((a, b) => a.line - b.line);
  const kept = rows.filter((r) => r.outcome === 'created' || r.outcome === 'unchanged');
  const incidents = new Map(parsed.incidents.map((x) => [x.line, x.incident]));
  const sum = (k: 'best' | 'low' | 'high') => kept.reduce((s, r) => s + incidents.get(r.line)!.casualties.killed[k], 0);
  return {
    format: parsed.format, encoding: parsed.encoding, complete: parsed.complete, rows,
    totals: {
      rows: rows.length, accepted: rows.filter((r) => r.status === 'accepted').length, warned: rows.filter((r) => r.status === 'warned').length,
      refused: rows.filter((r) => r.status === 'refused').length, best: sum('best'), low: sum('low'), high: sum('high'),
      created: rows.filter((r) => r.outcome === 'created').length, unchanged: rows.filter((r) => r.outcome === 'unchanged').length,
    },
  };
}

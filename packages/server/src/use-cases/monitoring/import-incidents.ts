import type { Actor, Audience } from '../../domain/shared/actor.ts';
import type { ImportFormat, IncidentParse } from '../../domain/monitoring/import-formats.ts';
import { parseIncidentFile } from '../../domain/monitoring/incident-file.ts';
import { storageProblems, type Incident, type Problem } from '../../domain/monitoring/incident.ts';
import type { RowReport } from '../../domain/monitoring/ucdp.ts';
import { assertCanWrite } from '../../policies/access.ts';
import { reading, type Reading } from '../reading.ts';
import { resource, type Ref } from '../resources.ts';
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
  /** Incidents per insert statement; all of them are still one unit of work. */
  batchSize?: number;
  /** Called inside the unit of work after each batch: throwing there undoes the whole import. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Imports a file of incidents: UCDP GED or ACLED CSV, CSV with HXL tags, or GeoJSON.
 * All or nothing: every row is read and checked completely (including what the database
 * could not hold) before the first write, and the rows kept are written in one unit of
 * work, so a failure stores nothing and the answer "nothing was changed" is true. Rows the
 * parser refuses, and rows whose id was used for a different incident, are reported and
 * skipped; re-importing the same file writes nothing new.
 */
export async function importIncidents(deps: Deps, actor: Actor, processId: string, file: Uint8Array, o: ImportOptions = {}): Promise<ImportReport> {
  const visibility = { audience: o.audience ?? 'public', audienceParty: null };
  await assertProcess(deps.store.reader, processId);
  assertCanWrite(actor, processId, 'incident', visibility);
  const parsed = parseIncidentFile(file, o.format);
  const byLine = new Map<number, ImportRowReport>(parsed.rows.map((r) => [r.line, { ...r }]));
  const refuse = (line: number, problems: ImportRowReport['problems']) => {
    const report = byLine.get(line)!;
    Object.assign(report, { status: 'refused', outcome: 'refused', problems: [...report.problems, ...problems] });
  };
  const checked = parsed.incidents.filter(({ line, incident }) => {
    const problems = storageProblems(incident);
    if (problems.length) refuse(line, problems);
    return problems.length === 0;
  });
  for (const r of byLine.values()) if (r.status === 'refused') r.outcome = 'refused';
  const size = o.batchSize ?? 250;
  await deps.store.write(processId, actor, async (uow) => {
    // Inside the unit of work, so the references are judged against what this transaction will write beside.
    const unknown = await unknownReferences(
      reading(uow, actor, processId, 'reference'),
      checked.map((x) => x.incident),
    );
    const storable = checked.filter(({ line }, k) => {
      const problems = unknown[k]!;
      if (problems.length) refuse(line, problems);
      return problems.length === 0;
    });
    for (let done = 0; done < storable.length;) {
      const batch = storable.slice(done, done + size);
      const items = batch.map(({ id, incident }) => ({ id, body: incident as unknown as Record<string, unknown> }));
      const outcomes = await putIncidents(uow, visibility, items);
      batch.forEach(({ line }, k) => {
        const outcome = outcomes[k]!;
        if (typeof outcome === 'string') return void Object.assign(byLine.get(line)!, { outcome, incidentId: items[k]!.id });
        refuse(line, [{ field: 'id', reason: outcome.reason, message: outcome.message }]);
      });
      done += batch.length;
      o.onProgress?.(done, storable.length);
    }
  });
  const rows = [...byLine.values()].sort((a, b) => a.line - b.line);
  const kept = rows.filter((r) => r.outcome === 'created' || r.outcome === 'unchanged');
  const incidents = new Map(parsed.incidents.map((x) => [x.line, x.incident]));
  const sum = (k: 'best' | 'low' | 'high') => kept.reduce((s, r) => s + incidents.get(r.line)!.casualties.killed[k], 0);
  return {
    format: parsed.format,
    encoding: parsed.encoding,
    complete: parsed.complete,
    rows,
    totals: {
      rows: rows.length,
      accepted: rows.filter((r) => r.status === 'accepted').length,
      warned: rows.filter((r) => r.status === 'warned').length,
      refused: rows.filter((r) => r.status === 'refused').length,
      best: sum('best'),
      low: sum('low'),
      high: sum('high'),
      created: rows.filter((r) => r.outcome === 'created').length,
      unchanged: rows.filter((r) => r.outcome === 'unchanged').length,
    },
  };
}

/**
 * The create path's reference check (assertRefs) for a whole file: each table's distinct ids are
 * fetched once, and each incident gets the problems of its references that are missing or hidden
 * from the importer (a hidden one is answered like a missing one).
 */
async function unknownReferences(read: Reading, incidents: Incident[]): Promise<Problem[][]> {
  const res = resource('incident');
  const refs: Ref[][] = incidents.map((i) => res.refs(i as unknown as Parameters<typeof res.refs>[0]));
  const wanted = new Map<Ref['table'], Set<string>>();
  for (const ref of refs.flat()) wanted.set(ref.table, (wanted.get(ref.table) ?? new Set()).add(ref.id));
  const seen = new Set<string>();
  for (const [table, ids] of wanted) for (const r of await read.many(table, [...ids])) seen.add(`${table}\0${r.id}`);
  return refs.map((list) =>
    list
      .filter((ref) => !seen.has(`${ref.table}\0${ref.id}`))
      .map((ref) => ({
        field: ref.field,
        reason: 'unknown_reference',
        message: `The ${ref.field.split('/')[0]} "${ref.id}" does not exist in this process, or you may not see it.`,
      })),
  );
}

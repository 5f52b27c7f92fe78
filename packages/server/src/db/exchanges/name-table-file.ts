import { readFileSync } from 'node:fs';
import { parseCsv } from '../../domain/monitoring/csv.ts';
import { buildNameTable, namePairsFromRows, type NameTable } from '../../domain/exchanges/name-table.ts';

/** The Ukrainian ↔ Russian name pairs shipped with the server (packages/server/reference/names, MIT, see its README). */
const FILE = new URL('../../../reference/names/ua2ru.csv', import.meta.url);

let cached: NameTable | undefined;

/** Built once per process: the table does not change while the server runs. */
export function loadNameTable(): NameTable {
  if (cached) return cached;
  const parsed = parseCsv(readFileSync(FILE, 'utf8'));
  cached = buildNameTable(namePairsFromRows(parsed.records.map((r) => r.fields)));
  return cached;
}

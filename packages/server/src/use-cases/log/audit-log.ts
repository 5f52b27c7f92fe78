import type { LogDeps } from '../ports.ts';
import { checkIntegrity } from './check-integrity.ts';
import type { Finding } from './integrity-state.ts';

/**
 * The complete check of one process, for `parley audit` and for a party given an export:
 * every entry, node, checkpoint, record and history row. Every finding names the entry's
 * index where there is one, so an operator knows where the record was altered.
 */
export async function auditLog(deps: Pick<LogDeps, 'integrity'>, processId: string) {
  const { report } = await checkIntegrity(deps, processId, { mode: 'complete' });
  return { size: report.size, entries: report.checked, ok: report.findings.length === 0, problems: report.findings };
}

/** One line per finding, as `parley audit` prints them. */
export const formatFinding = (f: Finding) =>
  `${f.index === null ? 'tree' : `entry ${f.index}`}: ${f.kind}${f.recordType ? ` (${f.recordType}${f.recordId ? ` ${f.recordId}` : ''})` : ''}: ${f.detail}`;

import type { Actor } from '../../domain/shared/actor.ts';
import { notFound } from '../../domain/shared/app-error.ts';
import { assertCanRead } from '../../policies/access.ts';
import type { LogDeps } from '../ports.ts';
import { checkIntegrity } from './check-integrity.ts';

/**
 * What anyone may know: which logs failed, at which entries, and how. Record ids and
 * details stay with the mediator, since a finding can concern a record hidden from the asker.
 */
export function integrityHealth(deps: Pick<LogDeps, 'integrity'>) {
  const failed = deps.integrity.state.compromised();
  return {
    ok: failed.length === 0,
    processes: failed.map((p) => ({ processId: p.processId, checkedAt: p.checkedAt, problems: p.findings.map((f) => ({ index: f.index, kind: f.kind })) })),
  };
}

/** The mediator's view of one process: the last check's full findings, checking now if none ran yet. */
export async function getIntegrity(deps: Pick<LogDeps, 'integrity' | 'store'>, actor: Actor, processId: string) {
  assertCanRead(actor, processId, { audience: 'mediator', audienceParty: null }, 'integrity report of process', processId);
  if (!(await deps.store.reader.processExists(processId))) throw notFound('process', processId);
  const report = deps.integrity.state.report(processId) ?? (await checkIntegrity(deps, processId, { mode: 'sampled', sample: deps.integrity.sample })).report;
  return { processId, ok: report.findings.length === 0, checkedAt: report.checkedAt, mode: report.mode, findings: report.findings };
}

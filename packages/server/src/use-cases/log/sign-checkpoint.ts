import { bytesEqual, formatCheckpoint, signNote } from '@parley/tlog';
import type { Actor } from '../../domain/shared/actor.ts';
import type { LogDeps, StoredCheckpoint } from '../ports.ts';
import { assertCanWrite } from '../../policies/access.ts';
import { checkIntegrity } from './check-integrity.ts';
import { integrityError } from './integrity-state.ts';
import { headOf } from './log-support.ts';
import { pushCheckpoint } from './push-checkpoint.ts';

/**
 * Signs the current tree head unless the latest checkpoint already covers it.
 * Rule: one size, one root, forever, and never a tree that fails its own check. Before
 * the key touches it the log is checked in one snapshot (every entry since the last
 * check, the nodes against the head, consistency with every checkpoint signed so far,
 * the one kept outside the database included), and exactly that head is signed. A
 * finding makes the process read-only and stops its signing until it is restored.
 * Witnesses are then asked to cosign in the background: publication never waits.
 */
export async function signLatest(deps: LogDeps, processId: string): Promise<{ checkpoint: StoredCheckpoint; signed: boolean; pushed: Promise<void> }> {
  const idle = { signed: false, pushed: Promise.resolve() };
  const known = deps.integrity.state.findings(processId);
  if (known.length > 0) throw integrityError(processId, known);
  const head = await headOf(deps, processId);
  const latest = await deps.log.latestCheckpoint(processId);
  if (latest && latest.size === head.size && bytesEqual(latest.root, head.root)) return { checkpoint: latest, ...idle };
  const { head: checked } = await checkIntegrity(deps, processId, { mode: 'sampled', sample: 0 });
  const findings = deps.integrity.state.findings(processId);
  if (findings.length > 0) throw integrityError(processId, findings);
  const current = await deps.log.latestCheckpoint(processId);
  if (current && current.size >= checked.size) return { checkpoint: current, ...idle };
  const text = formatCheckpoint({ origin: deps.logKeys.origin(processId), size: BigInt(checked.size), rootHash: checked.root, extensions: [] });
  const stored = await deps.log.saveCheckpoint(processId, { size: checked.size, root: checked.root, note: signNote(text, [deps.logKeys.signer(processId)]) });
  if (!bytesEqual(stored.root, checked.root)) {
    deps.integrity.state.record({
      processId,
      checkedAt: new Date().toISOString(),
      mode: 'sampled',
      findings: [{ kind: 'checkpoint_mismatch', index: null, detail: `two roots for size ${checked.size}` }],
    });
    throw integrityError(processId, deps.integrity.state.findings(processId));
  }
  deps.integrity.mirror.keep(processId, stored.note);
  const pushed = pushCheckpoint(deps, processId, stored).catch(() => undefined);
  return { checkpoint: stored, signed: true, pushed };
}

/** On demand, for the mediator (e.g. before a round, so every party can cosign the record so far). */
export async function signCheckpoint(deps: LogDeps, actor: Actor, processId: string) {
  assertCanWrite(actor, processId, 'checkpoint', { audience: 'public', audienceParty: null });
  return signLatest(deps, processId);
}

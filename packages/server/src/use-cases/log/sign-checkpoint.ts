import { bytesEqual, consistencyProof, formatCheckpoint, signNote, treeRoot, verifyConsistency } from '@parley/tlog';
import type { Actor } from '../../domain/shared/actor.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import type { LogDeps, StoredCheckpoint } from '../ports.ts';
import { assertCanWrite } from '../../policies/access.ts';
import { headOf, tlogCall } from './log-support.ts';
import { pushCheckpoint } from './push-checkpoint.ts';

const tampered = (processId: string, why: string) =>
  new AppError('internal', 'log_integrity', `The stored log of "${processId}" fails its own check (${why}); nothing was signed.`);

/**
 * Signs the current tree head unless the latest checkpoint already covers it.
 * Rule: one size, one root, forever. The stored tree is recomputed and proven
 * consistent with the previous checkpoint before the key touches it, so a tampered
 * table is refused here rather than signed; the (process, size) key settles races.
 * Witnesses are then asked to cosign in the background: publication never waits.
 */
export async function signLatest(deps: LogDeps, processId: string): Promise<{ checkpoint: StoredCheckpoint; signed: boolean; pushed: Promise<void> }> {
  const head = await headOf(deps, processId);
  const latest = await deps.log.latestCheckpoint(processId);
  const idle = { signed: false, pushed: Promise.resolve() };
  if (latest && latest.size > head.size) throw tampered(processId, `the tree has ${head.size} entries, a checkpoint says ${latest.size}`);
  if (latest && latest.size === head.size) {
    if (!bytesEqual(latest.root, head.root)) throw tampered(processId, `two roots for size ${head.size}`);
    return { checkpoint: latest, ...idle };
  }
  const reader = deps.log.nodes(processId);
  const root = await tlogCall(() => treeRoot(reader, head.size));
  if (!bytesEqual(root, head.root)) throw tampered(processId, 'the nodes do not give the stored root');
  if (latest && latest.size > 0) {
    try {
      verifyConsistency(latest.size, head.size, latest.root, root, await consistencyProof(reader, latest.size, head.size));
    } catch {
      throw tampered(processId, `the tree no longer extends checkpoint ${latest.size}`);
    }
  }
  const text = formatCheckpoint({ origin: deps.logKeys.origin(processId), size: BigInt(head.size), rootHash: root, extensions: [] });
  const stored = await deps.log.saveCheckpoint(processId, { size: head.size, root, note: signNote(text, [deps.logKeys.signer(processId)]) });
  if (!bytesEqual(stored.root, root)) throw tampered(processId, `two roots for size ${head.size}`);
  const pushed = pushCheckpoint(deps, processId, stored).catch(() => undefined);
  return { checkpoint: stored, signed: true, pushed };
}

/** On demand, for the mediator (e.g. before a round, so every party can cosign the record so far). */
export async function signCheckpoint(deps: LogDeps, actor: Actor, processId: string) {
  assertCanWrite(actor, processId, 'checkpoint', { audience: 'public', audienceParty: null });
  return signLatest(deps, processId);
}

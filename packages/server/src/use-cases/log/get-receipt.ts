import { createReceipt, inclusionProof, type JsonValue, type Receipt } from '@parley/tlog';
import type { Actor } from '../../domain/shared/actor.ts';
import { notFound } from '../../domain/shared/app-error.ts';
import { canRead } from '../../policies/access.ts';
import type { LogDeps } from '../ports.ts';
import { checkpointNote, headOf, parseCount, tlogCall } from './log-support.ts';
import { signLatest } from './sign-checkpoint.ts';
import { entryVisibility, versionVisibility } from './record-visibility.ts';
import { isExchangeEntry } from './exchange-kinds.ts';

/**
 * A record's receipt: its envelope, the inclusion proof and the checkpoint it leads to,
 * and the body with its salt only for a reader the policy lets read the record (and only
 * while the body is not erased). Without body the receipt proves the envelope alone,
 * which anyone can already read in the public entry bundles.
 */
export async function getReceipt(
  deps: LogDeps,
  actor: Actor,
  processId: string,
  type: string,
  recordId: string,
  q: { version?: string } = {},
): Promise<Receipt> {
  await headOf(deps, processId);
  const version = q.version === undefined ? undefined : parseCount(q.version, 'version');
  const visibility = await entryVisibility(deps.store.reader, processId, type, recordId);
  // Detainee data is for the mediator alone: to anyone else even its receipt reads as missing.
  const hidden = isExchangeEntry(type, recordId) && !canRead(actor, processId, visibility ?? { audience: 'mediator', audienceParty: null });
  const entry = visibility && !hidden && (await deps.log.entry(processId, type, recordId, version));
  if (!visibility || !entry) throw notFound(`${type.replace(/_/g, ' ')} entry`, recordId);
  let cp = await deps.log.latestCheckpoint(processId);
  // An entry newer than the last checkpoint gets one now rather than a receipt that cannot verify.
  if (!cp || cp.size <= entry.idx) cp = (await signLatest(deps, processId)).checkpoint;
  const proof = await tlogCall(() => inclusionProof(deps.log.servedNodes(processId), entry.idx, cp.size));
  // Each version is read under its own audience: a later, wider audience does not publish an earlier, narrower version.
  const mayRead = canRead(actor, processId, versionVisibility(entry.body) ?? visibility) && entry.body !== null && entry.salt !== null;
  return createReceipt({
    envelope: entry.envelope,
    index: entry.idx,
    proof,
    checkpoint: checkpointNote(cp),
    ...(mayRead ? { body: entry.body as JsonValue, salt: entry.salt! } : {}),
  });
}

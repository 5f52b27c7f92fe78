import { parseVerifierKeyText, witnessVerifier } from '@parley/tlog';
import type { Actor } from '../../domain/shared/actor.ts';
import { conflict, invalid } from '../../domain/shared/app-error.ts';
import { assertMayRegisterWitness, MAX_WITNESSES_PER_PARTY, witnessStatusAfter } from '../../policies/witness.ts';
import type { LogDeps, WitnessRecord } from '../ports.ts';
import { headOf, tlogCall } from './log-support.ts';

/**
 * The URL as Parley stores it: http(s), no credentials (they would be journalled in public),
 * no query or fragment (`/add-checkpoint` is appended to the path), no trailing slash.
 * Whether Parley may call it at all is the witness client's check, which needs the network.
 */
export function normaliseWitnessUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('url', 'invalid_url', `"${text}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('url', 'witness_url_insecure', 'A witness URL must use https.');
  if (url.username || url.password) throw invalid('url', 'invalid_url', 'A witness URL may not contain a user name or password.');
  if (url.search || url.hash) throw invalid('url', 'invalid_url', 'A witness URL may not have a query or a fragment.');
  return url.toString().replace(/\/+$/, '');
}

/**
 * A party registers the witness it runs itself: the mediator for any party (in force at
 * once), a delegate only for its own party (pending until the mediator approves it, since
 * the server will call that address on every checkpoint). At most MAX_WITNESSES_PER_PARTY
 * pending or active per party, so no party can make the server call without bound.
 * A removed witness comes back under the same key as a new version; a new key needs a new name.
 */
export async function registerWitness(
  deps: LogDeps,
  actor: Actor,
  processId: string,
  input: { partyId: string; vkey: string; url: string },
): Promise<WitnessRecord> {
  await headOf(deps, processId);
  assertMayRegisterWitness(actor, processId, input.partyId);
  await tlogCall(() => witnessVerifier(input.vkey), 'vkey');
  const { name } = parseVerifierKeyText(input.vkey);
  const url = normaliseWitnessUrl(input.url);
  await deps.witnessClient.checkUrl(url);
  const vkey = input.vkey.trim();
  const status = witnessStatusAfter(actor, processId);
  return deps.store.write(processId, actor, async (uow) => {
    if (!(await uow.get('parties', processId, input.partyId)))
      throw invalid('partyId', 'unknown_reference', `There is no party "${input.partyId}" in this process.`);
    const theirs = (await uow.lockPartyWitnesses(input.partyId)).filter((w) => w.status !== 'removed');
    if (theirs.length >= MAX_WITNESSES_PER_PARTY)
      throw conflict(
        'witness_limit',
        `The party "${input.partyId}" already has ${theirs.length} witnesses (at most ${MAX_WITNESSES_PER_PARTY}); remove one first.`,
        { field: 'partyId' },
      );
    const next = { name, partyId: input.partyId, vkey, url, status, approvedBy: status === 'active' ? actor.accountId : null, removedBy: null };
    const existing = await uow.witness(name);
    if (existing) {
      if (existing.status !== 'removed' || existing.partyId !== input.partyId || existing.vkey !== vkey)
        throw conflict('already_exists', `A witness named "${name}" is already registered; a new key needs a new name.`, { field: 'vkey' });
      return uow.reviseWitness(next, existing.version);
    }
    await uow.registerWitness({ ...next, version: 1 });
    return { ...next, version: 1 };
  });
}

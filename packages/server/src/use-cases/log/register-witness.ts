import { parseVerifierKeyText, witnessVerifier } from '@parley/tlog';
import type { Actor } from '../../domain/shared/actor.ts';
import { invalid } from '../../domain/shared/app-error.ts';
import { assertCanWrite } from '../../policies/access.ts';
import type { LogDeps, WitnessRecord } from '../ports.ts';
import { headOf, tlogCall } from './log-support.ts';

/**
 * A party registers the witness it runs itself: the mediator for any party, a delegate
 * only for its own party (a witness speaks for a party, so nobody may register one in
 * another party's name). The registration is a logged write like any other.
 */
export async function registerWitness(deps: LogDeps, actor: Actor, processId: string, input: { partyId: string; vkey: string; url: string }): Promise<WitnessRecord> {
  await headOf(deps, processId);
  assertCanWrite(actor, processId, 'witness', { audience: 'public', audienceParty: null }, input.partyId);
  await tlogCall(() => witnessVerifier(input.vkey), 'vkey');
  const { name } = parseVerifierKeyText(input.vkey);
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw invalid('url', 'invalid_url', `"${input.url}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('url', 'invalid_url', 'A witness URL must use http or https.');
  const witness: WitnessRecord = { name, partyId: input.partyId, vkey: input.vkey.trim(), url: url.toString().replace(/\/+$/, '') };
  await deps.store.write(processId, actor, async (uow) => {
    if (!(await uow.get('parties', processId, input.partyId))) throw invalid('partyId', 'unknown_reference', `There is no party "${input.partyId}" in this process.`);
    await uow.registerWitness(witness);
  });
  return witness;
}

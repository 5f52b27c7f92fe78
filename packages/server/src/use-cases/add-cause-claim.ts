import type { Actor } from '../domain/shared/actor.ts';
import { notFound } from '../domain/shared/app-error.ts';
import { assertCanWrite } from '../policies/access.ts';
import { assertWordsInLanguage } from '../domain/sources/words.ts';
import { claimRow, type CauseClaim } from './transition-meeting.ts';
import { reading } from './reading.ts';
import { assertProcess, sourceRefsOf, type Deps } from './support.ts';

/**
 * Adds one side's account of why a meeting changed status. A party speaks only for
 * itself; the claims of others stay as they were.
 */
export async function addCauseClaim(
  deps: Deps,
  actor: Actor,
  processId: string,
  meetingId: string,
  input: { transition: number; claim: CauseClaim },
): Promise<{ transition: number; seq: number }> {
  assertWordsInLanguage(input.claim, 'claim/language');
  await assertProcess(deps.store.reader, processId);
  return deps.store.write(processId, actor, async (uow) => {
    const read = reading(uow, actor, processId, 'edit');
    const meeting = await read.one('meetings', meetingId, 'meeting');
    assertCanWrite(actor, processId, 'cause_claim', meeting, input.claim.partyId);
    const transitions = await read.transitions(meeting);
    if (!transitions.some((t) => t.seq === input.transition)) throw notFound('status change', String(input.transition));
    await read.assertRefs([{ table: 'parties', id: input.claim.partyId, field: 'claim/partyId' }, ...sourceRefsOf(input.claim.sources, 'claim/sources')]);
    const existing = await read.causeClaims(meeting);
    const seq = existing.filter((c) => c.transition === input.transition).length + 1;
    await uow.appendHistory(
      'cause_claim',
      {
        table: 'cause_claims',
        row: { meeting_id: meetingId, transition_seq: input.transition, seq, ...claimRow(input.claim) },
      },
      meetingId,
    );
    return { transition: input.transition, seq };
  });
}

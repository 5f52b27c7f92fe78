import type { Actor } from '../domain/shared/actor.ts';
import { invalid } from '../domain/shared/app-error.ts';
import { parsePreciseDate } from '../domain/shared/precise-date.ts';
import { assertWordsInLanguage, type Words } from '../domain/sources/words.ts';
import { assertCanWrite } from '../policies/access.ts';
import type { StoredRecord } from './ports.ts';
import { reading } from './reading.ts';
import { assertProcess, sameAs, sourceRefsOf, type Deps } from './support.ts';

export interface ResponseInput {
  status: 'invited' | 'confirmed' | 'declined' | 'declined_with_conditions' | 'tentative';
  at: string;
  conditions: { text: Words; language?: string; sources: { sourceId: string }[] }[];
  sources: { sourceId: string }[];
  version: number;
}

/**
 * Records a party's answer to an invitation. Answers are appended, so a party that
 * first declined with conditions and later confirmed shows both, in order.
 */
export async function respondToInvitation(deps: Deps, actor: Actor, processId: string, invitationId: string, input: ResponseInput): Promise<StoredRecord> {
  parsePreciseDate(input.at, 'at');
  for (const [n, c] of input.conditions.entries()) assertWordsInLanguage(c, `conditions/${n}/language`);
  if (input.status === 'declined_with_conditions' && input.conditions.length === 0)
    throw invalid('conditions', 'conditions_required', 'A refusal with conditions must state at least one condition.');
  if (input.status !== 'declined_with_conditions' && input.status !== 'tentative' && input.status !== 'confirmed' && input.conditions.length > 0)
    throw invalid(
      'conditions',
      'conditions_unexpected',
      `Conditions go with a confirmation, a tentative answer or a conditional refusal, not with "${input.status}".`,
    );
  await assertProcess(deps.store.reader, processId);
  return deps.store.write(processId, actor, async (uow) => {
    const read = reading(uow, actor, processId, 'edit');
    const invitation = await read.one('invitations', invitationId, 'invitation');
    const partyId = String(invitation.body.partyId);
    assertCanWrite(actor, processId, 'invitation_response', invitation, partyId);
    await read.assertRefs([
      ...sourceRefsOf(input.sources, 'sources'),
      ...input.conditions.flatMap((c, n) => sourceRefsOf(c.sources, `conditions/${n}/sources`)),
    ]);
    const updated = await uow.revise('invitations', 'invitation', invitation, input.version, { ...sameAs(invitation), status: input.status });
    const seq = (await read.answers(invitation)).length + 1;
    await uow.appendHistory(
      'invitation_response',
      {
        table: 'invitation_responses',
        row: { invitation_id: invitationId, seq, status: input.status, at: input.at, conditions: input.conditions, sources: input.sources },
      },
      invitationId,
    );
    return updated;
  });
}

import type { MeetingStatus } from '@parley/contracts';
import type { Actor } from '../domain/shared/actor.ts';
import { parsePreciseDate } from '../domain/shared/precise-date.ts';
import { assertWordsInLanguage, type Words } from '../domain/sources/words.ts';
import { assertHostRule } from '../domain/talks/host-rule.ts';
import { assertTransition } from '../domain/talks/meeting-lifecycle.ts';
import { assertCanWrite } from '../policies/access.ts';
import type { StoredRecord, UnitOfWork } from './ports.ts';
import { reading } from './reading.ts';
import { assertProcess, sameAs, sourceRefsOf, type Deps } from './support.ts';

export interface CauseClaim {
  partyId: string;
  text: Words;
  language?: string;
  sources: { sourceId: string; locator?: string }[];
}

/** A claim's history row: its language is left out when not given, so the journal body stays the shape it had before languages. */
export const claimRow = (c: CauseClaim) => ({ party_id: c.partyId, text: c.text, ...(c.language ? { language: c.language } : {}), sources: c.sources });

export interface TransitionInput {
  to: MeetingStatus;
  at: string;
  reason: Words;
  reasonLanguage?: string;
  sources: { sourceId: string; locator?: string }[];
  claims: CauseClaim[];
  version: number;
}

/**
 * Moves a meeting through its life cycle. Each change keeps who, when, why and the
 * source; when the sides disagree about the cause (who scrapped the teleconference?)
 * each side's claim is stored beside the others, none overwriting another.
 */
export async function transitionMeeting(deps: Deps, actor: Actor, processId: string, meetingId: string, input: TransitionInput): Promise<StoredRecord> {
  parsePreciseDate(input.at, 'at');
  assertWordsInLanguage({ text: input.reason, language: input.reasonLanguage }, 'reasonLanguage');
  for (const [n, c] of input.claims.entries()) assertWordsInLanguage(c, `claims/${n}/language`);
  await assertProcess(deps.store.reader, processId);
  return deps.store.write(processId, actor, (uow) => applyTransition(uow, actor, processId, meetingId, input));
}

/** The transition inside a unit of work the caller holds (a reviewer's confirmation of a reported cancellation). */
export async function applyTransition(uow: UnitOfWork, actor: Actor, processId: string, meetingId: string, input: TransitionInput): Promise<StoredRecord> {
  {
    const read = reading(uow, actor, processId, 'edit');
    const meeting = await read.one('meetings', meetingId, 'meeting');
    assertCanWrite(actor, processId, 'meeting_transition', meeting);
    const from = meeting.status as MeetingStatus;
    assertTransition(from, input.to);
    if (input.to === 'scheduled') {
      // The host rule counts every invitation, including those the mediator keeps confidential to a party.
      const invitations = await read.rules().list('invitations', { parent: meetingId, limit: 1000 });
      assertHostRule(
        Boolean(meeting.body.hostRequiresConfirmation),
        invitations.map((i) => ({ partyId: i.partyIds[0] ?? '', status: i.status ?? '' })),
      );
    }
    await read.assertRefs([
      ...sourceRefsOf(input.sources, 'sources'),
      ...input.claims.flatMap((c, n) => [
        { table: 'parties' as const, id: c.partyId, field: `claims/${n}/partyId` },
        ...sourceRefsOf(c.sources, `claims/${n}/sources`),
      ]),
    ]);
    // The version check takes the row lock first, so the sequence below cannot race.
    const updated = await uow.revise('meetings', 'meeting', meeting, input.version, { ...sameAs(meeting), status: input.to });
    const seq = (await read.transitions(meeting)).length + 1;
    await uow.appendHistory(
      'meeting_transition',
      {
        table: 'meeting_transitions',
        row: {
          meeting_id: meetingId,
          seq,
          from_status: from,
          to_status: input.to,
          at: input.at,
          reason: input.reason,
          ...(input.reasonLanguage ? { reason_language: input.reasonLanguage } : {}),
          sources: input.sources,
        },
      },
      meetingId,
    );
    for (const [n, c] of input.claims.entries()) {
      await uow.appendHistory(
        'cause_claim',
        {
          table: 'cause_claims',
          row: { meeting_id: meetingId, transition_seq: seq, seq: n + 1, ...claimRow(c) },
        },
        meetingId,
      );
    }
    return updated;
  }
}

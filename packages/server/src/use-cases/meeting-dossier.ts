import type { Actor } from '../domain/shared/actor.ts';
import type { AnswerEntry, CauseClaimEntry, StoredRecord, TransitionEntry } from './ports.ts';
import { reading } from './reading.ts';
import type { Deps } from './support.ts';

export interface MeetingDossier {
  meeting: StoredRecord;
  history: (TransitionEntry & { claims: Omit<CauseClaimEntry, 'transition' | 'recordedAt'>[] })[];
  invitations: (StoredRecord & { responses: Omit<AnswerEntry, 'recordedAt'>[] })[];
  attendance: StoredRecord[];
}

/** A meeting with its status history (and each side's claims), invitations with answers, and attendance. */
export async function meetingDossier(deps: Deps, actor: Actor, processId: string, meetingId: string): Promise<MeetingDossier> {
  const read = reading(deps.store.reader, actor, processId, 'view');
  const meeting = await read.one('meetings', meetingId, 'meeting');
  const [transitions, claims, invitations, attendance] = await Promise.all([
    read.transitions(meeting),
    read.causeClaims(meeting),
    read.list('invitations', { parent: meetingId, limit: 1000 }),
    read.list('attendance', { parent: meetingId, limit: 1000 }),
  ]);
  const withResponses = await Promise.all(
    invitations.map(async (i) => ({ ...i, responses: (await read.answers(i)).map(({ recordedAt: _at, ...answer }) => answer) })),
  );
  return {
    meeting,
    history: transitions.map((t) => ({
      ...t,
      claims: claims.filter((c) => c.transition === t.seq).map(({ transition: _t, recordedAt: _at, ...claim }) => claim),
    })),
    invitations: withResponses,
    attendance,
  };
}

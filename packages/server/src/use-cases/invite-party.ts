import type { Actor } from '../domain/shared/actor.ts';
import { AppError } from '../domain/shared/app-error.ts';
import { createRecord } from './create-record.ts';
import { resource } from './resources.ts';
import type { StoredRecord } from './ports.ts';
import { reading } from './reading.ts';
import type { Deps } from './support.ts';

const FINAL = ['held', 'cancelled', 'lapsed'];

/** Invites one party to a meeting; one invitation per party and meeting, so its id is derived. */
export async function inviteParty(
  deps: Deps,
  actor: Actor,
  processId: string,
  meetingId: string,
  input: { partyId: string; note?: string; audience?: 'public' | 'forum' | 'party' | 'mediator'; audienceParty?: string | null },
): Promise<StoredRecord> {
  const meeting = await reading(deps.store.reader, actor, processId, 'edit').one('meetings', meetingId, 'meeting');
  if (FINAL.includes(meeting.status ?? ''))
    throw new AppError('invalid_transition', 'meeting_final', `The meeting is ${meeting.status}; nobody can be invited any more.`, { field: 'meetingId' });
  return createRecord(deps, actor, processId, resource('invitation'), { ...input, id: `${meetingId}-inv-${input.partyId}` }, { meetingId });
}

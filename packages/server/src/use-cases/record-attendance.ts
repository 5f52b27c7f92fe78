import type { Actor } from '../domain/shared/actor.ts';
import { AppError } from '../domain/shared/app-error.ts';
import { createRecord } from './create-record.ts';
import { resource } from './resources.ts';
import type { StoredRecord } from './ports.ts';
import { reading } from './reading.ts';
import type { Deps } from './support.ts';

/** Attendance exists only for a meeting that took place or is taking place. */
export async function recordAttendance(
  deps: Deps,
  actor: Actor,
  processId: string,
  meetingId: string,
  input: Record<string, unknown> & { partyId: string },
): Promise<StoredRecord> {
  const meeting = await reading(deps.store.reader, actor, processId, 'edit').one('meetings', meetingId, 'meeting');
  if (meeting.status !== 'held' && meeting.status !== 'in_progress')
    throw new AppError('invalid_transition', 'meeting_not_held', `Attendance is recorded for a meeting in progress or held; this one is ${meeting.status}.`, {
      field: 'meetingId',
    });
  return createRecord(deps, actor, processId, resource('attendance'), { ...input, id: `${meetingId}-att-${input.partyId}` }, { meetingId });
}

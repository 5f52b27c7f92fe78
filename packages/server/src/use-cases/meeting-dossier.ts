import type { Actor } from '../domain/shared/actor.ts';
import { canRead, readScope } from '../policies/access.ts';
import type { StoredRecord } from './ports.ts';
import { readable, type Deps } from './support.ts';

export interface MeetingDossier {
  meeting: StoredRecord;
  history: {
    seq: number;
    from: string | null;
    to: string;
    at: string;
    reason: string;
    sources: unknown;
    recordedBy: string;
    recordedAt: string;
    claims: unknown[];
  }[];
  invitations: (StoredRecord & { responses: unknown[] })[];
  attendance: StoredRecord[];
}

/** A meeting with its status history (and each side's claims), invitations with answers, and attendance. */
export async function meetingDossier(deps: Deps, actor: Actor, processId: string, meetingId: string): Promise<MeetingDossier> {
  const r = deps.store.reader;
  const meeting = await readable(r, actor, processId, 'meetings', meetingId, 'meeting');
  const scope = readScope(actor, processId);
  const [transitions, claims, invitations, attendance] = await Promise.all([
    r.history('meeting_transitions', processId, { meeting_id: meetingId }),
    r.history('cause_claims', processId, { meeting_id: meetingId }),
    r.list('invitations', processId, scope, { parent: meetingId, limit: 1000 }),
    r.list('attendance', processId, scope, { parent: meetingId, limit: 1000 }),
  ]);
  const withResponses = await Promise.all(
    invitations
      .filter((i) => canRead(actor, processId, i))
      .map(async (i) => ({
        ...i,
        responses: (await r.history('invitation_responses', processId, { invitation_id: i.id })).map((x) => ({
          seq: x.seq,
          status: x.status,
          at: x.at,
          conditions: x.conditions,
          sources: x.sources,
          recordedBy: x.recorded_by,
        })),
      })),
  );
  return {
    meeting,
    history: transitions.map((t) => ({
      seq: Number(t.seq),
      from: t.from_status as string | null,
      to: String(t.to_status),
      at: String(t.at),
      reason: String(t.reason),
      sources: t.sources,
      recordedBy: String(t.recorded_by),
      recordedAt: new Date(t.recorded_at as string).toISOString(),
      claims: claims
        .filter((c) => c.transition_seq === t.seq)
        .map((c) => ({ seq: c.seq, partyId: c.party_id, text: c.text, sources: c.sources, recordedBy: c.recorded_by })),
    })),
    invitations: withResponses,
    attendance,
  };
}

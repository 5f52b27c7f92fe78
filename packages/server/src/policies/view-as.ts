import type { Actor } from '../domain/shared/actor.ts';
import { ANONYMOUS } from '../domain/shared/actor.ts';
import { AppError } from '../domain/shared/app-error.ts';
import { grantsIn } from './access.ts';

/** The request header a mediator sends to read a process as the public or as one party sees it. */
export const VIEW_AS_HEADER = 'parley-view-as';

export type ViewAs = { as: 'public' } | { as: 'party'; partyId: string };

const PARTY_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The header's value, or the refusal; absent or empty is no view-as at all. */
export function parseViewAs(value: string | undefined): ViewAs | null {
  if (value === undefined || value.trim() === '') return null;
  const v = value.trim();
  if (v === 'public') return { as: 'public' };
  if (v.startsWith('party:') && PARTY_ID.test(v.slice(6))) return { as: 'party', partyId: v.slice(6) };
  throw new AppError('validation', 'view_as_invalid', 'The Parley-View-As header must be "public" or "party:<partyId>".', { field: 'Parley-View-As' });
}

/**
 * The actor every read of this request is made as. Only a mediator of the process may narrow
 * themselves: they become an anonymous reader, or a delegate of the party, so each read goes
 * through the same policy as that reader's own. Anyone else keeps exactly the actor they are
 * (the header gains them nothing, and saying so would only confirm what it is for). A request
 * that views as someone is a look, never an act: every write carrying the header is refused,
 * whoever sends it, so a mediator cannot act in a party's name by mistake.
 */
export function viewAsActor(actor: Actor, viewAs: ViewAs | null, processId: string | null, writes: boolean): Actor {
  if (!viewAs) return actor;
  if (writes) throw new AppError('forbidden', 'view_as_read_only', 'You are viewing as someone else; go back to your own view to make changes.');
  if (!processId || !grantsIn(actor, processId).some((g) => g.role === 'mediator')) return actor;
  if (viewAs.as === 'public') return ANONYMOUS;
  return { accountId: actor.accountId, username: actor.username, roles: [{ processId, role: 'delegate', partyId: viewAs.partyId }] };
}

import type { Actor } from '../domain/shared/actor.ts';
import { SYSTEM } from '../domain/shared/actor.ts';
import { AppError, notFound } from '../domain/shared/app-error.ts';
import { grantsIn } from './access.ts';

/**
 * Who may register, approve, change and remove a party's witness. A witness URL is an
 * address the server will call on every checkpoint, so a party's own registration waits
 * for the mediator, who answers for the deployment; the party keeps control of its own
 * witness (change it, take it away) and nobody else's.
 */

/** How many witnesses (pending or active) one party may have: enough for a key rotation beside a standby. */
export const MAX_WITNESSES_PER_PARTY = 3;

export type WitnessAct = 'register' | 'change' | 'remove' | 'approve';

const isMediator = (actor: Actor, processId: string) => actor === SYSTEM || grantsIn(actor, processId).some((g) => g.role === 'mediator');
const speaksFor = (actor: Actor, processId: string, partyId: string) => grantsIn(actor, processId).some((g) => g.role === 'delegate' && g.partyId === partyId);

function signedIn(actor: Actor): void {
  if (!actor.accountId) throw new AppError('unauthenticated', 'sign_in_required', 'Sign in to make changes.');
}

/** Registering: the mediator for any party, a delegate for its own party only. */
export function assertMayRegisterWitness(actor: Actor, processId: string, partyId: string): void {
  if (isMediator(actor, processId)) return;
  signedIn(actor);
  const grants = grantsIn(actor, processId);
  if (!grants.some((g) => g.role === 'delegate')) throw new AppError('forbidden', 'role_may_not_write', 'Your role in this process may not record a witness.');
  if (!speaksFor(actor, processId, partyId))
    throw new AppError('forbidden', 'not_your_party', `You may only speak for your own party, not for "${partyId}".`, { field: 'partyId' });
}

/**
 * Changing, removing or approving an existing witness. Someone who may not act on it is
 * told it does not exist, as for any record that is not theirs; a party's delegate who
 * asks to approve its own witness learns that only the mediator approves.
 */
export function assertMayActOnWitness(actor: Actor, processId: string, witness: { name: string; partyId: string }, act: Exclude<WitnessAct, 'register'>): void {
  if (isMediator(actor, processId)) return;
  signedIn(actor);
  if (!speaksFor(actor, processId, witness.partyId)) throw notFound('witness', witness.name);
  if (act === 'approve') throw new AppError('forbidden', 'mediator_approves', 'Only the mediator approves a witness.');
}

/** What a registration or a change by this actor leads to: the mediator's is in force at once. */
export function witnessStatusAfter(actor: Actor, processId: string): 'active' | 'pending' {
  return isMediator(actor, processId) ? 'active' : 'pending';
}

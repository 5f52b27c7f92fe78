import type { Actor } from '../domain/shared/actor.ts';
import { SYSTEM } from '../domain/shared/actor.ts';
import { AppError, notFound } from '../domain/shared/app-error.ts';
import { grantsIn } from './access.ts';

/**
 * Detainee data has its own audience, narrower than any record's: the mediator, the party that submitted a list
 * (for that list only), and the people the mediator names as reviewers. Monitors, analysts, other parties'
 * delegates and anonymous readers see none of it, and a refusal reads exactly like a missing record.
 */
export type ExchangeView = { all: true; reviewer: boolean } | { all: false; parties: string[] };

export function exchangeView(actor: Actor, processId: string, reviewers: readonly string[]): ExchangeView | null {
  if (actor === SYSTEM) return { all: true, reviewer: false };
  if (!actor.accountId) return null;
  const grants = grantsIn(actor, processId);
  if (grants.some((g) => g.role === 'mediator')) return { all: true, reviewer: false };
  if (grants.length > 0 && reviewers.includes(actor.accountId)) return { all: true, reviewer: true };
  const parties = grants.flatMap((g) => (g.role === 'delegate' && g.partyId ? [g.partyId] : []));
  return parties.length > 0 ? { all: false, parties } : null;
}

/** Whether the view covers one submitting party's lists. */
export const seesParty = (view: ExchangeView | null, partyId: string) => !!view && (view.all || view.parties.includes(partyId));

/** Throws the missing-record answer unless the view covers the party's data. */
export function assertSees(view: ExchangeView | null, partyId: string, what: string, id: string): void {
  if (!seesParty(view, partyId)) throw notFound(what, id);
}

/** The whole of the data: reconciliations, batches, searches across lists, the report. */
export function assertSeesAll(view: ExchangeView | null, what: string, id: string): void {
  if (!view?.all) throw notFound(what, id);
}

const signIn = () => new AppError('unauthenticated', 'sign_in_required', 'Sign in to make changes.');

/** A party submits its own lists; the mediator may submit one for any party (a list handed over on paper). */
export function assertMaySubmit(actor: Actor, processId: string, partyId: string): void {
  if (actor === SYSTEM) return;
  if (!actor.accountId) throw signIn();
  const grants = grantsIn(actor, processId);
  if (grants.some((g) => g.role === 'mediator')) return;
  if (grants.some((g) => g.role === 'delegate' && g.partyId === partyId)) return;
  if (grants.some((g) => g.role === 'delegate'))
    throw new AppError('forbidden', 'not_your_party', `You may only submit your own party's lists, not "${partyId}"'s.`, { field: 'partyId' });
  throw new AppError('forbidden', 'role_may_not_write', 'Your role in this process may not submit a list of detainees.');
}

/** Decisions on proposed matches: the mediator and the reviewers it named. */
export function assertMayDecide(view: ExchangeView | null, id: string): void {
  assertSeesAll(view, 'reconciliation', id);
}

/** The mediator's verbs (reconciling, statuses, batches, reviewers, erasure, the access log); without a view, signed in or not, the data reads as missing. */
export function assertMediator(view: ExchangeView | null, what: string, id: string): void {
  if (!view?.all) throw notFound(what, id);
  if (view.reviewer) throw new AppError('forbidden', 'role_may_not_write', 'Only the mediator may do this; reviewers decide proposed matches.');
}

import type { Actor, Role } from '../domain/shared/actor.ts';
import { SYSTEM } from '../domain/shared/actor.ts';
import { AppError, invalid } from '../domain/shared/app-error.ts';
import type { Credential } from './credentials.ts';
import { grantsIn } from './access.ts';

/**
 * Who administers what. The deployment administrator (a flag on the account, not a role) opens
 * processes and manages accounts; a process's mediator, or an administrator, decides who holds
 * which role in that process, and in no other. The system (the CLI on the server's machine) may do
 * everything, as it could read the database anyway.
 */

export const ROLES: readonly Role[] = ['mediator', 'delegate', 'monitor', 'analyst'];
/** Roles that act for a party: a delegate always, an analyst when it is a party's analyst. */
const PARTY_ROLES: Record<Role, 'required' | 'optional' | 'never'> = { delegate: 'required', analyst: 'optional', mediator: 'never', monitor: 'never' };

const signInFirst = () => new AppError('unauthenticated', 'sign_in_required', 'Sign in to administer Parley.');

export const isAdministrator = (actor: Actor) => actor === SYSTEM || actor.admin === true;

export function assertAdministrator(actor: Actor, action: string): void {
  if (actor === SYSTEM) return;
  if (!actor.accountId) throw signInFirst();
  if (actor.admin !== true) throw new AppError('forbidden', 'not_administrator', `Only a deployment administrator may ${action}.`);
}

/** May the actor decide who holds roles in this process: invite, grant, revoke, list its people? */
export function canAdministerProcess(actor: Actor, processId: string): boolean {
  return isAdministrator(actor) || grantsIn(actor, processId).some((g) => g.role === 'mediator');
}

export function assertCanAdministerProcess(actor: Actor, processId: string): void {
  if (actor === SYSTEM) return;
  if (!actor.accountId) throw signInFirst();
  if (!canAdministerProcess(actor, processId))
    throw new AppError('forbidden', 'not_process_administrator', "Only this process's mediator or a deployment administrator may manage its people.");
}

/** A grant's own rules, whoever gives it: a known role, and a party exactly when the role acts for one. */
export function assertGrantShape(g: { role: string; partyId: string | null }): asserts g is { role: Role; partyId: string | null } {
  if (!(ROLES as readonly string[]).includes(g.role)) throw invalid('role', 'unknown_role', `There is no role "${g.role}"; use ${ROLES.join(', ')}.`);
  const rule = PARTY_ROLES[g.role as Role];
  if (rule === 'required' && !g.partyId) throw invalid('partyId', 'party_required', 'A delegate acts for a party: name it.');
  if (rule === 'never' && g.partyId) throw invalid('partyId', 'party_unexpected', `A ${g.role} acts for no party; leave partyId out.`);
}

/**
 * Attaching an invite's role to an account already signed in needs a person with a password (a session):
 * a stolen API token must not collect roles from invite links.
 */
export function assertCanAttach(actor: Actor, via: Credential | null): asserts actor is Actor & { accountId: string } {
  if (!actor.accountId) throw invalid('username', 'missing_field', 'Choose a username and a password, or sign in to add the role to your account.');
  if (via !== 'session' && via !== 'local')
    throw new AppError('forbidden', 'session_required', 'Sign in with your password to add an invited role to your account; an API token cannot.');
}

/** Deactivating oneself would leave nobody to undo it. */
export function assertMayDeactivate(actor: Actor, accountId: string): void {
  assertAdministrator(actor, 'deactivate accounts');
  if (actor.accountId === accountId) throw new AppError('forbidden', 'own_account', 'You may not deactivate your own account.');
}

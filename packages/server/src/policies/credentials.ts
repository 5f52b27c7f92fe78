import type { Actor } from '../domain/shared/actor.ts';
import { AppError } from '../domain/shared/app-error.ts';

/**
 * How a request proved who it is: a session cookie (a person who typed a password), an API token
 * (a script), or `local` (a command run on the server's machine, which could read the database anyway).
 */
export type Credential = 'session' | 'token' | 'local';

export function assertSignedIn(actor: Actor, action: string): asserts actor is Actor & { accountId: string } {
  if (!actor.accountId) throw new AppError('unauthenticated', 'sign_in_required', `Sign in to ${action}.`);
}

/**
 * Only a person who signed in with a password may issue a token: a token that could mint tokens
 * would let whoever stole one keep access after it is revoked or expires.
 */
export function assertCanIssueToken(actor: Actor, via: Credential | null): asserts actor is Actor & { accountId: string } {
  assertSignedIn(actor, 'create an API token');
  if (via !== 'session' && via !== 'local')
    throw new AppError('forbidden', 'session_required', 'An API token cannot create API tokens; sign in with your password to create one.');
}

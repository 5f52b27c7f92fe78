import type { Actor } from '../../domain/shared/actor.ts';
import { ANONYMOUS } from '../../domain/shared/actor.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import type { Credential } from '../../policies/credentials.ts';
import { nowOf, type AccessDeps } from './deps.ts';
import { digest } from './secrets.ts';

/**
 * Turns a session cookie or an API token into an actor and says which proved it. A bad token is
 * refused (a script should fail loudly); an unknown or expired session is simply anonymous.
 */
export async function authenticateRequest(
  deps: AccessDeps,
  creds: { session?: string; token?: string },
  now = nowOf(deps),
): Promise<{ actor: Actor; credential: Exclude<Credential, 'local'> | null }> {
  if (creds.token) {
    const actor = await deps.accounts.actorByToken(digest(creds.token), now);
    if (!actor) throw new AppError('unauthenticated', 'bad_token', 'The API token is not valid: it is unknown, expired or revoked.');
    return { actor, credential: 'token' };
  }
  const actor = creds.session ? await deps.accounts.actorBySession(digest(creds.session), now) : undefined;
  return actor ? { actor, credential: 'session' } : { actor: ANONYMOUS, credential: null };
}

export async function authenticate(deps: AccessDeps, creds: { session?: string; token?: string }, now = nowOf(deps)): Promise<Actor> {
  return (await authenticateRequest(deps, creds, now)).actor;
}

import type { Actor } from '../../domain/shared/actor.ts';
import { invalid, notFound } from '../../domain/shared/app-error.ts';
import { assertCanIssueToken, assertSignedIn, type Credential } from '../../policies/credentials.ts';
import type { ApiTokenInfo } from '../ports.ts';
import { newId } from '../support.ts';
import { nowOf, type AccessDeps } from './deps.ts';
import { digest, secret } from './secrets.ts';

export const TOKEN_DAYS = { default: 90, max: 365 };

/**
 * Issues an API token for scripts; it is shown once and stored only as a hash. Every token
 * expires (a year at most), so a forgotten one does not stay valid for ever.
 * `via` is how the caller authenticated: the HTTP adapter passes the request's credential.
 */
export async function createApiToken(
  deps: AccessDeps,
  actor: Actor,
  input: { name: string; expiresInDays?: number },
  via: Credential | null = 'local',
  now = nowOf(deps),
): Promise<ApiTokenInfo & { token: string }> {
  assertCanIssueToken(actor, via);
  const days = input.expiresInDays ?? TOKEN_DAYS.default;
  if (!Number.isInteger(days) || days < 1 || days > TOKEN_DAYS.max)
    throw invalid('expiresInDays', 'bad_expiry', `A token lasts a whole number of days from 1 to ${TOKEN_DAYS.max}.`);
  const token = `pat_${secret()}`;
  const info = await deps.accounts.createToken({
    tokenHash: digest(token),
    tokenId: newId('tok'),
    accountId: actor.accountId,
    name: input.name,
    expiresAt: new Date(now.getTime() + days * 86_400_000),
  });
  return { ...info, token };
}

/** The signed-in account's tokens: names and dates, never the tokens themselves. */
export async function listApiTokens(deps: AccessDeps, actor: Actor): Promise<{ items: ApiTokenInfo[] }> {
  assertSignedIn(actor, 'list your API tokens');
  return { items: await deps.accounts.listTokens(actor.accountId) };
}

/** Revokes one of the account's own tokens; another account's token is as unknown as a missing one. */
export async function revokeApiToken(deps: AccessDeps, actor: Actor, tokenId: string): Promise<void> {
  assertSignedIn(actor, 'revoke an API token');
  if (!(await deps.accounts.deleteToken(actor.accountId, tokenId))) throw notFound('API token', tokenId);
}

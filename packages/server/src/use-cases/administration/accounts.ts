import { hash } from '@node-rs/argon2';
import type { Actor } from '../../domain/shared/actor.ts';
import { AppError, notFound } from '../../domain/shared/app-error.ts';
import { assertAdministrator, assertMayDeactivate } from '../../policies/administration.ts';
import { nowOf, type AccessDeps } from '../access/deps.ts';
import { assertStrongPassword } from '../access/password-rule.ts';
import { ARGON } from '../access/secrets.ts';
import { issueLink, linkGone, openLink } from './links.ts';

const by = (actor: Actor) => actor.username ?? actor.accountId ?? 'system';

/** Every account with its flags and active grants (administrator). */
export async function listAllAccounts(deps: AccessDeps, actor: Actor) {
  assertAdministrator(actor, 'list accounts');
  return { items: await deps.accounts.accounts() };
}

/** Gives or takes the administrator flag (administrator); nobody takes their own. */
export async function setAdministrator(deps: AccessDeps, actor: Actor, username: string, admin: boolean) {
  assertAdministrator(actor, 'name administrators');
  const account = await deps.accounts.accountInfo(username);
  if (!account?.active) throw notFound('account', username);
  if (!admin && actor.accountId === account.accountId) throw new AppError('forbidden', 'own_account', 'You may not take your own administrator flag.');
  await deps.accounts.setAdmin(account.accountId, admin);
  return { username, admin };
}

/**
 * Deactivates an account (administrator): it can no longer sign in, and its sessions, API tokens and
 * reset links stop working at once. Its grants and journal entries stay; invites it issued stop working.
 */
export async function deactivateAccount(deps: AccessDeps, actor: Actor, username: string, now = nowOf(deps)): Promise<void> {
  assertAdministrator(actor, 'deactivate accounts');
  const account = await deps.accounts.accountInfo(username);
  if (!account) throw notFound('account', username);
  assertMayDeactivate(actor, account.accountId);
  await deps.accounts.deactivate(account.accountId, by(actor), now);
}

/** A one-time link (24 h) to set a new password (administrator); it replaces any earlier unused one. */
export async function issueResetLink(deps: AccessDeps, actor: Actor, username: string, now = nowOf(deps)) {
  assertAdministrator(actor, 'issue password reset links');
  const account = await deps.accounts.accountInfo(username);
  if (!account?.active) throw notFound('account', username);
  await deps.accounts.revokeLinks({ purpose: 'reset', accountId: account.accountId }, by(actor), now);
  const { link, token, path } = await issueLink(
    deps,
    { purpose: 'reset', processId: null, role: null, partyId: null, username: null, accountId: account.accountId, createdBy: actor.accountId ?? 'system' },
    now,
  );
  return { id: link.linkId, username, expiresAt: link.expiresAt, token, path };
}

/** Sets the new password of a reset link and ends every session and token of the account. */
export async function resetPassword(deps: AccessDeps, token: string, input: { password: string }, ctx: { address: string; now?: Date }) {
  const now = ctx.now ?? nowOf(deps);
  const link = await openLink(deps, token, 'reset', { address: ctx.address, now });
  const account = await deps.accounts.actorById(link.accountId!);
  if (!account?.username) throw linkGone('link_revoked');
  await assertStrongPassword(input.password, [account.username]);
  if (!(await deps.accounts.redeemReset(link.linkId, link.accountId!, await hash(input.password, ARGON), now))) throw linkGone('link_used');
  return { username: account.username };
}

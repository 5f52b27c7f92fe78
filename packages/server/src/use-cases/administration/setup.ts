import { hash } from '@node-rs/argon2';
import { SYSTEM } from '../../domain/shared/actor.ts';
import { assertUsername } from '../access/accounts.ts';
import { nowOf, type AccessDeps } from '../access/deps.ts';
import { assertStrongPassword } from '../access/password-rule.ts';
import { ARGON } from '../access/secrets.ts';
import { newId } from '../support.ts';
import { issueLink, linkGone, openLink, startSession } from './links.ts';

/**
 * The first administrator. A deployment without one gets a set-up link at start (printed on the
 * server's console, never stored but as a hash); a new start replaces an unused link. There is no
 * default password: whoever reads the console chooses the first account.
 */
export async function ensureSetupLink(deps: AccessDeps, now = nowOf(deps)): Promise<{ path: string; expiresAt: string } | null> {
  if (await deps.accounts.hasAdmin()) return null;
  await deps.accounts.revokeLinks({ purpose: 'setup' }, SYSTEM.username!, now);
  const { link, path } = await issueLink(
    deps,
    { purpose: 'setup', processId: null, role: null, partyId: null, username: null, accountId: null, createdBy: SYSTEM.username! },
    now,
  );
  return { path, expiresAt: link.expiresAt };
}

/** Uses the set-up link: creates the administrator and signs them in; the link then works no more. */
export async function completeSetup(
  deps: AccessDeps,
  input: { token: string; username: string; password: string },
  ctx: { address: string; now?: Date },
): Promise<{ username: string; session: string; expiresAt: Date }> {
  const now = ctx.now ?? nowOf(deps);
  const link = await openLink(deps, input.token, 'setup', { address: ctx.address, now });
  assertUsername(input.username);
  await assertStrongPassword(input.password, [input.username]);
  const accountId = newId('acc');
  const account = { accountId, username: input.username, passwordHash: await hash(input.password, ARGON), admin: true };
  if (!(await deps.accounts.redeemSetup(link.linkId, account, now))) throw linkGone('link_used');
  return { username: input.username, ...(await startSession(deps, accountId, now)) };
}

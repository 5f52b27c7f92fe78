import { hash } from '@node-rs/argon2';
import type { Actor, RoleGrant } from '../../domain/shared/actor.ts';
import { invalid } from '../../domain/shared/app-error.ts';
import { assertCanWrite } from '../../policies/access.ts';
import type { AccessDeps } from './deps.ts';
import { assertProcess, newId } from '../support.ts';
import { reading } from '../reading.ts';
import { assertStrongPassword } from './password-rule.ts';
import { ARGON } from './secrets.ts';

// The verbs on credentials live in files of their own; callers may keep importing them from here.
export { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
export { authenticate, authenticateRequest } from './authenticate.ts';
export { signIn, signOut, signOutEverywhere } from './sign-in.ts';

export type { AccessDeps } from './deps.ts';

const ROLES: readonly RoleGrant['role'][] = ['mediator', 'delegate', 'monitor', 'analyst'];

/** Creates an account with an argon2id-hashed password that the strength estimator judges hard to guess. */
export async function addAccount(deps: AccessDeps, input: { username: string; password: string }): Promise<{ accountId: string }> {
  assertUsername(input.username);
  await assertStrongPassword(input.password, [input.username]);
  const accountId = newId('acc');
  await deps.accounts.create({ accountId, username: input.username, passwordHash: await hash(input.password, ARGON) });
  return { accountId };
}

export function assertUsername(username: string): void {
  if (!/^[a-z0-9][a-z0-9._-]{1,49}$/.test(username))
    throw invalid('username', 'bad_username', 'A username is 2–50 lower-case letters, digits, dots, dashes or underscores.');
}

type Grant = { role: RoleGrant['role']; partyId: string | null };

/** Checks a grant before anything is written, so a command that creates an account and grants it a role is all or nothing. */
export async function assertGrantable(deps: AccessDeps, actor: Actor, processId: string, g: Grant): Promise<void> {
  await assertProcess(deps.store.reader, processId);
  assertCanWrite(actor, processId, 'role_grant', { audience: 'mediator', audienceParty: null });
  if (!ROLES.includes(g.role)) throw invalid('role', 'unknown_role', `There is no role "${g.role}"; use ${ROLES.join(', ')}.`);
  if (g.role === 'delegate' && !g.partyId) throw invalid('partyId', 'party_required', 'A delegate acts for a party: name it.');
  if (g.partyId) await reading(deps.store.reader, actor, processId, 'reference').assertRefs([{ table: 'parties', id: g.partyId, field: 'partyId' }]);
}

/** Gives an account a role in a process; this is a process record, so it is journalled. */
export async function grantRole(deps: AccessDeps, actor: Actor, processId: string, input: Grant & { username: string }): Promise<void> {
  await assertGrantable(deps, actor, processId, input);
  const account = await deps.accounts.findByUsername(input.username);
  if (!account) throw invalid('username', 'unknown_account', `There is no account "${input.username}".`);
  await deps.store.write(processId, actor, (uow) => uow.grantRole({ accountId: account.accountId, role: input.role, partyId: input.partyId }));
}

export async function listAccounts(deps: AccessDeps) {
  return deps.accounts.list();
}

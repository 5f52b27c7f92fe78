import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Actor, RoleGrant } from '../../domain/shared/actor.ts';
import { ANONYMOUS } from '../../domain/shared/actor.ts';
import { AppError, invalid } from '../../domain/shared/app-error.ts';
import { assertCanWrite } from '../../policies/access.ts';
import type { AccountStore, Store } from '../ports.ts';
import { assertProcess, assertRefs, newId } from '../support.ts';

export interface AccessDeps {
  accounts: AccountStore;
  store: Store;
}

const SESSION_DAYS = 14;
const ROLES: readonly RoleGrant['role'][] = ['mediator', 'delegate', 'monitor', 'analyst'];
// Secrets are stored only as SHA-256: they are long random values, so a fast hash is enough,
// and a leaked table does not let anyone sign in.
const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');
const secret = () => randomBytes(32).toString('base64url');
// Argon2id with the library's defaults (19 MiB, 2 passes): OWASP's minimum for interactive logins.
const ARGON = { algorithm: 2 as const };

/** Creates an account with an argon2id-hashed password. */
export async function addAccount(deps: AccessDeps, input: { username: string; password: string }): Promise<{ accountId: string }> {
  if (!/^[a-z0-9][a-z0-9._-]{1,49}$/.test(input.username))
    throw invalid('username', 'bad_username', 'A username is 2–50 lower-case letters, digits, dots, dashes or underscores.');
  if (input.password.length < 10) throw invalid('password', 'weak_password', 'A password needs at least 10 characters.');
  const accountId = newId('acc');
  await deps.accounts.create({ accountId, username: input.username, passwordHash: await hash(input.password, ARGON) });
  return { accountId };
}

type Grant = { role: RoleGrant['role']; partyId: string | null };

/** Checks a grant before anything is written, so a command that creates an account and grants it a role is all or nothing. */
export async function assertGrantable(deps: AccessDeps, actor: Actor, processId: string, g: Grant): Promise<void> {
  await assertProcess(deps.store.reader, processId);
  assertCanWrite(actor, processId, 'role_grant', { audience: 'mediator', audienceParty: null });
  if (!ROLES.includes(g.role)) throw invalid('role', 'unknown_role', `There is no role "${g.role}"; use ${ROLES.join(', ')}.`);
  if (g.role === 'delegate' && !g.partyId) throw invalid('partyId', 'party_required', 'A delegate acts for a party: name it.');
  if (g.partyId) await assertRefs(deps.store.reader, actor, processId, [{ table: 'parties', id: g.partyId, field: 'partyId' }]);
}

/** Gives an account a role in a process; this is a process record, so it is journalled. */
export async function grantRole(deps: AccessDeps, actor: Actor, processId: string, input: Grant & { username: string }): Promise<void> {
  await assertGrantable(deps, actor, processId, input);
  const account = await deps.accounts.findByUsername(input.username);
  if (!account) throw invalid('username', 'unknown_account', `There is no account "${input.username}".`);
  await deps.store.write(processId, actor, (uow) => uow.grantRole({ accountId: account.accountId, role: input.role, partyId: input.partyId }));
}

const BAD_LOGIN = () => new AppError('unauthenticated', 'bad_credentials', 'The username or password is wrong.');

/** Signs in; the answer for an unknown user and a wrong password is the same. */
export async function signIn(deps: AccessDeps, input: { username: string; password: string }, now = new Date()): Promise<{ session: string; expiresAt: Date }> {
  const account = await deps.accounts.findByUsername(input.username);
  // Verify against a throwaway hash for unknown users too, so timing does not reveal which usernames exist.
  const ok = await verify(account?.passwordHash ?? DUMMY_HASH, input.password).catch(() => false);
  if (!account || !ok) throw BAD_LOGIN();
  const session = secret();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await deps.accounts.createSession(digest(session), account.accountId, expiresAt);
  return { session, expiresAt };
}
const DUMMY_HASH = await hash('parley-dummy-password', ARGON);

export async function signOut(deps: AccessDeps, session: string): Promise<void> {
  await deps.accounts.deleteSession(digest(session));
}

/** Issues an API token for scripts; it is shown once and stored only as a hash. */
export async function createApiToken(deps: AccessDeps, actor: Actor, input: { name: string }): Promise<{ token: string }> {
  if (!actor.accountId) throw new AppError('unauthenticated', 'sign_in_required', 'Sign in to create an API token.');
  const token = `pat_${secret()}`;
  await deps.accounts.createToken(digest(token), actor.accountId, input.name);
  return { token };
}

/** Turns a session cookie or an API token into an actor; anything unknown is anonymous. */
export async function authenticate(deps: AccessDeps, creds: { session?: string; token?: string }, now = new Date()): Promise<Actor> {
  if (creds.token) {
    const actor = await deps.accounts.actorByToken(digest(creds.token));
    if (!actor) throw new AppError('unauthenticated', 'bad_token', 'The API token is not valid.');
    return actor;
  }
  return (creds.session && (await deps.accounts.actorBySession(digest(creds.session), now))) || ANONYMOUS;
}

export async function listAccounts(deps: AccessDeps) {
  return deps.accounts.list();
}

import type { Actor } from '../../domain/shared/actor.ts';
import { invalid, notFound } from '../../domain/shared/app-error.ts';
import { assertCanAdministerProcess, assertGrantShape } from '../../policies/administration.ts';
import type { AccessDeps } from '../access/deps.ts';
import type { RecordReader } from '../ports.ts';
import { assertProcess } from '../support.ts';

/**
 * The process and party a grant or invite names must exist; the process's existence is public, and
 * only its administrators get past the policy to learn which parties it has.
 */
export async function assertGrantTarget(
  deps: { store: { reader: RecordReader } },
  actor: Actor,
  processId: string,
  g: { role: string; partyId: string | null },
): Promise<void> {
  await assertProcess(deps.store.reader, processId);
  assertCanAdministerProcess(actor, processId);
  assertGrantShape(g);
  if (g.partyId && !(await deps.store.reader.get('parties', processId, g.partyId)))
    throw invalid('partyId', 'unknown_reference', `The party "${g.partyId}" does not exist in this process.`);
}

async function activeAccount(deps: AccessDeps, username: string) {
  const account = await deps.accounts.accountInfo(username);
  if (!account?.active) throw invalid('username', 'unknown_account', `There is no active account "${username}".`);
  return account;
}

/** Gives an account a role in the process (its mediator or an administrator); a new version if it held the role already. */
export async function grantProcessRole(deps: AccessDeps, actor: Actor, processId: string, input: { username: string; role: string; partyId?: string | null }) {
  const g = { role: input.role, partyId: input.partyId ?? null };
  await assertGrantTarget(deps, actor, processId, g);
  const account = await activeAccount(deps, input.username);
  await deps.store.write(processId, actor, (uow) => uow.grantRole({ accountId: account.accountId, role: g.role, partyId: g.partyId }));
  return { username: account.username, role: g.role, partyId: g.partyId };
}

/** Revokes a role: the grant's next version says so, and the account loses the role from its next request. */
export async function revokeProcessRole(deps: AccessDeps, actor: Actor, processId: string, input: { username: string; role: string }): Promise<void> {
  await assertProcess(deps.store.reader, processId);
  assertCanAdministerProcess(actor, processId);
  const account = await deps.accounts.accountInfo(input.username);
  const revoked = account && (await deps.store.write(processId, actor, (uow) => uow.revokeRole({ accountId: account.accountId, role: input.role })));
  if (!revoked) throw notFound('role grant', `${input.username}:${input.role}`);
}

/** The process's people with their grants, revoked ones included (with the version that revoked them). */
export async function listProcessPeople(deps: AccessDeps, actor: Actor, processId: string) {
  await assertProcess(deps.store.reader, processId);
  assertCanAdministerProcess(actor, processId);
  const people = new Map<string, { accountId: string; username: string; active: boolean; roles: unknown[] }>();
  for (const g of await deps.accounts.processGrants(processId)) {
    const person = people.get(g.accountId) ?? { accountId: g.accountId, username: g.username, active: g.active, roles: [] };
    person.roles.push({ role: g.role, partyId: g.partyId, version: g.version, status: g.revokedAt ? 'revoked' : 'active', revokedAt: g.revokedAt });
    people.set(g.accountId, person);
  }
  return { items: [...people.values()] };
}

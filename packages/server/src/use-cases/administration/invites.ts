import { hash } from '@node-rs/argon2';
import type { Actor } from '../../domain/shared/actor.ts';
import { SYSTEM } from '../../domain/shared/actor.ts';
import { invalid, notFound } from '../../domain/shared/app-error.ts';
import type { Credential } from '../../policies/credentials.ts';
import { assertCanAdministerProcess, assertCanAttach, canAdministerProcess } from '../../policies/administration.ts';
import { assertUsername } from '../access/accounts.ts';
import { nowOf, type AccessDeps } from '../access/deps.ts';
import { assertStrongPassword } from '../access/password-rule.ts';
import { ARGON } from '../access/secrets.ts';
import type { LinkRecord } from '../ports.ts';
import { assertProcess, newId } from '../support.ts';
import { assertGrantTarget } from './roles.ts';
import { issueLink, linkGone, openLink, startSession } from './links.ts';

/**
 * Account invites: a one-time link (7 days) by which a person gets a role in a process, with a new
 * account or on the one they are signed in with. Not a meeting's invitation (talks/invitations).
 * The link fixes process, role and party; the invitee chooses nothing but a username and password.
 */

const view = (l: LinkRecord) => ({
  id: l.linkId,
  processId: l.processId!,
  role: l.role!,
  partyId: l.partyId,
  username: l.username,
  createdAt: l.createdAt,
  expiresAt: l.expiresAt,
});

export async function createInvite(
  deps: AccessDeps,
  actor: Actor,
  processId: string,
  input: { role: string; partyId?: string | null; username?: string },
  now = nowOf(deps),
) {
  const g = { role: input.role, partyId: input.partyId ?? null };
  await assertGrantTarget(deps, actor, processId, g);
  if (input.username !== undefined) assertUsername(input.username);
  const { link, token, path } = await issueLink(
    deps,
    {
      purpose: 'invite',
      processId,
      role: g.role as LinkRecord['role'],
      partyId: g.partyId,
      username: input.username ?? null,
      accountId: null,
      createdBy: actor === SYSTEM ? SYSTEM.accountId! : actor.accountId!,
    },
    now,
  );
  return { ...view(link), token, path };
}

export async function listInvites(deps: AccessDeps, actor: Actor, processId: string, now = nowOf(deps)) {
  await assertProcess(deps.store.reader, processId);
  assertCanAdministerProcess(actor, processId);
  return { items: (await deps.accounts.pendingInvites(processId, now)).map(view) };
}

/** Withdraws a pending invite of this process; an invite of another process is as unknown as a missing one. */
export async function revokeInvite(deps: AccessDeps, actor: Actor, processId: string, inviteId: string, now = nowOf(deps)): Promise<void> {
  await assertProcess(deps.store.reader, processId);
  assertCanAdministerProcess(actor, processId);
  const by = actor.username ?? actor.accountId ?? 'system';
  if ((await deps.accounts.revokeLinks({ linkId: inviteId, purpose: 'invite', processId }, by, now)) === 0) throw notFound('invite', inviteId);
}

/**
 * An invite still counts only while whoever issued it may still issue it: a mediator who lost the role,
 * or a deactivated account, leaves links that no longer work.
 */
async function openInvite(deps: AccessDeps, token: string, ctx: { address: string; now: Date }): Promise<LinkRecord> {
  const link = await openLink(deps, token, 'invite', ctx);
  if (link.createdBy === SYSTEM.accountId) return link;
  const issuer = await deps.accounts.actorById(link.createdBy);
  if (!issuer || !canAdministerProcess(issuer, link.processId!)) throw linkGone('link_revoked');
  return link;
}

/** What the invitee is invited to, for the page that asks them to accept; no sign-in needed. */
export async function describeInvite(deps: AccessDeps, token: string, ctx: { address: string; now?: Date }) {
  const now = ctx.now ?? nowOf(deps);
  const link = await openInvite(deps, token, { address: ctx.address, now });
  const reader = deps.store.reader;
  const process = (await reader.processes()).find((p) => p.id === link.processId);
  const party = link.partyId ? await reader.get('parties', link.processId!, link.partyId) : undefined;
  return {
    processId: link.processId!,
    processNames: (process?.names ?? {}) as Record<string, string>,
    role: link.role!,
    partyId: link.partyId,
    partyNames: party ? ((party.body.names ?? null) as Record<string, string> | null) : null,
    username: link.username,
    expiresAt: link.expiresAt,
  };
}

/**
 * Accepts an invite. With a username and password it creates the account, grants the role and signs in;
 * without them, the signed-in person's account gets the role. The link is used in the same unit of work
 * as the grant, so two acceptances of one link cannot both succeed.
 */
export async function acceptInvite(
  deps: AccessDeps,
  token: string,
  input: { username?: string; password?: string },
  ctx: { actor: Actor; credential: Credential | null; address: string; now?: Date },
): Promise<{ username: string; processId: string; role: string; partyId: string | null; session?: { session: string; expiresAt: Date } }> {
  const now = ctx.now ?? nowOf(deps);
  const link = await openInvite(deps, token, { address: ctx.address, now });
  const processId = link.processId!;
  const grant = { role: link.role!, partyId: link.partyId, inviteId: link.linkId };
  const result = { processId, role: grant.role, partyId: grant.partyId };
  const claim = async (uow: { claimLink(id: string, by: string): Promise<boolean> }, by: string) => {
    if (!(await uow.claimLink(link.linkId, by))) throw linkGone('link_used');
  };
  if (input.username === undefined && input.password === undefined) {
    const actor = ctx.actor;
    assertCanAttach(actor, ctx.credential);
    await deps.store.write(processId, actor, async (uow) => {
      await claim(uow, actor.accountId);
      await uow.grantRole({ accountId: actor.accountId, ...grant });
    });
    return { username: actor.username ?? actor.accountId, ...result };
  }
  if (input.username === undefined) throw invalid('username', 'missing_field', 'Choose a username.');
  if (input.password === undefined) throw invalid('password', 'missing_field', 'Choose a password.');
  const { username, password } = input;
  assertUsername(username);
  await assertStrongPassword(password, [username]);
  const accountId = newId('acc');
  const passwordHash = await hash(password, ARGON);
  await deps.store.write(processId, { accountId, username, roles: [] }, async (uow) => {
    await claim(uow, accountId);
    await uow.createAccount({ accountId, username, passwordHash });
    await uow.grantRole({ accountId, ...grant });
  });
  return { username, ...result, session: await startSession(deps, accountId, now) };
}

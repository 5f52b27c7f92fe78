import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AccountParams,
  AccountView,
  AdminFlagInput,
  AdminFlagView,
  InviteAccepted,
  InviteAcceptInput,
  InviteCreated,
  InviteInput,
  InviteParams,
  InviteSummary,
  InviteView,
  ItemsOf,
  NoContent,
  ProcessCreated,
  ProcessCreateInput,
  ProcessPerson,
  READ_ERRORS,
  ResetDone,
  ResetInput,
  ResetLinkCreated,
  Responses,
  RoleGrantInput,
  RoleGrantView,
  RoleRevokeParams,
  SECURITY,
  SetupInput,
  SignedIn,
  TokenPathParams,
  WRITE_ERRORS,
} from '@parley/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../domain/shared/app-error.ts';
import type { AccessDeps } from '../../use-cases/access/deps.ts';
import { deactivateAccount, issueResetLink, listAllAccounts, resetPassword, setAdministrator } from '../../use-cases/administration/accounts.ts';
import { acceptInvite, createInvite, describeInvite, listInvites, revokeInvite } from '../../use-cases/administration/invites.ts';
import { openProcess } from '../../use-cases/administration/processes.ts';
import { grantProcessRole, listProcessPeople, revokeProcessRole } from '../../use-cases/administration/roles.ts';
import { completeSetup } from '../../use-cases/administration/setup.ts';
import { SESSION_COOKIE } from '../auth.ts';
import { ProcessParams } from './records.routes.ts';

const tags = ['administration'];
/** Routes that take a one-time link: anonymous, throttled per address (429), and the link may be gone (410). */
const LINK_READ = [400, 401, 404, 410, 429] as const;
const LINK_WRITE = [...LINK_READ, 403, 409, 413, 415, 503] as const;
const ADMIN_READ = [...READ_ERRORS, 403] as const;

/** A throttled link also says when to come back in the header clients and proxies read. */
async function withRetryAfter<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && typeof err.details.retryAfterSeconds === 'number') reply.header('retry-after', String(err.details.retryAfterSeconds));
    throw err;
  }
}

export async function administrationRoutes(server: FastifyInstance, deps: AccessDeps & { secureCookies: boolean }) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const setSession = (reply: FastifyReply, s: { session: string; expiresAt: Date }) =>
    reply.setCookie(SESSION_COOKIE, s.session, { httpOnly: true, sameSite: 'strict', secure: deps.secureCookies, path: '/', expires: s.expiresAt });

  app.post(
    '/api/setup',
    {
      schema: {
        tags,
        operationId: 'completeSetup',
        security: SECURITY.none,
        summary: "Create the first administrator with the set-up link printed on the server's console, and sign in",
        body: SetupInput,
        response: Responses({ 200: SignedIn }, [...LINK_READ, 409, 413, 415]),
      },
    },
    async (req, reply) => {
      const done = await withRetryAfter(reply, () => completeSetup(deps, req.body, { address: req.ip }));
      setSession(reply, done);
      return { username: done.username, expiresAt: done.expiresAt.toISOString() };
    },
  );

  app.get(
    '/api/invites/:token',
    {
      schema: {
        tags,
        operationId: 'getInvite',
        security: SECURITY.optional,
        summary: 'What an account invite offers (process, role, party); no sign-in needed',
        params: TokenPathParams,
        response: Responses({ 200: InviteSummary }, LINK_READ),
      },
    },
    async (req, reply) => withRetryAfter(reply, () => describeInvite(deps, req.params.token, { address: req.ip })),
  );

  app.post(
    '/api/invites/:token/accept',
    {
      schema: {
        tags,
        operationId: 'acceptInvite',
        security: SECURITY.optional,
        summary: 'Accept an account invite: a new account (signed in), or the role added to the signed-in account',
        params: TokenPathParams,
        body: InviteAcceptInput,
        response: Responses({ 200: InviteAccepted }, LINK_WRITE),
      },
    },
    async (req, reply) => {
      const token = req.params.token;
      const body = (req.body ?? {}) as { username?: string; password?: string };
      const { session, ...accepted } = await withRetryAfter(reply, () =>
        acceptInvite(deps, token, body, { actor: req.actor, credential: req.credential, address: req.ip }),
      );
      if (session) setSession(reply, session);
      return accepted;
    },
  );

  app.post(
    '/api/resets/:token',
    {
      schema: {
        tags,
        operationId: 'resetPassword',
        security: SECURITY.none,
        summary: "Set a new password with a reset link; ends the account's sessions and tokens",
        params: TokenPathParams,
        body: ResetInput,
        response: Responses({ 200: ResetDone }, [...LINK_READ, 409, 413, 415]),
      },
    },
    async (req, reply) => withRetryAfter(reply, () => resetPassword(deps, req.params.token, req.body, { address: req.ip })),
  );

  app.post(
    '/api/processes',
    {
      schema: {
        tags: ['processes', ...tags],
        operationId: 'createProcess',
        security: SECURITY.signedIn,
        summary: 'Open a process with its first mediator (administrator)',
        body: ProcessCreateInput,
        response: Responses({ 201: ProcessCreated }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const created = await openProcess(deps, req.actor, req.body);
      reply.status(201);
      return created;
    },
  );

  app.post(
    '/api/processes/:processId/invites',
    {
      schema: {
        tags,
        operationId: 'createInvite',
        security: SECURITY.signedIn,
        summary: "Invite a person to a role in the process: a one-time link, 7 days (the process's mediator or an administrator)",
        params: ProcessParams,
        body: InviteInput,
        response: Responses({ 201: InviteCreated }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const { processId } = req.params;
      const created = await createInvite(deps, req.actor, processId, req.body);
      reply.status(201);
      return created;
    },
  );

  app.get(
    '/api/processes/:processId/invites',
    {
      schema: {
        tags,
        operationId: 'listInvites',
        security: SECURITY.signedIn,
        summary: "The process's pending account invites, never their tokens",
        params: ProcessParams,
        response: Responses({ 200: ItemsOf(InviteView) }, ADMIN_READ),
      },
    },
    async (req) => listInvites(deps, req.actor, req.params.processId),
  );

  app.delete(
    '/api/processes/:processId/invites/:inviteId',
    {
      schema: {
        tags,
        operationId: 'revokeInvite',
        security: SECURITY.signedIn,
        summary: 'Withdraw a pending account invite',
        params: InviteParams,
        response: Responses({ 204: NoContent }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const { processId, inviteId } = req.params;
      await revokeInvite(deps, req.actor, processId, inviteId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/processes/:processId/roles',
    {
      schema: {
        tags,
        operationId: 'grantRole',
        security: SECURITY.signedIn,
        summary: 'Grant an existing account a role in the process (journalled)',
        params: ProcessParams,
        body: RoleGrantInput,
        response: Responses({ 201: RoleGrantView }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const { processId } = req.params;
      const granted = await grantProcessRole(deps, req.actor, processId, req.body);
      reply.status(201);
      return granted;
    },
  );

  app.delete(
    '/api/processes/:processId/roles/:username/:role',
    {
      schema: {
        tags,
        operationId: 'revokeRole',
        security: SECURITY.signedIn,
        summary: "Revoke a role: the grant's next version, journalled; its history stays",
        params: RoleRevokeParams,
        response: Responses({ 204: NoContent }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const { processId, username, role } = req.params;
      await revokeProcessRole(deps, req.actor, processId, { username, role });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/processes/:processId/accounts',
    {
      schema: {
        tags,
        operationId: 'listProcessAccounts',
        security: SECURITY.signedIn,
        summary: 'The accounts with roles in the process and their grants, revoked ones included',
        params: ProcessParams,
        response: Responses({ 200: ItemsOf(ProcessPerson) }, ADMIN_READ),
      },
    },
    async (req) => listProcessPeople(deps, req.actor, req.params.processId),
  );

  app.get(
    '/api/accounts',
    {
      schema: {
        tags,
        operationId: 'listAccounts',
        security: SECURITY.signedIn,
        summary: 'Every account with its flags and roles (administrator)',
        response: Responses({ 200: ItemsOf(AccountView) }, ADMIN_READ),
      },
    },
    async (req) => listAllAccounts(deps, req.actor),
  );

  app.post(
    '/api/accounts/:username/deactivate',
    {
      schema: {
        tags,
        operationId: 'deactivateAccount',
        security: SECURITY.signedIn,
        summary: 'Deactivate an account: its sessions, tokens and links stop working at once (administrator)',
        params: AccountParams,
        response: Responses({ 204: NoContent }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      await deactivateAccount(deps, req.actor, req.params.username);
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/accounts/:username/admin',
    {
      schema: {
        tags,
        operationId: 'setAdministrator',
        security: SECURITY.signedIn,
        summary: 'Give or take the deployment administrator flag (administrator)',
        params: AccountParams,
        body: AdminFlagInput,
        response: Responses({ 200: AdminFlagView }, WRITE_ERRORS),
      },
    },
    async (req) => setAdministrator(deps, req.actor, req.params.username, req.body.admin),
  );

  app.post(
    '/api/accounts/:username/reset-link',
    {
      schema: {
        tags,
        operationId: 'issueResetLink',
        security: SECURITY.signedIn,
        summary: 'A one-time password reset link for the account, 24 hours (administrator)',
        params: AccountParams,
        response: Responses({ 201: ResetLinkCreated }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const created = await issueResetLink(deps, req.actor, req.params.username);
      reply.status(201);
      return created;
    },
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  ItemsOf,
  LoginInput,
  MeView,
  NoContent,
  READ_ERRORS,
  Responses,
  SECURITY,
  SignedIn,
  TokenCreated,
  TokenInput,
  TokenParams,
  TokenView,
  WRITE_ERRORS,
} from '@parley/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../domain/shared/app-error.ts';
import { createApiToken, listApiTokens, revokeApiToken, signIn, signOut, signOutEverywhere, type AccessDeps } from '../../use-cases/access/accounts.ts';
import { SESSION_COOKIE } from '../auth.ts';

const tags = ['access'];

/** A throttled sign-in also says when to come back in the header clients and proxies read. */
async function withRetryAfter<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && typeof err.details.retryAfterSeconds === 'number') reply.header('retry-after', String(err.details.retryAfterSeconds));
    throw err;
  }
}

export async function accessRoutes(server: FastifyInstance, deps: AccessDeps & { secureCookies: boolean }) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const clearSession = (reply: FastifyReply) =>
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.secureCookies });

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        operationId: 'signIn',
        security: SECURITY.none,
        summary: 'Sign in; sets an HTTP-only session cookie. Throttled: 429 with Retry-After',
        body: LoginInput,
        response: Responses({ 200: SignedIn }, [400, 401, 413, 415, 429]),
      },
    },
    async (req, reply) => {
      const body = req.body;
      const { session, expiresAt } = await withRetryAfter(reply, () => signIn(deps, body, { address: req.ip }));
      reply.setCookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'strict', secure: deps.secureCookies, path: '/', expires: expiresAt });
      return { username: body.username, expiresAt: expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags,
        operationId: 'signOut',
        security: SECURITY.optional,
        summary: 'Sign out: ends this session',
        response: Responses({ 204: NoContent }, [400, 401, 403, 413, 415]),
      },
    },
    async (req, reply) => {
      const session = req.cookies[SESSION_COOKIE];
      if (session) await signOut(deps, session);
      clearSession(reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    {
      schema: {
        tags,
        operationId: 'signOutEverywhere',
        security: SECURITY.signedIn,
        summary: 'Sign out everywhere: ends every session and revokes every API token of the account',
        response: Responses({ 204: NoContent }, [400, 401, 403, 413, 415]),
      },
    },
    async (req, reply) => {
      await signOutEverywhere(deps, req.actor);
      clearSession(reply);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        operationId: 'getMe',
        security: SECURITY.optional,
        summary: 'Who you are and your roles',
        response: Responses({ 200: MeView }, READ_ERRORS),
      },
    },
    async (req) => ({ username: req.actor.username, roles: req.actor.roles, admin: req.actor.admin === true }),
  );

  app.post(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        operationId: 'createApiToken',
        security: SECURITY.sessionOnly,
        summary: 'Create an API token (shown once); needs a session, not a token',
        body: TokenInput,
        response: Responses({ 201: TokenCreated }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const created = await createApiToken(deps, req.actor, req.body, req.credential);
      reply.status(201);
      return created;
    },
  );

  app.get(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        operationId: 'listApiTokens',
        security: SECURITY.signedIn,
        summary: 'Your API tokens: name, created, expires, last used (never the token)',
        response: Responses({ 200: ItemsOf(TokenView) }, READ_ERRORS),
      },
    },
    async (req) => listApiTokens(deps, req.actor),
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      schema: {
        tags,
        operationId: 'revokeApiToken',
        security: SECURITY.signedIn,
        summary: 'Revoke one of your API tokens',
        params: TokenParams,
        response: Responses({ 204: NoContent }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      await revokeApiToken(deps, req.actor, req.params.id);
      return reply.status(204).send();
    },
  );
}

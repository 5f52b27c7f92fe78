import { LoginInput, TokenInput } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import { createApiToken, signIn, signOut, type AccessDeps } from '../../use-cases/access/accounts.ts';
import { SESSION_COOKIE } from '../auth.ts';

const tags = ['access'];

export async function accessRoutes(app: FastifyInstance, deps: AccessDeps & { secureCookies: boolean }) {
  app.post('/api/auth/login', { schema: { tags, summary: 'Sign in; sets an HTTP-only session cookie', body: LoginInput } }, async (req, reply) => {
    const { session, expiresAt } = await signIn(deps, req.body as { username: string; password: string });
    reply.setCookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'strict', secure: deps.secureCookies, path: '/', expires: expiresAt });
    return { username: (req.body as { username: string }).username, expiresAt: expiresAt.toISOString() };
  });

  app.post('/api/auth/logout', { schema: { tags, summary: 'Sign out' } }, async (req, reply) => {
    const session = req.cookies[SESSION_COOKIE];
    if (session) await signOut(deps, session);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { tags, summary: 'Who you are and your roles' } }, async (req) => ({ username: req.actor.username, roles: req.actor.roles }));

  app.post('/api/auth/tokens', { schema: { tags, summary: 'Create an API token (shown once)', body: TokenInput } }, async (req, reply) => {
    reply.status(201);
    return createApiToken(deps, req.actor, req.body as { name: string });
  });
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../domain/shared/actor.ts';
import { authenticate, type AccessDeps } from '../use-cases/access/accounts.ts';

export const SESSION_COOKIE = 'parley_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

/** Every request gets an actor before any route runs; routes never look at credentials. */
export const authPlugin = fp(async (app: FastifyInstance, deps: AccessDeps) => {
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    request.actor = await authenticate(deps, { token, session: request.cookies[SESSION_COOKIE] });
  });
});

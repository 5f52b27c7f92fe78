import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../domain/shared/actor.ts';
import type { Credential } from '../policies/credentials.ts';
import { authenticateRequest, type AccessDeps } from '../use-cases/access/accounts.ts';

export const SESSION_COOKIE = 'parley_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** How the actor was proved (null: anonymous); some verbs need a password-backed session. */
    credential: Exclude<Credential, 'local'> | null;
  }
}

/** The bearer token of a request, if it sends one. */
export const bearerToken = (request: FastifyRequest) => {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || undefined : undefined;
};

/** Every request gets an actor before any route runs; routes never look at credentials. */
export const authPlugin = fp(async (app: FastifyInstance, deps: AccessDeps) => {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('credential', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const { actor, credential } = await authenticateRequest(deps, { token: bearerToken(request), session: request.cookies[SESSION_COOKIE] });
    request.actor = actor;
    request.credential = credential;
  });
});

import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../domain/shared/actor.ts';
import type { Credential } from '../policies/credentials.ts';
import { authenticateRequest, type AccessDeps } from '../use-cases/access/accounts.ts';
import { parseViewAs, VIEW_AS_HEADER, viewAsActor } from '../policies/view-as.ts';

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

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const headerValue = (h: string | string[] | undefined) => (Array.isArray(h) ? h.join(',') : h);
/** The process a route is about, from its parameters (routing is done before onRequest). */
const processOf = (params: unknown): string | null => {
  if (typeof params !== 'object' || params === null || !('processId' in params)) return null;
  return typeof params.processId === 'string' ? params.processId : null;
};

/** Every request gets an actor (narrowed by a mediator's view-as, policies/view-as.ts) before any route runs; routes never look at credentials. */
export const authPlugin = fp(async (app: FastifyInstance, deps: AccessDeps) => {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('credential', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const { actor, credential } = await authenticateRequest(deps, { token: bearerToken(request), session: request.cookies[SESSION_COOKIE] });
    request.actor = viewAsActor(actor, parseViewAs(headerValue(request.headers[VIEW_AS_HEADER])), processOf(request.params), !READS.has(request.method));
    request.credential = credential;
  });
});

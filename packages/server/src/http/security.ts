import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../domain/shared/app-error.ts';
import { bearerToken, SESSION_COOKIE } from './auth.ts';

/** JSON, text and CSV answers load nothing and may not be framed, so a browser gets nothing to run from them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
/** The web app and its files reach no host but this one (the same policy as the page's in app.ts). */
export const WEB_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
/** Swagger UI styles its elements inline; everything else it loads comes from here. */
const DOCS_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const policyFor = (url: string) => (url.startsWith('/api/docs') ? DOCS_CSP : /^\/api(\/|$|\?)/.test(url) ? API_CSP : WEB_CSP);

/** A route may set a policy of its own (the page, the printable report); framing stays refused in every one. */
const withFrameAncestors = (csp: string) => (/(^|;)\s*frame-ancestors\s/.test(csp) ? csp : `${csp}; frame-ancestors 'none'`);

function setHeaders(request: FastifyRequest, reply: FastifyReply) {
  const own = reply.getHeader('content-security-policy');
  reply.header('content-security-policy', own ? withFrameAncestors(String(own)) : policyFor(request.url));
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'no-referrer');
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sameHost = (origin: string, host: string | undefined) => {
  try {
    const o = new URL(origin);
    // Read with the origin's scheme, a Host of "example.org:443" and an Origin of "https://example.org" agree.
    return !!host && o.host === new URL(`${o.protocol}//${host}`).host;
  } catch {
    return false; // "null" (a sandboxed frame, a file) or garbage
  }
};

const crossOrigin = (origin: string | undefined) =>
  new AppError(
    'forbidden',
    'cross_origin',
    'Parley accepts changes only from its own pages or with an API token; this request came from another site.',
    origin ? { origin } : {},
  );

/**
 * Defence against cross-site request forgery beyond SameSite cookies: a browser names the page
 * that sent a request in Origin (and Sec-Fetch-Site), and a page on another site must not act
 * with the reader's session. A request with a bearer token is exempt, because a browser never
 * attaches one by itself. A state-changing request that rides on the session cookie must prove
 * it is same-origin; one without a session (the sign-in) is refused only when it says it is
 * cross-site, so that no other site can sign a reader into an account of its choosing either.
 */
export function assertSameOrigin(request: FastifyRequest): void {
  if (!STATE_CHANGING.has(request.method) || bearerToken(request)) return;
  const origin = request.headers.origin;
  const site = request.headers['sec-fetch-site'];
  if (origin !== undefined && !sameHost(origin, request.headers.host)) throw crossOrigin(origin);
  if (site !== undefined && site !== 'same-origin') throw crossOrigin(origin);
  if (request.cookies[SESSION_COOKIE] !== undefined && origin === undefined && site !== 'same-origin') throw crossOrigin(origin);
}

/** Security headers on every answer, errors and files included, and the Origin check; register after the cookie plugin. */
export const securityPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', async (request) => assertSameOrigin(request));
  app.addHook('onSend', async (request, reply, payload) => {
    setHeaders(request, reply);
    return payload;
  });
});

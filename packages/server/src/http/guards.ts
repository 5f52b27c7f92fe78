import type { FastifyInstance } from 'fastify';
import { AppError } from '../domain/shared/app-error.ts';
import { assertStorableRequestText, MAX_URL_LENGTH } from './json-body.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Writes an anonymous caller may send: signing in, signing out (which clears a stale cookie),
 * the CLI's admin routes, whose own onRequest hook has already checked their credential, and the
 * routes of one-time links (set-up, invites, resets), which the link's token proves.
 */
const ANONYMOUS_WRITES = [/^\/api\/auth\/log(in|out)$/, /^\/api\/admin\//, /^\/api\/(setup|resets\/:token|invites\/:token\/accept)$/];

/** Refuses URLs too long to be a Parley address, and query or path text no column could hold, before anything reads them. */
export function refuseUnstorableUrls(app: FastifyInstance) {
  app.addHook('onRequest', async (req) => {
    if (req.url.length > MAX_URL_LENGTH)
      throw new AppError('validation', 'url_too_long', `The address is longer than ${MAX_URL_LENGTH} characters; no Parley address or query is that long.`);
    assertStorableRequestText(req);
  });
}

/**
 * An anonymous caller may write nothing (but sign in), so its body is refused unread: parsing
 * a large upload for someone who may not send it would let anyone make the server work.
 */
export function refuseAnonymousWrites(app: FastifyInstance) {
  app.addHook('preParsing', async (req, _reply, payload) => {
    const url = req.routeOptions.url;
    if (WRITES.has(req.method) && url && !req.actor.accountId && !ANONYMOUS_WRITES.some((p) => p.test(url)))
      throw new AppError('unauthenticated', 'sign_in_required', 'Sign in (or send an API token) to change anything in Parley.');
    return payload;
  });
}

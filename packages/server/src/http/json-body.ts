import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../domain/shared/app-error.ts';
import { assertStorableText, decodeUtf8Strict, parseStrictJson } from '../domain/shared/strict-json.ts';

/** Most bodies are a record or a verb; only file uploads (imports) are large, and they raise their own limit. */
export const DEFAULT_BODY_LIMIT = 256 * 1024;
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;
/** Longer URLs are refused before routing; ids are at most 64 characters and list cursors 400. */
export const MAX_URL_LENGTH = 8 * 1024;

/**
 * Replaces Fastify's JSON parser with the strict one: the bytes must be UTF-8 (no U+FFFD
 * substitutes) and the text must say exactly one thing (see strict-json.ts), so a body is
 * either stored as sent or refused, never stored altered.
 */
export function strictJsonBodies(app: FastifyInstance) {
  app.removeContentTypeParser('application/json');
  // A JSON Merge Patch (RFC 7396) is JSON under its own media type.
  app.addContentTypeParser(['application/json', 'application/merge-patch+json'], { parseAs: 'buffer' }, (req, body, done) => {
    try {
      const charset = /;\s*charset=("?)([^";\s]+)\1/i.exec(String(req.headers['content-type'] ?? ''))?.[2];
      if (charset && !/^utf-?8$/i.test(charset)) throw new AppError('unsupported_media_type', 'unsupported_charset', `Send JSON as UTF-8, not ${charset}.`);
      done(null, parseStrictJson(decodeUtf8Strict(body as Buffer)));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
}

/**
 * Query strings and path parameters are decoded by Fastify; what they decode to must be
 * as storable as a body's text, since they reach SQL as parameters.
 */
export function assertStorableRequestText(req: FastifyRequest) {
  for (const [part, values] of [
    ['query', req.query],
    ['params', req.params],
  ] as const) {
    if (!values || typeof values !== 'object') continue;
    for (const [k, v] of Object.entries(values as Record<string, unknown>)) {
      assertStorableText(k, [part]);
      for (const s of Array.isArray(v) ? v : [v]) if (typeof s === 'string') assertStorableText(s, [k]);
    }
  }
}

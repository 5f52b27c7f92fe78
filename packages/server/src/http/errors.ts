import { isErrorReason, type ErrorCode } from '@parley/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { AppError } from '../domain/shared/app-error.ts';

/** The one table from error codes to HTTP statuses. */
export const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  gone: 410,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  invalid_transition: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** A schema keyword as a documented reason; keywords the schemas do not use fall back to one generic reason. */
function keywordReason(keyword: string) {
  const reason = `invalid_${keyword.toLowerCase()}`;
  return isErrorReason(reason) ? reason : 'invalid_value';
}

/** Turns the first useful schema error into a sentence and the JSON pointer of the field. */
function fromSchemaErrors(issues: AjvIssue[], part: string): AppError {
  // anyOf/oneOf report every branch; the deepest concrete error says the most.
  const ranked = [...issues].sort((a, b) => b.instancePath.length - a.instancePath.length || Number(a.keyword === 'anyOf') - Number(b.keyword === 'anyOf'));
  const issue = ranked.find((i) => i.keyword === 'additionalProperties') ?? ranked.find((i) => i.keyword !== 'anyOf' && i.keyword !== 'const') ?? ranked[0]!;
  const path = issue.instancePath.replace(/^\//, '');
  if (issue.keyword === 'additionalProperties') {
    const extra = String(issue.params.additionalProperty);
    const field = path ? `${path}/${extra}` : extra;
    return new AppError('validation', 'unknown_field', `The ${part} has a field "${field}" that Parley does not know.`, { field });
  }
  if (issue.keyword === 'required') {
    const missing = String(issue.params.missingProperty);
    const field = path ? `${path}/${missing}` : missing;
    return new AppError('validation', 'missing_field', `The ${part} lacks the required field "${field}".`, { field });
  }
  const consts = issues.filter((i) => i.keyword === 'const' && i.instancePath === issue.instancePath).map((i) => String(i.params.allowedValue));
  if (consts.length) return new AppError('validation', 'invalid_choice', `"${path}" must be one of: ${consts.join(', ')}.`, { field: path });
  return new AppError('validation', keywordReason(issue.keyword), `"${path || part}" ${issue.message ?? 'is not valid'}.`, { field: path || part });
}

/** Fastify's own errors, by code, in Parley's terms; anything else it raises with a 4xx status is a generic bad request. */
const FRAMEWORK: Record<string, () => AppError> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new AppError(
      'unsupported_media_type',
      'unsupported_media_type',
      'Send JSON with Content-Type: application/json (imports also take text/csv or application/geo+json; lists of detainees also XLSX).',
    ),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new AppError('validation', 'bad_content_length', 'The Content-Length header does not match the body.'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new AppError('validation', 'malformed_json', 'The request body is empty but says it is JSON.'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => new AppError('validation', 'malformed_json', 'The request body is not valid JSON.'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new AppError('too_large', 'body_too_large', 'The request body is larger than this address accepts.'),
  FST_ERR_BAD_URL: () =>
    new AppError('validation', 'bad_url', 'The address is not valid: it has a bad percent-encoding or a character that cannot be decoded.'),
  FST_ERR_MAX_PARAM_LENGTH: () => new AppError('validation', 'parameter_too_long', 'A part of the address is longer than any id Parley accepts.'),
  FST_ERR_ASYNC_CONSTRAINT: () => new AppError('validation', 'bad_request', 'The request does not fit any route.'),
};

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { validation?: AjvIssue[]; validationContext?: string; code?: string };
  if (e.validation) return fromSchemaErrors(e.validation, e.validationContext ?? 'request');
  const framework = e.code ? FRAMEWORK[e.code] : undefined;
  if (framework) return framework();
  if (e.statusCode === 400 && e instanceof SyntaxError) return new AppError('validation', 'malformed_json', 'The request body is not valid JSON.');
  if (e.code === '23505') return new AppError('conflict', 'concurrent_write', 'Someone else wrote the same record at the same time; reload and try again.');
  if (e.code === '23503') return new AppError('validation', 'unknown_reference', 'The request refers to a record that does not exist in this process.');
  // SQLSTATE class 22 (data exception): a value the database cannot hold. Validation should have refused it first;
  // the transaction has rolled back, so it is still the client's value and nothing was changed.
  if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code))
    return new AppError('validation', 'value_not_storable', 'A value in the request cannot be stored (out of range or not valid text); nothing was changed.');
  if (e.statusCode === 404) return new AppError('not_found', 'no_route', 'There is no such address in the Parley API.');
  if (e.statusCode && e.statusCode < 500) return new AppError('validation', 'bad_request', e.message);
  return new AppError('internal', 'internal', 'Something went wrong on the server; nothing was changed.');
}

export function sendError(err: unknown, request: FastifyRequest, reply: FastifyReply) {
  const app = toAppError(err);
  if (app.code === 'internal') request.log.error({ err }, 'unhandled error');
  return reply.status(STATUS[app.code]).send({ error: { code: app.code, reason: app.reason, message: app.message, details: app.details } });
}

/**
 * Errors Node's HTTP parser raises before there is a request (headers too large, a request
 * line that is not HTTP): answered on the socket, still in Parley's error shape.
 */
export function sendClientError(err: Error & { code?: string }, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, label, error] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'Request Header Fields Too Large',
          { code: 'too_large', reason: 'headers_too_large', message: 'The request headers (or the address) are too large.' },
        ]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', { code: 'validation', reason: 'request_timeout', message: 'The request took too long to arrive.' }]
        : [400, 'Bad Request', { code: 'validation', reason: 'bad_http', message: 'The request is not well-formed HTTP.' }];
  const body = JSON.stringify({ error: { ...error, details: {} } });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${label}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}

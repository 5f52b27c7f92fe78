import type { ErrorCode } from '@parley/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/shared/app-error.ts';

/** The one table from error codes to HTTP statuses. */
export const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 422,
  rate_limited: 429,
  internal: 500,
};

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
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
  return new AppError('validation', `invalid_${issue.keyword.toLowerCase()}`, `"${path || part}" ${issue.message ?? 'is not valid'}.`, { field: path || part });
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { validation?: AjvIssue[]; validationContext?: string; code?: string };
  if (e.validation) return fromSchemaErrors(e.validation, e.validationContext ?? 'request');
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('validation', 'unsupported_media_type', 'Send JSON with Content-Type: application/json.');
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (e.statusCode === 400 && e instanceof SyntaxError))
    return new AppError('validation', 'malformed_json', 'The request body is not valid JSON.');
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('validation', 'body_too_large', 'The request body is too large.');
  if (e.code === '23505') return new AppError('conflict', 'concurrent_write', 'Someone else wrote the same record at the same time; reload and try again.');
  if (e.code === '23503') return new AppError('validation', 'unknown_reference', 'The request refers to a record that does not exist in this process.');
  if (e.statusCode === 404) return new AppError('not_found', 'no_route', 'There is no such address in the Parley API.');
  if (e.statusCode && e.statusCode < 500) return new AppError('validation', 'bad_request', e.message);
  return new AppError('internal', 'internal', 'Something went wrong on the server; nothing was changed.');
}

export function sendError(err: unknown, request: FastifyRequest, reply: FastifyReply) {
  const app = toAppError(err);
  if (app.code === 'internal') request.log.error({ err }, 'unhandled error');
  return reply.status(STATUS[app.code]).send({ error: { code: app.code, reason: app.reason, message: app.message, details: app.details } });
}

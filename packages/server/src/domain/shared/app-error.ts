import type { ErrorCode, ErrorReason } from '@parley/contracts';

export type { ErrorReason };

/**
 * The one error type. Every refusal in Parley is one of these, so the HTTP and CLI
 * adapters can map it in one place and clients can rely on `code` and `reason`.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: ErrorReason,
    message: string,
    readonly details: { field?: string; [k: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id: string) =>
  // Same text whether the record is missing or hidden: a denial must not reveal existence.
  new AppError('not_found', 'not_found_or_no_access', `No ${what} "${id}" was found, or you may not see it.`, { id });

export const invalid = (field: string, reason: ErrorReason, message: string) => new AppError('validation', reason, message, { field });

export const conflict = (reason: ErrorReason, message: string, details: Record<string, unknown> = {}) => new AppError('conflict', reason, message, details);

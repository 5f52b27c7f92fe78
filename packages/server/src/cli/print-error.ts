import { AppError } from '../domain/shared/app-error.ts';

/**
 * A refusal as the CLI prints it: the message for people, then the code, reason and field that
 * scripts and bug reports need (the same stable identifiers the HTTP API answers with).
 */
export function describeError(err: unknown): string {
  if (!(err instanceof AppError)) return err instanceof Error ? err.message : String(err);
  const field = typeof err.details.field === 'string' ? `  field: ${err.details.field}` : '';
  return `${err.message}\n  code: ${err.code}  reason: ${err.reason}${field}`;
}

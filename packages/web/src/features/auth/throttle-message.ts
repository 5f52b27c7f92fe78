import { ApiError } from '@parley/contracts';
import type { MessageKey } from '../../i18n/en.ts';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A throttled sign-in's wait in the reader's language (beyond a minute it is the lockout); null for any other error. */
export function throttleMessage(err: unknown, t: T): string | null {
  if (!(err instanceof ApiError) || err.body.error.code !== 'rate_limited') return null;
  const seconds = Number((err.body.error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 0);
  return seconds > 60 ? t('auth.lockedOut', { minutes: Math.ceil(seconds / 60) }) : t('auth.throttled', { seconds });
}

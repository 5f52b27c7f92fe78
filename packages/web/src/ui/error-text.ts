import { ApiError, isErrorReason } from '@parley/contracts';
import type { MessageKey } from '../i18n/en.ts';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A refusal said to a person: the text, and `lang: 'en'` when it is the server's (or the browser's) English. */
export interface ErrorText {
  text: string;
  lang?: 'en';
}

/**
 * What went wrong, in the reader's language. The server's `reason` is stable and from a closed list, so each one has
 * its own message (work.error.<reason>); its `message` is English and may change wording, so it is only the fallback
 * for a reason this build does not know (a newer server) or an error that never reached the server.
 */
export function errorText(err: unknown, t: T): ErrorText {
  if (err instanceof ApiError) {
    const { reason, message } = err.body.error;
    if (isErrorReason(reason)) return { text: t(`work.error.${reason}`) };
    return { text: message, lang: 'en' };
  }
  return { text: err instanceof Error ? err.message : String(err), lang: 'en' };
}

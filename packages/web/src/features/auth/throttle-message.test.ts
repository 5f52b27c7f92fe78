import { ApiError } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { uk } from '../../i18n/uk.ts';
import { throttleMessage } from './throttle-message.ts';

const translate =
  (dict: Record<MessageKey, string>) =>
  (key: MessageKey, vars: Record<string, string | number> = {}) =>
    Object.entries(vars).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), dict[key]);
const limited = (retryAfterSeconds: number) =>
  new ApiError(429, {
    error: { code: 'rate_limited', reason: 'too_many_attempts', message: 'Too many failed sign-ins', details: { retryAfterSeconds } as object },
  });

describe('the sign-in throttle message', () => {
  it('says the wait in seconds, the lockout in minutes, in every language', () => {
    expect(throttleMessage(limited(4), translate(en))).toBe('Too many failed sign-ins. Wait 4 seconds, then try again.');
    expect(throttleMessage(limited(891), translate(en))).toMatch(/paused for 15 minutes/);
    expect(throttleMessage(limited(4), translate(uk))).toMatch(/Зачекайте 4 с/);
    expect(throttleMessage(limited(891), translate(ru))).toMatch(/на 15 мин/);
  });

  it('leaves other errors to the caller', () => {
    expect(throttleMessage(new ApiError(401, { error: { code: 'unauthenticated', reason: 'bad_credentials', message: 'wrong' } }), translate(en))).toBeNull();
    expect(throttleMessage(new Error('offline'), translate(en))).toBeNull();
  });
});

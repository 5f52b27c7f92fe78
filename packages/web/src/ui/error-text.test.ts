import { ApiError, ERROR_REASONS } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../i18n/en.ts';
import { ru } from '../i18n/ru.ts';
import { uk } from '../i18n/uk.ts';
import { errorText } from './error-text.ts';

const DICTS = { en, uk, ru } as Record<string, Record<string, string | undefined>>;
const translate = (dict: Record<MessageKey, string>) => (key: MessageKey) => dict[key];
const refusal = (reason: string, message = 'The server says so.') =>
  new ApiError(400, { error: { code: 'validation', reason, message } as ApiError['body']['error'] });

describe('server errors in the reader’s language', () => {
  it('has a message for every error reason in English, Ukrainian and Russian', () => {
    const missing = Object.entries(DICTS).flatMap(([lang, dict]) => ERROR_REASONS.filter((r) => !dict[`work.error.${r}`]?.trim()).map((r) => `${lang}: ${r}`));
    expect(missing).toEqual([]);
  });

  it('does not leave Ukrainian or Russian messages in English', () => {
    const copied = ERROR_REASONS.filter((r) => uk[`work.error.${r}`] === en[`work.error.${r}`] || ru[`work.error.${r}`] === en[`work.error.${r}`]);
    expect(copied).toEqual([]);
    // Cyrillic in every Ukrainian and Russian message: a real translation, not a placeholder.
    expect(ERROR_REASONS.filter((r) => !/[а-яіїєґ]/i.test(uk[`work.error.${r}`]) || !/[а-яё]/i.test(ru[`work.error.${r}`]))).toEqual([]);
  });

  it('says a known reason in the reader’s language, whatever the server’s English says', () => {
    const err = refusal('bad_credentials', 'Wrong username or password (wording may change)');
    expect(errorText(err, translate(en))).toEqual({ text: 'The username or password is wrong.' });
    expect(errorText(err, translate(uk))).toEqual({ text: 'Неправильне ім’я користувача або пароль.' });
    expect(errorText(err, translate(ru))).toEqual({ text: 'Неверное имя пользователя или пароль.' });
  });

  it('falls back to the server’s English, marked as English, for a reason it does not know', () => {
    expect(errorText(refusal('reason_from_a_newer_server', 'Something new.'), translate(uk))).toEqual({ text: 'Something new.', lang: 'en' });
    expect(errorText(new TypeError('Failed to fetch'), translate(ru))).toEqual({ text: 'Failed to fetch', lang: 'en' });
  });
});

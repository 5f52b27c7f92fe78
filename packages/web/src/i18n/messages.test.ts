import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { formatMessage } from './index.tsx';
import { ru } from './ru.ts';
import { uk } from './uk.ts';

describe('ICU messages', () => {
  it('parses every message of every language', () => {
    for (const dict of [en, uk, ru]) for (const [key, text] of Object.entries(dict)) expect(() => parse(text, { ignoreTag: true }), key).not.toThrow();
  });

  it('keeps the placeholders of English in every translation', () => {
    const names = (text: string) =>
      [...text.matchAll(/\{(\w+)/g)]
        .map((m) => m[1])
        .filter((n, i, all) => all.indexOf(n) === i)
        .sort();
    for (const dict of [uk, ru]) for (const [key, text] of Object.entries(en)) expect(names(dict[key as keyof typeof en]), key).toEqual(names(text));
  });

  it('picks the plural form of each language: one, few, many in Ukrainian and Russian', () => {
    const entries = (lang: 'en' | 'uk' | 'ru', n: number) => formatMessage(lang, 'record.entries', { n });
    expect([1, 2, 5].map((n) => entries('en', n))).toEqual(['1 entry', '2 entries', '5 entries']);
    expect([1, 3, 5, 11, 21, 22, 25, 101].map((n) => entries('uk', n))).toEqual([
      '1 запис',
      '3 записи',
      '5 записів',
      '11 записів',
      '21 запис',
      '22 записи',
      '25 записів',
      '101 запис',
    ]);
    expect([1, 4, 7, 12, 31, 34].map((n) => entries('ru', n))).toEqual(['1 запись', '4 записи', '7 записей', '12 записей', '31 запись', '34 записи']);
    expect(formatMessage('ru', 'monitoring.listCaption', { n: 2, total: 21 })).toBe('2 кластера, 21 инцидент');
  });

  it('shows numbers in the language’s grouping, in plain placeholders and in plurals', () => {
    expect(formatMessage('en', 'record.entries', { n: 12345 })).toBe('12,345 entries');
    expect(formatMessage('uk', 'record.entries', { n: 12345 })).toBe(`${new Intl.NumberFormat('uk').format(12345)} записів`);
    expect(formatMessage('en', 'incident.killedShort', { n: 1500 })).toBe('1,500 killed');
  });

  it('fills text placeholders as before', () => {
    expect(formatMessage('en', 'app.error', { message: 'boom {x}' })).toBe('Could not load this: boom {x}');
  });
});

import { describe, expect, it } from 'vitest';
import { formatTyped, parseTyped } from './date-input.tsx';

describe('dates typed in the reader’s language', () => {
  it('writes a day, a month and a time day-first, with each language’s separator', () => {
    expect(formatTyped('2014-09-05', 'day', 'en')).toBe('05/09/2014');
    expect(formatTyped('2014-09-05', 'day', 'uk')).toBe('05.09.2014');
    expect(formatTyped('2014-09', 'month', 'ru')).toBe('09.2014');
    expect(formatTyped('2014-09-05T18:00', 'time', 'uk')).toBe('05.09.2014 18:00');
    expect(formatTyped('', 'day', 'en')).toBe('');
  });

  it('reads what a reader types, day first or ISO, and what it wrote', () => {
    expect(parseTyped('5.9.2014', 'day')).toBe('2014-09-05');
    expect(parseTyped('05/09/2014', 'day')).toBe('2014-09-05');
    expect(parseTyped('2014-09-05', 'day')).toBe('2014-09-05');
    expect(parseTyped(' 09.2014 ', 'month')).toBe('2014-09');
    expect(parseTyped('2014-9', 'month')).toBe('2014-09');
    expect(parseTyped('05.09.2014 18:00', 'time')).toBe('2014-09-05T18:00');
    expect(parseTyped('2014-09-05T18:00:00', 'time')).toBe('2014-09-05T18:00');
    for (const lang of ['en', 'uk', 'ru'] as const) expect(parseTyped(formatTyped('2015-02-12T23:59', 'time', lang), 'time')).toBe('2015-02-12T23:59');
    expect(parseTyped('', 'day')).toBe('');
  });

  it('refuses what is not a date of its kind: impossible days, half a date, a time where a day is asked', () => {
    for (const bad of ['29.02.2015', '31/04/2014', '2014-13-01', '05.09', 'tomorrow', '05.09.2014 18:00', '1.1.14'])
      expect(parseTyped(bad, 'day'), bad).toBeNull();
    expect(parseTyped('13.2014', 'month')).toBeNull();
    expect(parseTyped('05.09.2014', 'time')).toBeNull();
    expect(parseTyped('05.09.2014 24:00', 'time')).toBeNull();
    expect(parseTyped('29.02.2016', 'day')).toBe('2016-02-29');
  });
});

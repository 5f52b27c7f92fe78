import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertOrdered, parsePreciseDate } from './precise-date.ts';

describe('dates with precision', () => {
  it('derives precision and the days covered', () => {
    expect(parsePreciseDate('2014', 'd')).toMatchObject({ precision: 'year', firstDay: '2014-01-01', lastDay: '2014-12-31' });
    expect(parsePreciseDate('2014-11', 'd')).toMatchObject({ precision: 'month', firstDay: '2014-11-01', lastDay: '2014-11-30' });
    expect(parsePreciseDate('2016-02', 'd').lastDay).toBe('2016-02-29');
    expect(parsePreciseDate('2014-09-05T18:00:00+03:00', 'd')).toMatchObject({ precision: 'time', firstDay: '2014-09-05' });
    expect(parsePreciseDate('2014-09-05T01:00+03:00', 'd').firstDay).toBe('2014-09-04');
  });

  it('refuses impossible and malformed dates, naming the field', () => {
    for (const bad of ['2014-02-29', '2014-13', '2014-04-31', '2014-00-10', '14-11-20', '2014-11-20T25:00Z', '2014-11-20T10:00', '1066']) {
      expect(() => parsePreciseDate(bad, 'at'), bad).toThrow(expect.objectContaining({ code: 'validation', details: { field: 'at' } }));
    }
  });

  it('accepts every real calendar day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parsePreciseDate(iso, 'd').firstDay).toBe(iso);
      }),
    );
  });

  it('orders spans at the precision both allow', () => {
    expect(() => assertOrdered('2014-11', '2014-11-02', 'to')).not.toThrow();
    expect(() => assertOrdered('2014-11-20', '2014-11', 'to')).not.toThrow();
    expect(() => assertOrdered('2014-12-01', '2014-11', 'to')).toThrow(/ends/);
  });
});

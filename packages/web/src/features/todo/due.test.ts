import { describe, expect, it } from 'vitest';
import { freshSince, isFresh, latestByProvision, may } from './due.ts';

describe('what needs me: due rules', () => {
  it('reads the abilities the server computed, nothing else', () => {
    expect(may({ abilities: { actions: ['answer'] } }, 'answer')).toBe(true);
    expect(may({ abilities: { actions: ['edit'] } }, 'answer')).toBe(false);
    expect(may({}, 'answer')).toBe(false);
  });

  it('counts an assessment as current for 90 days, a month or a year by its last day', () => {
    const since = freshSince(new Date('2026-12-01T10:00:00Z'));
    expect(since).toBe('2026-09-02');
    expect(isFresh('2026-09-02', since)).toBe(true);
    expect(isFresh('2026-09-01', since)).toBe(false);
    expect(isFresh('2026-09', since)).toBe(true);
    expect(isFresh('2026-08', since)).toBe(false);
    expect(isFresh('2026', since)).toBe(true);
    expect(isFresh('2014-11-20', since)).toBe(false);
  });

  it('keeps the latest assessment per provision', () => {
    const latest = latestByProvision([
      { provisionId: 'p1', asOf: '2014-10' },
      { provisionId: 'p1', asOf: '2015-01-12' },
      { provisionId: 'p2', asOf: '2014' },
    ]);
    expect(Object.fromEntries(latest)).toEqual({ p1: '2015-01-12', p2: '2014' });
  });
});

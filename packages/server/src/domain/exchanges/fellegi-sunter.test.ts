import { describe, expect, it } from 'vitest';
import type { Level } from './compare.ts';
import { DEFAULT_M, DEFAULT_U, estimate, type Pattern } from './fellegi-sunter.ts';

const counts = (rows: [Level, Level, Level, Level, number][]) =>
  new Map(rows.map(([surname, given, patronymic, birthDate, count], i) => [i, { pattern: { surname, given, patronymic, birthDate } as Pattern, count }]));

describe('EM on blocked candidates', () => {
  // 1,000 people on both lists among 10⁶ pairs; the blocks also let in 3,000 namesakes sharing surname and
  // patronymic (brothers, say) and 2,000 sharing surname and given name, both more than the matches.
  const candidates = counts([
    ['exact', 'exact', 'exact', 'exact', 800],
    ['exact', 'equivalent', 'exact', 'year', 150],
    ['similar', 'exact', 'exact', 'exact', 50],
    ['exact', 'different', 'exact', 'different', 3000],
    ['exact', 'exact', 'different', 'different', 1900],
    ['exact', 'exact', 'different', 'year', 100],
  ]);
  const random = counts([
    ['different', 'different', 'different', 'different', 9000],
    ['exact', 'different', 'different', 'different', 30],
    ['different', 'exact', 'different', 'different', 300],
    ['different', 'different', 'exact', 'different', 500],
    ['different', 'different', 'different', 'year', 200],
    ['similar', 'different', 'different', 'different', 100],
    ['different', 'equivalent', 'different', 'different', 100],
  ]);
  const model = estimate(candidates, random, 1_000_000);

  it('takes the people who agree on everything for the matches, not the largest cluster of namesakes', () => {
    expect(model.fields.given.m.different).toBeLessThan(0.05);
    expect(model.fields.patronymic.m.different).toBeLessThan(0.05);
    expect(model.fields.birthDate.m.different).toBeLessThan(0.05);
    expect(model.fields.given.weight.different).toBeLessThan(-3);
  });

  it('expects about as many matches as there are', () => {
    expect(model.prior * 1_000_000).toBeGreaterThan(800);
    expect(model.prior * 1_000_000).toBeLessThan(1100);
  });
});

describe('EM on a handful of candidates', () => {
  // Four people on both of two lists of five: too few pairs to determine 16 classes of 19 levels each.
  const candidates = counts([
    ['exact', 'equivalent', 'exact', 'exact', 1],
    ['exact', 'equivalent', 'exact', 'year', 1],
    ['exact', 'exact', 'equivalent', 'month', 1],
    ['exact', 'exact', 'equivalent', 'near', 1],
  ]);
  const all = new Map<string, { pattern: Pattern; count: number; candidate?: boolean }>([
    ...[...candidates].map(([k, v]) => [`c${k}`, { ...v, candidate: true }] as const),
    ['rest', { pattern: { surname: 'different', given: 'different', patronymic: 'different', birthDate: 'different' }, count: 21 }],
  ]);
  const model = estimate(candidates, all, 25, { maxMatches: 5 });

  it('keeps to the defaults where the data say little, so no level gets an absurd weight', () => {
    for (const f of ['surname', 'given', 'patronymic', 'birthDate'] as const)
      for (const [level, m] of Object.entries(model.fields[f].m)) expect(Math.abs(Math.log2(m / DEFAULT_M[f][level]!))).toBeLessThan(1);
    const date = model.fields.birthDate.weight;
    expect(date.exact).toBeGreaterThan(date.month!);
    expect(date.month).toBeGreaterThan(date.year!);
    expect(date.near).toBeGreaterThan(3);
    expect(model.fields.patronymic.weight.equivalent).toBeGreaterThan(3);
  });

  it('does not count the matches among the random pairs as chance agreement', () => {
    // All four candidates agree on the surname; taken for non-matches they would make u 4/25.
    expect(model.fields.surname.u.exact).toBeLessThan(2 * DEFAULT_U.surname.exact!);
  });

  it('expects no more matches than the shorter list has people', () => {
    expect(model.prior * 25).toBeLessThanOrEqual(5 + 1e-9);
    expect(model.prior * 25).toBeGreaterThan(3);
    const capped = estimate(candidates, all, 25, { maxMatches: 2 });
    expect(capped.prior * 25).toBeLessThanOrEqual(2 + 1e-9);
  });

  it('survives no candidates at all', () => {
    const none = estimate(new Map(), new Map(), 0, { maxMatches: 0 });
    expect(Number.isFinite(none.prior)).toBe(true);
    expect(Number.isFinite(none.fields.surname.weight.exact)).toBe(true);
  });
});

describe('EM on many candidates', () => {
  it('lets the data outweigh the defaults', () => {
    // 5,000 matches that never give an exact surname: m for it follows them, not DEFAULT_M's 0.909.
    const model = estimate(
      counts([
        ['equivalent', 'exact', 'exact', 'exact', 5000],
        ['different', 'exact', 'different', 'different', 5000],
      ]),
      counts([['different', 'different', 'different', 'different', 20000]]),
      10_000_000,
    );
    expect(model.fields.surname.m.exact).toBeLessThan(0.1);
    expect(model.fields.surname.m.equivalent).toBeGreaterThan(0.9);
  });
});

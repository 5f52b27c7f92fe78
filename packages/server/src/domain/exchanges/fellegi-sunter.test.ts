import { describe, expect, it } from 'vitest';
import type { Level } from './compare.ts';
import { estimate, type Pattern } from './fellegi-sunter.ts';

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

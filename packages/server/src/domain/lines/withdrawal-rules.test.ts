import { describe, expect, it } from 'vitest';
import { rulesFor, zonesFor } from './withdrawal-rules.ts';

describe('withdrawal rules', () => {
  it('halves the zone widths of the package and measures by side from different lines', () => {
    const pkg = rulesFor('2015-03-01', 'package-2015-02-12');
    expect(Object.fromEntries(pkg.map((r) => [r.category, r.requiredKm]))).toEqual({
      artillery_100mm_plus: 25,
      mlrs: 35,
      heavy_mlrs: 70,
      tactical_missile: 70,
    });
    expect(pkg.every((r) => r.referenceForUkraine === 'de_facto' && r.referenceForOthers === 'memorandum_line')).toBe(true);
  });

  it('applies only the rules signed by the day unless one agreement is asked for', () => {
    expect(new Set(rulesFor('2014-11-01').map((r) => r.ruleSet))).toEqual(new Set(['memorandum-2014-09-19']));
    expect(rulesFor('2014-09-18')).toEqual([]);
    expect(rulesFor('2014-11-01', 'addendum-2015-09-29', 'tank')).toMatchObject([{ requiredKm: 15 }]);
  });

  it('draws one zone per distance and reference line', () => {
    const zones = zonesFor('2015-03-01', 'package-2015-02-12');
    expect(zones.map((z) => `${z.measuredBy}:${z.requiredKm}`).sort()).toEqual([
      'others:25',
      'others:35',
      'others:70',
      'ukraine:25',
      'ukraine:35',
      'ukraine:70',
    ]);
  });
});

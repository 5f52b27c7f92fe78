import { describe, expect, it } from 'vitest';
import { aggregateScores, scorePage, shingles } from './shingle-score.ts';

describe('benchmark shingle score', () => {
  it('tokenises on Unicode word characters and counts repeated shingles', () => {
    // «Київ, 2014 — це Київ» → Київ 2014 це Київ: one shingle; Cyrillic is not split (JavaScript's \w would drop it).
    expect([...shingles('Київ, 2014 — це Київ').entries()]).toEqual([['Київ\u001f2014\u001fце\u001fКиїв', 1]]);
    expect(shingles('a b c d a b c d').get('a\u001fb\u001fc\u001fd')).toBe(2);
    expect(shingles('').size).toBe(0);
    expect([...shingles('only two').keys()]).toEqual(['only\u001ftwo']);
  });

  it('matches a hand-computed page', () => {
    // Truth "a b c d e f": shingles abcd, bcde, cdef. Predicted "a b c d e x y": abcd, bcde, cdex, dexy.
    // TP 2, FP 2, FN 1, sum 5 → 0.4, 0.4, 0.2; precision 0.4/0.8 = 0.5, recall 0.4/0.6 = 2/3.
    const page = scorePage('a b c d e f', 'a b c d e x y');
    expect(page.tp).toBeCloseTo(0.4);
    expect(page.fp).toBeCloseTo(0.4);
    expect(page.fn).toBeCloseTo(0.2);
    // Second page exact (precision = recall = 1); third predicted nothing (recall 0, left out of precision).
    const all = aggregateScores([page, scorePage('one two three four', 'one two three four'), scorePage('w x y z', '')]);
    expect(all.precision).toBeCloseTo((0.5 + 1) / 2);
    expect(all.recall).toBeCloseTo((2 / 3 + 1 + 0) / 3);
    const p = 0.75;
    const r = 5 / 9;
    expect(all.f1).toBeCloseTo((2 * p * r) / (p + r));
  });

  it('is case-sensitive, as the benchmark is (its IGNORECASE flag changes nothing for \\w)', () => {
    expect(scorePage('A b c d', 'a b c d').tp).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { oneToOne, type PairRef } from './one-to-one.ts';

/** The greedy assignment reconcile makes, over hand-written pairs. */
function assign(pairs: PairRef[], size = 10) {
  const sorted = [...pairs].sort((x, y) => y.weight - x.weight);
  const takenA = new Int32Array(size).fill(-1);
  const takenB = new Int32Array(size).fill(-1);
  const chosen: PairRef[] = [];
  for (const p of sorted)
    if (takenA[p.a] === -1 && takenB[p.b] === -1) {
      takenA[p.a] = takenB[p.b] = chosen.length;
      chosen.push(p);
    }
  const weightOf = (a: number, b: number) => pairs.find((p) => p.a === a && p.b === b)?.weight;
  const result = oneToOne({ chosen, pairs: sorted, takenA, takenB, weightOf }, PRIOR_ODDS, { a: 0.2, b: 0.2 });
  const of = (a: number, b: number) => {
    const idx = chosen.findIndex((p) => p.a === a && p.b === b);
    return { probability: result.probability[idx]!, rival: result.rival[idx] };
  };
  return of;
}

const PRIOR_ODDS = -10;
const pairwise = (w: number) => 1 / (1 + 2 ** -(w + PRIOR_ODDS));

describe('the one-to-one posterior', () => {
  it('is surer of a pair with no competitor than the pairwise posterior: both would have to be on one list only', () => {
    const p = assign([{ a: 0, b: 0, weight: 12 }])(0, 0);
    expect(pairwise(12)).toBeCloseTo(0.8, 1);
    expect(p.probability).toBeCloseTo(1 / (1 + 0.04 / 4), 6);
    expect(p.rival).toBeUndefined();
  });

  it('gives two namesakes on each side, alike in everything, even chances', () => {
    const of = assign([
      { a: 1, b: 1, weight: 14 },
      { a: 2, b: 2, weight: 14 },
      { a: 1, b: 2, weight: 14 },
      { a: 2, b: 1, weight: 14 },
    ]);
    expect(of(1, 1).probability).toBeGreaterThan(0.45);
    expect(of(1, 1).probability).toBeLessThan(0.55);
    expect(of(1, 1).rival!.ratio).toBeGreaterThan(0.5);
  });

  it('lets a competitor that is near certainly someone else take almost nothing', () => {
    const alone = assign([{ a: 3, b: 3, weight: 14 }])(3, 3).probability;
    const of = assign([
      { a: 3, b: 3, weight: 14 },
      { a: 4, b: 4, weight: 40 },
      { a: 3, b: 4, weight: 14 },
    ]);
    expect(of(3, 3).probability).toBeCloseTo(alone, 6);
    expect(of(3, 3).rival!.ratio).toBeLessThan(1e-6);
  });

  it('lets a free competitor as strong as the pair take half of it', () => {
    const of = assign([
      { a: 5, b: 5, weight: 20 },
      { a: 5, b: 6, weight: 20 },
    ]);
    expect(of(5, 5).probability).toBeCloseTo(0.5, 2);
    expect(of(5, 5).rival!.pair).toMatchObject({ a: 5, b: 6 });
  });
});

import type { Model } from './fellegi-sunter.ts';

/**
 * The posterior of a proposed pair under the rule that each person is on the other list at most once.
 *
 * Fellegi–Sunter's posterior weighs a pair against every pair of the two lists: with 10,000 people a side, a
 * name, patronymic and birth month met by chance somewhere among 10⁸ pairs is no surprise. But a person of list A
 * who is on list B has one partner there, and that partner's comparison is among the candidates. For a and b to
 * agree by chance, a must have no partner on B, or one that shows up as a competitor. So the alternatives to
 * "a is b" are the few assignments that differ from the chosen one near a and b (the bipartite view of Sadinle
 * 2017, taken locally), each weighed against it:
 *   - a and b both without a partner: αA·αB / X(a,b);
 *   - a with another b′: X(a,b′)/X(a,b) when b′ is free; when b′ is assigned to a″, times what a″ can do
 *     then (go without, αA·αB, go to b, the two swapping, or to one of its own free competitors) over what it
 *     can do beside a and b (keep b′, go without, or go to a free competitor);
 *   - b with another a′: the same from b's side, the swap left out (counted once, above).
 * X = p·2^weight is the prior of one pair times its likelihood ratio, α the share of a list expected to have no
 * partner on the other. Longer chains of moves are left out: they matter only where the local moves already
 * leave the pair uncertain.
 */
export interface PairRef {
  a: number;
  b: number;
  weight: number;
}

/** A competitor whose prior-times-likelihood X is below this takes nothing measurable from a pair. */
export const NEGLIGIBLE = 1e-6;

/** Shares of each list expected to have no partner on the other, bounded away from 0: EM's count can overshoot. */
export function onlyShares(model: Model, sizeA: number, sizeB: number): { a: number; b: number } {
  return { a: Math.max(0.01, 1 - model.prior * sizeB), b: Math.max(0.01, 1 - model.prior * sizeA) };
}

export interface OneToOne<P extends PairRef> {
  probability: Float64Array;
  /** Per chosen pair, the alternative partner that takes the most from it, with its share relative to the pair. */
  rival: ({ pair: P; ratio: number } | undefined)[];
}

export interface Assignment<P extends PairRef> {
  chosen: readonly P[];
  /** Every candidate pair, chosen or not. */
  pairs: readonly P[];
  /** Index into `chosen` of each person's pair, -1 when unassigned. */
  takenA: Int32Array;
  takenB: Int32Array;
  /** The weight of a candidate pair, undefined when the two were never compared. */
  weightOf: (a: number, b: number) => number | undefined;
}

export function oneToOne<P extends PairRef>(
  { chosen, pairs, takenA, takenB, weightOf }: Assignment<P>,
  priorOdds: number,
  alone: { a: number; b: number },
): OneToOne<P> {
  const X = (w: number) => 2 ** (w + priorOdds);
  const neither = alone.a * alone.b;
  // Each chosen person's competitors that nobody else holds: where they could go if pushed off their pair.
  const spareA = new Float64Array(chosen.length);
  const spareB = new Float64Array(chosen.length);
  for (const q of pairs) {
    const ia = takenA[q.a]!;
    const ib = takenB[q.b]!;
    if (ia !== -1 && ib === -1) spareA[ia] = spareA[ia]! + X(q.weight);
    if (ib !== -1 && ia === -1) spareB[ib] = spareB[ib]! + X(q.weight);
  }
  const others = Float64Array.from(chosen, (p) => neither / X(p.weight));
  const rival: OneToOne<P>['rival'] = new Array(chosen.length);
  const credit = (idx: number, q: P, ratio: number) => {
    others[idx] = others[idx]! + ratio;
    if (!(rival[idx] && rival[idx].ratio >= ratio)) rival[idx] = { pair: q, ratio };
  };
  for (const q of pairs) {
    const ia = takenA[q.a]!;
    const ib = takenB[q.b]!;
    if (ia !== -1 && ia === ib) continue;
    const xq = X(q.weight);
    if (ia !== -1) {
      const held = ib === -1 ? undefined : chosen[ib]!;
      const swap = held ? weightOf(held.a, chosen[ia]!.b) : undefined;
      const rest = held ? (neither + (swap === undefined ? 0 : X(swap)) + spareA[ib]!) / (X(held.weight) + neither + spareA[ib]!) : 1;
      credit(ia, q, (xq * rest) / X(chosen[ia]!.weight));
    }
    if (ib !== -1) {
      const rest = ia === -1 ? 1 : (neither + spareB[ia]!) / (X(chosen[ia]!.weight) + neither + spareB[ia]!);
      credit(ib, q, (xq * rest) / X(chosen[ib]!.weight));
    }
  }
  return { probability: others.map((o) => 1 / (1 + o)), rival };
}

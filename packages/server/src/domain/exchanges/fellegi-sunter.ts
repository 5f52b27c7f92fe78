import { FIELDS, LEVELS, type Field, type Level } from './compare.ts';

/**
 * Fellegi–Sunter weights estimated by expectation–maximisation from the candidate pairs themselves (no labelled
 * pairs: nobody hands us the truth). Each field's agreement level is assumed independent of the others given
 * match status; m = P(level | same person), u = P(level | different people); a level adds log2(m/u) bits.
 * A missing value adds nothing (it is not observed), as in Fellegi and Sunter's own treatment.
 *
 * EM runs on the blocked candidate pairs and gives m and the share of matches there; u for the weights is measured
 * on random pairs of the two lists (almost all of which are different people). EM's own u is not used for weights:
 * the blocks are built from name agreement, so inside them a shared given name looks ordinary and would get no
 * weight. Holding u fixed inside EM does not work either (EM then calls every candidate a match). This is how
 * Splink estimates its parameters. The prior for the posterior is the expected number of matches over all pairs.
 *
 * EM runs over the distinct agreement patterns with their counts, not over pairs, so its cost does not grow with
 * the number of pairs.
 */
export interface FieldWeights {
  m: Record<string, number>;
  u: Record<string, number>;
  /** log2(m/u) per level. */
  weight: Record<string, number>;
}

export interface Model {
  /** Share of candidate pairs that are the same person. */
  prior: number;
  fields: Record<Field, FieldWeights>;
  iterations: number;
}

export type Pattern = Record<Field, Level>;

const SMOOTH = 1e-4;

function initial(field: Field, which: 'm' | 'u'): Record<string, number> {
  const levels = LEVELS[field];
  const raw = levels.map((_, i) => (which === 'm' ? 2 ** (levels.length - i) : 2 ** i));
  const sum = raw.reduce((s, x) => s + x, 0);
  return Object.fromEntries(levels.map((l, i) => [l, raw[i]! / sum]));
}

type Counts = ReadonlyMap<unknown, { pattern: Pattern; count: number }>;

/** Level frequencies among random pairs: u. */
export function unmatchedFrequencies(random: Counts): Record<Field, Record<string, number>> {
  const u = Object.fromEntries(FIELDS.map((f) => [f, Object.fromEntries(LEVELS[f].map((l) => [l, SMOOTH]))])) as Record<Field, Record<string, number>>;
  for (const { pattern, count } of random.values()) for (const f of FIELDS) if (pattern[f] !== 'missing') u[f][pattern[f]]! += count;
  for (const f of FIELDS) {
    const sum = Object.values(u[f]).reduce((s, x) => s + x, 0);
    for (const l of LEVELS[f]) u[f][l] = Math.max(u[f][l]! / sum, 1e-5);
  }
  return u;
}

export function estimate(patterns: Counts, random: Counts | null, allPairs: number, maxIterations = 100): Model {
  const m = Object.fromEntries(FIELDS.map((f) => [f, initial(f, 'm')])) as Record<Field, Record<string, number>>;
  const randomU = random ? unmatchedFrequencies(random) : null;
  const u = Object.fromEntries(FIELDS.map((f) => [f, initial(f, 'u')])) as Record<Field, Record<string, number>>;
  let prior = 0.3;
  const rows = [...patterns.values()];
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const mAcc = Object.fromEntries(FIELDS.map((f) => [f, Object.fromEntries(LEVELS[f].map((l) => [l, SMOOTH]))])) as Record<Field, Record<string, number>>;
    const uAcc = Object.fromEntries(FIELDS.map((f) => [f, Object.fromEntries(LEVELS[f].map((l) => [l, SMOOTH]))])) as Record<Field, Record<string, number>>;
    let matched = 0;
    let total = 0;
    for (const { pattern, count } of rows) {
      let pm = prior;
      let pu = 1 - prior;
      for (const f of FIELDS) {
        const l = pattern[f];
        if (l === 'missing') continue;
        pm *= m[f][l]!;
        pu *= u[f][l]!;
      }
      const g = pm / (pm + pu);
      matched += g * count;
      total += count;
      for (const f of FIELDS) {
        const l = pattern[f];
        if (l === 'missing') continue;
        mAcc[f][l]! += g * count;
        uAcc[f][l]! += (1 - g) * count;
      }
    }
    let change = Math.abs(matched / total - prior);
    prior = Math.min(0.999, Math.max(0.001, matched / total));
    for (const f of FIELDS) {
      const ms = Object.values(mAcc[f]).reduce((s, x) => s + x, 0);
      const us = Object.values(uAcc[f]).reduce((s, x) => s + x, 0);
      for (const l of LEVELS[f]) {
        const nm = mAcc[f][l]! / ms;
        const nu = uAcc[f][l]! / us;
        change = Math.max(change, Math.abs(nm - m[f][l]!), Math.abs(nu - u[f][l]!));
        m[f][l] = nm;
        u[f][l] = nu;
      }
    }
    if (change < 1e-6) break;
  }
  const candidates = rows.reduce((s, r) => s + r.count, 0);
  const uw = randomU ?? u;
  if (randomU) prior = Math.min(0.5, Math.max(1e-9, (prior * candidates) / Math.max(1, allPairs)));
  const fields = Object.fromEntries(
    FIELDS.map((f) => [f, { m: m[f], u: uw[f], weight: Object.fromEntries(LEVELS[f].map((l) => [l, Math.log2(m[f][l]! / uw[f][l]!)])) }]),
  ) as Record<Field, FieldWeights>;
  return { prior, fields, iterations };
}

/** The weight a level adds; 0 for a missing value. */
export const levelWeight = (model: Model, field: Field, level: Level): number => (level === 'missing' ? 0 : (model.fields[field].weight[level] ?? 0));

/** Posterior probability of a match for a total weight, given the prior. */
export const matchProbability = (model: Model, weight: number): number => 1 / (1 + 2 ** -(weight + Math.log2(model.prior / (1 - model.prior))));

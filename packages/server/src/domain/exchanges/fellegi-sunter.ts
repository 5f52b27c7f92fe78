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
 * Inside the blocks the non-matches are not independent field by field (see CLUSTERS), so EM gives them several
 * classes; only the match class's m is used.
 *
 * EM runs over the distinct agreement patterns with their counts, not over pairs, so its cost does not grow with
 * the number of pairs.
 *
 * On a short list (a batch of 5 to 300 people, the common case) the data cannot determine the 19 levels of each
 * of 7 classes: EM then fits the handful of candidates exactly and hands out absurd weights (a birth year worth
 * 15 bits, an exact date worth 3, a feminine surname form or a swapped day and month enough to drop a pair). So
 * every class gets a Dirichlet prior of PRIOR_PAIRS pseudo-pairs, spread as DEFAULT_M (the match class; the two
 * agreeing fields of each namesake class) and DEFAULT_U (the other fields of the namesake classes), and u gets
 * PRIOR_PAIRS pseudo-pairs of DEFAULT_U beside the random pairs. The M-step is then the posterior mode: counts plus
 * pseudo-counts. With a few candidates the defaults decide; with thousands they wash out (on the 10,000 × 10,000
 * bench: 2 more pairs auto, 1 more in review, none more wrong). The expected matches are held to at most
 * min(|A|, |B|) (maxMatches), and a random pair that blocking also proposed counts towards u only by the chance
 * EM gives it of being a non-match: on a 5 × 5 list 4 of the 25 pairs may be matches, among 10⁸ pairs they are
 * nothing.
 */
export interface FieldWeights {
  m: Record<string, number>;
  u: Record<string, number>;
  /** log2(m/u) per level. */
  weight: Record<string, number>;
}

export interface Model {
  /** Prior of one pair of the two lists being the same person (EM's expected matches over all pairs). */
  prior: number;
  fields: Record<Field, FieldWeights>;
  iterations: number;
}

export type Pattern = Record<Field, Level>;

/** How many pairs' worth of evidence the defaults weigh, for m, for each namesake class and for u. */
export const PRIOR_PAIRS = 300;

/** A level that random pairs never showed is not taken as rarer than this: 20,000 pairs cannot tell. */
const U_FLOOR = 1e-5;

type Table = Record<Field, Record<string, number>>;

/**
 * m as EM learns it on the 10,000 × 10,000 bench lists (bench/exchanges.bench.ts: the Ukrainian side in
 * Ukrainian Cyrillic or KMU 2010, the Russian side in Russian Cyrillic or one of four romanisations, diminutives,
 * typos, swapped name order, partial and missing dates), rounded; it is within 0.01 of the generator's truth.
 * Levels the generator never writes for one person (a patronymic that differs, another day of the same month, a
 * different birth date) come out at 10⁻⁸ there; real clerks do write them, so they get 0.001, enough to keep a
 * pair that agrees on all else and too little to move the bench.
 */
export const DEFAULT_M: Table = {
  surname: { exact: 0.909, equivalent: 0.0133, similar: 0.0676, different: 0.0099 },
  given: { exact: 0.54, equivalent: 0.351, diminutive: 0.0764, similar: 0.0227, different: 0.0096 },
  patronymic: { exact: 0.294, equivalent: 0.704, similar: 0.001, different: 0.001 },
  birthDate: { exact: 0.587, month: 0.1857, year: 0.209, near: 0.0177, otherDay: 0.001, different: 0.001 },
};

/**
 * u on the same bench lists: level frequencies among 3,000,000 random pairs of different people, rounded. Its
 * names are fewer than a real population's (45 surname stems, 38 given names), so it errs towards chance agreement:
 * the safe side for a prior.
 */
export const DEFAULT_U: Table = {
  surname: { exact: 0.0025, equivalent: 0.00028, similar: 0.012, different: 0.98522 },
  given: { exact: 0.0139, equivalent: 0.0099, diminutive: 0.00214, similar: 0.00167, different: 0.97239 },
  patronymic: { exact: 0.015, equivalent: 0.0379, similar: 0.00507, different: 0.94203 },
  birthDate: { exact: 0.000042, month: 0.00033, year: 0.00459, near: 0.000095, otherDay: 0.00112, different: 0.993823 },
};

type Counts = ReadonlyMap<unknown, { pattern: Pattern; count: number }>;
/** Random pairs by pattern; `candidate` when blocking also proposed them, so they may be matches. */
type RandomCounts = ReadonlyMap<unknown, { pattern: Pattern; count: number; candidate?: boolean }>;

const table = (fill: (f: Field, l: string) => number): Table =>
  Object.fromEntries(FIELDS.map((f) => [f, Object.fromEntries(LEVELS[f].map((l) => [l, fill(f, l)]))])) as Table;

/**
 * The classes EM starts from besides the match class: one per pair of fields, agreeing on those two and random on
 * the others. Blocking draws the candidates from unions of such pairs (same surname and given name, same given
 * name and year, same surname and patronymic…), and with a single non-match class EM took the largest of those
 * clusters for the matches (m for a differing given name came out at 0.5). Several latent classes for the
 * non-matches, as Larsen and Rubin (2001) do for conditional dependence, let each cluster be one class.
 */
const CLUSTERS: readonly (readonly Field[])[] = FIELDS.flatMap((f, i) => FIELDS.slice(i + 1).map((g) => [f, g]));

/** Every level of every field as one slot of a flat array: EM's inner loop then touches no objects. */
const OFFSET = FIELDS.map((_, i) => FIELDS.slice(0, i).reduce((s, f) => s + LEVELS[f].length, 0));
const SLOTS = FIELDS.reduce((s, f) => s + LEVELS[f].length, 0);
const slot = (f: Field, l: string) => OFFSET[FIELDS.indexOf(f)]! + (LEVELS[f] as readonly string[]).indexOf(l);
const flat = (t: Table) => Float64Array.from(FIELDS.flatMap((f) => LEVELS[f].map((l) => t[f][l]!)));
const unflat = (a: Float64Array): Table => table((f, l) => a[slot(f, l)]!);

/** Each field's levels summing to 1 (the rounded defaults nearly do). */
const normalised = (t: Table): Table => table((f, l) => t[f][l]! / LEVELS[f].reduce((s, x) => s + t[f][x]!, 0));
const M0 = normalised(DEFAULT_M);
const U0 = normalised(DEFAULT_U);

export interface EstimateOptions {
  /** At most this many pairs are matches: min(|A|, |B|), each person being on the other list at most once. */
  maxMatches?: number;
  maxIterations?: number;
}

export function estimate(patterns: Counts, random: RandomCounts | null, allPairs: number, options: EstimateOptions = {}): Model {
  const maxIterations = options.maxIterations ?? 100;
  const rows = [...patterns.values()];
  const counts = Float64Array.from(rows, (r) => r.count);
  const candidates = counts.reduce((s, x) => s + x, 0);
  // The Dirichlet prior of each class as pseudo-counts per slot; EM starts from its mean.
  const centres = [M0, ...CLUSTERS.map((fs) => table((f, l) => (fs.includes(f) ? M0 : U0)[f][l]!))].map(flat);
  const pseudo = centres.map((c) => c.map((x) => x * PRIOR_PAIRS));
  const classes = centres.map((c) => Float64Array.from(c));
  const K = classes.length;
  const share = Float64Array.from(classes, (_, k) => (k === 0 ? 0.1 : 0.9 / CLUSTERS.length));
  const maxShare = options.maxMatches === undefined || candidates === 0 ? 1 : Math.min(1, options.maxMatches / candidates);
  // Each pattern as the slots of its observed levels (a missing value is not observed and has no slot).
  const observed = rows.map(({ pattern }) => Int32Array.from(FIELDS.filter((f) => pattern[f] !== 'missing').map((f) => slot(f, pattern[f]))));
  const g = new Float64Array(K);
  const acc = new Float64Array(K * SLOTS);
  const mass = new Float64Array(K);
  let iterations = 0;
  for (; iterations < maxIterations && candidates > 0; iterations++) {
    for (let k = 0; k < K; k++) acc.set(pseudo[k]!, k * SLOTS);
    mass.fill(0);
    for (let r = 0; r < rows.length; r++) {
      const obs = observed[r]!;
      let sum = 0;
      for (let k = 0; k < K; k++) {
        let p = share[k]!;
        const c = classes[k]!;
        for (let i = 0; i < obs.length; i++) p *= c[obs[i]!]!;
        g[k] = p;
        sum += p;
      }
      if (!(sum > 0)) continue;
      for (let k = 0; k < K; k++) {
        const w = (g[k]! / sum) * counts[r]!;
        mass[k] = mass[k]! + w;
        for (let i = 0; i < obs.length; i++) acc[k * SLOTS + obs[i]!] = acc[k * SLOTS + obs[i]!]! + w;
      }
    }
    const total = mass.reduce((s, x) => s + x, 0);
    if (!(total > 0)) break;
    // The shares' M-step under share₀ ≤ maxShare: the match class at the bound, the others in proportion.
    const matchShare = Math.min(maxShare, mass[0]! / total);
    const scale = total - mass[0]! > 0 ? (1 - matchShare) / (total - mass[0]!) : 0;
    let change = 0;
    for (let k = 0; k < K; k++) {
      const next = k === 0 ? matchShare : mass[k]! * scale;
      change = Math.max(change, Math.abs(next - share[k]!));
      share[k] = next;
      const c = classes[k]!;
      FIELDS.forEach((f, fi) => {
        const o = OFFSET[fi]!;
        let sum = 0;
        for (let i = 0; i < LEVELS[f].length; i++) sum += acc[k * SLOTS + o + i]!;
        for (let i = 0; i < LEVELS[f].length; i++) {
          const v = acc[k * SLOTS + o + i]! / sum;
          change = Math.max(change, Math.abs(v - c[o + i]!));
          c[o + i] = v;
        }
      });
    }
    if (change < 1e-6) break;
  }
  const m = unflat(classes[0]!);
  let prior = Math.min(0.999, Math.max(0.001, share[0]!));
  if (random) prior = Math.min(0.5, Math.max(1e-9, Math.min(prior * candidates, options.maxMatches ?? Infinity) / Math.max(1, allPairs)));
  // A random pair that blocking also proposed is a match as often as EM says that pattern is; one it did not
  // propose is taken for a non-match (blocking's misses are too few to matter here).
  const matchChance = (pattern: Pattern) => {
    const obs = FIELDS.filter((f) => pattern[f] !== 'missing').map((f) => slot(f, pattern[f]));
    const p = classes.map((c, k) => obs.reduce((x, i) => x * c[i]!, share[k]!));
    const sum = p.reduce((a, b) => a + b, 0);
    return sum > 0 ? p[0]! / sum : 0;
  };
  // Without random pairs the weights fall back on the non-match classes pooled by their shares.
  const pooledFlat = new Float64Array(SLOTS);
  for (let k = 1; k < K; k++) for (let i = 0; i < SLOTS; i++) pooledFlat[i] = pooledFlat[i]! + (classes[k]![i]! * share[k]!) / Math.max(1e-12, 1 - share[0]!);
  const uw = random ? unmatchedFrequencies(random, matchChance) : unflat(pooledFlat);
  const fields = Object.fromEntries(
    FIELDS.map((f) => [f, { m: m[f], u: uw[f], weight: Object.fromEntries(LEVELS[f].map((l) => [l, Math.log2(m[f][l]! / uw[f][l]!)])) }]),
  ) as Record<Field, FieldWeights>;
  return { prior, fields, iterations };
}

/**
 * u: level frequencies among random pairs, each counted by the chance that it is not a match (`matchChance`, for
 * those blocking proposed), plus PRIOR_PAIRS pseudo-pairs of DEFAULT_U. On a 5 × 5 list 4 of the 25 pairs may be
 * matches; among 20,000 drawn from 10⁸ pairs one or two are.
 */
export function unmatchedFrequencies(random: RandomCounts, matchChance: (pattern: Pattern) => number = () => 0): Table {
  const seen = table((f, l) => PRIOR_PAIRS * U0[f][l]!);
  for (const { pattern, count, candidate } of random.values()) {
    const n = candidate ? count * (1 - matchChance(pattern)) : count;
    for (const f of FIELDS) if (pattern[f] !== 'missing') seen[f][pattern[f]]! += n;
  }
  return table((f, l) => Math.max(seen[f][l]! / LEVELS[f].reduce((s, x) => s + seen[f][x]!, 0), U_FLOOR));
}

/** The weight a level adds; 0 for a missing value. */
export const levelWeight = (model: Model, field: Field, level: Level): number => (level === 'missing' ? 0 : (model.fields[field].weight[level] ?? 0));

/** Posterior probability of a match for a total weight, given the prior. */
export const matchProbability = (model: Model, weight: number): number => 1 / (1 + 2 ** -(weight + Math.log2(model.prior / (1 - model.prior))));

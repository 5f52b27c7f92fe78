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

type Table = Record<Field, Record<string, number>>;
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

export function estimate(patterns: Counts, random: Counts | null, allPairs: number, maxIterations = 100): Model {
  const randomU = random ? unmatchedFrequencies(random) : null;
  const agree = table((f, l) => initial(f, 'm')[l]!);
  const base = randomU ?? table((f, l) => initial(f, 'u')[l]!);
  const classes = [agree, ...CLUSTERS.map((fs) => table((f, l) => (fs.includes(f) ? agree : base)[f][l]!))].map(flat);
  const K = classes.length;
  const share = Float64Array.from(classes, (_, k) => (k === 0 ? 0.1 : 0.9 / CLUSTERS.length));
  const rows = [...patterns.values()];
  // Each pattern as the slots of its observed levels (a missing value is not observed and has no slot).
  const observed = rows.map(({ pattern }) => Int32Array.from(FIELDS.filter((f) => pattern[f] !== 'missing').map((f) => slot(f, pattern[f]))));
  const counts = Float64Array.from(rows, (r) => r.count);
  const g = new Float64Array(K);
  const acc = new Float64Array(K * SLOTS);
  const mass = new Float64Array(K);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    acc.fill(SMOOTH);
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
    let change = 0;
    for (let k = 0; k < K; k++) {
      change = Math.max(change, Math.abs(mass[k]! / total - share[k]!));
      share[k] = mass[k]! / total;
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
  const candidates = counts.reduce((s, x) => s + x, 0);
  let prior = Math.min(0.999, Math.max(0.001, share[0]!));
  if (randomU) prior = Math.min(0.5, Math.max(1e-9, (prior * candidates) / Math.max(1, allPairs)));
  // Without random pairs the weights fall back on the non-match classes pooled by their shares.
  const pooledFlat = new Float64Array(SLOTS);
  for (let k = 1; k < K; k++) for (let i = 0; i < SLOTS; i++) pooledFlat[i] = pooledFlat[i]! + (classes[k]![i]! * share[k]!) / Math.max(1e-12, 1 - share[0]!);
  const uw = randomU ?? unflat(pooledFlat);
  const fields = Object.fromEntries(
    FIELDS.map((f) => [f, { m: m[f], u: uw[f], weight: Object.fromEntries(LEVELS[f].map((l) => [l, Math.log2(m[f][l]! / uw[f][l]!)])) }]),
  ) as Record<Field, FieldWeights>;
  return { prior, fields, iterations };
}

/** The weight a level adds; 0 for a missing value. */
export const levelWeight = (model: Model, field: Field, level: Level): number => (level === 'missing' ? 0 : (model.fields[field].weight[level] ?? 0));

/** Posterior probability of a match for a total weight, given the prior. */
export const matchProbability = (model: Model, weight: number): number => 1 / (1 + 2 ** -(weight + Math.log2(model.prior / (1 - model.prior))));

import { compare, FIELDS, LEVELS, prepare, type Field, type Level, type ListedPerson, type PreparedPerson } from './compare.ts';
import { estimate, levelWeight, type Model, type Pattern } from './fellegi-sunter.ts';
import { NEGLIGIBLE, onlyShares, oneToOne } from './one-to-one.ts';
import type { NameTable } from './name-table.ts';

/**
 * Reconciles two lists of people (each side's list about the same detainees): blocking on several keys, a
 * Fellegi–Sunter score whose weights EM estimates from these very lists, a one-to-one assignment, and three
 * bands. Nothing here decides: the auto band is what the evidence makes near certain, the review band is for a
 * person, and every proposal carries its explanation so the person can see why.
 */
export type Band = 'auto' | 'review';

export interface FieldExplanation {
  field: Field;
  level: Level;
  /** Bits this field added to the score (negative when it spoke against). */
  weight: number;
  a: string | null;
  b: string | null;
}

export interface ProposedMatch {
  a: string;
  b: string;
  band: Band;
  weight: number;
  /** That the two are one person, given the weight and the other candidates of both (one-to-one.ts). */
  probability: number;
  swapped: boolean;
  fields: FieldExplanation[];
  /**
   * Set when another partner for either person comes within AMBIGUITY bits of this pair, once discounted by how
   * surely that partner is someone else's (one-to-one.ts): then never auto.
   */
  closeCompetitor?: { a: string; b: string; weight: number };
}

export interface Reconciliation {
  matches: ProposedMatch[];
  onlyA: string[];
  onlyB: string[];
  model: Model;
  candidatePairs: number;
}

export interface ReconcileOptions {
  /** Posterior at or above which a match is automatic. */
  auto?: number;
  /** Posterior at or above which a pair goes to review. */
  review?: number;
  /** A block larger than this many pairs is skipped: the other keys still reach its people. */
  maxBlockPairs?: number;
}

const AMBIGUITY = 3;
const RANDOM_PAIRS = 20_000;

/** An agreement pattern as one small integer (levels are few), so counting patterns allocates nothing. */
const LEVEL_INDEX = new Map<string, number>(['missing', ...new Set(Object.values(LEVELS).flat())].map((l, i) => [l, i]));
const patternCode = (levels: Pattern) => FIELDS.reduce((code, f) => code * 16 + LEVEL_INDEX.get(levels[f])!, 0);

function memoTable(table: NameTable): NameTable {
  const cls = new Map<string, string>();
  const dim = new Map<string, readonly string[]>();
  return {
    size: table.size,
    classOf: (k) => cls.get(k) ?? (cls.set(k, table.classOf(k)), cls.get(k)!),
    diminutiveOf: (k) => dim.get(k) ?? (dim.set(k, table.diminutiveOf(k)), dim.get(k)!),
  };
}

function blockingKeys(p: PreparedPerson): string[] {
  const keys: string[] = [];
  const year = p.birth?.y ?? '';
  const givenClasses = [p.given.cls, ...p.given.diminutiveOf];
  // Unordered pair: a list that wrote the name order the other way round still lands in the same block.
  for (const g of givenClasses) keys.push(`n:${[p.surname.cls, g].sort().join('|')}`);
  if (year) {
    for (const g of givenClasses) keys.push(`g:${g}|${year}`);
    keys.push(`s:${p.surname.key.slice(0, 3)}|${year}`, `s:${p.given.key.slice(0, 3)}|${year}`);
  }
  if (p.patronymic) keys.push(`p:${p.surname.cls}|${p.patronymic.cls}`);
  return keys;
}

const textOf = (p: ListedPerson, f: Field, swapped: boolean): string | null => {
  if (f === 'surname') return swapped ? p.given : p.surname;
  if (f === 'given') return swapped ? p.surname : p.given;
  return (f === 'patronymic' ? p.patronymic : p.birthDate) ?? null;
};

export function reconcile(listA: readonly ListedPerson[], listB: readonly ListedPerson[], table: NameTable, options: ReconcileOptions = {}): Reconciliation {
  const autoAt = options.auto ?? 0.9;
  const reviewAt = options.review ?? 0.05;
  const maxBlock = options.maxBlockPairs ?? 2_500;
  // Lists repeat names endlessly: each distinct spelling is keyed once.
  const memo = memoTable(table);
  const A = listA.map((p) => prepare(p, memo));
  const B = listB.map((p) => prepare(p, memo));

  const blocks = new Map<string, { a: number[]; b: number[] }>();
  const add = (list: PreparedPerson[], side: 'a' | 'b') =>
    list.forEach((p, i) => {
      for (const k of new Set(blockingKeys(p))) {
        let blk = blocks.get(k);
        if (!blk) blocks.set(k, (blk = { a: [], b: [] }));
        blk[side].push(i);
      }
    });
  add(A, 'a');
  add(B, 'b');

  const seen = new Map<number, number>();
  const pairs: { a: number; b: number; pattern: Pattern; swapped: boolean; key: number; weight: number }[] = [];
  const patterns = new Map<number, { pattern: Pattern; count: number }>();
  for (const { a, b } of blocks.values()) {
    if (!a.length || !b.length || a.length * b.length > maxBlock) continue;
    for (const i of a)
      for (const j of b) {
        const id = i * B.length + j;
        if (seen.has(id)) continue;
        seen.set(id, pairs.length);
        const c = compare(A[i]!, B[j]!);
        const key = patternCode(c.levels);
        const entry = patterns.get(key);
        if (entry) entry.count++;
        else patterns.set(key, { pattern: c.levels, count: 1 });
        pairs.push({ a: i, b: j, pattern: c.levels, swapped: c.swapped, key, weight: 0 });
      }
  }

  // u from random pairs, drawn by a fixed-seed generator so the same lists always give the same weights; lists
  // with no more pairs than that are taken whole, every pair once.
  const random = new Map<number, { pattern: Pattern; count: number; candidate: boolean }>();
  let seed = 0x9e3779b9;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed % n;
  };
  const allPairs = A.length * B.length;
  const whole = allPairs <= RANDOM_PAIRS;
  for (let k = 0; k < Math.min(RANDOM_PAIRS, allPairs); k++) {
    const i = whole ? Math.floor(k / B.length) : next(A.length);
    const j = whole ? k % B.length : next(B.length);
    const c = compare(A[i]!, B[j]!);
    const candidate = seen.has(i * B.length + j);
    const key = patternCode(c.levels) * 2 + (candidate ? 1 : 0);
    const entry = random.get(key);
    if (entry) entry.count++;
    else random.set(key, { pattern: c.levels, count: 1, candidate });
  }
  const model = estimate(patterns, random, allPairs, { maxMatches: Math.min(A.length, B.length) });
  const patternWeight = new Map<number, number>();
  for (const [key, { pattern }] of patterns)
    patternWeight.set(
      key,
      FIELDS.reduce((s, f) => s + levelWeight(model, f, pattern[f]), 0),
    );
  for (const p of pairs) p.weight = patternWeight.get(p.key)!;
  // Greedy one-to-one assignment, best pair first: on these score distributions it coincides with the optimal
  // assignment except where two candidates are close, and those are sent to review below anyway. A pair is
  // assigned while it could still reach review with no competitor at all, and kept as a competitor while it can
  // take anything measurable from a pair's posterior.
  const priorOdds = Math.log2(model.prior / (1 - model.prior));
  const alone = onlyShares(model, A.length, B.length);
  const floor = Math.log2(reviewAt / (1 - reviewAt)) - priorOdds + Math.log2(alone.a * alone.b);
  const least = Math.min(floor, Math.log2(NEGLIGIBLE) - priorOdds);
  const scored = pairs.filter((p) => p.weight >= least).sort((x, y) => y.weight - x.weight);
  const takenA = new Int32Array(A.length).fill(-1);
  const takenB = new Int32Array(B.length).fill(-1);
  const chosen: (typeof scored)[number][] = [];
  for (const p of scored) {
    if (p.weight < floor) break;
    if (takenA[p.a] === -1 && takenB[p.b] === -1) {
      takenA[p.a] = chosen.length;
      takenB[p.b] = chosen.length;
      chosen.push(p);
    }
  }
  const index = (a: number, b: number) => a * B.length + b;
  const weightOf = (a: number, b: number) => {
    const k = seen.get(index(a, b));
    return k === undefined ? undefined : pairs[k]!.weight;
  };
  const { probability, rival } = oneToOne({ chosen, pairs: scored, takenA, takenB, weightOf }, priorOdds, alone);

  const matches: ProposedMatch[] = [];
  chosen.forEach((p, idx) => {
    const posterior = probability[idx]!;
    if (posterior < reviewAt) {
      takenA[p.a] = -1;
      takenB[p.b] = -1;
      return;
    }
    const r = rival[idx];
    const close = r && r.ratio > 2 ** -AMBIGUITY ? r.pair : undefined;
    const pa = A[p.a]!.person;
    const pb = B[p.b]!.person;
    matches.push({
      a: pa.id,
      b: pb.id,
      band: posterior >= autoAt && !close ? 'auto' : 'review',
      weight: p.weight,
      probability: posterior,
      swapped: p.swapped,
      fields: FIELDS.map((f) => ({
        field: f,
        level: p.pattern[f],
        weight: levelWeight(model, f, p.pattern[f]),
        a: textOf(pa, f, false),
        b: textOf(pb, f, p.swapped),
      })),
      ...(close ? { closeCompetitor: { a: A[close.a]!.person.id, b: B[close.b]!.person.id, weight: close.weight } } : {}),
    });
  });
  return {
    matches,
    onlyA: A.filter((_, i) => takenA[i] === -1).map((p) => p.person.id),
    onlyB: B.filter((_, j) => takenB[j] === -1).map((p) => p.person.id),
    model,
    candidatePairs: pairs.length,
  };
}

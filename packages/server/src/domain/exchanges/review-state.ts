import type { Band, FieldExplanation } from './reconcile.ts';

/** A proposal as a reconciliation keeps it: ids, levels and weights, never the names compared. */
export interface KeptMatch {
  a: string;
  b: string;
  band: Band;
  weight: number;
  probability: number;
  swapped: boolean;
  fields: Omit<FieldExplanation, 'a' | 'b'>[];
  closeCompetitor?: { a: string; b: string; weight: number };
}

export interface KeptReconciliation {
  matches: KeptMatch[];
  onlyA: string[];
  onlyB: string[];
  candidatePairs: number;
  emIterations: number;
}

export type DecisionKind = 'accept' | 'reject' | 'skip' | 'split' | 'merge';

export interface DecisionFact {
  seq: number;
  a: string;
  b: string;
  decision: DecisionKind;
  reason: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** A pair as the people reviewing it have left it: matched, still to decide, or set apart. */
export interface PairState {
  a: string;
  b: string;
  /** 'manual' for a pair a person joined that the engine did not propose. */
  band: Band | 'manual';
  state: 'matched' | 'pending' | 'rejected';
  match: KeptMatch | null;
  decisions: DecisionFact[];
}

export interface ReviewState {
  pairs: PairState[];
  onlyA: string[];
  onlyB: string[];
}

const key = (a: string, b: string) => `${a}\u0000${b}`;

/** Which decision a pair in this state admits; the reason a refusal gives otherwise. */
export function refusalOf(pair: PairState | undefined, decision: DecisionKind): string | null {
  if (decision === 'merge') return pair && pair.state === 'matched' ? 'These two are already matched.' : null;
  if (!pair) return 'The engine did not propose this pair: merge them to join two people it kept apart.';
  if (decision === 'split') return pair.state === 'matched' ? null : 'Only a matched pair can be split.';
  return null;
}

/**
 * The reconciliation after its decisions, in the order they were made: the last decision on a pair is its
 * state (a skip only notes that someone looked). The engine's auto band stands until someone splits it; its
 * review band waits for a person; a merge joins two people it kept apart.
 */
export function reviewState(result: KeptReconciliation, decisions: readonly DecisionFact[], listA: readonly string[], listB: readonly string[]): ReviewState {
  const pairs = new Map<string, PairState>();
  for (const m of result.matches)
    pairs.set(key(m.a, m.b), { a: m.a, b: m.b, band: m.band, state: m.band === 'auto' ? 'matched' : 'pending', match: m, decisions: [] });
  for (const d of decisions) {
    let pair = pairs.get(key(d.a, d.b));
    if (!pair) {
      if (d.decision !== 'merge') continue;
      pair = { a: d.a, b: d.b, band: 'manual', state: 'matched', match: null, decisions: [] };
      pairs.set(key(d.a, d.b), pair);
    }
    pair.decisions.push(d);
    if (d.decision === 'accept' || d.decision === 'merge') pair.state = 'matched';
    else if (d.decision === 'reject' || d.decision === 'split') pair.state = 'rejected';
  }
  const list = [...pairs.values()];
  const taken = (side: 'a' | 'b') => new Set(list.filter((p) => p.state !== 'rejected').map((p) => p[side]));
  const [inA, inB] = [taken('a'), taken('b')];
  return { pairs: list, onlyA: listA.filter((id) => !inA.has(id)), onlyB: listB.filter((id) => !inB.has(id)) };
}

/** Whether one of the two is already in a matched pair with someone else (matches are one-to-one). */
export function matchedElsewhere(state: ReviewState, a: string, b: string): boolean {
  return state.pairs.some((p) => p.state === 'matched' && (p.a === a) !== (p.b === b));
}

/** A matched pair whose details disagree: the same person with another date of birth, or another status. */
export function conflictsOf(pair: PairState): string[] {
  const DISAGREE = new Set(['different', 'near', 'otherDay']);
  return (pair.match?.fields ?? []).filter((f) => f.field === 'birthDate' && DISAGREE.has(f.level)).map(() => 'birthDate');
}

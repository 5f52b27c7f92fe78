import type { DecisionInput } from '@parley/contracts';
import { reconcile } from '../../domain/exchanges/reconcile.ts';
import { conflictsOf, matchedElsewhere, refusalOf, reviewState, type KeptReconciliation, type PairState } from '../../domain/exchanges/review-state.ts';
import type { Actor } from '../../domain/shared/actor.ts';
import { AppError, conflict, invalid, notFound } from '../../domain/shared/app-error.ts';
import { assertMayDecide, assertMediator } from '../../policies/exchanges.ts';
import type { ExchangeDeps, StoredDetainee, StoredReconciliation } from './ports.ts';
import { findList } from './read-exchanges.ts';
import { audited, exchangeId, viewOf } from './support.ts';

const living = (people: StoredDetainee[]) =>
  people.flatMap((p) =>
    p.entry ? [{ id: p.id, surname: p.entry.surname, given: p.entry.given, patronymic: p.entry.patronymic ?? null, birthDate: p.entry.birthDate ?? null }] : [],
  );

/** Runs the engine on the latest versions of two lists and keeps what it proposed (ids, levels, weights). */
export async function reconcileLists(deps: ExchangeDeps, actor: Actor, processId: string, input: { lists: [string, string] }) {
  const view = await viewOf(deps, actor, processId);
  assertMediator(view, 'list', input.lists[0]);
  if (input.lists[0] === input.lists[1]) throw invalid('lists/1', 'invalid_choice', 'Reconcile two different lists.');
  const [a, b] = await Promise.all(input.lists.map((id) => findList(deps, view, processId, id)));
  const [peopleA, peopleB] = await Promise.all([a!, b!].map(({ list }) => deps.exchanges.listEntries(processId, list.listId, list.version)));
  const r = reconcile(living(peopleA!), living(peopleB!), deps.names());
  const result: KeptReconciliation = {
    // Picked field by field: what is kept is what the report shows, and no name the engine compared.
    matches: r.matches.map((m) => ({
      a: m.a,
      b: m.b,
      band: m.band,
      weight: m.weight,
      probability: m.probability,
      swapped: m.swapped,
      fields: m.fields.map(({ field, level, weight }) => ({ field, level, weight })),
      ...(m.closeCompetitor ? { closeCompetitor: { a: m.closeCompetitor.a, b: m.closeCompetitor.b, weight: m.closeCompetitor.weight } } : {}),
    })),
    onlyA: r.onlyA,
    onlyB: r.onlyB,
    candidatePairs: r.candidatePairs,
    emIterations: r.model.iterations,
  };
  const id = exchangeId('rc');
  const row = { reconciliation_id: id, seq: 1, list_a: a!.list.listId, seq_a: a!.list.version, list_b: b!.list.listId, seq_b: b!.list.version, result };
  await deps.store.write(processId, actor, (uow) => uow.appendRows('reconciliation', 'reconciliations', 'reconciliation_id', [row]));
  return { id, ...summary(result) };
}

function summary(result: KeptReconciliation) {
  const count = (band: string) => result.matches.filter((m) => m.band === band).length;
  return { auto: count('auto'), review: count('review'), onlyA: result.onlyA.length, onlyB: result.onlyB.length, candidatePairs: result.candidatePairs };
}

async function loadReconciliation(deps: ExchangeDeps, processId: string, id: string) {
  const rec = (await deps.exchanges.reconciliations(processId)).find((r) => r.id === id);
  if (!rec) throw notFound('reconciliation', id);
  const [peopleA, peopleB] = await Promise.all(rec.lists.map((l) => deps.exchanges.listEntries(processId, l.listId, l.version)));
  const decisions = await deps.exchanges.decisions(processId, id);
  const state = reviewState(
    rec.result,
    decisions,
    peopleA!.map((p) => p.id),
    peopleB!.map((p) => p.id),
  );
  return { rec, peopleA: peopleA!, peopleB: peopleB!, decisions, state };
}

export async function listReconciliations(deps: ExchangeDeps, actor: Actor, processId: string) {
  const view = await viewOf(deps, actor, processId);
  if (!view?.all) throw notFound('exchange data of process', processId);
  const recs = await deps.exchanges.reconciliations(processId);
  return {
    items: recs.map((r: StoredReconciliation) => ({ id: r.id, lists: r.lists, recordedAt: r.recordedAt, recordedBy: r.recordedBy, ...summary(r.result) })),
  };
}

/** The report of one pair of lists: matched, to review, on one list only, and matched people whose details disagree. */
export async function readReconciliation(deps: ExchangeDeps, actor: Actor, processId: string, id: string, q: { purpose: string }) {
  const view = await viewOf(deps, actor, processId);
  if (!view?.all) throw notFound('reconciliation', id);
  const { rec, peopleA, peopleB, state } = await loadReconciliation(deps, processId, id);
  const person = new Map([...peopleA, ...peopleB].map((p) => [p.id, { id: p.id, line: p.line, entry: p.entry, erased: p.entry === null }]));
  const lists = await Promise.all(rec.lists.map((l) => findList(deps, view, processId, l.listId, l.version)));
  const pair = (p: PairState) => {
    const [a, b] = [person.get(p.a)!, person.get(p.b)!];
    const conflicts = conflictsOf(p);
    if (a.entry && b.entry && a.entry.category !== 'unknown' && b.entry.category !== 'unknown' && a.entry.category !== b.entry.category)
      conflicts.push('category');
    return { ...p, a, b, conflicts };
  };
  const pairs = state.pairs.map(pair);
  const report = {
    id,
    lists: lists.map((l) => l.list),
    recordedAt: rec.recordedAt,
    recordedBy: rec.recordedBy,
    summary: { ...summary(rec.result), matched: pairs.filter((p) => p.state === 'matched').length, pending: pairs.filter((p) => p.state === 'pending').length },
    matched: pairs.filter((p) => p.state === 'matched'),
    review: pairs.filter((p) => p.state === 'pending'),
    rejected: pairs.filter((p) => p.state === 'rejected'),
    onlyA: state.onlyA.map((x) => person.get(x)!),
    onlyB: state.onlyB.map((x) => person.get(x)!),
    conflicts: pairs.filter((p) => p.state === 'matched' && p.conflicts.length > 0),
  };
  return audited(deps, actor, processId, { action: 'read_reconciliation', purpose: q.purpose, subjects: [id] }, report);
}

/** A reviewer's decision on one pair, with who and why; matches stay one-to-one. */
export async function decideMatch(deps: ExchangeDeps, actor: Actor, processId: string, id: string, input: DecisionInput) {
  const view = await viewOf(deps, actor, processId);
  assertMayDecide(view, id);
  const { peopleA, peopleB, decisions, state } = await loadReconciliation(deps, processId, id);
  if (!peopleA.some((p) => p.id === input.a))
    throw new AppError('validation', 'not_in_reconciliation', 'The first person is not on the first list.', { field: 'a' });
  if (!peopleB.some((p) => p.id === input.b))
    throw new AppError('validation', 'not_in_reconciliation', 'The second person is not on the second list.', { field: 'b' });
  const pair = state.pairs.find((p) => p.a === input.a && p.b === input.b);
  const refusal = refusalOf(pair, input.decision);
  if (refusal) throw invalid('decision', 'invalid_choice', refusal);
  if ((input.decision === 'merge' || input.decision === 'accept') && matchedElsewhere(state, input.a, input.b))
    throw conflict('already_matched', 'One of the two is already matched to someone else: split that match first.', { field: 'decision' });
  const seq = (decisions.at(-1)?.seq ?? 0) + 1;
  const row = { reconciliation_id: id, seq, a_id: input.a, b_id: input.b, decision: input.decision, reason: input.reason ?? null };
  await deps.store.write(processId, actor, (uow) => uow.appendRows('match_decision', 'match_decisions', 'reconciliation_id', [row]));
  return { seq };
}

import type { BatchInput, DeliveryInput } from '@parley/contracts';
import type { Actor } from '../../domain/shared/actor.ts';
import { AppError, conflict, invalid, notFound } from '../../domain/shared/app-error.ts';
import { parsePreciseDate } from '../../domain/shared/precise-date.ts';
import { assertMediator } from '../../policies/exchanges.ts';
import type { BatchBody, ExchangeDeps, StoredBatch, StoredDetainee } from './ports.ts';
import { audited, exchangeId, viewOf } from './support.ts';

const notInBatch = (field: string, message: string) => new AppError('validation', 'not_in_batch', message, { field });

/** Every id must name a person held by one of the batch's two sides. */
async function heldBySides(deps: ExchangeDeps, processId: string, sides: readonly string[], ids: string[], field: string) {
  const found = new Map((await deps.exchanges.detainees(processId, ids)).map((p) => [p.id, p]));
  ids.forEach((id, i) => {
    const p = found.get(id);
    if (!p || !sides.includes(p.heldBy)) throw notInBatch(`${field}/${i}`, `The person "${id}" is not held by either side of this batch.`);
  });
  return found;
}

/** An agreed batch ("all for all", "306 for 74") with the people it names. */
export async function createBatch(deps: ExchangeDeps, actor: Actor, processId: string, input: BatchInput) {
  const view = await viewOf(deps, actor, processId);
  assertMediator(view, 'batch', 'new');
  parsePreciseDate(input.agreedOn, 'agreedOn');
  if (input.sides[0] === input.sides[1]) throw invalid('sides/1', 'invalid_choice', 'An exchange is between two different parties.');
  await heldBySides(deps, processId, input.sides, input.people, 'people');
  const id = exchangeId('xb');
  await deps.store.write(processId, actor, (uow) => uow.appendRows('exchange_batch', 'exchange_batches', 'batch_id', [{ batch_id: id, seq: 1, batch: input }]));
  return { id, version: 1 };
}

async function latestBatch(deps: ExchangeDeps, processId: string, id: string): Promise<StoredBatch> {
  const found = (await deps.exchanges.batches(processId)).filter((b) => b.id === id).at(-1);
  if (!found) throw notFound('batch', id);
  return found;
}

/**
 * What was handed over, and who refused to go and why. The delivered may differ from the agreed (someone not
 * on the batch handed over too): the batch shows each difference; each person's status follows.
 */
export async function recordDelivery(deps: ExchangeDeps, actor: Actor, processId: string, id: string, input: DeliveryInput) {
  const view = await viewOf(deps, actor, processId);
  assertMediator(view, 'batch', id);
  const current = await latestBatch(deps, processId, id);
  if (current.version !== input.version)
    throw conflict('stale_version', `This batch was changed meanwhile (you sent version ${input.version}); reload it and try again.`, { field: 'version' });
  if (current.batch.delivery) throw conflict('already_delivered', 'The delivery of this batch is already recorded.');
  parsePreciseDate(input.deliveredOn, 'deliveredOn');
  await heldBySides(deps, processId, current.batch.sides, input.delivered, 'delivered');
  const agreed = new Set(current.batch.people);
  const delivered = new Set(input.delivered);
  const refusedIds = new Set<string>();
  input.refused.forEach((r, i) => {
    if (refusedIds.has(r.id)) throw invalid(`refused/${i}/id`, 'invalid_choice', 'This person is already listed as refusing to go.');
    refusedIds.add(r.id);
    if (!agreed.has(r.id)) throw notInBatch(`refused/${i}/id`, 'Only a person of the batch can refuse to go.');
    if (delivered.has(r.id)) throw invalid(`refused/${i}/id`, 'invalid_choice', 'A person who refused to go was not delivered.');
  });
  const { version: _v, ...delivery } = input;
  const batch: BatchBody = { ...current.batch, delivery };
  const source = `Exchange batch "${current.batch.title}" (${id})`;
  const statuses = await deps.exchanges.statuses(processId, [...input.delivered, ...input.refused.map((r) => r.id)]);
  const next = new Map<string, number>();
  for (const s of statuses) next.set(s.detaineeId, Math.max(next.get(s.detaineeId) ?? 0, s.seq));
  const rows = [
    ...input.delivered.map((p) => ({ detainee_id: p, seq: (next.get(p) ?? 0) + 1, status: 'exchanged', at: input.deliveredOn, source })),
    ...input.refused.map((r) => ({
      detainee_id: r.id,
      seq: (next.get(r.id) ?? 0) + 1,
      status: 'held',
      at: input.deliveredOn,
      source: `${source}: refused to go (${r.reason})`,
    })),
  ];
  await deps.store.write(processId, actor, async (uow) => {
    await uow.appendRows('exchange_batch', 'exchange_batches', 'batch_id', [{ batch_id: id, seq: current.version + 1, batch }]);
    await uow.appendRows('detainee_status', 'detainee_statuses', 'detainee_id', rows);
  });
  return { id, version: current.version + 1 };
}

/** Agreed against delivered, per side: the numbers a communiqué gives and the ones that happened. */
export function discrepancies(batch: BatchBody, people: Map<string, StoredDetainee>) {
  const bySide = (ids: string[], side: string) => ids.filter((x) => people.get(x)?.heldBy === side).length;
  const d = batch.delivery;
  const agreedPeople = new Set(batch.people);
  return batch.sides.map((side, i) => ({
    side,
    agreed: i === 0 ? batch.agreed.a : batch.agreed.b,
    named: bySide(batch.people, side),
    delivered: d ? bySide(d.delivered, side) : null,
    refused: d
      ? bySide(
          d.refused.map((r) => r.id),
          side,
        )
      : null,
    notDelivered: d
      ? bySide(
          batch.people.filter((x) => !d.delivered.includes(x) && !d.refused.some((r) => r.id === x)),
          side,
        )
      : null,
    deliveredNotAgreed: d
      ? bySide(
          d.delivered.filter((x) => !agreedPeople.has(x)),
          side,
        )
      : null,
  }));
}

export async function listBatches(deps: ExchangeDeps, actor: Actor, processId: string) {
  const view = await viewOf(deps, actor, processId);
  if (!view?.all) throw notFound('exchange data of process', processId);
  const latest = new Map<string, StoredBatch>();
  for (const b of await deps.exchanges.batches(processId)) latest.set(b.id, b);
  const items = [];
  for (const b of latest.values()) {
    const ids = [...b.batch.people, ...(b.batch.delivery?.delivered ?? [])];
    const people = new Map((await deps.exchanges.detainees(processId, ids)).map((p) => [p.id, p]));
    items.push({ id: b.id, version: b.version, title: b.batch.title, terms: b.batch.terms, agreedOn: b.batch.agreedOn, sides: discrepancies(b.batch, people) });
  }
  return { items };
}

/** One batch with its people named; a read of detainee data, so journalled with its purpose. */
export async function readBatch(deps: ExchangeDeps, actor: Actor, processId: string, id: string, q: { purpose: string }) {
  const view = await viewOf(deps, actor, processId);
  if (!view?.all) throw notFound('batch', id);
  const b = await latestBatch(deps, processId, id);
  const ids = [...new Set([...b.batch.people, ...(b.batch.delivery?.delivered ?? [])])];
  const found = await deps.exchanges.detainees(processId, ids);
  const people = new Map(found.map((p) => [p.id, p]));
  const shown = {
    ...b,
    sides: discrepancies(b.batch, people),
    people: found.map((p) => ({ id: p.id, heldBy: p.heldBy, listId: p.listId, line: p.line, entry: p.entry })),
  };
  return audited(deps, actor, processId, { action: 'read_batch', purpose: q.purpose, subjects: [id] }, shown);
}

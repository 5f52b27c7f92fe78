import type { Actor } from '../../domain/shared/actor.ts';
import { notFound } from '../../domain/shared/app-error.ts';
import { nameKey } from '../../domain/exchanges/name-key.ts';
import { assertMediator, assertSees, seesParty, type ExchangeView } from '../../policies/exchanges.ts';
import type { ExchangeDeps, StoredDetainee, StoredList, StoredStatus } from './ports.ts';
import { audited, viewOf } from './support.ts';

/** A person as a reader sees them: erased data reads as erased, never as a gap that could be refilled. */
export interface DetaineeView extends StoredDetainee {
  erased: boolean;
  statuses: StoredStatus[];
}

const latestVersions = (lists: StoredList[]) => {
  const latest = new Map<string, StoredList & { versions: number }>();
  for (const l of lists) latest.set(l.listId, { ...l, versions: (latest.get(l.listId)?.versions ?? 0) + 1 });
  return [...latest.values()];
};

/** The lists the reader may see, latest versions, with no one's name: the index of the exchange pages. */
export async function listLists(deps: ExchangeDeps, actor: Actor, processId: string) {
  const view = await viewOf(deps, actor, processId);
  if (!view) throw notFound('exchange data of process', processId);
  const lists = latestVersions(await deps.exchanges.lists(processId)).filter((l) => seesParty(view, l.partyId));
  return { lists, role: view.all ? (view.reviewer ? 'reviewer' : 'mediator') : 'party', parties: view.all ? null : view.parties };
}

export async function findList(deps: ExchangeDeps, view: ExchangeView | null, processId: string, listId: string, version?: number) {
  const versions = (await deps.exchanges.lists(processId)).filter((l) => l.listId === listId);
  const list = version === undefined ? versions.at(-1) : versions.find((l) => l.version === version);
  if (!list) throw notFound('list', listId);
  assertSees(view, list.partyId, 'list', listId);
  return { list, versions: versions.length };
}

async function withStatuses(deps: ExchangeDeps, processId: string, people: StoredDetainee[]): Promise<DetaineeView[]> {
  const statuses = await deps.exchanges.statuses(
    processId,
    people.map((p) => p.id),
  );
  const byId = new Map<string, StoredStatus[]>();
  for (const s of statuses) byId.set(s.detaineeId, [...(byId.get(s.detaineeId) ?? []), s]);
  return people.map((p) => ({ ...p, erased: p.entry === null, statuses: byId.get(p.id) ?? [] }));
}

/** One version of a list with its people; the read is journalled with its purpose. */
export async function readList(deps: ExchangeDeps, actor: Actor, processId: string, listId: string, q: { purpose: string; version?: number }) {
  const view = await viewOf(deps, actor, processId);
  const { list, versions } = await findList(deps, view, processId, listId, q.version);
  const people = await withStatuses(deps, processId, await deps.exchanges.listEntries(processId, listId, list.version));
  return audited(deps, actor, processId, { action: 'read_list', purpose: q.purpose, subjects: [`${listId}@${list.version}`] }, { list, versions, people });
}

/** One person with every status recorded about them. */
export async function readDetainee(deps: ExchangeDeps, actor: Actor, processId: string, id: string, q: { purpose: string }) {
  const view = await viewOf(deps, actor, processId);
  const [person] = await deps.exchanges.detainees(processId, [id]);
  if (!person) throw notFound('person', id);
  assertSees(view, person.partyId, 'person', id);
  const [shown] = await withStatuses(deps, processId, [person]);
  return audited(deps, actor, processId, { action: 'read_person', purpose: q.purpose, subjects: [id] }, shown!);
}

/**
 * People whose names match the query in any script: the query and every name are compared by their
 * script-neutral key, so "Kovalenko", "Коваленко" and "Kovalenko" in GOST find the same rows.
 */
export async function searchDetainees(deps: ExchangeDeps, actor: Actor, processId: string, q: { q: string; purpose: string }) {
  const view = await viewOf(deps, actor, processId);
  if (!view) throw notFound('exchange data of process', processId);
  const wanted = q.q
    .split(/\s+/)
    .map((w) => nameKey(w))
    .filter(Boolean);
  const lists = latestVersions(await deps.exchanges.lists(processId)).filter((l) => seesParty(view, l.partyId));
  const found: StoredDetainee[] = [];
  for (const l of lists)
    for (const p of await deps.exchanges.listEntries(processId, l.listId, l.version)) {
      if (!p.entry) continue;
      const keys = [p.entry.surname, p.entry.given, p.entry.patronymic ?? ''].flatMap((n) => n.split(/\s+/)).map((n) => nameKey(n));
      if (wanted.length > 0 && wanted.every((w) => keys.some((k) => k.startsWith(w)))) found.push(p);
      if (found.length >= 200) break;
    }
  const people = await withStatuses(deps, processId, found);
  return audited(deps, actor, processId, { action: 'search', purpose: q.purpose, subjects: people.map((p) => p.id) }, people);
}

/** Every list's people as CSV rows, for the mediator; an export is a read like any other and needs its purpose. */
export async function exportDetainees(deps: ExchangeDeps, actor: Actor, processId: string, q: { purpose: string }) {
  const view = await viewOf(deps, actor, processId);
  assertMediator(view, 'exchange data of process', processId);
  const rows: StoredDetainee[] = [];
  const lists = latestVersions(await deps.exchanges.lists(processId));
  for (const l of lists) rows.push(...(await deps.exchanges.listEntries(processId, l.listId, l.version)));
  return audited(deps, actor, processId, { action: 'export', purpose: q.purpose, subjects: lists.map((l) => `${l.listId}@${l.version}`) }, { lists, rows });
}

/** The access log, newest first: mediator only. */
export async function readAccessLog(deps: ExchangeDeps, actor: Actor, processId: string, q: { limit?: number }) {
  const view = await viewOf(deps, actor, processId);
  assertMediator(view, 'access log of process', processId);
  return { items: await deps.exchanges.accessLog(processId, q.limit ?? 200) };
}

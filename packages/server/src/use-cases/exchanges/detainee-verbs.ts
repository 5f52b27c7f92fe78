import type { Actor } from '../../domain/shared/actor.ts';
import { AppError, notFound } from '../../domain/shared/app-error.ts';
import { parsePreciseDate } from '../../domain/shared/precise-date.ts';
import { assertMediator } from '../../policies/exchanges.ts';
import type { AccountStore } from '../ports.ts';
import type { ExchangeDeps } from './ports.ts';
import { viewOf } from './support.ts';

async function person(deps: ExchangeDeps, actor: Actor, processId: string, id: string) {
  const view = await viewOf(deps, actor, processId);
  assertMediator(view, 'person', id);
  const [found] = await deps.exchanges.detainees(processId, [id]);
  if (!found) throw notFound('person', id);
  return found;
}

/** A person's status from here on (held, verified, exchanged…), with its source; earlier ones stay. */
export async function recordStatus(deps: ExchangeDeps, actor: Actor, processId: string, id: string, input: { status: string; at: string; source: string }) {
  parsePreciseDate(input.at, 'at');
  await person(deps, actor, processId, id);
  const seq = ((await deps.exchanges.statuses(processId, [id])).at(-1)?.seq ?? 0) + 1;
  await deps.store.write(processId, actor, (uow) =>
    uow.appendRows('detainee_status', 'detainee_statuses', 'detainee_id', [{ detainee_id: id, seq, ...input }]),
  );
  return { seq };
}

/**
 * Erases a person's personal data (on request, or by a retention rule): the row's entry and its journal
 * bodies go, a redaction entry says who erased it and why, and every proof and checkpoint stays valid.
 */
export async function eraseDetainee(deps: ExchangeDeps, actor: Actor, processId: string, id: string, input: { reason: string }) {
  const found = await person(deps, actor, processId, id);
  if (!found.entry) throw new AppError('conflict', 'already_redacted', "This person's data is already erased.");
  const erased = await deps.store.write(processId, actor, (uow) => uow.eraseDetainee(id, input.reason));
  return { id, erased };
}

/** Names (or stops naming) an account of the process as a reviewer of detainee data. */
export async function setReviewer(
  deps: ExchangeDeps & { accounts: Pick<AccountStore, 'processGrants'> },
  actor: Actor,
  processId: string,
  accountId: string,
  active: boolean,
) {
  const view = await viewOf(deps, actor, processId);
  assertMediator(view, 'reviewers of process', processId);
  const grants = await deps.accounts.processGrants(processId);
  if (active && !grants.some((g) => g.accountId === accountId && g.active && g.revokedAt === null))
    throw new AppError('validation', 'not_in_process', 'Name as reviewer someone who holds a role in this process.', { field: 'accountId' });
  const current = (await deps.exchanges.reviewers(processId)).find((r) => r.accountId === accountId);
  if ((current?.active ?? false) === active) return { accountId, active };
  const row = { account_id: accountId, seq: (current?.version ?? 0) + 1, active };
  await deps.store.write(processId, actor, (uow) => uow.appendRows('exchange_reviewer', 'exchange_reviewers', 'account_id', [row]));
  return { accountId, active };
}

export async function listReviewers(deps: ExchangeDeps, actor: Actor, processId: string) {
  const view = await viewOf(deps, actor, processId);
  assertMediator(view, 'reviewers of process', processId);
  return { items: (await deps.exchanges.reviewers(processId)).filter((r) => r.active) };
}

/**
 * A retention rule: erases the personal data of everyone whose latest status is one of `statuses` from before
 * `before` (people exchanged or released long ago), each with its own redaction entry. Answers whom it erased.
 */
export async function applyRetention(deps: ExchangeDeps, actor: Actor, processId: string, rule: { statuses: string[]; before: string; reason: string }) {
  parsePreciseDate(rule.before, 'before');
  const view = await viewOf(deps, actor, processId);
  assertMediator(view, 'exchange data of process', processId);
  const latest = new Map<string, { status: string; at: string }>();
  for (const list of await deps.exchanges.lists(processId)) {
    const people = await deps.exchanges.listEntries(processId, list.listId, list.version);
    for (const s of await deps.exchanges.statuses(
      processId,
      people.filter((p) => p.entry).map((p) => p.id),
    ))
      latest.set(s.detaineeId, s);
  }
  const due = [...latest].filter(([, s]) => rule.statuses.includes(s.status) && s.at < rule.before).map(([id]) => id);
  if (due.length > 0)
    await deps.store.write(processId, actor, async (uow) => {
      for (const id of due) await uow.eraseDetainee(id, rule.reason);
    });
  return { erased: due };
}

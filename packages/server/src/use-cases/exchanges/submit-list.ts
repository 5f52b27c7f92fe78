import type { DetaineeEntry, DetaineeListInput } from '@parley/contracts';
import { entryProblems, type RowProblem } from '../../domain/exchanges/entry-check.ts';
import type { Actor } from '../../domain/shared/actor.ts';
import { AppError, conflict, invalid, notFound } from '../../domain/shared/app-error.ts';
import { assertMaySubmit } from '../../policies/exchanges.ts';
import { assertProcess, today } from '../support.ts';
import type { ExchangeDeps } from './ports.ts';
import { exchangeId } from './support.ts';

export interface SubmittedList {
  listId: string;
  version: number;
  entries: number;
}

/** The refusal of a list with broken rows: every problem with its line, and nothing stored. */
export function rowsRefused(problems: RowProblem[], total = problems.length, field = 'entries'): AppError {
  return new AppError(
    'validation',
    'list_rows_refused',
    `${total} ${total === 1 ? 'row was' : 'rows were'} refused (first at line ${problems[0]!.line}); nothing was stored.`,
    { field, problems: problems.slice(0, 1000), total },
  );
}

/**
 * Stores a party's list, whole or not at all. `lines` are the rows' lines in an uploaded file, so a person
 * can be traced back to the paper they came from; a list sent as JSON numbers its entries from 1.
 */
export async function submitList(deps: ExchangeDeps, actor: Actor, processId: string, input: DetaineeListInput, lines?: number[]): Promise<SubmittedList> {
  await assertProcess(deps.store.reader, processId);
  assertMaySubmit(actor, processId, input.partyId);
  if (input.side === 'held_by_us' && input.heldBy !== input.partyId)
    throw invalid('heldBy', 'invalid_choice', 'A list of the people a party holds names that party as the one holding them.');
  if (input.side === 'held_by_them' && input.heldBy === input.partyId)
    throw invalid('heldBy', 'invalid_choice', 'A list of the people another party holds names that other party.');
  for (const field of ['partyId', 'heldBy'] as const)
    if (!(await deps.store.reader.get('parties', processId, input[field])))
      throw invalid(field, 'unknown_reference', `There is no party "${input[field]}" in this process.`);
  const problems = entryProblems(input.entries, today(), lines);
  // Sent as JSON, an entry's line is its position: the refusal points at the first broken field itself.
  const first = problems[0];
  if (first) throw rowsRefused(problems, problems.length, lines || !first.field ? 'entries' : `entries/${first.line - 1}/${first.field}`);

  let listId = exchangeId('dl');
  let version = 1;
  if (input.replaces) {
    const versions = (await deps.exchanges.lists(processId)).filter((l) => l.listId === input.replaces!.listId);
    const latest = versions.at(-1);
    // Another party's list reads as missing: nobody replaces a list they may not see.
    if (!latest || latest.partyId !== input.partyId) throw notFound('list', input.replaces.listId);
    if (latest.version !== input.replaces.version)
      throw conflict('stale_version', `This list was replaced meanwhile (you sent version ${input.replaces.version}); reload it and try again.`, {
        field: 'replaces/version',
      });
    listId = latest.listId;
    version = latest.version + 1;
  }
  const entries = input.entries.map((entry: DetaineeEntry, i) => ({
    detainee_id: exchangeId('dt'),
    seq: 1,
    list_id: listId,
    list_seq: version,
    line: lines?.[i] ?? i + 1,
    entry,
  }));
  await deps.store.write(processId, actor, async (uow) => {
    await uow.appendRows('detainee_list', 'detainee_lists', 'list_id', [
      { list_id: listId, seq: version, party_id: input.partyId, side: input.side, held_by: input.heldBy, title: input.title, entries: entries.length },
    ]);
    await uow.appendRows('detainee', 'detainees', 'detainee_id', entries);
  });
  return { listId, version, entries: entries.length };
}

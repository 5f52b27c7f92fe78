import { readListFile } from '../../domain/exchanges/list-file.ts';
import type { Actor } from '../../domain/shared/actor.ts';
import { assertMaySubmit } from '../../policies/exchanges.ts';
import { assertProcess, today } from '../support.ts';
import type { ExchangeDeps } from './ports.ts';
import { rowsRefused, submitList } from './submit-list.ts';

export interface UploadMeta {
  partyId: string;
  side: 'held_by_us' | 'held_by_them';
  heldBy: string;
  title: string;
  fileName?: string;
  replaces?: string;
  version?: number;
}

/** A list from a CSV or XLSX file: every row read and checked before anything is stored, or none stored. */
export async function uploadList(deps: ExchangeDeps, actor: Actor, processId: string, bytes: Uint8Array, meta: UploadMeta) {
  await assertProcess(deps.store.reader, processId);
  // Refused before the file is read: nobody may make the server parse a file they could not submit.
  assertMaySubmit(actor, processId, meta.partyId);
  const file = await readListFile(bytes, meta.fileName ?? 'list', { today: today() });
  if (file.problems.length > 0) throw rowsRefused(file.problems, file.problemCount, 'file');
  return submitList(
    deps,
    actor,
    processId,
    {
      partyId: meta.partyId,
      side: meta.side,
      heldBy: meta.heldBy,
      title: meta.title,
      entries: file.rows.map((r) => r.entry),
      ...(meta.replaces ? { replaces: { listId: meta.replaces, version: meta.version ?? 0 } } : {}),
    },
    file.rows.map((r) => r.line),
  );
}

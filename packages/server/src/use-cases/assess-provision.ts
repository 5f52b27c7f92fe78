import type { Actor } from '../domain/shared/actor.ts';
import { notFound } from '../domain/shared/app-error.ts';
import { createRecord } from './create-record.ts';
import { provisionId } from './add-provision.ts';
import { resource } from './resources.ts';
import type { StoredRecord } from './ports.ts';
import { reading } from './reading.ts';
import type { Deps } from './support.ts';

/**
 * Records how far a provision is implemented, from one perspective, as of a date.
 * Assessments are never replaced by later or competing ones: each stays in the record.
 */
export async function assessProvision(
  deps: Deps,
  actor: Actor,
  processId: string,
  agreementId: string,
  number: string,
  input: Record<string, unknown>,
): Promise<StoredRecord> {
  const id = provisionId(agreementId, number);
  const provision = await reading(deps.store.reader, actor, processId, 'edit').find('provisions', id);
  if (!provision || provision.parentId !== agreementId) throw notFound('provision', `${agreementId} ${number}`);
  return createRecord(deps, actor, processId, resource('assessment'), input, { agreementId, provisionId: id, provisionNumber: number });
}

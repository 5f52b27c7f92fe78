import type { Actor } from '../../domain/shared/actor.ts';
import { AppError, notFound } from '../../domain/shared/app-error.ts';
import type { LogDeps } from '../ports.ts';
import { assertCanWrite } from '../../policies/access.ts';
import { tableOfKind } from './record-visibility.ts';

/**
 * Erasure of personal data without breaking the log: every body and salt of the record
 * is deleted, the record becomes a redacted version, and a redaction entry is appended.
 * Leaves hold only commitments, so every proof and signed checkpoint stays valid.
 * Mediator only: erasure is irreversible and concerns every party's record.
 */
export async function redactRecord(deps: LogDeps, actor: Actor, processId: string, type: string, id: string, input: { reason: string }) {
  assertCanWrite(actor, processId, 'redaction', { audience: 'mediator', audienceParty: null });
  const table = tableOfKind(type);
  if (!table) throw new AppError('validation', 'not_redactable', `Records of type "${type}" cannot be erased.`, { field: 'type' });
  return deps.store.write(processId, actor, async (uow) => {
    const current = await uow.get(table, processId, id);
    if (!current) throw notFound(type.replace(/_/g, ' '), id);
    if ('redacted' in current.body) throw new AppError('conflict', 'already_redacted', `This ${type.replace(/_/g, ' ')} is already erased.`);
    return uow.redact(table, type as Parameters<typeof uow.redact>[1], current, input.reason);
  });
}

import type { Visibility } from '../../domain/shared/actor.ts';
import type { RecordReader, RecordTable } from '../ports.ts';
import { RESOURCES } from '../resources.ts';
import { isExchangeEntry } from './exchange-kinds.ts';

/** History kinds are journalled under their parent record's id and share its audience. */
export const PARENT_TABLE: Record<string, RecordTable> = {
  meeting_transition: 'meetings',
  cause_claim: 'meetings',
  invitation_response: 'invitations',
  source_reading: 'sources',
  candidate_review: 'sources',
};
const PUBLIC: Visibility = { audience: 'public', audienceParty: null };
const MEDIATOR: Visibility = { audience: 'mediator', audienceParty: null };

export function tableOfKind(kind: string): RecordTable | undefined {
  return RESOURCES.find((r) => r.kind === kind)?.table;
}

/**
 * Who may read the body of a journal entry, from the record it belongs to.
 * Undefined when the log holds no such record type.
 */
export async function entryVisibility(reader: RecordReader, processId: string, type: string, recordId: string): Promise<Visibility | undefined> {
  if (type === 'process' || type === 'witness') return PUBLIC;
  if (type === 'role_grant' || isExchangeEntry(type, recordId)) return MEDIATOR;
  if (type === 'redaction') {
    const slash = recordId.indexOf('/');
    return slash < 0 ? undefined : entryVisibility(reader, processId, recordId.slice(0, slash), recordId.slice(slash + 1));
  }
  const table = tableOfKind(type) ?? PARENT_TABLE[type];
  if (!table) return undefined;
  const record = await reader.get(table, processId, recordId);
  return record ? { audience: record.audience, audienceParty: record.audienceParty } : MEDIATOR;
}

/** The audience a journalled version of a record had (history rows have none of their own). */
export function versionVisibility(body: unknown): Visibility | undefined {
  const v = body as { audience?: Visibility['audience']; audienceParty?: string | null } | null;
  return v?.audience ? { audience: v.audience, audienceParty: v.audienceParty ?? null } : undefined;
}

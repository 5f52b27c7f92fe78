import type { Actor, Visibility } from '../domain/shared/actor.ts';
import { canRead } from '../policies/access.ts';
import { PARENT_TABLE, tableOfKind } from './log/record-visibility.ts';
import type { JournalMeta, RecordTable, StoredRecord } from './ports.ts';

/** What the check needs of the reader: who reads, and its scoped read of many records. */
interface ScopedReader {
  readonly actor: Actor;
  readonly processId: string;
  many(table: RecordTable, ids: string[]): Promise<StoredRecord[]>;
}

const PUBLIC: Visibility = { audience: 'public', audienceParty: null };
const MEDIATOR: Visibility = { audience: 'mediator', audienceParty: null };

/** The record an entry is about: its own, a history row's parent, or a redaction's target ("type/id"). */
function subject(e: JournalMeta): { table: RecordTable; id: string } | 'public' | 'mediator' {
  if (e.recordType === 'process' || e.recordType === 'witness') return 'public';
  if (e.recordType === 'redaction') {
    const slash = e.recordId.indexOf('/');
    const table = slash < 0 ? undefined : tableOfKind(e.recordId.slice(0, slash));
    return table ? { table, id: e.recordId.slice(slash + 1) } : 'mediator';
  }
  const table = tableOfKind(e.recordType) ?? PARENT_TABLE[e.recordType];
  // Role grants, checkpoints and anything the registry does not know are the mediator's to see.
  return table ? { table, id: e.recordId } : 'mediator';
}

/**
 * The entries the reader may see, in the order given, each with the record it is about. An entry is shown only
 * when the reader may read that record now (so a hidden record's entries, ids and times never leave) and the
 * audience its own version had (a draft kept to the mediator stays hidden after the record is published), the
 * rule the record's history follows too.
 */
export async function entriesVisibleTo(read: ScopedReader, entries: JournalMeta[]): Promise<{ entry: JournalMeta; record: StoredRecord | null }[]> {
  const wanted = new Map<RecordTable, Set<string>>();
  const subjects = entries.map((e) => {
    const s = subject(e);
    if (typeof s === 'object') wanted.set(s.table, (wanted.get(s.table) ?? new Set()).add(s.id));
    return s;
  });
  const readable = new Map<string, StoredRecord>();
  for (const [table, ids] of wanted) for (const r of await read.many(table, [...ids])) readable.set(`${table}/${r.id}`, r);
  const shown: { entry: JournalMeta; record: StoredRecord | null }[] = [];
  entries.forEach((entry, i) => {
    const s = subjects[i]!;
    if (s === 'public' || s === 'mediator') {
      if (canRead(read.actor, read.processId, s === 'public' ? PUBLIC : MEDIATOR)) shown.push({ entry, record: null });
      return;
    }
    const record = readable.get(`${s.table}/${s.id}`);
    if (!record) return;
    const own = entry.recordType === 'redaction' ? undefined : entry.audience;
    if (canRead(read.actor, read.processId, own ?? record)) shown.push({ entry, record });
  });
  return shown;
}

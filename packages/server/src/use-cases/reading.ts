import type { Actor } from '../domain/shared/actor.ts';
import { invalid, notFound } from '../domain/shared/app-error.ts';
import { canRead, readScope, SYSTEM_SCOPE, type ReadScope } from '../policies/access.ts';
import type { JournalFilter, JournalMeta, ListFilter, RecordReader, RecordTable, StoredRecord } from './ports.ts';
import { entriesVisibleTo } from './activity-visibility.ts';
import type { Ref } from './resources.ts';

/** A journal entry the reader may see, with the record it is about (none for the process's own entries). */
export type ActivityItem = { entry: JournalMeta; record: StoredRecord | null };

/** Why a use case reads, so a read of a sensitive kind can be accounted for. */
export type ReadPurpose = 'view' | 'list' | 'history' | 'reference' | 'edit' | 'export' | 'report' | 'activity';

/**
 * The one way use cases read records: bound to who reads and why. Lists apply the policy's
 * scope in SQL, single reads check it in code, and a hidden record answers exactly like a
 * missing one. `rules()` is the only unscoped read, for rules that must count every record
 * whoever asks (the host rule, sequence numbers); what it finds never leaves the use case.
 * Because every read passes here with its reader and purpose, this is where reads of
 * sensitive kinds (prisoner lists, in their own issue) will be recorded.
 */
export class Reading {
  readonly scope: ReadScope;

  constructor(
    private readonly source: RecordReader,
    readonly actor: Actor,
    readonly processId: string,
    readonly purpose: ReadPurpose,
  ) {
    this.scope = readScope(actor, processId);
  }

  /** The record if it exists and the reader may see it. */
  async find(table: RecordTable, id: string): Promise<StoredRecord | undefined> {
    const found = await this.source.get(table, this.processId, id);
    return found && canRead(this.actor, this.processId, found) ? found : undefined;
  }

  /** The record, or not found for both missing and hidden. */
  async one(table: RecordTable, id: string, label: string): Promise<StoredRecord> {
    const found = await this.find(table, id);
    if (!found) throw notFound(label, id);
    return found;
  }

  async many(table: RecordTable, ids: string[]): Promise<StoredRecord[]> {
    const found = await this.source.getMany(table, this.processId, ids);
    return found.filter((r) => canRead(this.actor, this.processId, r));
  }

  async list(table: RecordTable, filter: ListFilter): Promise<StoredRecord[]> {
    return this.source.list(table, this.processId, this.scope, filter);
  }

  /**
   * Every reference must name a record of this process that the reader can see: pointing at
   * a hidden record is answered as if it did not exist.
   */
  async assertRefs(refs: Ref[]): Promise<void> {
    for (const ref of refs)
      if (!(await this.find(ref.table, ref.id)))
        throw invalid(ref.field, 'unknown_reference', `The ${ref.field.split('/')[0]} "${ref.id}" does not exist in this process, or you may not see it.`);
  }

  /** Histories belong to the record they hang on: read them only after reading that record. */
  transitions(meeting: StoredRecord) {
    return this.source.transitions(this.processId, meeting.id);
  }
  causeClaims(meeting: StoredRecord) {
    return this.source.causeClaims(this.processId, meeting.id);
  }
  answers(invitation: StoredRecord) {
    return this.source.answers(this.processId, invitation.id);
  }
  journal(kind: string, record: StoredRecord) {
    return this.source.journal(this.processId, kind, record.id);
  }

  /**
   * Journal entries the reader may see, newest first, at most `filter.limit` of them: an entry shows only when the
   * reader may read its record now and its version's own audience (see activity-visibility.ts). Hidden entries are
   * skipped before anything is returned, so a page of them reads exactly like no entries.
   */
  async activity(filter: JournalFilter, keep?: (shown: ActivityItem) => boolean): Promise<ActivityItem[]> {
    const shown: ActivityItem[] = [];
    const batch = Math.max(100, filter.limit * 2);
    let before = filter.before;
    for (;;) {
      const raw = await this.source.journalMeta(this.processId, { ...filter, before, limit: batch });
      const visible = await entriesVisibleTo(this, raw);
      shown.push(...(keep ? visible.filter(keep) : visible));
      if (shown.length >= filter.limit || raw.length < batch) return shown.slice(0, filter.limit);
      before = raw[raw.length - 1]!.idx;
    }
  }

  writerSides(usernames: string[]) {
    return this.source.writerSides(this.processId, usernames);
  }

  /** Unscoped reads for rules that count every record; never shown to the reader. */
  rules() {
    const { source, processId } = this;
    return {
      get: (table: RecordTable, id: string) => source.get(table, processId, id),
      getMany: (table: RecordTable, ids: string[]) => source.getMany(table, processId, ids),
      list: (table: RecordTable, filter: ListFilter) => source.list(table, processId, SYSTEM_SCOPE, filter),
    };
  }
}

export const reading = (source: RecordReader, actor: Actor, processId: string, purpose: ReadPurpose) => new Reading(source, actor, processId, purpose);

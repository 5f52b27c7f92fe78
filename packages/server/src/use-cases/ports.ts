import type { Actor } from '../domain/shared/actor.ts';
import type { RecordKind, ReadScope } from '../policies/access.ts';
import type { RecordTable } from '../db/schema.ts';

export type { RecordTable };

/** A record as stored: its meta columns and its validated body. */
export interface StoredRecord<B = Record<string, unknown>> {
  id: string;
  processId: string;
  version: number;
  audience: 'public' | 'forum' | 'party' | 'mediator';
  audienceParty: string | null;
  parentId: string | null;
  status: string | null;
  sortOn: string;
  partyIds: string[];
  body: B;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface NewRecord<B = Record<string, unknown>> {
  id: string;
  audience: StoredRecord['audience'];
  audienceParty: string | null;
  parentId: string | null;
  status: string | null;
  sortOn: string;
  partyIds: string[];
  body: B;
}

export interface ListFilter {
  from?: string;
  to?: string;
  party?: string;
  status?: string;
  parent?: string;
  after?: { sortOn: string; id: string };
  limit: number;
}

export interface HistoryRow {
  table: 'meeting_transitions' | 'cause_claims' | 'invitation_responses';
  row: Record<string, unknown>;
}

export interface JournalEntry {
  idx: number;
  recordType: string;
  recordId: string;
  version: number;
  supersedes: number | null;
  author: string;
  at: string;
  body: unknown;
}

/** Reads, always within one process and one read scope decided by the policy layer. */
export interface RecordReader {
  processExists(processId: string): Promise<boolean>;
  processes(): Promise<{ id: string; names: unknown; description: string | null }[]>;
  get(table: RecordTable, processId: string, id: string): Promise<StoredRecord | undefined>;
  list(table: RecordTable, processId: string, scope: ReadScope, filter: ListFilter): Promise<StoredRecord[]>;
  history(table: HistoryRow['table'], processId: string, key: Record<string, string>): Promise<Record<string, unknown>[]>;
  journal(processId: string, recordType: string, recordId: string): Promise<JournalEntry[]>;
  allJournal(processId: string): Promise<JournalEntry[]>;
}

/**
 * The only way to write. Every method also appends the journal entry in the same
 * transaction; the database refuses writes from anywhere else.
 */
export interface UnitOfWork extends RecordReader {
  readonly processId: string;
  readonly actor: Actor;
  readonly now: Date;
  insert(table: RecordTable, kind: RecordKind, record: NewRecord): Promise<StoredRecord>;
  /** Writes a new version; a stale `expectedVersion` is a conflict and writes nothing. */
  revise(table: RecordTable, kind: RecordKind, current: StoredRecord, expectedVersion: number, next: Omit<NewRecord, 'id'>): Promise<StoredRecord>;
  appendHistory(kind: RecordKind, entry: HistoryRow, recordId: string): Promise<void>;
  createProcess(process: { id: string; names: unknown; description?: string }): Promise<void>;
  grantRole(grant: { accountId: string; role: string; partyId: string | null }): Promise<void>;
}

export interface Store {
  reader: RecordReader;
  /** Runs `work` in one transaction for one process; all or nothing. */
  write<T>(processId: string, actor: Actor, work: (uow: UnitOfWork) => Promise<T>): Promise<T>;
}

export interface AccountRecord {
  accountId: string;
  username: string;
  passwordHash: string;
}

/** Deployment-wide accounts and their secrets; not process records, so not journalled. */
export interface AccountStore {
  create(a: AccountRecord): Promise<void>;
  findByUsername(username: string): Promise<AccountRecord | undefined>;
  findById(accountId: string): Promise<AccountRecord | undefined>;
  list(): Promise<(Omit<AccountRecord, 'passwordHash'> & { roles: import('../domain/shared/actor.ts').RoleGrant[] })[]>;
  grants(accountId: string): Promise<import('../domain/shared/actor.ts').RoleGrant[]>;
  createSession(tokenHash: string, accountId: string, expiresAt: Date): Promise<void>;
  findSession(tokenHash: string, now: Date): Promise<string | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  createToken(tokenHash: string, accountId: string, name: string): Promise<void>;
  findToken(tokenHash: string): Promise<string | undefined>;
}

import type { Actor, Role, RoleGrant } from '../domain/shared/actor.ts';
import type { ThrottleCounters, ThrottleScope } from '../domain/access/sign-in-throttle.ts';
import type { Owner, RecordKind, ReadScope } from '../policies/access.ts';
import type { AppendTable, RecordTable } from '../db/schema.ts';
import type { Envelope, HashReader, NoteSigner } from '@parley/tlog';
import type { LogIntegrity } from './log/integrity-state.ts';
import type { LineComparisonQueries } from './lines/ports.ts';
import type { AreaInput } from '../domain/lines/process-area.ts';
import type { Words } from '../domain/sources/words.ts';

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
  /** The author side: who may change this record (with the mediator). */
  owner: Owner;
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
  /** Kept from the first version on every later one. */
  owner: Owner;
}

export interface ListFilter {
  from?: string;
  to?: string;
  party?: string;
  status?: string;
  parent?: string;
  audience?: StoredRecord['audience'];
  /** Which column orders the list and in which direction; the id breaks ties, so the order is total. */
  order?: { by: 'date' | 'updated'; desc: boolean };
  /** The last row of the previous page: its ordering key (`sortOn`, or `updatedAt` to the millisecond) and id. */
  after?: { key: string; id: string };
  limit: number;
}

/**
 * An entry of one of the append-only histories beside records, as a use case writes it. The
 * fields are the journal entry's body, so they keep the names old entries were committed with.
 */
export type HistoryRow =
  | {
      table: 'meeting_transitions';
      row: {
        meeting_id: string;
        seq: number;
        from_status: string | null;
        to_status: string;
        at: string;
        reason: Words;
        /** Left out, not null, when not given: the body then stays what it was before there were languages. */
        reason_language?: string;
        sources: unknown[];
      };
    }
  | {
      table: 'cause_claims';
      row: { meeting_id: string; transition_seq: number; seq: number; party_id: string; text: Words; language?: string; sources: unknown[] };
    }
  | { table: 'invitation_responses'; row: { invitation_id: string; seq: number; status: string; at: string; conditions: unknown[]; sources: unknown[] } };

interface Recorded {
  recordedBy: string;
  recordedAt: string;
}
/** A meeting's change of status, as read. */
export interface TransitionEntry extends Recorded {
  seq: number;
  from: string | null;
  to: string;
  at: string;
  reason: Words;
  reasonLanguage?: string;
  sources: unknown[];
}
/** One side's account of why a meeting changed status. */
export interface CauseClaimEntry extends Recorded {
  transition: number;
  seq: number;
  partyId: string;
  text: Words;
  language?: string;
  sources: unknown[];
}
/** A party's answer to an invitation. */
export interface AnswerEntry extends Recorded {
  seq: number;
  status: string;
  at: string;
  conditions: unknown[];
  sources: unknown[];
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

/** Which journal entries an activity page looks through, newest first (before: an entry's idx). */
export interface JournalFilter {
  before?: number;
  limit: number;
  types?: string[];
  /** ISO instants: at or after `from`, before `to`. */
  from?: string;
  to?: string;
}

/** A journal entry as the activity feed needs it: no body, only the audiences its version and the one before had. */
export interface JournalMeta {
  idx: number;
  recordType: string;
  recordId: string;
  version: number;
  supersedes: number | null;
  author: string;
  at: string;
  /** Undefined for history rows (they have the parent record's) and erased bodies. */
  audience?: { audience: StoredRecord['audience']; audienceParty: string | null };
  previousAudience?: { audience: StoredRecord['audience']; audienceParty: string | null };
  /** A history row's status (a meeting's new status, an invitation's answer). */
  status: string | null;
}

/** The side an account writes for in a process, from its grants. */
export type WriterSide = { side: 'mediator' } | { side: 'party'; partyId: string } | { side: 'author' };

/** Reads, always within one process and one read scope decided by the policy layer. */
export interface RecordReader {
  processExists(processId: string): Promise<boolean>;
  /** The process's secret for opaque record ids; never leaves the server. */
  idKey(processId: string): Promise<Uint8Array>;
  processes(): Promise<{ id: string; names: unknown; description: string | null; areaOfInterest: AreaInput | null }[]>;
  /** The area the process's lines are compared in, as its administrator gave it; null when none was. */
  processArea(processId: string): Promise<AreaInput | null>;
  get(table: RecordTable, processId: string, id: string): Promise<StoredRecord | undefined>;
  getMany(table: RecordTable, processId: string, ids: string[]): Promise<StoredRecord[]>;
  list(table: RecordTable, processId: string, scope: ReadScope, filter: ListFilter): Promise<StoredRecord[]>;
  transitions(processId: string, meetingId: string): Promise<TransitionEntry[]>;
  causeClaims(processId: string, meetingId: string): Promise<CauseClaimEntry[]>;
  answers(processId: string, invitationId: string): Promise<AnswerEntry[]>;
  journal(processId: string, recordType: string, recordId: string): Promise<JournalEntry[]>;
  allJournal(processId: string): Promise<JournalEntry[]>;
  /** Entries of the journal without bodies, newest first, for the activity feed (filtered by the reader). */
  journalMeta(processId: string, filter: JournalFilter): Promise<JournalMeta[]>;
  /** For each username, the side it writes for in the process. */
  writerSides(processId: string, usernames: string[]): Promise<Map<string, WriterSide>>;
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
  /** One statement for many new records, each with its own journal entry, in the order given. */
  insertMany(table: RecordTable, kind: RecordKind, records: NewRecord[]): Promise<StoredRecord[]>;
  /** Writes a new version; a stale `expectedVersion` is a conflict and writes nothing. */
  revise(table: RecordTable, kind: RecordKind, current: StoredRecord, expectedVersion: number, next: Omit<NewRecord, 'id' | 'owner'>): Promise<StoredRecord>;
  appendHistory(kind: RecordKind, entry: HistoryRow, recordId: string): Promise<void>;
  createProcess(process: { id: string; names: unknown; description?: string; areaOfInterest?: AreaInput }): Promise<void>;
  /** Grants (or grants again, as the grant's next version) a role; journalled. */
  grantRole(grant: { accountId: string; role: string; partyId: string | null; inviteId?: string }): Promise<void>;
  /** Writes the revoked version of an active grant; false when there is none to revoke. */
  revokeRole(grant: { accountId: string; role: string }): Promise<boolean>;
  /** Marks a one-time link used in this transaction; false when it is used, revoked or expired meanwhile. */
  claimLink(linkId: string, usedBy: string): Promise<boolean>;
  /** An account created in the same transaction as the grant it is invited to (accounts are not journalled). */
  createAccount(a: AccountRecord): Promise<void>;
  /** Version 1 of a witness; a name already taken is a conflict. */
  registerWitness(witness: WitnessRecord): Promise<void>;
  /** A party's witnesses, with a lock that makes a concurrent registration for that party wait until commit. */
  lockPartyWitnesses(partyId: string): Promise<WitnessRecord[]>;
  witness(name: string): Promise<WitnessRecord | undefined>;
  /** Writes `next` as the version after `expectedVersion`; a stale one is a conflict and writes nothing. */
  reviseWitness(next: Omit<WitnessRecord, 'version'>, expectedVersion: number): Promise<WitnessRecord>;
  /** Erases the bodies (and salts) of every entry of a record and writes its redacted version. */
  /** Appends rows to an exchange table, one journal entry each (its id from `idColumn`, its version from `seq`). */
  appendRows(kind: string, table: AppendTable, idColumn: string, rows: Record<string, unknown>[]): Promise<void>;
  /** Erases one detainee's personal data: the row's entry and its journal bodies, with a redaction entry. */
  eraseDetainee(detaineeId: string, reason: string): Promise<number[]>;
  redact(table: RecordTable, kind: RecordKind, current: StoredRecord, reason: string): Promise<{ record: StoredRecord; erased: number[] }>;
}

export interface Store {
  reader: RecordReader;
  /** Runs `work` in one transaction for one process; all or nothing. */
  write<T>(processId: string, actor: Actor, work: (uow: UnitOfWork) => Promise<T>): Promise<T>;
}

export interface WitnessRecord {
  /** The key name, unique per process; a new key needs a new name. */
  name: string;
  partyId: string;
  /** A cosignature/v1 (or Ed25519 note) verifier key. */
  vkey: string;
  /** Base URL; Parley POSTs to <url>/add-checkpoint. */
  url: string;
  /** Only an active witness is sent checkpoints and shown as a cosigner. */
  status: WitnessStatus;
  version: number;
  approvedBy: string | null;
  removedBy: string | null;
}

export type WitnessStatus = 'pending' | 'active' | 'removed';

export interface StoredCheckpoint {
  size: number;
  root: Uint8Array;
  /** The note as the log signed it. */
  note: string;
  /** Witness signature lines, in witness-name order. */
  cosignatures: string[];
}

/** One log entry with what a receipt needs; body and salt are null once erased. */
export interface LogEntry {
  idx: number;
  envelope: Envelope;
  body: unknown;
  salt: Uint8Array | null;
}

/** The log as stored: reads of the tree and entries, and the checkpoint and cosignature tables. */
export interface LogStore {
  processIds(): Promise<string[]>;
  head(processId: string): Promise<{ size: number; root: Uint8Array } | undefined>;
  /** The stored nodes, read from the table every time: for audits and before signing. */
  nodes(processId: string): HashReader;
  /** The same nodes through a cache, for serving proofs and tiles: a complete subtree never changes. */
  servedNodes(processId: string): HashReader;
  envelopes(processId: string, from: number, to: number): Promise<Envelope[]>;
  /** Every entry as stored, for an audit that recomputes the tree: row columns, envelope, leaf hash, body. */
  auditRows(processId: string): Promise<(LogEntry & { leafHash: Uint8Array; type: string; recordId: string; version: number })[]>;
  entry(processId: string, recordType: string, recordId: string, version?: number): Promise<LogEntry | undefined>;
  latestCheckpoint(processId: string): Promise<StoredCheckpoint | undefined>;
  checkpointAt(processId: string, size: number): Promise<StoredCheckpoint | undefined>;
  /** Stores a signed checkpoint unless one exists for that size; returns whichever is stored. */
  saveCheckpoint(processId: string, c: { size: number; root: Uint8Array; note: string }): Promise<StoredCheckpoint>;
  witnesses(processId: string, status?: WitnessStatus): Promise<WitnessRecord[]>;
  lastCosignedSize(processId: string, witness: string): Promise<number>;
  saveCosignature(processId: string, size: number, witness: string, line: string): Promise<void>;
}

/** The server's log key: one Ed25519 seed, one key name (the origin) per process. */
export interface LogKeys {
  origin(processId: string): string;
  signer(processId: string): NoteSigner;
  verifierKey(processId: string): string;
}

/** Sends a checkpoint to a witness (c2sp.org/tlog-witness add-checkpoint). */
export interface WitnessClient {
  /** Refuses (validation) a URL Parley must not call: its scheme, a host that does not resolve, an address it may not reach. */
  checkUrl(url: string): Promise<void>;
  addCheckpoint(url: string, oldSize: number, proof: readonly Uint8Array[], note: string): Promise<WitnessPushResult>;
}

export type WitnessPushResult =
  | { status: 'cosigned'; body: string }
  | { status: 'conflict'; size: number }
  | { status: 'refused'; code: number; body: string }
  | { status: 'failed'; reason: 'address_not_allowed' | 'timeout' | 'too_large' | 'redirect' | 'network' };

export interface LogDeps {
  store: Store;
  log: LogStore;
  logKeys: LogKeys;
  witnessClient: WitnessClient;
  integrity: LogIntegrity;
}

export interface AccountRecord {
  accountId: string;
  username: string;
  passwordHash: string;
  admin?: boolean;
}

/** An account as the administrator sees it: never its password hash. */
export interface AccountInfo {
  accountId: string;
  username: string;
  admin: boolean;
  active: boolean;
}

export type LinkPurpose = 'setup' | 'invite' | 'reset';

/** A one-time link as stored: the secret itself is never kept, only its SHA-256. */
export interface LinkRecord {
  linkId: string;
  secretHash: string;
  purpose: LinkPurpose;
  processId: string | null;
  role: Role | null;
  partyId: string | null;
  username: string | null;
  accountId: string | null;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

/** A process's grant with its account and version; revoked grants stay listed with their date. */
export interface PersonGrant {
  accountId: string;
  username: string;
  active: boolean;
  role: Role;
  partyId: string | null;
  version: number;
  revokedAt: string | null;
}

export interface CalendarFeedInfo {
  id: string;
  processId: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Secret calendar addresses (migration 013): a credential that opens one process's meeting calendar only. */
export interface CalendarFeedStore {
  create(feed: { feedId: string; tokenHash: string; accountId: string; processId: string }): Promise<CalendarFeedInfo>;
  list(accountId: string, processId: string): Promise<CalendarFeedInfo[]>;
  /** False when the account has no such feed. */
  delete(accountId: string, feedId: string): Promise<boolean>;
  /** Whose feed of which process the secret opens; notes the use (to the minute). */
  open(tokenHash: string, now: Date): Promise<{ accountId: string; processId: string } | undefined>;
}

/** Deployment-wide accounts and their secrets; not process records, so not journalled. */
export interface AccountStore {
  create(a: AccountRecord): Promise<void>;
  findByUsername(username: string): Promise<AccountRecord | undefined>;
  list(): Promise<(Omit<AccountRecord, 'passwordHash'> & { roles: RoleGrant[] })[]>;
  grants(accountId: string): Promise<RoleGrant[]>;
  createSession(tokenHash: string, accountId: string, expiresAt: Date): Promise<void>;
  /** The signed-in account and its grants, in one round trip: this runs on every request. */
  actorBySession(tokenHash: string, now: Date): Promise<Actor | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  createToken(token: { tokenHash: string; tokenId: string; accountId: string; name: string; expiresAt: Date }): Promise<ApiTokenInfo>;
  /** The token's account and grants if it has not expired; notes the use (to the minute). */
  actorByToken(tokenHash: string, now: Date): Promise<Actor | undefined>;
  listTokens(accountId: string): Promise<ApiTokenInfo[]>;
  /** False when the account has no such token. */
  deleteToken(accountId: string, tokenId: string): Promise<boolean>;
  /** Deletes every session and token of the account in one transaction. */
  deleteCredentials(accountId: string): Promise<void>;
  /**
   * Reads the sign-in counters of the keys under a row lock, passes them to `change` and writes what it
   * returns (nothing when it returns null), so concurrent attempts on one key are counted one after another.
   */
  updateThrottle(keys: Record<ThrottleScope, string>, change: (current: ThrottleCounters) => ThrottleCounters | null): Promise<void>;
  /** Drops counters that no rule reads any more (forgotten failures, old known addresses). */
  pruneThrottle(failuresBefore: Date, succeededBefore: Date): Promise<void>;

  /** Any account, deactivated ones too (findByUsername finds only active accounts, so they cannot sign in). */
  accountInfo(username: string): Promise<AccountInfo | undefined>;
  accounts(): Promise<(AccountInfo & { roles: RoleGrant[] })[]>;
  /** The actor of an active account, for re-checking that a link's issuer still may issue it. */
  actorById(accountId: string): Promise<Actor | undefined>;
  hasAdmin(): Promise<boolean>;
  setAdmin(accountId: string, admin: boolean): Promise<void>;
  /** Marks the account deactivated and deletes its sessions, tokens and pending reset links, in one transaction. */
  deactivate(accountId: string, by: string, now: Date): Promise<void>;
  createLink(link: Omit<LinkRecord, 'createdAt' | 'usedAt' | 'revokedAt'>): Promise<LinkRecord>;
  findLink(linkId: string): Promise<LinkRecord | undefined>;
  /** A process's invites that are neither used, revoked nor expired. */
  pendingInvites(processId: string, now: Date): Promise<LinkRecord[]>;
  /** Revokes unused links that match; answers how many. */
  revokeLinks(match: { linkId?: string; purpose: LinkPurpose; processId?: string; accountId?: string }, by: string, now: Date): Promise<number>;
  /** Uses a set-up link and creates the first administrator in one transaction; false when the link or the moment has passed. */
  redeemSetup(linkId: string, account: AccountRecord, now: Date): Promise<boolean>;
  /** Uses a reset link, sets the new password hash and ends every session and token, in one transaction. */
  redeemReset(linkId: string, accountId: string, passwordHash: string, now: Date): Promise<boolean>;
  /** Every grant of a process, revoked ones included, by username. */
  processGrants(processId: string): Promise<PersonGrant[]>;
}

/** What the owner of an API token may see of it: never the token. */
export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
}

/** A withdrawal rule as the spatial queries apply it; see domain/lines/withdrawal-rules.ts. */
export interface RuleRow {
  ruleSet: string;
  category: string;
  requiredKm: number;
  referenceForUkraine: 'de_facto' | 'memorandum_line';
  referenceForOthers: 'de_facto' | 'memorandum_line';
}

/** A weapon sighting within its rule's distance of the reference line, as PostGIS measured it. */
export interface ViolationRow {
  observationId: string;
  date: string;
  weapon: string;
  weaponPartyId: string | null;
  lat: number;
  lon: number;
  region: string | null;
  ruleSet: string;
  category: string;
  reference: 'de_facto' | 'memorandum_line';
  distanceM: number;
  lineId: string;
  lineVersion: number;
  lineDate: string;
  lineApproximate: boolean;
}

export interface ClusterFilter {
  bbox: { west: number; south: number; east: number; north: number };
  cellDegrees: number;
  from?: string;
  to?: string;
  kind?: string;
  status?: string;
  party?: string;
}

export interface GeoFeature {
  type: 'Feature';
  id?: string;
  geometry: unknown;
  properties: Record<string, unknown>;
}

/** One interval of the incident series: incidents dated in it and their killed (low/best/high). */
export interface SeriesPoint {
  start: string;
  incidents: number;
  killedBest: number;
  killedLow: number;
  killedHigh: number;
}

/** A buffer to draw: the reference line in force on `asOf`, widened by `metres` on each side. */
export interface ZoneRequest {
  asOf: string;
  metres: number;
  properties: Record<string, unknown>;
}

/**
 * The spatial and aggregate reads of ceasefire monitoring. Every method takes the reader's
 * scope from the policy layer and applies it in SQL, to lines as much as to sightings.
 */
export interface MonitoringQueries {
  violations(
    processId: string,
    scope: ReadScope,
    q: { date: string; ukraine: string; memorandumLineDate: string; rules: RuleRow[]; lineId?: string },
  ): Promise<ViolationRow[]>;
  regionCounts(
    processId: string,
    scope: ReadScope,
    days: string[],
  ): Promise<{ region: string; day: string; incidents: number; explosions: number; killed: [number, number, number]; injured: [number, number, number] }[]>;
  clusters(processId: string, scope: ReadScope, f: ClusterFilter): Promise<GeoFeature[]>;
  lines(processId: string, scope: ReadScope, asOf?: string): Promise<GeoFeature[]>;
  /** With `lineId`, every zone is measured from that line instead of the contact line of its day. */
  zones(processId: string, scope: ReadScope, zones: ZoneRequest[], lineId?: string): Promise<GeoFeature[]>;
  compareLines: LineComparisonQueries['compare'];
  /** Per interval from `from` to `to` (each defaulting to the first or last visible incident's day), empty intervals included. */
  incidentSeries(
    processId: string,
    scope: ReadScope,
    q: { from?: string; to?: string; interval: 'day' | 'week' },
  ): Promise<{ from: string | null; to: string | null; points: SeriesPoint[] }>;
}

export interface MonitoringDeps {
  store: Store;
  monitoring: MonitoringQueries;
}

/** A record that matched a search, with what a hit shows; `rankText` and `updatedMicros` are the paging key, exact. */
export interface SearchRow {
  table: RecordTable;
  id: string;
  audience: StoredRecord['audience'];
  audienceParty: string | null;
  title: unknown;
  titles: string[];
  texts: string[];
  updatedAt: string;
  rank: number;
  rankText: string;
  updatedMicros: string;
}

export interface SearchAfter {
  rankText: string;
  updatedMicros: string;
  table: string;
  id: string;
}

/** Full-text search over record tables; the scope is applied in SQL, so a hidden record is never read. */
export interface SearchQueries {
  search(processId: string, scope: ReadScope, q: { text: string; tables: readonly RecordTable[]; limit: number; after?: SearchAfter }): Promise<SearchRow[]>;
}

export interface SearchDeps {
  store: Store;
  search: SearchQueries;
}

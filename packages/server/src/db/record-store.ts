import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../domain/shared/actor.ts';
import { AppError, conflict } from '../domain/shared/app-error.ts';
import type { Owner, ReadScope, RecordKind } from '../policies/access.ts';
import type {
  AnswerEntry,
  CauseClaimEntry,
  HistoryRow,
  JournalEntry,
  TransitionEntry,
  ListFilter,
  NewRecord,
  RecordReader,
  Store,
  StoredRecord,
  UnitOfWork,
} from '../use-cases/ports.ts';
import type { Selectable } from 'kysely';
import type { AppendTable, Database, RecordTable } from './schema.ts';
import type { LogDatabase } from './log/log-schema.ts';
import { appendLeaves, appendToFrontier, sealEntry, splitHashes } from './log/merkle.ts';
import { toWitness } from './log/log-store.ts';
import type { AccountRecord, WitnessRecord } from '../use-cases/ports.ts';
import { claimLink } from './account-store.ts';
import { withArticle } from '../domain/shared/article.ts';
import { journalMeta, writerSides } from './activity-store.ts';
import type { JournalFilter } from '../use-cases/ports.ts';
import type { AreaInput } from '../domain/lines/process-area.ts';
import type { Words } from '../domain/sources/words.ts';
import { json } from './monitoring/scope.ts';

type RecordRow = Selectable<Database['parties']>;
/**
 * What a stored record is read from. Not `*`: a table's generated geometry (a line's 2,000 vertices are
 * 32 kB of hex) is for queries in the database, and reading it back cost more than the rest of the row.
 */
const RECORD_COLUMNS = [
  'id',
  'process_id',
  'version',
  'audience',
  'audience_party',
  'parent_id',
  'status',
  'sort_on',
  'party_ids',
  'body',
  'owner',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
] as const;

type Q = Kysely<Database> | Transaction<Database>;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

export function toRecord(r: RecordRow): StoredRecord {
  return {
    id: r.id,
    processId: r.process_id,
    version: r.version,
    audience: r.audience,
    audienceParty: r.audience_party,
    parentId: r.parent_id,
    status: r.status,
    sortOn: String(r.sort_on),
    partyIds: r.party_ids,
    body: r.body as Record<string, unknown>,
    owner: r.owner as Owner,
    createdAt: iso(r.created_at),
    createdBy: r.created_by,
    updatedAt: iso(r.updated_at),
    updatedBy: r.updated_by,
  };
}

type JournalRow = Omit<Selectable<LogDatabase['journal']>, 'envelope' | 'leaf_hash'> & { body: unknown };

/** The body comes from entry_bodies; null once it has been erased. */
const recorded = (r: { recorded_by: string; recorded_at: Date }) => ({ recordedBy: r.recorded_by, recordedAt: new Date(r.recorded_at).toISOString() });

function toJournal(r: JournalRow): JournalEntry {
  return {
    idx: Number(r.idx),
    recordType: r.record_type,
    recordId: r.record_id,
    version: r.version,
    supersedes: r.supersedes,
    author: r.author,
    at: iso(r.at),
    body: r.body ?? null,
  };
}

function journalQuery(q: Q, processId: string) {
  return (q as unknown as Kysely<LogDatabase>)
    .selectFrom('journal as j')
    .leftJoin('entry_bodies as b', (join) => join.onRef('b.process_id', '=', 'j.process_id').onRef('b.idx', '=', 'j.idx'))
    .select(['j.idx', 'j.process_id', 'j.record_type', 'j.record_id', 'j.version', 'j.supersedes', 'j.author', 'j.at', 'b.body'])
    .where('j.process_id', '=', processId);
}

class Reader implements RecordReader {
  constructor(protected readonly q: Q) {}

  async processExists(processId: string) {
    return !!(await this.q.selectFrom('processes').select('process_id').where('process_id', '=', processId).executeTakeFirst());
  }

  async idKey(processId: string) {
    const row = await this.q.selectFrom('processes').select('id_key').where('process_id', '=', processId).executeTakeFirstOrThrow();
    return row.id_key;
  }

  async processes() {
    const rows = await this.q.selectFrom('processes').select(['process_id', 'names', 'description', 'area_of_interest']).orderBy('process_id').execute();
    return rows.map((r) => ({ id: r.process_id, names: r.names, description: r.description, areaOfInterest: json(r.area_of_interest) as AreaInput | null }));
  }

  async processArea(processId: string) {
    const row = await this.q.selectFrom('processes').select('area_of_interest').where('process_id', '=', processId).executeTakeFirst();
    return (json(row?.area_of_interest) as AreaInput | null | undefined) ?? null;
  }

  async getMany(table: RecordTable, processId: string, ids: string[]) {
    if (ids.length === 0) return [];
    const rows = await this.q.selectFrom(table).select(RECORD_COLUMNS).where('process_id', '=', processId).where('id', 'in', ids).execute();
    return (rows as unknown as RecordRow[]).map(toRecord);
  }

  async get(table: RecordTable, processId: string, id: string) {
    const row = await this.q.selectFrom(table).select(RECORD_COLUMNS).where('process_id', '=', processId).where('id', '=', id).executeTakeFirst();
    return row && toRecord(row as unknown as RecordRow);
  }

  async list(table: RecordTable, processId: string, scope: ReadScope, f: ListFilter) {
    let query = this.q.selectFrom(table).select(RECORD_COLUMNS).where('process_id', '=', processId);
    if (!scope.all) {
      const { audiences, parties } = scope;
      query = query.where((eb) =>
        eb.or([eb('audience', 'in', audiences), ...(parties.length ? [eb.and([eb('audience', '=', 'party'), eb('audience_party', 'in', parties)])] : [])]),
      );
    }
    if (f.from) query = query.where('sort_on', '>=', f.from);
    if (f.to) query = query.where('sort_on', '<=', f.to);
    if (f.status) query = query.where('status', '=', f.status);
    if (f.parent) query = query.where('parent_id', '=', f.parent);
    if (f.party) query = query.where(sql<boolean>`${f.party} = any(party_ids)`);
    if (f.audience) query = query.where('audience', '=', f.audience);
    const { by, desc } = f.order ?? { by: 'date', desc: false };
    // The API shows times to the millisecond, so the "updated" order compares them at that precision too:
    // a cursor made from a shown time then lands exactly between two rows, never inside a tie.
    const key = by === 'date' ? sql`sort_on` : sql`date_trunc('milliseconds', updated_at)`;
    if (f.after) {
      const { key: k, id } = f.after;
      const at = by === 'date' ? sql`${k}::date` : sql`${k}::timestamptz`;
      query = query.where(desc ? sql<boolean>`(${key}, id) < (${at}, ${id})` : sql<boolean>`(${key}, id) > (${at}, ${id})`);
    }
    const dir = desc ? sql`desc` : sql`asc`;
    const rows = await query
      .orderBy(sql`${key} ${dir}`)
      .orderBy(sql`id ${dir}`)
      .limit(f.limit)
      .execute();
    return (rows as unknown as RecordRow[]).map(toRecord);
  }

  async transitions(processId: string, meetingId: string): Promise<TransitionEntry[]> {
    const rows = await this.q
      .selectFrom('meeting_transitions')
      .selectAll()
      .where('process_id', '=', processId)
      .where('meeting_id', '=', meetingId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      seq: r.seq,
      from: r.from_status,
      to: r.to_status,
      at: r.at,
      reason: r.reason as Words,
      ...(r.reason_language === null ? {} : { reasonLanguage: r.reason_language }),
      sources: r.sources as unknown[],
      ...recorded(r),
    }));
  }

  async causeClaims(processId: string, meetingId: string): Promise<CauseClaimEntry[]> {
    const rows = await this.q
      .selectFrom('cause_claims')
      .selectAll()
      .where('process_id', '=', processId)
      .where('meeting_id', '=', meetingId)
      .orderBy('transition_seq')
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      transition: r.transition_seq,
      seq: r.seq,
      partyId: r.party_id,
      text: r.text as Words,
      ...(r.language === null ? {} : { language: r.language }),
      sources: r.sources as unknown[],
      ...recorded(r),
    }));
  }

  async answers(processId: string, invitationId: string): Promise<AnswerEntry[]> {
    const rows = await this.q
      .selectFrom('invitation_responses')
      .selectAll()
      .where('process_id', '=', processId)
      .where('invitation_id', '=', invitationId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      seq: r.seq,
      status: r.status,
      at: r.at,
      conditions: r.conditions as unknown[],
      sources: r.sources as unknown[],
      ...recorded(r),
    }));
  }

  async journal(processId: string, recordType: string, recordId: string) {
    const rows = await journalQuery(this.q, processId).where('j.record_type', '=', recordType).where('j.record_id', '=', recordId).orderBy('j.idx').execute();
    return rows.map((r) => toJournal(r));
  }

  async allJournal(processId: string) {
    const rows = await journalQuery(this.q, processId).orderBy('j.idx').execute();
    return rows.map((r) => toJournal(r));
  }

  journalMeta(processId: string, filter: JournalFilter) {
    return journalMeta(this.q, processId, filter);
  }

  writerSides(processId: string, usernames: string[]) {
    return writerSides(this.q, processId, usernames);
  }
}

interface Pending {
  recordType: string;
  recordId: string;
  version: number;
  supersedes: number | null;
  body: unknown;
}

class Work extends Reader implements UnitOfWork {
  readonly pending: Pending[] = [];
  constructor(
    private readonly tx: Transaction<Database>,
    readonly processId: string,
    readonly actor: Actor,
    readonly now: Date,
  ) {
    super(tx);
  }

  private get author() {
    return this.actor.username ?? this.actor.accountId ?? 'anonymous';
  }

  private row(id: string, version: number, r: Omit<NewRecord, 'id'>, created: { at: string; by: string }) {
    return {
      process_id: this.processId,
      id,
      version,
      audience: r.audience,
      audience_party: r.audienceParty,
      parent_id: r.parentId,
      status: r.status,
      sort_on: r.sortOn,
      party_ids: r.partyIds,
      body: JSON.stringify(r.body),
      owner: r.owner,
      created_at: created.at,
      created_by: created.by,
      updated_at: this.now.toISOString(),
      updated_by: this.author,
    };
  }

  async insert(table: RecordTable, kind: RecordKind, record: NewRecord) {
    return (await this.insertMany(table, kind, [record]))[0]!;
  }

  async insertMany(table: RecordTable, kind: RecordKind, records: NewRecord[]) {
    if (records.length === 0) return [];
    const created = { at: this.now.toISOString(), by: this.author };
    const inserted = await this.tx
      .insertInto(table)
      .values(records.map((r) => this.row(r.id, 1, r, created)))
      .onConflict((oc) => oc.doNothing())
      .returning(RECORD_COLUMNS)
      .execute();
    if (inserted.length < records.length) {
      const made = new Set(inserted.map((r) => r.id));
      const taken = records.find((r) => !made.has(r.id))!;
      throw conflict('already_exists', `${withArticle(kind.replace(/_/g, ' '), true)} with the id "${taken.id}" already exists.`, {
        field: 'id',
        id: taken.id,
      });
    }
    const byId = new Map(inserted.map((r) => [r.id, toRecord(r as unknown as RecordRow)]));
    // Journal entries follow the order the caller gave, not the order the database returned.
    return records.map((r) => {
      const stored = byId.get(r.id)!;
      this.pending.push({ recordType: kind, recordId: stored.id, version: 1, supersedes: null, body: stored });
      return stored;
    });
  }

  async revise(table: RecordTable, kind: RecordKind, current: StoredRecord, expectedVersion: number, next: Omit<NewRecord, 'id' | 'owner'>) {
    const version = expectedVersion + 1;
    // The author side is the first version's, whoever writes the next one.
    const { id, created_at, created_by, owner, ...values } = this.row(
      current.id,
      version,
      { ...next, owner: current.owner },
      { at: current.createdAt, by: current.createdBy },
    );
    void id;
    void created_at;
    void created_by;
    void owner;
    const updated = await this.tx
      .updateTable(table)
      .set(values)
      .where('process_id', '=', this.processId)
      .where('id', '=', current.id)
      .where('version', '=', expectedVersion)
      .returning(RECORD_COLUMNS)
      .executeTakeFirst();
    if (!updated)
      throw conflict(
        'stale_version',
        `This ${kind.replace(/_/g, ' ')} was changed by someone else (you sent version ${expectedVersion}); reload it and try again.`,
        {
          field: 'version',
        },
      );
    const stored = toRecord(updated as unknown as RecordRow);
    this.pending.push({ recordType: kind, recordId: stored.id, version, supersedes: expectedVersion, body: stored });
    return stored;
  }

  async appendHistory(kind: RecordKind, entry: HistoryRow, recordId: string) {
    const row: Record<string, unknown> = { ...entry.row, process_id: this.processId, recorded_by: this.author, recorded_at: this.now.toISOString() };
    for (const k of ['sources', 'conditions', 'reason', 'text']) if (k in row) row[k] = JSON.stringify(row[k]);
    await this.tx
      .insertInto(entry.table)
      .values(row as never)
      .execute();
    this.pending.push({ recordType: kind, recordId, version: Number(entry.row.seq), supersedes: null, body: entry.row });
  }

  async appendRows(kind: string, table: AppendTable, idColumn: string, rows: Record<string, unknown>[]) {
    const stamp = { process_id: this.processId, recorded_by: this.author, recorded_at: this.now.toISOString() };
    const stored = (r: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v !== null && typeof v === 'object' ? JSON.stringify(v) : v]));
    // Chunks keep each statement under PostgreSQL's 65,535 parameters; a taken key (a version written meanwhile) refuses the whole unit of work.
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const made = await this.tx
        .insertInto(table)
        .values(chunk.map((r) => ({ ...stored(r), ...stamp })) as never)
        .onConflict((oc) => oc.doNothing())
        .returning(sql<number>`1`.as('one'))
        .execute();
      if (made.length < chunk.length)
        throw conflict('stale_version', `This ${kind.replace(/_/g, ' ')} was changed by someone else meanwhile; reload it and try again.`, {
          field: 'version',
        });
    }
    for (const r of rows) this.pending.push({ recordType: kind, recordId: String(r[idColumn]), version: Number(r.seq), supersedes: null, body: r });
  }

  async eraseDetainee(detaineeId: string, reason: string) {
    const erased = await this.eraseBodies('detainee', detaineeId);
    const done = await this.tx
      .updateTable('detainees')
      .set({ entry: null })
      .where('process_id', '=', this.processId)
      .where('detainee_id', '=', detaineeId)
      .where('entry', 'is not', null)
      .returning('detainee_id')
      .executeTakeFirst();
    if (!done) throw conflict('already_redacted', "This person's data is already erased.");
    const indices = erased.map((r) => Number(r.idx)).sort((a, b) => a - b);
    this.pending.push({
      recordType: 'redaction',
      recordId: `detainee/${detaineeId}`,
      version: 2,
      supersedes: 1,
      body: { at: this.now.toISOString(), by: this.author, reason, recordType: 'detainee', recordId: detaineeId, erased: indices },
    });
    return indices;
  }

  async createProcess(p: { id: string; names: unknown; description?: string; areaOfInterest?: AreaInput }) {
    const inserted = await this.tx
      .insertInto('processes')
      .values({
        process_id: p.id,
        names: JSON.stringify(p.names),
        description: p.description ?? null,
        area_of_interest: p.areaOfInterest ? JSON.stringify(p.areaOfInterest) : null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('process_id')
      .executeTakeFirst();
    if (!inserted) throw conflict('already_exists', `A process with the id "${p.id}" already exists.`, { field: 'id' });
    await this.tx.insertInto('log_heads').values({ process_id: p.id, size: 0 }).execute();
    this.pending.push({ recordType: 'process', recordId: p.id, version: 1, supersedes: null, body: p });
  }

  async grantRole(g: { accountId: string; role: string; partyId: string | null; inviteId?: string }) {
    // Granting again (another party, or after a revocation) writes the grant's next version; the journal keeps the earlier ones.
    const row = await this.tx
      .insertInto('role_grants')
      .values({ process_id: this.processId, account_id: g.accountId, role: g.role, party_id: g.partyId })
      .onConflict((oc) =>
        oc.columns(['process_id', 'account_id', 'role']).doUpdateSet({
          party_id: g.partyId,
          version: sql<number>`role_grants.version + 1`,
          revoked_at: null,
          revoked_by: null,
        }),
      )
      .returning('version')
      .executeTakeFirstOrThrow();
    const body = { accountId: g.accountId, role: g.role, partyId: g.partyId, status: 'active', ...(g.inviteId ? { inviteId: g.inviteId } : {}) };
    this.pending.push({
      recordType: 'role_grant',
      recordId: `${g.accountId}:${g.role}`,
      version: row.version,
      supersedes: row.version > 1 ? row.version - 1 : null,
      body,
    });
  }

  async revokeRole(g: { accountId: string; role: string }) {
    const row = await this.tx
      .updateTable('role_grants')
      .set({ version: sql<number>`version + 1`, revoked_at: this.now.toISOString(), revoked_by: this.author })
      .where('process_id', '=', this.processId)
      .where('account_id', '=', g.accountId)
      .where('role', '=', g.role)
      .where('revoked_at', 'is', null)
      .returning(['version', 'party_id'])
      .executeTakeFirst();
    if (!row) return false;
    const body = { accountId: g.accountId, role: g.role, partyId: row.party_id, status: 'revoked' };
    this.pending.push({ recordType: 'role_grant', recordId: `${g.accountId}:${g.role}`, version: row.version, supersedes: row.version - 1, body });
    return true;
  }

  async claimLink(linkId: string, usedBy: string) {
    return claimLink(this.tx, linkId, usedBy, this.now);
  }

  async createAccount(a: AccountRecord) {
    const row = await this.tx
      .insertInto('accounts')
      .values({ account_id: a.accountId, username: a.username, password_hash: a.passwordHash, admin: a.admin ?? false })
      .onConflict((oc) => oc.doNothing())
      .returning('account_id')
      .executeTakeFirst();
    if (!row) throw conflict('already_exists', `The username "${a.username}" is taken.`, { field: 'username' });
  }

  async registerWitness(w: WitnessRecord) {
    const inserted = await this.log
      .insertInto('witnesses')
      .values({
        process_id: this.processId,
        name: w.name,
        party_id: w.partyId,
        vkey: w.vkey,
        url: w.url,
        status: w.status,
        version: 1,
        approved_by: w.approvedBy,
        removed_by: w.removedBy,
        changed_at: this.now.toISOString(),
      })
      .onConflict((oc) => oc.doNothing())
      .returning('name')
      .executeTakeFirst();
    if (!inserted) throw conflict('already_exists', `A witness named "${w.name}" is already registered; a new key needs a new name.`, { field: 'vkey' });
    this.pending.push({ recordType: 'witness', recordId: w.name, version: 1, supersedes: null, body: { ...w, version: 1 } });
  }

  async lockPartyWitnesses(partyId: string) {
    // Rows that do not exist yet cannot be locked, so the per-party limit takes a transaction lock named after the party.
    await sql`select pg_advisory_xact_lock(hashtext(${`parley.witnesses:${this.processId}:${partyId}`}))`.execute(this.tx);
    const rows = await this.log
      .selectFrom('witnesses')
      .selectAll()
      .where('process_id', '=', this.processId)
      .where('party_id', '=', partyId)
      .orderBy('name')
      .execute();
    return rows.map(toWitness);
  }

  async witness(name: string) {
    const row = await this.log.selectFrom('witnesses').selectAll().where('process_id', '=', this.processId).where('name', '=', name).executeTakeFirst();
    return row && toWitness(row);
  }

  async reviseWitness(next: Omit<WitnessRecord, 'version'>, expectedVersion: number) {
    const version = expectedVersion + 1;
    const updated = await this.log
      .updateTable('witnesses')
      .set({
        vkey: next.vkey,
        url: next.url,
        status: next.status,
        version,
        approved_by: next.approvedBy,
        removed_by: next.removedBy,
        changed_at: this.now.toISOString(),
      })
      .where('process_id', '=', this.processId)
      .where('name', '=', next.name)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    if (!updated)
      throw conflict(
        'stale_version',
        `The witness "${next.name}" was changed by someone else (you sent version ${expectedVersion}); reload it and try again.`,
        { field: 'version' },
      );
    const stored = toWitness(updated);
    this.pending.push({ recordType: 'witness', recordId: stored.name, version, supersedes: expectedVersion, body: stored });
    return stored;
  }

  /** Deletes the bodies and salts of every journal entry of one record: the leaves keep only commitments. */
  private eraseBodies(kind: string, recordId: string) {
    return this.log
      .deleteFrom('entry_bodies')
      .where('process_id', '=', this.processId)
      .where(
        'idx',
        'in',
        this.log.selectFrom('journal').select('idx').where('process_id', '=', this.processId).where('record_type', '=', kind).where('record_id', '=', recordId),
      )
      .returning('idx')
      .execute();
  }

  async redact(table: RecordTable, kind: RecordKind, current: StoredRecord, reason: string) {
    const erased = await this.eraseBodies(kind, current.id);
    const version = current.version + 1;
    const redacted = { redacted: { at: this.now.toISOString(), by: this.author, reason } };
    const updated = await this.tx
      .updateTable(table)
      .set({ version, body: JSON.stringify(redacted), updated_at: this.now.toISOString(), updated_by: this.author })
      .where('process_id', '=', this.processId)
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .returning(RECORD_COLUMNS)
      .executeTakeFirst();
    if (!updated) throw conflict('stale_version', `This ${kind.replace(/_/g, ' ')} was changed meanwhile; reload it and try again.`, { field: 'version' });
    const indices = erased.map((r) => Number(r.idx)).sort((a, b) => a - b);
    this.pending.push({
      recordType: 'redaction',
      recordId: `${kind}/${current.id}`,
      version,
      supersedes: current.version,
      body: { ...redacted.redacted, recordType: kind, recordId: current.id, erased: indices },
    });
    return { record: toRecord(updated as unknown as RecordRow), erased: indices };
  }

  private get log() {
    return this.tx as unknown as Transaction<LogDatabase>;
  }

  /**
   * Appends the journal entries as leaves. The head row is locked last, so indices are
   * dense and follow commit order; everything else is one statement, because the lock
   * is held until commit and every round trip under it is paid by every other writer.
   */
  async flush() {
    if (this.pending.length === 0) return;
    // Envelopes do not contain their index, so they are sealed before the lock is taken.
    const at = this.now.toISOString();
    const sealed = this.pending.map((p) =>
      sealEntry({ type: p.recordType, recordId: p.recordId, version: p.version, supersedes: p.supersedes, author: this.author, at }, p.body),
    );
    const head = await this.log.selectFrom('log_heads').select(['size', 'frontier']).where('process_id', '=', this.processId).forUpdate().executeTakeFirst();
    if (!head) throw new AppError('not_found', 'not_found_or_no_access', `No process "${this.processId}" was found, or you may not see it.`);
    const start = Number(head.size);
    const grown = appendToFrontier(
      start,
      splitHashes(head.frontier),
      sealed.map((s) => s.leafHash),
    );
    await appendLeaves(
      this.log,
      this.processId,
      start,
      this.pending.map((p, i) => ({ ...p, ...sealed[i]!, author: this.author, at })),
      grown,
    );
  }
}

/** `guard` refuses a write before it starts (the integrity watch makes a tampered process read-only). */
export function createStore(db: Kysely<Database>, guard: (processId: string) => void = () => {}): Store {
  return {
    reader: new Reader(db),
    async write(processId, actor, work) {
      guard(processId);
      return db.transaction().execute(async (tx) => {
        await sql`select set_config('parley.uow', 'on', true)`.execute(tx);
        const uow = new Work(tx, processId, actor, new Date());
        const result = await work(uow);
        await uow.flush();
        return result;
      });
    },
  };
}

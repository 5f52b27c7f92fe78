import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;
type Stamp = ColumnType<Date, string, string>;

/** Who wrote a row of an append-only table, and when (the journal entry says the same). */
type Recorded = { process_id: string; recorded_by: string; recorded_at: Stamp };

/** The shared shape of every record table (see 001_foundation.sql). */
export interface RecordRow {
  process_id: string;
  id: string;
  version: number;
  audience: 'public' | 'forum' | 'party' | 'mediator';
  audience_party: string | null;
  parent_id: string | null;
  status: string | null;
  sort_on: string;
  party_ids: string[];
  body: Json;
  created_at: Stamp;
  created_by: string;
  updated_at: Stamp;
  updated_by: string;
  owner: string;
}

export const RECORD_TABLES = [
  'parties',
  'people',
  'mandates',
  'forums',
  'meetings',
  'invitations',
  'attendance',
  'agreements',
  'provisions',
  'assessments',
  'sources',
  'statements',
  'claims',
  'figures',
  'incidents',
  'observations',
  'verifications',
  'attributions',
  'lines',
  'restrictions',
] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

/** The exchange and reading tables (012_exchanges.sql, 015_ingestion.sql): appended to through the unit of work, each row a journal entry's body. */
export type AppendTable =
  | 'detainee_lists'
  | 'detainees'
  | 'detainee_statuses'
  | 'reconciliations'
  | 'match_decisions'
  | 'exchange_batches'
  | 'exchange_reviewers'
  | 'detainee_access'
  | 'source_readings'
  | 'candidate_reviews';

export interface Database extends Record<RecordTable, RecordRow> {
  processes: {
    process_id: string;
    names: Json;
    description: string | null;
    area_of_interest: Json | null;
    created_at: Generated<Stamp>;
    id_key: Generated<Uint8Array>;
  };
  accounts: {
    account_id: string;
    username: string;
    password_hash: string;
    created_at: Generated<Stamp>;
    admin: Generated<boolean>;
    deactivated_at: Stamp | null;
  };
  sessions: { token_hash: string; account_id: string; expires_at: Stamp; created_at: Generated<Stamp> };
  api_tokens: {
    token_hash: string;
    token_id: string;
    account_id: string;
    name: string;
    created_at: Generated<Stamp>;
    expires_at: Stamp;
    last_used_at: Stamp | null;
  };
  calendar_feeds: {
    feed_id: string;
    token_hash: string;
    account_id: string;
    process_id: string;
    created_at: Generated<Stamp>;
    last_used_at: Stamp | null;
  };
  login_throttle: { scope: string; key: string; failures: Generated<number>; last_failure_at: Stamp | null; succeeded_at: Stamp | null };
  role_grants: {
    process_id: string;
    account_id: string;
    role: string;
    party_id: string | null;
    version: Generated<number>;
    revoked_at: Stamp | null;
    revoked_by: string | null;
  };
  account_links: {
    link_id: string;
    secret_hash: string;
    purpose: 'setup' | 'invite' | 'reset';
    process_id: string | null;
    role: string | null;
    party_id: string | null;
    username: string | null;
    account_id: string | null;
    created_by: string;
    created_at: Generated<Stamp>;
    expires_at: Stamp;
    used_at: Stamp | null;
    used_by: string | null;
    revoked_at: Stamp | null;
    revoked_by: string | null;
  };
  log_heads: {
    process_id: string;
    size: ColumnType<number, number, number>;
    root: ColumnType<Uint8Array, Uint8Array | undefined, Uint8Array>;
    frontier: ColumnType<Uint8Array, Uint8Array | undefined, Uint8Array>;
  };
  journal: {
    process_id: string;
    idx: ColumnType<number, number, never>;
    record_type: string;
    record_id: string;
    version: number;
    supersedes: number | null;
    author: string;
    at: Stamp;
    envelope: ColumnType<unknown, string, never>;
    leaf_hash: ColumnType<Uint8Array, Uint8Array, never>;
  };
  meeting_transitions: {
    process_id: string;
    meeting_id: string;
    seq: number;
    from_status: string | null;
    to_status: string;
    at: string;
    /** A string, or the variants {en?, uk?, ru?}. */
    reason: Json;
    reason_language: string | null;
    sources: Json;
    recorded_by: string;
    recorded_at: Stamp;
  };
  cause_claims: {
    process_id: string;
    meeting_id: string;
    transition_seq: number;
    seq: number;
    party_id: string;
    /** A string, or the variants {en?, uk?, ru?}. */
    text: Json;
    language: string | null;
    sources: Json;
    recorded_by: string;
    recorded_at: Stamp;
  };
  invitation_responses: {
    process_id: string;
    invitation_id: string;
    seq: number;
    status: string;
    at: string;
    conditions: Json;
    sources: Json;
    recorded_by: string;
    recorded_at: Stamp;
  };
  detainee_lists: Recorded & {
    list_id: string;
    seq: number;
    party_id: string;
    side: string;
    held_by: string;
    title: string;
    entries: number;
  };
  detainees: Recorded & { detainee_id: string; seq: number; list_id: string; list_seq: number; line: number; entry: Json | null };
  detainee_statuses: Recorded & { detainee_id: string; seq: number; status: string; at: string; source: string };
  reconciliations: Recorded & {
    reconciliation_id: string;
    seq: number;
    list_a: string;
    seq_a: number;
    list_b: string;
    seq_b: number;
    result: Json;
  };
  match_decisions: Recorded & { reconciliation_id: string; seq: number; a_id: string; b_id: string; decision: string; reason: string | null };
  exchange_batches: Recorded & { batch_id: string; seq: number; batch: Json };
  exchange_reviewers: Recorded & { account_id: string; seq: number; active: boolean };
  detainee_access: Recorded & { access_id: string; seq: number; action: string; purpose: string; subjects: Json };
  source_documents: { process_id: string; sha256: string; media_type: string; byte_size: number; bytes: Uint8Array; received_at: Stamp };
  ingest_jobs: {
    process_id: string;
    job_id: string;
    sha256: string;
    state: 'queued' | 'running' | 'done' | 'failed';
    stage: string;
    request: Json;
    source_id: string | null;
    outcome: 'created' | 'duplicate' | null;
    error: Json | null;
    attempts: ColumnType<number, number | undefined, number>;
    lease_until: Stamp | null;
    created_by: string;
    created_at: Stamp;
    updated_at: Stamp;
  };
  source_readings: Recorded & { source_id: string; seq: number; reading: Json; candidates: Json };
  candidate_reviews: Recorded & {
    source_id: string;
    seq: number;
    candidate: number;
    decision: 'confirmed' | 'rejected';
    record_kind: string | null;
    record_id: string | null;
  };
  schema_migrations: { name: string; applied_at: Generated<Stamp> };
}

import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;
type Stamp = ColumnType<Date, string, string>;

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
  schema_migrations: { name: string; applied_at: Generated<Stamp> };
}

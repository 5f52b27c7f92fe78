import type { ColumnType, Generated } from 'kysely';
import type { Database } from '../schema.ts';

type Json = ColumnType<unknown, string, string>;
type Stamp = ColumnType<Date, string, string>;
type Bytes = ColumnType<Uint8Array, Uint8Array, never>;

/** The tables of 002_log.sql beside those of 001. */
export interface LogDatabase extends Database {
  entry_bodies: { process_id: string; idx: number; body: Json; salt: Bytes };
  log_nodes: { process_id: string; level: number; idx: number; hash: Bytes };
  checkpoints: { process_id: string; size: number; root: Bytes; note: string; signed_at: Generated<Stamp> };
  witnesses: {
    process_id: string;
    name: string;
    party_id: string;
    vkey: string;
    url: string;
    status: string;
    version: number;
    approved_by: string | null;
    removed_by: string | null;
    changed_at: Stamp;
  };
  cosignatures: { process_id: string; size: number; witness: string; line: string; received_at: Generated<Stamp> };
}

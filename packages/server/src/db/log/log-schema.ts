import type { ColumnType, Generated } from 'kysely';
import type { Database } from '../schema.ts';

type Json = ColumnType<unknown, string, string>;
type Stamp = ColumnType<Date, string, string>;
type Bytes = ColumnType<Uint8Array, Uint8Array, never>;

/** The tables of 002_log.sql, and the journal and head columns it adds. */
export interface LogDatabase extends Omit<Database, 'journal' | 'log_heads'> {
  log_heads: { process_id: string; size: ColumnType<number, number, number>; root: ColumnType<Uint8Array | null, Uint8Array | undefined, Uint8Array> };
  journal: {
    process_id: string;
    idx: ColumnType<number, number, never>;
    record_type: string;
    record_id: string;
    version: number;
    supersedes: number | null;
    author: string;
    at: Stamp;
    body: ColumnType<unknown, string | null, null>;
    envelope: ColumnType<unknown, string, string>;
    leaf_hash: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  };
  entry_bodies: { process_id: string; idx: number; body: Json; salt: Bytes };
  log_nodes: { process_id: string; level: number; idx: number; hash: Bytes };
  checkpoints: { process_id: string; size: number; root: Bytes; note: string; signed_at: Generated<Stamp> };
  witnesses: { process_id: string; name: string; party_id: string; vkey: string; url: string };
  cosignatures: { process_id: string; size: number; witness: string; line: string; received_at: Generated<Stamp> };
}

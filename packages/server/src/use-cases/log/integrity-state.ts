import type { HashReader } from '@parley/tlog';
import { AppError } from '../../domain/shared/app-error.ts';

/**
 * Stable names of what an integrity check can find. Anyone may see the kind and the
 * entry index (both are in the public log anyway); the detail is for the mediator.
 */
export type FindingKind =
  | 'entry_missing'
  | 'entry_misplaced'
  | 'envelope_mismatch'
  | 'leaf_hash_mismatch'
  | 'node_mismatch'
  | 'body_mismatch'
  | 'size_mismatch'
  | 'root_mismatch'
  | 'checkpoint_mismatch'
  | 'checkpoint_missing'
  | 'behind_external_checkpoint'
  | 'external_checkpoint_mismatch'
  | 'external_checkpoint_unreadable'
  | 'record_mismatch'
  | 'record_unjournalled'
  | 'record_missing'
  | 'history_mismatch'
  | 'history_missing';

export interface Finding {
  kind: FindingKind;
  /** The journal index concerned, or null for a finding about the whole tree. */
  index: number | null;
  recordType?: string;
  recordId?: string;
  detail: string;
}

export interface ProcessIntegrity {
  processId: string;
  checkedAt: string;
  mode: 'complete' | 'sampled';
  findings: Finding[];
}

/** A journal row as stored, with its body and salt (null once erased). */
export interface IntegrityEntry {
  idx: number;
  type: string;
  recordId: string;
  version: number;
  envelope: { commitment: string; [k: string]: unknown };
  leafHash: Uint8Array;
  body: unknown;
  salt: Uint8Array | null;
}

/** One consistent read of a process's log and records (one snapshot, so concurrent writes cannot look like tampering). */
export interface IntegrityReader {
  head(): Promise<{ size: number; root: Uint8Array } | undefined>;
  /** How many journal rows there are, and the lowest and highest index. */
  journalShape(): Promise<{ count: number; min: number | null; max: number | null }>;
  entries(from: number, to: number): Promise<IntegrityEntry[]>;
  /** Entries by their (type, record id), for the records being checked. */
  entriesOf(type: string, recordIds: string[]): Promise<IntegrityEntry[]>;
  /** The stored nodes, read from the table (never a cache). */
  nodes: HashReader & Required<Pick<HashReader, 'getNodes'>>;
  /** Every stored node, for the complete check. */
  allNodes(): Promise<{ level: number; idx: number; hash: Uint8Array }[]>;
  checkpoints(): Promise<{ size: number; root: Uint8Array }[]>;
  /** Current rows of a record table as StoredRecords (the journal's body), all of them or by id. */
  records(table: string, ids?: string[]): Promise<{ id: string; version: number; record: unknown; body: unknown }[]>;
  /** Rows of an append-only history table, without the columns the journal does not carry. */
  history(table: string): Promise<Record<string, unknown>[]>;
}

export interface IntegrityStore {
  read<T>(processId: string, fn: (r: IntegrityReader) => Promise<T>): Promise<T>;
}

/**
 * The last signed checkpoint kept outside the database, beside the log key: an
 * operator who rolls the database back (later checkpoints included) cannot roll this back too.
 */
export interface CheckpointMirror {
  /** The kept note, verified against the log key; throws if the file is unreadable or not signed by it. */
  read(processId: string): { size: number; root: Uint8Array; note: string } | undefined;
  /** Where the note is kept, for the operator. */
  path(processId: string): string;
  /** Keeps a newly signed note unless a larger one is kept already. */
  keep(processId: string, note: string): void;
}

/**
 * What the server currently knows about each process's log. Findings stay until a
 * complete check passes: a sampled round that happens not to look at the altered entry
 * must not clear them.
 */
export class IntegrityState {
  private readonly reports = new Map<string, ProcessIntegrity>();
  /** Per process: the size up to which entries were checked, and where the sampling sweep continues. */
  readonly progress = new Map<string, { verifiedSize: number; cursor: number }>();

  /** A complete report replaces what was known; a sampled one adds its findings to the known ones. */
  record(report: ProcessIntegrity) {
    const known = this.reports.get(report.processId);
    if (report.mode === 'complete' || !known) return void this.reports.set(report.processId, report);
    const id = (f: Finding) => `${f.kind}\u0000${f.index}\u0000${f.recordId ?? ''}\u0000${f.detail}`;
    const ids = new Set(known.findings.map(id));
    const findings = [...known.findings, ...report.findings.filter((f) => !ids.has(id(f)))];
    this.reports.set(report.processId, { ...report, mode: known.findings.length > 0 ? known.mode : report.mode, findings });
  }

  findings(processId: string): Finding[] {
    return this.reports.get(processId)?.findings ?? [];
  }

  compromised(): ProcessIntegrity[] {
    return [...this.reports.values()].filter((r) => r.findings.length > 0).sort((a, b) => a.processId.localeCompare(b.processId));
  }

  report(processId: string): ProcessIntegrity | undefined {
    return this.reports.get(processId);
  }

  /** Forgets a process (tests, and a process whose log was restored and then checked completely). */
  clear(processId?: string) {
    if (processId === undefined) {
      this.reports.clear();
      this.progress.clear();
    } else {
      this.reports.delete(processId);
      this.progress.delete(processId);
    }
  }

  /** The guard of Store.write: a log that fails its check takes no more writes. */
  assertWritable(processId: string) {
    if (this.findings(processId).length > 0) throw integrityError(processId, this.findings(processId));
  }
}

export const integrityError = (processId: string, findings: Finding[]) =>
  new AppError(
    'unavailable',
    'log_integrity',
    `The log of "${processId}" failed its integrity check (${findings.length} finding${findings.length === 1 ? '' : 's'}, first: ${findings[0]?.kind ?? 'unknown'}); the process is read-only and no checkpoint is signed until an operator restores it.`,
    { processId, findings: findings.slice(0, 20).map((f) => ({ kind: f.kind, index: f.index })) },
  );

/** The watcher's part of the runtime. */
export interface LogIntegrity {
  state: IntegrityState;
  store: IntegrityStore;
  mirror: CheckpointMirror;
  /** Entries (and records) looked at per sampled round, beyond the entries new since the last round. */
  sample: number;
}

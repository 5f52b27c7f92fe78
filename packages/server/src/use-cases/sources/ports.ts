import type { AccountStore, Store } from '../ports.ts';

export type JobState = 'queued' | 'running' | 'done' | 'failed';
/** Where a job is: what the worker is doing now, shown as progress. */
export type JobStage = 'queued' | 'decoding' | 'extracting' | 'reading' | 'saving' | 'done' | 'failed';

/** What the person said about the document when handing it in; the reader fills in what they left out. */
export interface IngestRequest {
  fileName?: string;
  title?: string;
  publisher: string;
  date: string;
  language?: string;
  url?: string;
  kind: string;
  note?: string;
  audience?: 'public' | 'forum' | 'party' | 'mediator';
  audienceParty?: string | null;
}

export interface IngestJob {
  processId: string;
  jobId: string;
  sha256: string;
  state: JobState;
  stage: JobStage;
  request: IngestRequest;
  sourceId: string | null;
  outcome: 'created' | 'duplicate' | null;
  error: { code: string; reason: string; message: string } | null;
  attempts: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredDocument {
  sha256: string;
  mediaType: string;
  byteSize: number;
  bytes: Uint8Array;
}

export interface StoredReading {
  sourceId: string;
  reading: unknown;
  candidates: unknown[];
  recordedBy: string;
  recordedAt: string;
}

export interface StoredReview {
  seq: number;
  candidate: number;
  decision: 'confirmed' | 'rejected';
  recordKind: string | null;
  recordId: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** The ingestion queue and the tables beside sources (015_ingestion.sql). Who may call what is the use cases' business. */
export interface IngestStore {
  /** Stores the bytes under their hash and queues a job for them, in one transaction. */
  enqueue(doc: StoredDocument, job: { processId: string; jobId: string; request: IngestRequest; createdBy: string; now: Date }): Promise<IngestJob>;
  /** The oldest waiting job (or one whose worker's lease ran out), now leased to the caller until `leaseUntil`. */
  claim(now: Date, leaseUntil: Date): Promise<IngestJob | undefined>;
  stage(processId: string, jobId: string, stage: JobStage, now: Date): Promise<void>;
  finish(processId: string, jobId: string, result: { sourceId: string; outcome: 'created' | 'duplicate' }, now: Date): Promise<void>;
  /** Ends the job with its error and drops the bytes when no source and no other job holds them, so nothing partial stays. */
  fail(processId: string, jobId: string, error: NonNullable<IngestJob['error']>, now: Date): Promise<void>;
  job(processId: string, jobId: string): Promise<IngestJob | undefined>;
  jobs(processId: string, createdBy: string, limit: number): Promise<IngestJob[]>;
  document(processId: string, sha256: string): Promise<StoredDocument | undefined>;
  /** Ids of the sources made from this document. */
  sourcesOf(processId: string, sha256: string): Promise<string[]>;
  /** Every reading's fingerprint, for near-duplicate search. */
  fingerprints(processId: string): Promise<{ sourceId: string; fingerprint: string }[]>;
  reading(processId: string, sourceId: string): Promise<StoredReading | undefined>;
  reviews(processId: string, sourceId: string): Promise<StoredReview[]>;
}

export interface IngestDeps {
  store: Store;
  ingest: IngestStore;
  accounts: AccountStore;
}

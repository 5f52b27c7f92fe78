import { createHash } from 'node:crypto';
import type { Actor } from '../../domain/shared/actor.ts';
import { AppError, invalid, notFound } from '../../domain/shared/app-error.ts';
import { parsePreciseDate } from '../../domain/shared/precise-date.ts';
import { MAX_DOCUMENT_BYTES } from '../../domain/sources/document/index.ts';
import { assertCanWrite, visibilityOf } from '../../policies/access.ts';
import { exchangeId } from '../exchanges/support.ts';
import { assertProcess } from '../support.ts';
import type { IngestDeps, IngestJob, IngestRequest } from './ports.ts';

export interface DocumentSubmission {
  bytes: Uint8Array;
  mediaType?: string;
  request: IngestRequest;
}

/** Lets the worker know a job waits, so it need not wait for its next poll. */
export type Wake = () => void;

/**
 * Hands a document in: the bytes are kept under their hash and a job queued to read them. Whoever may write a
 * source with this audience may hand one in; the job writes the source as them, so the same rules hold when it runs.
 */
export async function submitDocument(deps: IngestDeps & { wake?: Wake }, actor: Actor, processId: string, doc: DocumentSubmission): Promise<IngestJob> {
  await assertProcess(deps.store.reader, processId);
  assertCanWrite(actor, processId, 'source', visibilityOf(doc.request, 'public'));
  if (!actor.accountId) throw notFound('process', processId);
  parsePreciseDate(doc.request.date, 'date');
  if (doc.bytes.byteLength === 0) throw invalid('file', 'document_empty', 'The document is empty: send the file or paste the text.');
  if (doc.bytes.byteLength > MAX_DOCUMENT_BYTES)
    throw new AppError(
      'too_large',
      'document_too_large',
      `The document is ${doc.bytes.byteLength} bytes; Parley reads documents of up to ${MAX_DOCUMENT_BYTES} bytes.`,
      {
        field: 'file',
      },
    );
  const sha256 = createHash('sha256').update(doc.bytes).digest('hex');
  const job = await deps.ingest.enqueue(
    { sha256, mediaType: doc.mediaType ?? 'application/octet-stream', byteSize: doc.bytes.byteLength, bytes: doc.bytes },
    { processId, jobId: exchangeId('ij'), request: doc.request, createdBy: actor.accountId, now: new Date() },
  );
  deps.wake?.();
  return job;
}

/** A job is its submitter's: anyone else is told it does not exist. */
export async function readJob(deps: IngestDeps, actor: Actor, processId: string, jobId: string): Promise<IngestJob> {
  const job = await deps.ingest.job(processId, jobId);
  if (!job || !actor.accountId || job.createdBy !== actor.accountId) throw notFound('ingest job', jobId);
  return job;
}

export async function listJobs(deps: IngestDeps, actor: Actor, processId: string): Promise<IngestJob[]> {
  await assertProcess(deps.store.reader, processId);
  return actor.accountId ? deps.ingest.jobs(processId, actor.accountId, 50) : [];
}

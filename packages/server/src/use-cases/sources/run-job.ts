import { AppError } from '../../domain/shared/app-error.ts';
import type { Actor } from '../../domain/shared/actor.ts';
import { NEAR_DUPLICATE, resemblance } from '../../domain/sources/document/index.ts';
import { readSource } from '../../domain/sources/read/read-source.ts';
import { insertRecord } from '../create-record.ts';
import { reading } from '../reading.ts';
import { resource } from '../resources.ts';
import type { UnitOfWork } from '../ports.ts';
import type { IngestDeps, IngestJob } from './ports.ts';
import { loadRoster } from './roster.ts';

/** How long a worker holds a job before another may take it over (a worker killed mid-job leaves it running). */
export const LEASE_MS = 5 * 60_000;

export interface JobOutcome {
  job: IngestJob;
  sourceId?: string;
  outcome?: 'created' | 'duplicate';
  error?: IngestJob['error'];
}

/**
 * Takes the next waiting job and runs it to its end: a source with its reading, the source the same document already
 * made, or an error on the job. It runs as the person who handed the document in, with their grants as they are now.
 */
export async function runNextJob(deps: IngestDeps, onError: (err: unknown, job: IngestJob) => void = () => {}): Promise<JobOutcome | undefined> {
  const now = new Date();
  const job = await deps.ingest.claim(now, new Date(now.getTime() + LEASE_MS));
  if (!job) return undefined;
  try {
    const actor = await deps.accounts.actorById(job.createdBy);
    if (!actor) throw new AppError('forbidden', 'account_deactivated', 'The account that handed this document in is no longer active.');
    const { sourceId, outcome } = await runJob(deps, actor, job);
    await deps.ingest.finish(job.processId, job.jobId, { sourceId, outcome }, new Date());
    return { job, sourceId, outcome };
  } catch (err) {
    const error =
      err instanceof AppError
        ? { code: err.code, reason: err.reason, message: err.message }
        : { code: 'internal', reason: 'reading_failed', message: 'The document could not be read, for a reason on the server’s side; nothing was stored.' };
    if (!(err instanceof AppError)) onError(err, job);
    await deps.ingest.fail(job.processId, job.jobId, error, new Date());
    return { job, error };
  }
}

async function runJob(deps: IngestDeps, actor: Actor, job: IngestJob): Promise<{ sourceId: string; outcome: 'created' | 'duplicate' }> {
  const { processId, request } = job;
  const visible = async (ids: string[]) => (await reading(deps.store.reader, actor, processId, 'reference').many('sources', ids)).map((s) => s.id);
  // The same bytes are one source, if the person may see the one they made; else theirs is a new source, and
  // nobody learns that an unseen one exists.
  const same = await visible(await deps.ingest.sourcesOf(processId, job.sha256));
  if (same[0]) return { sourceId: same[0], outcome: 'duplicate' };
  const doc = await deps.ingest.document(processId, job.sha256);
  if (!doc) throw new AppError('gone', 'reading_failed', 'The document’s bytes are gone; hand it in again.');
  const roster = await loadRoster(deps.store.reader, actor, processId);
  const stage = (s: IngestJob['stage']) => deps.ingest.stage(processId, job.jobId, s, new Date());
  const read = await readSource(
    doc.bytes,
    { mediaType: doc.mediaType, fileName: request.fileName, url: request.url, language: request.language, published: request.date, roster },
    stage,
  );
  await stage('saving');
  const near = await nearestCopy(deps, processId, read.reading.fingerprint, visible);
  const res = resource('source');
  const source = await deps.store.write(processId, actor, async (uow: UnitOfWork) => {
    const record = await insertRecord(uow, actor, processId, res, {
      title: request.title ?? read.reading.title ?? request.fileName ?? 'Untitled document',
      publisher: request.publisher,
      date: request.date,
      language: request.language ?? read.reading.language ?? 'und',
      ...(request.url ? { url: request.url } : {}),
      kind: request.kind,
      ...(request.note ? { note: request.note } : {}),
      ...(request.audience ? { audience: request.audience } : {}),
      ...(request.audienceParty ? { audienceParty: request.audienceParty } : {}),
      document: { sha256: doc.sha256, mediaType: doc.mediaType, byteSize: doc.byteSize, ...(request.fileName ? { fileName: request.fileName } : {}) },
      ...(near ? { nearDuplicateOf: near } : {}),
    });
    await uow.appendRows('source_reading', 'source_readings', 'source_id', [
      { source_id: record.id, seq: 1, reading: read.reading, candidates: read.candidates },
    ]);
    return record;
  });
  return { sourceId: source.id, outcome: 'created' };
}

/** The visible source whose text most resembles this one, when a syndicated copy: same wire text, other headline or footer. */
async function nearestCopy(deps: IngestDeps, processId: string, fingerprint: string, visible: (ids: string[]) => Promise<string[]>) {
  const scored = (await deps.ingest.fingerprints(processId))
    .map((f) => ({ id: f.sourceId, score: resemblance(fingerprint, f.fingerprint) }))
    .filter((f) => f.score >= NEAR_DUPLICATE)
    .sort((a, b) => b.score - a.score);
  const seen = new Set(await visible(scored.map((s) => s.id)));
  const best = scored.find((s) => seen.has(s.id));
  return best ? { sourceId: best.id, resemblance: Math.round(best.score * 100) / 100 } : undefined;
}

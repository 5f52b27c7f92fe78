import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../schema.ts';
import type { IngestJob, IngestStore, StoredReview } from '../../use-cases/sources/ports.ts';

const iso = (v: unknown) => new Date(v as string | Date).toISOString();
const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);

function jobOf(r: Selectable<Database['ingest_jobs']>): IngestJob {
  return {
    processId: r.process_id,
    jobId: r.job_id,
    sha256: r.sha256,
    state: r.state,
    stage: r.stage as IngestJob['stage'],
    request: json(r.request) as IngestJob['request'],
    sourceId: r.source_id,
    outcome: r.outcome,
    error: (json(r.error) as IngestJob['error']) ?? null,
    attempts: r.attempts,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/**
 * The queue is a table claimed with FOR UPDATE SKIP LOCKED, so it works alike on PostgreSQL and PGlite. Not pg-boss:
 * it drives its own `pg` connection pool and a maintenance schedule, and PGlite is one connection inside this process;
 * one table and one claim statement serve both engines, and the jobs commit and roll back with the rest.
 */
export function createIngestStore(db: Kysely<Database>): IngestStore {
  const jobs = () => db.selectFrom('ingest_jobs').selectAll();
  return {
    async enqueue(doc, j) {
      return db.transaction().execute(async (tx) => {
        await tx
          .insertInto('source_documents')
          .values({
            process_id: j.processId,
            sha256: doc.sha256,
            media_type: doc.mediaType,
            byte_size: doc.byteSize,
            bytes: doc.bytes,
            received_at: j.now.toISOString(),
          })
          .onConflict((oc) => oc.columns(['process_id', 'sha256']).doNothing())
          .execute();
        const row = await tx
          .insertInto('ingest_jobs')
          .values({
            process_id: j.processId,
            job_id: j.jobId,
            sha256: doc.sha256,
            state: 'queued',
            stage: 'queued',
            request: JSON.stringify(j.request),
            created_by: j.createdBy,
            created_at: j.now.toISOString(),
            updated_at: j.now.toISOString(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return jobOf(row);
      });
    },
    async claim(now, leaseUntil) {
      const row = await db
        .updateTable('ingest_jobs')
        .set({ state: 'running', lease_until: leaseUntil.toISOString(), updated_at: now.toISOString(), attempts: sql`attempts + 1` })
        .where(({ eb, refTuple, selectFrom }) =>
          eb(
            refTuple('process_id', 'job_id'),
            'in',
            selectFrom('ingest_jobs')
              .select(['process_id', 'job_id'])
              .where((w) => w.or([w('state', '=', 'queued'), w.and([w('state', '=', 'running'), w('lease_until', '<', now.toISOString() as never)])]))
              .orderBy('created_at')
              .limit(1)
              .forUpdate()
              .skipLocked() as never,
          ),
        )
        .returningAll()
        .executeTakeFirst();
      return row && jobOf(row);
    },
    async stage(processId, jobId, stage, now) {
      await db
        .updateTable('ingest_jobs')
        .set({ stage, updated_at: now.toISOString() })
        .where('process_id', '=', processId)
        .where('job_id', '=', jobId)
        .execute();
    },
    async finish(processId, jobId, result, now) {
      await db
        .updateTable('ingest_jobs')
        .set({ state: 'done', stage: 'done', source_id: result.sourceId, outcome: result.outcome, lease_until: null, updated_at: now.toISOString() })
        .where('process_id', '=', processId)
        .where('job_id', '=', jobId)
        .execute();
    },
    async fail(processId, jobId, error, now) {
      await db.transaction().execute(async (tx) => {
        const job = await tx
          .updateTable('ingest_jobs')
          .set({ state: 'failed', stage: 'failed', error: JSON.stringify(error), lease_until: null, updated_at: now.toISOString() })
          .where('process_id', '=', processId)
          .where('job_id', '=', jobId)
          .returning('sha256')
          .executeTakeFirst();
        if (!job) return;
        const held = await tx
          .selectFrom('ingest_jobs')
          .select('job_id')
          .where('process_id', '=', processId)
          .where('sha256', '=', job.sha256)
          .where('state', '<>', 'failed')
          .unionAll(
            tx
              .selectFrom('sources')
              .select('id as job_id')
              .where('process_id', '=', processId)
              .where(sql<string>`body->'document'->>'sha256'`, '=', job.sha256),
          )
          .limit(1)
          .executeTakeFirst();
        if (!held) await tx.deleteFrom('source_documents').where('process_id', '=', processId).where('sha256', '=', job.sha256).execute();
      });
    },
    async job(processId, jobId) {
      const row = await jobs().where('process_id', '=', processId).where('job_id', '=', jobId).executeTakeFirst();
      return row && jobOf(row);
    },
    async jobs(processId, createdBy, limit) {
      const rows = await jobs().where('process_id', '=', processId).where('created_by', '=', createdBy).orderBy('created_at', 'desc').limit(limit).execute();
      return rows.map(jobOf);
    },
    async document(processId, sha256) {
      const r = await db.selectFrom('source_documents').selectAll().where('process_id', '=', processId).where('sha256', '=', sha256).executeTakeFirst();
      return r && { sha256: r.sha256, mediaType: r.media_type, byteSize: r.byte_size, bytes: new Uint8Array(r.bytes) };
    },
    async sourcesOf(processId, sha256) {
      const rows = await db
        .selectFrom('sources')
        .select('id')
        .where('process_id', '=', processId)
        .where(sql<string>`body->'document'->>'sha256'`, '=', sha256)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => r.id);
    },
    async fingerprints(processId) {
      const rows = await db
        .selectFrom('source_readings')
        .select(['source_id', sql<string>`reading->>'fingerprint'`.as('fingerprint')])
        .where('process_id', '=', processId)
        .orderBy('recorded_at')
        .execute();
      return rows.filter((r) => r.fingerprint).map((r) => ({ sourceId: r.source_id, fingerprint: r.fingerprint }));
    },
    async reading(processId, sourceId) {
      const r = await db.selectFrom('source_readings').selectAll().where('process_id', '=', processId).where('source_id', '=', sourceId).executeTakeFirst();
      return (
        r && {
          sourceId: r.source_id,
          reading: json(r.reading),
          candidates: json(r.candidates) as unknown[],
          recordedBy: r.recorded_by,
          recordedAt: iso(r.recorded_at),
        }
      );
    },
    async reviews(processId, sourceId) {
      const rows = await db
        .selectFrom('candidate_reviews')
        .selectAll()
        .where('process_id', '=', processId)
        .where('source_id', '=', sourceId)
        .orderBy('seq')
        .execute();
      return rows.map((r): StoredReview => ({
        seq: r.seq,
        candidate: r.candidate,
        decision: r.decision,
        recordKind: r.record_kind,
        recordId: r.record_id,
        recordedBy: r.recorded_by,
        recordedAt: iso(r.recorded_at),
      }));
    },
  };
}

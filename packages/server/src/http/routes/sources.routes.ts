import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CandidateDecision,
  Id,
  IngestJobView,
  IngestQuery,
  ItemsOf,
  JobId,
  PastedDocument,
  READ_ERRORS,
  ReadingView,
  Responses,
  SECURITY,
  Text,
  WRITE_ERRORS,
} from '@parley/contracts';
import { Type, type TObject } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { listJobs, readJob, submitDocument } from '../../use-cases/sources/ingest.ts';
import { startIngestWorker } from '../../use-cases/sources/ingest-worker.ts';
import type { IngestDeps, IngestJob } from '../../use-cases/sources/ports.ts';
import { decideCandidate, readReading, readDocumentOf } from '../../use-cases/sources/review.ts';
import { resource } from '../../use-cases/resources.ts';
import type { TargetKind } from '../../use-cases/sources/candidate-record.ts';
import { IMPORT_BODY_LIMIT } from '../json-body.ts';
import { bodyValidator } from './edits.ts';

const tags = ['sources'];
const base = '/api/processes/:processId';
const P = Type.Object({ processId: Id });
const WithSource = Type.Object({ processId: Id, sourceId: Id });
const WithJob = Type.Object({ processId: Id, jobId: JobId });
const WithCandidate = Type.Object({ processId: Id, sourceId: Id, n: Type.Integer({ minimum: 0, maximum: 100_000 }) });
/** The kinds of document the upload route takes as bytes; the reader decides what they really are from the bytes. */
const DOCUMENT_TYPES = ['text/plain', 'text/html', 'application/xhtml+xml', 'application/pdf', 'application/octet-stream'];

const jobView = (j: IngestJob) => ({
  id: j.jobId,
  state: j.state,
  stage: j.stage,
  ...(j.request.fileName ? { fileName: j.request.fileName } : {}),
  ...(j.request.title ? { title: j.request.title } : {}),
  sha256: j.sha256,
  sourceId: j.sourceId,
  outcome: j.outcome,
  error: j.error,
  createdAt: j.createdAt,
  updatedAt: j.updatedAt,
});

/**
 * Documents into sources: handing one in queues a job (read off the request path by the worker this plugin runs), its
 * progress is the job, and what it read waits in the source's reading until a person confirms it.
 */
export async function sourceRoutes(server: FastifyInstance, deps: IngestDeps) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const worker = startIngestWorker(deps, app.log);
  app.addHook('onClose', () => worker.stop());
  const wake = { ...deps, wake: worker.wake };
  // Fastify reads text/plain as UTF-8 by default, which would turn a Windows-1251 file into mojibake before the reader
  // sees it: in this plugin's scope every document type stays bytes.
  for (const type of DOCUMENT_TYPES) {
    if (app.hasContentTypeParser(type)) app.removeContentTypeParser(type);
    app.addContentTypeParser(type, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  }
  const validators = new Map<TargetKind, (b: unknown) => void>();
  const validate = (kind: TargetKind, body: unknown) => {
    if (!validators.has(kind)) validators.set(kind, bodyValidator(resource(kind).schema as TObject));
    validators.get(kind)!(body);
  };

  app.post(
    `${base}/sources/ingest`,
    {
      schema: {
        tags,
        operationId: 'ingestDocument',
        security: SECURITY.signedIn,
        summary: 'Hand in a document (HTML, plain text or PDF) as the request body; it is read off the request path: follow the job',
        description: 'The same bytes handed in twice make one source; a near-identical copy (syndicated wire text) is linked to the first.',
        params: P,
        querystring: IngestQuery,
        response: Responses({ 202: IngestJobView }, WRITE_ERRORS),
      },
      bodyLimit: IMPORT_BODY_LIMIT,
    },
    async (req, reply) => {
      // An empty body reaches the route as nothing at all; any other is bytes (JSON is parsed first, so it is sent back to bytes).
      const bytes = Buffer.isBuffer(req.body) ? req.body : req.body == null || req.body === '' ? Buffer.alloc(0) : Buffer.from(JSON.stringify(req.body));
      const mediaType = req.headers['content-type']?.split(';')[0]?.trim();
      reply.status(202);
      return jobView(await submitDocument(wake, req.actor, req.params.processId, { bytes, mediaType, request: req.query }));
    },
  );

  app.post(
    `${base}/sources/paste`,
    {
      schema: {
        tags,
        operationId: 'pasteDocument',
        security: SECURITY.signedIn,
        summary: 'Hand in pasted text or HTML; read like an upload',
        params: P,
        body: PastedDocument,
        response: Responses({ 202: IngestJobView }, WRITE_ERRORS),
      },
      bodyLimit: IMPORT_BODY_LIMIT,
    },
    async (req, reply) => {
      const { content, format, ...meta } = req.body;
      const mediaType = format === 'html' ? 'text/html' : 'text/plain';
      reply.status(202);
      return jobView(await submitDocument(wake, req.actor, req.params.processId, { bytes: Buffer.from(content, 'utf8'), mediaType, request: meta }));
    },
  );

  app.get(
    `${base}/ingest-jobs`,
    {
      schema: {
        tags,
        operationId: 'listIngestJobs',
        security: SECURITY.signedIn,
        summary: 'Your latest documents being read or read',
        params: P,
        response: Responses({ 200: ItemsOf(IngestJobView) }, READ_ERRORS),
      },
    },
    async (req) => ({ items: (await listJobs(deps, req.actor, req.params.processId)).map(jobView) }),
  );

  app.get(
    `${base}/ingest-jobs/:jobId`,
    {
      schema: {
        tags,
        operationId: 'getIngestJob',
        security: SECURITY.signedIn,
        summary: 'One of your jobs: its stage, and the source or the error it ended with',
        params: WithJob,
        response: Responses({ 200: IngestJobView }, READ_ERRORS),
      },
    },
    async (req) => jobView(await readJob(deps, req.actor, req.params.processId, req.params.jobId)),
  );

  app.get(
    `${base}/sources/:sourceId/reading`,
    {
      schema: {
        tags,
        operationId: 'getSourceReading',
        security: SECURITY.optional,
        summary: 'What Parley read in the source: its body, what it set aside, and the candidates with their review state',
        params: WithSource,
        response: Responses({ 200: ReadingView }, READ_ERRORS),
      },
    },
    async (req) => readReading(deps, req.actor, req.params.processId, req.params.sourceId),
  );

  app.get(
    `${base}/sources/:sourceId/document`,
    {
      schema: {
        tags,
        operationId: 'getSourceDocument',
        security: SECURITY.optional,
        summary: 'The document as it was handed in, byte for byte (its SHA-256 is in the source record, and so in the log)',
        params: WithSource,
        response: Responses({ 200: Text('application/octet-stream', 'the original bytes') }, READ_ERRORS),
      },
    },
    async (req, reply) => {
      const doc = await readDocumentOf(deps, req.actor, req.params.processId, req.params.sourceId);
      // A handed-in page is never rendered on Parley's origin: it downloads, and could run nothing if it were opened.
      return reply
        .type('application/octet-stream')
        .header('content-disposition', `attachment; filename="${doc.sha256.slice(0, 16)}.${doc.extension}"`)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('x-parley-media-type', doc.mediaType)
        .send(Buffer.from(doc.bytes));
    },
  );

  app.post(
    `${base}/sources/:sourceId/candidates/:n/decision`,
    {
      schema: {
        tags,
        operationId: 'decideCandidate',
        security: SECURITY.signedIn,
        summary: 'Confirm a candidate into the record (optionally corrected), or reject it; answers the reading as it now stands',
        params: WithCandidate,
        body: CandidateDecision,
        response: Responses({ 200: ReadingView }, WRITE_ERRORS),
      },
    },
    async (req) => decideCandidate(deps, req.actor, req.params.processId, req.params.sourceId, req.params.n, req.body, validate),
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AccessView,
  BatchInput,
  BatchItem,
  BatchView,
  DecisionInput,
  DeliveryInput,
  DetaineeId,
  DetaineeListInput,
  DetaineeView,
  ErasureInput,
  ExchangeId,
  Id,
  ItemsOf,
  ListSide,
  ListsView,
  ListView,
  NoContent,
  Purpose,
  READ_ERRORS,
  ReconcileInput,
  ReconciliationItem,
  ReconciliationReport,
  ReconciliationSummary,
  Responses,
  ReviewerInput,
  ReviewerView,
  SECURITY,
  StatusInput,
  SubmittedListView,
  Text,
  Version,
  WRITE_ERRORS,
} from '@parley/contracts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { stringifyCsv } from '../../domain/monitoring/csv.ts';
import { createBatch, listBatches, readBatch, recordDelivery } from '../../use-cases/exchanges/batches.ts';
import { eraseDetainee, listReviewers, recordStatus, setReviewer } from '../../use-cases/exchanges/detainee-verbs.ts';
import type { ExchangeDeps } from '../../use-cases/exchanges/ports.ts';
import { exportDetainees, listLists, readAccessLog, readDetainee, readList, searchDetainees } from '../../use-cases/exchanges/read-exchanges.ts';
import { decideMatch, listReconciliations, readReconciliation, reconcileLists } from '../../use-cases/exchanges/reconciliations.ts';
import { submitList } from '../../use-cases/exchanges/submit-list.ts';
import { uploadList } from '../../use-cases/exchanges/upload-list.ts';
import type { AccountStore } from '../../use-cases/ports.ts';
import { IMPORT_BODY_LIMIT } from '../json-body.ts';

const tags = ['exchanges'];
const base = '/api/processes/:processId/exchanges';
const P = Type.Object({ processId: Id });
const WithId = Type.Object({ processId: Id, id: ExchangeId });
const WithPerson = Type.Object({ processId: Id, id: DetaineeId });
const WithAccount = Type.Object({ processId: Id, accountId: Id });
const PurposeQ = Type.Object({ purpose: Purpose }, { additionalProperties: false });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Prisoner exchanges. Every route that answers with a person's data takes the reader's purpose and journals
 * the read in the access log before it answers; every refusal of an unseen record is the missing-record answer.
 */
export async function exchangeRoutes(server: FastifyInstance, deps: ExchangeDeps & { accounts: Pick<AccountStore, 'processGrants'> }) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  // An uploaded list stays bytes: its encoding and format are the reader's to judge (domain/exchanges/list-file.ts).
  for (const type of ['text/csv', XLSX, 'application/octet-stream'])
    if (!app.hasContentTypeParser(type)) app.addContentTypeParser(type, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.get(
    `${base}/lists`,
    {
      schema: {
        tags,
        operationId: 'listDetaineeLists',
        security: SECURITY.signedIn,
        summary: 'The lists you may see (latest versions, no names): the mediator and reviewers see all, a delegate their party’s',
        params: P,
        response: Responses({ 200: ListsView }, READ_ERRORS),
      },
    },
    async (req) => listLists(deps, req.actor, req.params.processId),
  );

  app.post(
    `${base}/lists`,
    {
      schema: {
        tags,
        operationId: 'submitDetaineeList',
        security: SECURITY.signedIn,
        summary: 'Submit a list (or, with replaces, its next version) whole or not at all; refused rows are reported with their lines',
        params: P,
        body: DetaineeListInput,
        response: Responses({ 201: SubmittedListView }, WRITE_ERRORS),
      },
      bodyLimit: IMPORT_BODY_LIMIT,
    },
    async (req, reply) => {
      reply.status(201);
      return submitList(deps, req.actor, req.params.processId, req.body);
    },
  );

  app.post(
    `${base}/lists/upload`,
    {
      schema: {
        tags,
        operationId: 'uploadDetaineeList',
        security: SECURITY.signedIn,
        summary: 'Upload a list as CSV (UTF-8, UTF-16, Windows-1251 or KOI8-R) or XLSX; nothing is stored unless every row is read',
        params: P,
        querystring: Type.Object(
          {
            partyId: Id,
            side: ListSide,
            heldBy: Id,
            title: Type.String({ minLength: 1, maxLength: 200 }),
            fileName: Type.Optional(Type.String({ maxLength: 300 })),
            replaces: Type.Optional(ExchangeId),
            version: Type.Optional(Version()),
          },
          { additionalProperties: false },
        ),
        response: Responses({ 201: SubmittedListView }, WRITE_ERRORS),
      },
      bodyLimit: IMPORT_BODY_LIMIT,
    },
    async (req, reply) => {
      const file = Buffer.isBuffer(req.body) ? req.body : Buffer.from(JSON.stringify(req.body ?? null));
      reply.status(201);
      return uploadList(deps, req.actor, req.params.processId, file, req.query);
    },
  );

  app.get(
    `${base}/lists/:id`,
    {
      schema: {
        tags,
        operationId: 'readDetaineeList',
        security: SECURITY.signedIn,
        summary: 'One version of a list with its people; the read is written to the access log with its purpose',
        params: WithId,
        querystring: Type.Object({ purpose: Purpose, version: Type.Optional(Version()) }, { additionalProperties: false }),
        response: Responses({ 200: ListView }, WRITE_ERRORS),
      },
    },
    async (req) => readList(deps, req.actor, req.params.processId, req.params.id, req.query),
  );

  app.get(
    `${base}/people/:id`,
    {
      schema: {
        tags,
        operationId: 'readDetainee',
        security: SECURITY.signedIn,
        summary: 'One person with their statuses; the read is written to the access log with its purpose',
        params: WithPerson,
        querystring: PurposeQ,
        response: Responses({ 200: DetaineeView }, WRITE_ERRORS),
      },
    },
    async (req) => readDetainee(deps, req.actor, req.params.processId, req.params.id, req.query),
  );

  app.get(
    `${base}/search`,
    {
      schema: {
        tags,
        operationId: 'searchDetainees',
        security: SECURITY.signedIn,
        summary: 'People whose names match in any script or transliteration; the search is written to the access log',
        params: P,
        querystring: Type.Object({ q: Type.String({ minLength: 2, maxLength: 200 }), purpose: Purpose }, { additionalProperties: false }),
        response: Responses({ 200: ItemsOf(DetaineeView) }, WRITE_ERRORS),
      },
    },
    async (req) => ({ items: await searchDetainees(deps, req.actor, req.params.processId, req.query) }),
  );

  app.get(
    `${base}/export.csv`,
    {
      schema: {
        tags,
        operationId: 'exportDetainees',
        security: SECURITY.signedIn,
        summary: 'Every list’s people as CSV (mediator only); an export needs its purpose and is written to the access log',
        params: P,
        querystring: PurposeQ,
        response: Responses({ 200: Text('text/csv', 'one row per person as each list writes them') }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const { lists, rows } = await exportDetainees(deps, req.actor, req.params.processId, req.query);
      const title = new Map(lists.map((l) => [l.listId, l]));
      const columns = [
        'id',
        'list',
        'party',
        'held_by',
        'line',
        'surname',
        'given',
        'patronymic',
        'birth_date',
        'category',
        'unit',
        'captured_on',
        'captured_at',
      ];
      const body = rows.map((r) => {
        const e = r.entry;
        return [
          r.id,
          title.get(r.listId)?.title ?? r.listId,
          r.partyId,
          r.heldBy,
          String(r.line),
          e?.surname ?? '',
          e?.given ?? '',
          e?.patronymic ?? '',
          e?.birthDate ?? '',
          e?.category ?? '',
          e?.unit ?? '',
          e?.capturedOn ?? '',
          e?.capturedAt ?? '',
        ];
      });
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${req.params.processId}-detainees.csv"`);
      return stringifyCsv([columns, ...body]);
    },
  );

  app.post(
    `${base}/reconciliations`,
    {
      schema: {
        tags,
        operationId: 'reconcileDetaineeLists',
        security: SECURITY.signedIn,
        summary: 'Reconcile the latest versions of two lists (mediator): proposals with their explanations, kept as computed',
        params: P,
        body: ReconcileInput,
        response: Responses({ 201: ReconciliationSummary }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      reply.status(201);
      return reconcileLists(deps, req.actor, req.params.processId, req.body);
    },
  );

  app.get(
    `${base}/reconciliations`,
    {
      schema: {
        tags,
        operationId: 'listReconciliations',
        security: SECURITY.signedIn,
        summary: 'Reconciliations in counts',
        params: P,
        response: Responses({ 200: ItemsOf(ReconciliationItem) }, READ_ERRORS),
      },
    },
    async (req) => listReconciliations(deps, req.actor, req.params.processId),
  );

  app.get(
    `${base}/reconciliations/:id`,
    {
      schema: {
        tags,
        operationId: 'readReconciliation',
        security: SECURITY.signedIn,
        summary: 'The reconciliation report with names and explanations; the read is written to the access log',
        params: WithId,
        querystring: PurposeQ,
        response: Responses({ 200: ReconciliationReport }, WRITE_ERRORS),
      },
    },
    async (req) => readReconciliation(deps, req.actor, req.params.processId, req.params.id, req.query),
  );

  app.post(
    `${base}/reconciliations/:id/decisions`,
    {
      schema: {
        tags,
        operationId: 'decideMatch',
        security: SECURITY.signedIn,
        summary: 'Accept, reject, skip, split or merge a pair (mediator or reviewer), with why',
        params: WithId,
        body: DecisionInput,
        response: Responses({ 201: Type.Object({ seq: Type.Integer() }) }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      reply.status(201);
      return decideMatch(deps, req.actor, req.params.processId, req.params.id, req.body);
    },
  );

  app.post(
    `${base}/people/:id/statuses`,
    {
      schema: {
        tags,
        operationId: 'recordDetaineeStatus',
        security: SECURITY.signedIn,
        summary: 'Record a person’s status from a date, with its source (mediator)',
        params: WithPerson,
        body: StatusInput,
        response: Responses({ 201: Type.Object({ seq: Type.Integer() }) }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      reply.status(201);
      return recordStatus(deps, req.actor, req.params.processId, req.params.id, req.body);
    },
  );

  app.post(
    `${base}/people/:id/erasure`,
    {
      schema: {
        tags,
        operationId: 'eraseDetainee',
        security: SECURITY.signedIn,
        summary: 'Erase a person’s personal data (mediator): the body goes, a redaction entry keeps the log valid',
        params: WithPerson,
        body: ErasureInput,
        response: Responses({ 200: Type.Object({ id: Type.String(), erased: Type.Array(Type.Integer()) }) }, WRITE_ERRORS),
      },
    },
    async (req) => eraseDetainee(deps, req.actor, req.params.processId, req.params.id, req.body),
  );

  app.get(
    `${base}/batches`,
    {
      schema: {
        tags,
        operationId: 'listExchangeBatches',
        security: SECURITY.signedIn,
        summary: 'Batches in numbers',
        params: P,
        response: Responses({ 200: ItemsOf(BatchItem) }, READ_ERRORS),
      },
    },
    async (req) => listBatches(deps, req.actor, req.params.processId),
  );

  app.post(
    `${base}/batches`,
    {
      schema: {
        tags,
        operationId: 'createExchangeBatch',
        security: SECURITY.signedIn,
        summary: 'An agreed batch with its people (mediator)',
        params: P,
        body: BatchInput,
        response: Responses({ 201: Type.Object({ id: Type.String(), version: Type.Integer() }) }, WRITE_ERRORS),
      },
      bodyLimit: IMPORT_BODY_LIMIT,
    },
    async (req, reply) => {
      reply.status(201);
      return createBatch(deps, req.actor, req.params.processId, req.body);
    },
  );

  app.get(
    `${base}/batches/:id`,
    {
      schema: {
        tags,
        operationId: 'readExchangeBatch',
        security: SECURITY.signedIn,
        summary: 'One batch with its people and its discrepancies; the read is written to the access log',
        params: WithId,
        querystring: PurposeQ,
        response: Responses({ 200: BatchView }, WRITE_ERRORS),
      },
    },
    async (req) => readBatch(deps, req.actor, req.params.processId, req.params.id, req.query),
  );

  app.post(
    `${base}/batches/:id/delivery`,
    {
      schema: {
        tags,
        operationId: 'recordExchangeDelivery',
        security: SECURITY.signedIn,
        summary: 'What was delivered and who refused to go, with why; each person’s status follows',
        params: WithId,
        body: DeliveryInput,
        response: Responses({ 200: Type.Object({ id: Type.String(), version: Type.Integer() }) }, WRITE_ERRORS),
      },
      bodyLimit: IMPORT_BODY_LIMIT,
    },
    async (req) => recordDelivery(deps, req.actor, req.params.processId, req.params.id, req.body),
  );

  app.get(
    `${base}/reviewers`,
    {
      schema: {
        tags,
        operationId: 'listExchangeReviewers',
        security: SECURITY.signedIn,
        summary: 'The people named to review detainee data',
        params: P,
        response: Responses({ 200: ItemsOf(ReviewerView) }, READ_ERRORS),
      },
    },
    async (req) => listReviewers(deps, req.actor, req.params.processId),
  );

  app.post(
    `${base}/reviewers`,
    {
      schema: {
        tags,
        operationId: 'nameExchangeReviewer',
        security: SECURITY.signedIn,
        summary: 'Name an account of the process as a reviewer (mediator)',
        params: P,
        body: ReviewerInput,
        response: Responses({ 200: Type.Object({ accountId: Type.String(), active: Type.Boolean() }) }, WRITE_ERRORS),
      },
    },
    async (req) => setReviewer(deps, req.actor, req.params.processId, req.body.accountId, true),
  );

  app.delete(
    `${base}/reviewers/:accountId`,
    {
      schema: {
        tags,
        operationId: 'removeExchangeReviewer',
        security: SECURITY.signedIn,
        summary: 'Stop naming a reviewer (mediator)',
        params: WithAccount,
        response: Responses({ 204: NoContent }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      await setReviewer(deps, req.actor, req.params.processId, req.params.accountId, false);
      return reply.status(204).send();
    },
  );

  app.get(
    `${base}/access-log`,
    {
      schema: {
        tags,
        operationId: 'readDetaineeAccessLog',
        security: SECURITY.signedIn,
        summary: 'Every read of detainee data, newest first: who, when, why, what (mediator)',
        params: P,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }, { additionalProperties: false }),
        response: Responses({ 200: ItemsOf(AccessView) }, READ_ERRORS),
      },
    },
    async (req) => readAccessLog(deps, req.actor, req.params.processId, req.query),
  );
}

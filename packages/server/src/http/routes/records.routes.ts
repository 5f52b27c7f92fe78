import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  Id,
  ItemsOf,
  JournalEntryView,
  ListOf,
  ListQuery,
  ProcessAbilities,
  READ_ERRORS,
  RecordRead,
  Responses,
  SECURITY,
  WRITE_ERRORS,
} from '@parley/contracts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { submitRecord } from '../../use-cases/create-record.ts';
import { getRecord } from '../../use-cases/get-record.ts';
import { listRecords } from '../../use-cases/list-records.ts';
import { getProcessAbilities } from '../../use-cases/process-abilities.ts';
import { recordHistory } from '../../use-cases/record-history.ts';
import { editable, RESOURCES, type Body } from '../../use-cases/resources.ts';
import type { Deps } from '../../use-cases/support.ts';
import { LIFECYCLE_KINDS, present } from '../present.ts';
import { editRoutes, pascal } from './edits.ts';
import { withArticle } from '../../domain/shared/article.ts';

export const ProcessParams = Type.Object({ processId: Id });
export const RecordParams = Type.Object({ processId: Id, id: Id });

/** List, read, history, create and replace for every kind of record, from its descriptor. */
export async function recordRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/processes/:processId/me',
    {
      schema: {
        tags: ['access'],
        operationId: 'getProcessAbilities',
        security: SECURITY.optional,
        summary: 'Your roles in this process, the parties you speak for and the kinds you may record',
        params: ProcessParams,
        response: Responses({ 200: ProcessAbilities }, READ_ERRORS),
      },
    },
    async (req) => getProcessAbilities(deps, req.actor, req.params.processId),
  );

  for (const res of RESOURCES) {
    const base = `/api/processes/:processId/${res.collection}`;
    const tags = [res.collection];
    const read = RecordRead(res.schema, LIFECYCLE_KINDS.has(res.kind));

    app.get(
      base,
      {
        schema: {
          tags,
          operationId: `list${pascal(res.collection)}`,
          security: SECURITY.optional,
          summary: `List ${res.collection}`,
          params: ProcessParams,
          querystring: ListQuery,
          response: Responses({ 200: ListOf(read) }, READ_ERRORS),
        },
      },
      async (req) => {
        const { processId } = req.params;
        const page = await listRecords(deps, req.actor, processId, res, req.query);
        return { items: page.items.map((r) => present(r, res.kind, req.actor)), next: page.next };
      },
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          tags,
          operationId: `get${pascal(res.kind)}`,
          security: SECURITY.optional,
          summary: `Read one ${res.label}`,
          params: RecordParams,
          response: Responses({ 200: read }, READ_ERRORS),
        },
      },
      async (req) => {
        const { processId, id } = req.params;
        return present(await getRecord(deps, req.actor, processId, res, id), res.kind, req.actor);
      },
    );

    app.get(
      `${base}/:id/history`,
      {
        schema: {
          tags,
          operationId: `get${pascal(res.kind)}History`,
          security: SECURITY.optional,
          summary: `Every version of a ${res.label}`,
          params: RecordParams,
          response: Responses({ 200: ItemsOf(JournalEntryView) }, READ_ERRORS),
        },
      },
      async (req) => {
        const { processId, id } = req.params;
        return { items: await recordHistory(deps, req.actor, processId, res, id) };
      },
    );

    if (editable(res)) editRoutes(app, deps, res, base);
    if (!res.genericCreate) continue;

    app.post(
      base,
      {
        schema: {
          tags,
          operationId: `create${pascal(res.kind)}`,
          security: SECURITY.signedIn,
          summary: `Record ${withArticle(res.label)}; resending the same id and body returns the record it made (200)`,
          params: ProcessParams,
          body: res.schema,
          response: Responses({ 200: read, 201: read }, WRITE_ERRORS),
        },
      },
      async (req, reply) => {
        const { processId } = req.params;
        const { record, outcome } = await submitRecord(deps, req.actor, processId, res, req.body as Body);
        reply.status(outcome === 'created' ? 201 : 200);
        return present(record, res.kind, req.actor);
      },
    );
  }
}

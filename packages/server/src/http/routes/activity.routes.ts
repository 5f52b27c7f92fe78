import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ActivityPage, ActivityQuery, READ_ERRORS, Responses, SECURITY } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import { listActivity } from '../../use-cases/list-activity.ts';
import type { Deps } from '../../use-cases/support.ts';
import { ProcessParams } from './records.routes.ts';

/** Who changed what and when in a process, from its journal, within what the reader may see. */
export async function activityRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/processes/:processId/activity',
    {
      schema: {
        tags: ['activity'],
        operationId: 'listActivity',
        security: SECURITY.optional,
        summary: 'Changes in this process, newest first: who changed which record, when and how, among the records you may see',
        params: ProcessParams,
        querystring: ActivityQuery,
        response: Responses({ 200: ActivityPage }, READ_ERRORS),
      },
    },
    async (req) => listActivity(deps, req.actor, req.params.processId, req.query),
  );
}

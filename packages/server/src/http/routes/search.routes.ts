import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { READ_ERRORS, Responses, SearchQuery, SearchResults, SECURITY } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { SearchDeps } from '../../use-cases/ports.ts';
import { searchRecords } from '../../use-cases/search-records.ts';
import { ProcessParams } from './records.routes.ts';

/** Search across every kind of record of a process, within what the reader may see. */
export async function searchRoutes(server: FastifyInstance, deps: SearchDeps) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/processes/:processId/search',
    {
      schema: {
        tags: ['search'],
        operationId: 'searchRecords',
        security: SECURITY.optional,
        summary: 'Find records by the words of their names and text, in Ukrainian, Russian or English',
        params: ProcessParams,
        querystring: SearchQuery,
        response: Responses({ 200: SearchResults }, READ_ERRORS),
      },
    },
    async (req) => searchRecords(deps, req.actor, req.params.processId, req.query),
  );
}

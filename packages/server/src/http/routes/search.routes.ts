import { READ_ERRORS, Responses, SearchQuery, SearchResults, SECURITY } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { SearchDeps } from '../../use-cases/ports.ts';
import { searchRecords, type SearchInput } from '../../use-cases/search-records.ts';
import { ProcessParams } from './records.routes.ts';

/** Search across every kind of record of a process, within what the reader may see. */
export async function searchRoutes(app: FastifyInstance, deps: SearchDeps) {
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
    async (req) => searchRecords(deps, req.actor, (req.params as { processId: string }).processId, req.query as SearchInput),
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AcledExportQuery, ClusterCollection, ClustersQuery, ExportQuery, FeatureCollection, READ_ERRORS, Responses, SECURITY, Text } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import { clusterIncidents } from '../../use-cases/monitoring/cluster-incidents.ts';
import { exportIncidentsAcled } from '../../use-cases/monitoring/export-incidents-acled.ts';
import { exportIncidentsGeoJson, exportIncidentsHxl } from '../../use-cases/monitoring/export-incidents-open.ts';
import type { MonitoringDeps } from '../../use-cases/ports.ts';
import { ProcessParams } from './records.routes.ts';

/** The map's clusters and the open-format exports of incidents. */
export async function mapRoutes(server: FastifyInstance, deps: MonitoringDeps) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/processes/:processId/map/clusters',
    {
      schema: {
        tags: ['map'],
        operationId: 'getIncidentClusters',
        security: SECURITY.optional,
        response: Responses(
          { 200: { description: 'a GeoJSON FeatureCollection', content: { 'application/geo+json': { schema: ClusterCollection } } } },
          READ_ERRORS,
        ),
        summary: 'Incidents in a viewport clustered on a grid for the zoom, as GeoJSON points with counts',
        params: ProcessParams,
        querystring: ClustersQuery,
      },
    },
    async (req, reply) => {
      reply.type('application/geo+json');
      return clusterIncidents(deps, req.actor, req.params.processId, req.query);
    },
  );

  app.get(
    '/api/processes/:processId/incidents.geojson',
    {
      schema: {
        tags: ['incidents'],
        operationId: 'exportIncidentsGeoJson',
        security: SECURITY.optional,
        response: Responses(
          { 200: { description: 'a GeoJSON FeatureCollection', content: { 'application/geo+json': { schema: FeatureCollection } } } },
          READ_ERRORS,
        ),
        summary: 'The incidents you may see as GeoJSON',
        params: ProcessParams,
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const { processId } = req.params;
      reply.type('application/geo+json').header('content-disposition', `attachment; filename="${processId}-incidents.geojson"`);
      return exportIncidentsGeoJson(deps, req.actor, processId, req.query);
    },
  );

  app.get(
    '/api/processes/:processId/incidents.hxl.csv',
    {
      schema: {
        tags: ['incidents'],
        operationId: 'exportIncidentsHxl',
        security: SECURITY.optional,
        response: Responses({ 200: Text('text/csv', 'CSV with an HXL hashtag row') }, READ_ERRORS),
        summary: 'The incidents you may see as CSV with an HXL hashtag row',
        params: ProcessParams,
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const { processId } = req.params;
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${processId}-incidents-hxl.csv"`);
      return exportIncidentsHxl(deps, req.actor, processId, req.query);
    },
  );

  app.get(
    '/api/processes/:processId/incidents.acled.csv',
    {
      schema: {
        tags: ['incidents'],
        operationId: 'exportIncidentsAcled',
        security: SECURITY.optional,
        response: Responses({ 200: Text('text/csv', 'ACLED CSV') }, READ_ERRORS),
        summary: 'The incidents you may see as ACLED CSV (current or legacy column layout)',
        params: ProcessParams,
        querystring: AcledExportQuery,
      },
    },
    async (req, reply) => {
      const { processId } = req.params;
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${processId}-incidents-acled.csv"`);
      return exportIncidentsAcled(deps, req.actor, processId, req.query);
    },
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  FeatureCollection,
  LineCompareQuery,
  LineComparison,
  LinesQuery,
  READ_ERRORS,
  Responses,
  SECURITY,
  Text,
  Violations,
  ViolationsQuery,
  ZonesQuery,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import { comparisonCsv, comparisonGeoJson } from '../../domain/lines/comparison-formats.ts';
import { compareLines } from '../../use-cases/lines/compare-lines.ts';
import { lineLayer } from '../../use-cases/monitoring/line-layer.ts';
import { listViolations } from '../../use-cases/monitoring/list-violations.ts';
import { zoneLayer } from '../../use-cases/monitoring/zone-layer.ts';
import type { MonitoringDeps } from '../../use-cases/ports.ts';
import { ProcessParams } from './records.routes.ts';

const tags = ['lines'];

/** Lines and zones as map layers, and the withdrawal violations computed against them; the line records come from the record routes. */
export async function linesRoutes(server: FastifyInstance, deps: MonitoringDeps) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/processes/:processId/violations',
    {
      schema: {
        tags,
        operationId: 'listViolations',
        security: SECURITY.optional,
        response: Responses({ 200: Violations }, READ_ERRORS),
        summary: 'Weapons sighted on a day inside the distance their category must keep from the contact line',
        params: ProcessParams,
        querystring: ViolationsQuery,
      },
    },
    async (req) => ({ items: await listViolations(deps, req.actor, req.params.processId, req.query) }),
  );

  app.get(
    '/api/processes/:processId/lines.geojson',
    {
      schema: {
        tags,
        operationId: 'getLineLayer',
        security: SECURITY.optional,
        response: Responses(
          { 200: { description: 'a GeoJSON FeatureCollection', content: { 'application/geo+json': { schema: FeatureCollection } } } },
          READ_ERRORS,
        ),
        summary: 'Lines as GeoJSON; with a date, the latest line of each kind and claimant by then',
        params: ProcessParams,
        querystring: LinesQuery,
      },
    },
    async (req, reply) => {
      reply.type('application/geo+json');
      return lineLayer(deps, req.actor, req.params.processId, req.query.date);
    },
  );

  app.get(
    '/api/processes/:processId/zones.geojson',
    {
      schema: {
        tags,
        operationId: 'getZoneLayer',
        security: SECURITY.optional,
        response: Responses(
          { 200: { description: 'a GeoJSON FeatureCollection', content: { 'application/geo+json': { schema: FeatureCollection } } } },
          READ_ERRORS,
        ),
        summary: 'The withdrawal zones of a day as GeoJSON buffers around their reference lines',
        params: ProcessParams,
        querystring: ZonesQuery,
      },
    },
    async (req, reply) => {
      reply.type('application/geo+json');
      return zoneLayer(deps, req.actor, req.params.processId, req.query);
    },
  );

  const compare = '/api/processes/:processId/lines/compare';
  const compareSchema = { tags, security: SECURITY.optional, params: ProcessParams, querystring: LineCompareQuery };
  app.get(
    compare,
    {
      schema: {
        ...compareSchema,
        operationId: 'compareLines',
        response: Responses({ 200: LineComparison }, READ_ERRORS),
        summary: 'Two lines compared in the area of interest: the land between them and the side that gains it, places that change sides, distances apart',
      },
    },
    async (req) => compareLines(deps, req.actor, req.params.processId, req.query),
  );
  app.get(
    `${compare}.geojson`,
    {
      schema: {
        ...compareSchema,
        operationId: 'compareLinesGeoJson',
        response: Responses(
          { 200: { description: 'a GeoJSON FeatureCollection', content: { 'application/geo+json': { schema: FeatureCollection } } } },
          READ_ERRORS,
        ),
        summary: 'The comparison of two lines as GeoJSON: both lines, the parcels between them and the places that change sides',
      },
    },
    async (req, reply) => {
      const c = await compareLines(deps, req.actor, req.params.processId, req.query);
      reply.type('application/geo+json').header('content-disposition', `attachment; filename="lines-${c.a.id}-${c.b.id}.geojson"`);
      return comparisonGeoJson(c);
    },
  );
  app.get(
    `${compare}.csv`,
    {
      schema: {
        ...compareSchema,
        operationId: 'compareLinesCsv',
        response: Responses({ 200: Text('text/csv', 'parcels and settlements, one row each') }, READ_ERRORS),
        summary: 'The comparison of two lines as CSV: one row per parcel and per place that changes sides',
      },
    },
    async (req, reply) => {
      const c = await compareLines(deps, req.actor, req.params.processId, req.query);
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="lines-${c.a.id}-${c.b.id}.csv"`);
      return comparisonCsv(c);
    },
  );
}

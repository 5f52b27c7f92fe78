import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AttributionInput,
  ImportQuery,
  ImportReport,
  IncidentInput,
  READ_ERRORS,
  RecordRead,
  Responses,
  SECURITY,
  Text,
  VerificationDone,
  VerificationInput,
  WRITE_ERRORS,
} from '@parley/contracts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { attributeIncident } from '../../use-cases/monitoring/attribute-incident.ts';
import { createIncident } from '../../use-cases/monitoring/create-incident.ts';
import { exportIncidentsUcdp } from '../../use-cases/monitoring/export-incidents.ts';
import { importIncidents } from '../../use-cases/monitoring/import-incidents.ts';
import { verifyIncident } from '../../use-cases/monitoring/verify-incident.ts';
import type { Deps } from '../../use-cases/support.ts';
import { IMPORT_BODY_LIMIT } from '../json-body.ts';
import { present } from '../present.ts';
import { ProcessParams, RecordParams } from './records.routes.ts';

const tags = ['incidents'];
const base = '/api/processes/:processId/incidents';

/** Incidents are created, imported, verified and attributed by verbs of their own; reads come from the record routes. */
export async function monitoringRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  // An import file arrives as it was downloaded; its encoding is the use case's to judge, so it stays bytes.
  // The size limit is the route's: only the import route takes files, every other one keeps the small default.
  app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('application/geo+json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post(
    base,
    {
      schema: {
        tags,
        operationId: 'createIncident',
        security: SECURITY.signedIn,
        summary: 'Record an incident; resending the same id and body returns the same incident',
        params: ProcessParams,
        body: IncidentInput,
        response: Responses({ 200: RecordRead(IncidentInput, true), 201: RecordRead(IncidentInput, true) }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const { processId } = req.params;
      const { record, outcome } = await createIncident(deps, req.actor, processId, req.body);
      reply.status(outcome === 'created' ? 201 : 200);
      return present(record, 'incident', req.actor);
    },
  );

  app.post(
    `${base}/import`,
    {
      schema: {
        tags,
        operationId: 'importIncidents',
        security: SECURITY.signedIn,
        params: ProcessParams,
        querystring: ImportQuery,
        response: Responses({ 200: ImportReport }, WRITE_ERRORS),
        summary:
          'Import incidents from UCDP GED or ACLED CSV, CSV with an HXL tag row (text/csv) or GeoJSON (application/geo+json); answers with a report per row',
      },
      bodyLimit: IMPORT_BODY_LIMIT,
    },
    async (req) => {
      const { processId } = req.params;
      const { audience, format } = req.query;
      // application/json arrives already parsed; the use case reads bytes, as from any other upload.
      const file = Buffer.isBuffer(req.body) ? req.body : Buffer.from(JSON.stringify(req.body ?? null));
      return importIncidents(deps, req.actor, processId, file, { audience, format });
    },
  );

  app.get(
    '/api/processes/:processId/incidents.csv',
    {
      schema: {
        tags,
        operationId: 'exportIncidentsUcdp',
        security: SECURITY.optional,
        response: Responses({ 200: Text('text/csv', 'UCDP GED CSV') }, READ_ERRORS),
        summary: 'The incidents you may see as UCDP GED CSV (UTF-8)',
        params: ProcessParams,
        querystring: Type.Object(
          { from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const { processId } = req.params;
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${processId}-incidents-ucdp.csv"`);
      return exportIncidentsUcdp(deps, req.actor, processId, req.query);
    },
  );

  app.post(
    `${base}/:id/verifications`,
    {
      schema: {
        tags,
        operationId: 'verifyIncident',
        security: SECURITY.signedIn,
        summary: 'Change an incident’s verification status, saying why',
        params: RecordParams,
        body: VerificationInput,
        response: Responses({ 201: VerificationDone }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const { processId, id } = req.params;
      const { incident, step } = await verifyIncident(deps, req.actor, processId, id, req.body);
      reply.status(201);
      return { incident: present(incident, 'incident', req.actor), step: present(step, 'verification', req.actor) };
    },
  );

  app.post(
    `${base}/:id/attributions`,
    {
      schema: {
        tags,
        operationId: 'attributeIncident',
        security: SECURITY.signedIn,
        summary: 'Add a claim, assessment or dispute of who is responsible',
        params: RecordParams,
        body: AttributionInput,
        response: Responses({ 201: RecordRead(AttributionInput) }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const { processId, id } = req.params;
      reply.status(201);
      return present(await attributeIncident(deps, req.actor, processId, id, req.body), 'attribution', req.actor);
    },
  );
}

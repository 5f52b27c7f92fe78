import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AssessmentInput, Matrix, ProvisionInput, READ_ERRORS, RecordRead, Responses, SECURITY, WRITE_ERRORS } from '@parley/contracts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { addProvision } from '../../use-cases/add-provision.ts';
import { assessProvision } from '../../use-cases/assess-provision.ts';
import { implementationMatrix } from '../../use-cases/implementation-matrix.ts';
import type { Deps } from '../../use-cases/support.ts';
import { present } from '../present.ts';
import { RecordParams } from './records.routes.ts';

const tags = ['agreements'];
const a = '/api/processes/:processId/agreements/:id';

export async function agreementRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    `${a}/provisions`,
    {
      schema: {
        tags,
        operationId: 'addProvision',
        security: SECURITY.signedIn,
        summary: 'Add a numbered provision',
        params: RecordParams,
        body: ProvisionInput,
        response: Responses({ 201: RecordRead(ProvisionInput) }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const { processId, id } = req.params;
      reply.status(201);
      return present(await addProvision(deps, req.actor, processId, id, req.body), 'provision', req.actor);
    },
  );

  const AssessParams = Type.Object({ ...RecordParams.properties, number: Type.String({ pattern: '^[0-9]{1,3}(\\.[0-9]{1,3})*$' }) });
  app.post(
    `${a}/provisions/:number/assessments`,
    {
      schema: {
        tags,
        operationId: 'assessProvision',
        security: SECURITY.signedIn,
        summary: 'Assess how far a provision is implemented',
        params: AssessParams,
        body: AssessmentInput,
        response: Responses({ 201: RecordRead(AssessmentInput) }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const { processId, id, number } = req.params;
      reply.status(201);
      return present(await assessProvision(deps, req.actor, processId, id, number, req.body), 'assessment', req.actor);
    },
  );

  const MatrixQuery = Type.Object(
    { dates: Type.Optional(Type.String({ maxLength: 1200, description: 'comma-separated dates' })) },
    { additionalProperties: false },
  );
  app.get(
    `${a}/matrix`,
    {
      schema: {
        tags,
        operationId: 'getImplementationMatrix',
        security: SECURITY.optional,
        summary: 'Implementation matrix: provision × date',
        params: RecordParams,
        querystring: MatrixQuery,
        response: Responses({ 200: Matrix }, READ_ERRORS),
      },
    },
    async (req) => {
      const { processId, id } = req.params;
      const { dates } = req.query;
      return implementationMatrix(deps, req.actor, processId, id, dates ? dates.split(',').map((d) => d.trim()) : undefined);
    },
  );
}

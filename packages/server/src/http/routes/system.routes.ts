import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Health, Integrity, ItemsOf, ProcessExport, ProcessView, READ_ERRORS, Responses, SECURITY } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import { exportProcess } from '../../use-cases/export-process.ts';
import { listProcesses } from '../../use-cases/list-processes.ts';
import { getIntegrity, integrityHealth } from '../../use-cases/log/get-integrity.ts';
import type { LogDeps } from '../../use-cases/ports.ts';
import type { Deps } from '../../use-cases/support.ts';
import { ProcessParams } from './records.routes.ts';

export async function systemRoutes(server: FastifyInstance, deps: Deps & Pick<LogDeps, 'integrity'> & { engine: string }) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        operationId: 'getHealth',
        security: SECURITY.optional,
        response: Responses({ 200: Health }, [400, 401]),
        summary: 'Liveness, database reachability and the integrity of every process log',
      },
    },
    async () => {
      await deps.store.reader.processExists('health-check');
      const integrity = integrityHealth(deps);
      return { status: integrity.ok ? 'ok' : 'degraded', database: deps.engine, integrity };
    },
  );

  app.get(
    '/api/processes',
    {
      schema: {
        tags: ['processes'],
        operationId: 'listProcesses',
        security: SECURITY.optional,
        summary: 'The processes on this server',
        response: Responses({ 200: ItemsOf(ProcessView) }, READ_ERRORS),
      },
    },
    async () => ({ items: await listProcesses(deps) }),
  );

  app.get(
    '/api/processes/:processId/export',
    {
      schema: {
        tags: ['processes'],
        operationId: 'exportProcess',
        security: SECURITY.optional,
        summary: 'Everything you may read in a process, as JSON',
        params: ProcessParams,
        response: Responses({ 200: ProcessExport }, READ_ERRORS),
      },
    },
    async (req) => {
      const { processId } = req.params;
      return exportProcess(deps, req.actor, processId);
    },
  );

  app.get(
    '/api/processes/:processId/log/integrity',
    {
      schema: {
        tags: ['log'],
        operationId: 'getLogIntegrity',
        security: SECURITY.signedIn,
        summary: 'The last integrity check of the process log, with every finding (mediator)',
        params: ProcessParams,
        response: Responses({ 200: Integrity }, [...READ_ERRORS, 403]),
      },
    },
    async (req) => {
      const { processId } = req.params;
      return getIntegrity(deps, req.actor, processId);
    },
  );
}

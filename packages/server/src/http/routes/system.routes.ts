import type { FastifyInstance } from 'fastify';
import { exportProcess } from '../../use-cases/export-process.ts';
import { listProcesses } from '../../use-cases/list-processes.ts';
import type { Deps } from '../../use-cases/support.ts';
import { ProcessParams } from './records.routes.ts';

export async function systemRoutes(app: FastifyInstance, deps: Deps & { engine: string }) {
  app.get('/api/health', { schema: { tags: ['system'], summary: 'Liveness and database reachability' } }, async () => {
    await deps.store.reader.processExists('health-check');
    return { status: 'ok', database: deps.engine };
  });

  app.get('/api/processes', { schema: { tags: ['processes'], summary: 'The processes on this server' } }, async () => ({ items: await listProcesses(deps) }));

  app.get('/api/processes/:processId/export', { schema: { tags: ['processes'], summary: 'Everything you may read in a process, as JSON', params: ProcessParams } }, async (req) => {
    const { processId } = req.params as { processId: string };
    return exportProcess(deps, req.actor, processId);
  });
}

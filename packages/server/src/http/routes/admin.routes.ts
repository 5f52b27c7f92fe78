import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Runtime } from '../../compose.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { ADMIN_HEADER } from '../../cli/local-server.ts';
import { operations, runOperation, type OperationName } from '../../cli/operations.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const digest = (s: string) => createHash('sha256').update(s).digest();

/** From this machine: a loopback address, or the server's own address when it listens on a specific interface. */
const local = (req: FastifyRequest) => {
  const remote = req.socket.remoteAddress;
  return !!remote && (LOOPBACK.has(remote) || remote === req.socket.localAddress);
};

/**
 * The CLI's way in while the server holds the embedded data directory: each CLI operation as a route, run as the
 * system, for the holder of the credential the server wrote to `server.json` and only from this machine.
 * The credential is checked before the body is read, so nobody else makes the server parse an upload.
 */
export async function adminRoutes(server: FastifyInstance, deps: { rt: Runtime; token: string }) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const expected = digest(deps.token);
  app.addHook('onRequest', async (req) => {
    const given = req.headers[ADMIN_HEADER];
    if (!local(req) || typeof given !== 'string' || !timingSafeEqual(digest(given), expected))
      throw new AppError(
        'unauthenticated',
        'bad_admin_credential',
        'This route is for the parley command on the server’s own machine, with the credential in the data directory.',
      );
  });
  for (const name of Object.keys(operations) as OperationName[]) {
    app.post(`/api/admin/operations/${name}`, { schema: { hide: true, body: operations[name].input }, bodyLimit: 100 * 1024 * 1024 }, async (req) => ({
      result: await runOperation(deps.rt, name, req.body),
    }));
  }
}

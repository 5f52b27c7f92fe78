import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AccessDeps } from '../use-cases/access/accounts.ts';
import { authPlugin } from './auth.ts';
import { sendError } from './errors.ts';
import { accessRoutes } from './routes/access.routes.ts';
import { agreementRoutes } from './routes/agreements.routes.ts';
import { recordRoutes } from './routes/records.routes.ts';
import { systemRoutes } from './routes/system.routes.ts';
import { talksRoutes } from './routes/talks.routes.ts';
import { schemaCompiler } from './validation.ts';

export interface AppDeps extends AccessDeps {
  engine: string;
  secureCookies?: boolean;
  logger?: boolean;
}

/** Builds the HTTP app without listening, so tests drive it with inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: 1024 * 1024 });
  app.setValidatorCompiler(schemaCompiler);
  app.setErrorHandler((err, req, reply) => sendError(err, req, reply));
  app.setNotFoundHandler((req, reply) => sendError(Object.assign(new Error('no route'), { statusCode: 404 }), req, reply));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Parley API', version: '0.1.0', description: 'The shared workspace and verifiable record of a peace process.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'parley_session' }, token: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(cookie);
  await app.register(authPlugin, deps);

  await app.register(systemRoutes, deps);
  await app.register(accessRoutes, { ...deps, secureCookies: deps.secureCookies ?? false });
  await app.register(recordRoutes, deps);
  await app.register(talksRoutes, deps);
  await app.register(agreementRoutes, deps);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}

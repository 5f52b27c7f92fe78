import { ErrorBodySchema } from '@parley/contracts';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AccessDeps } from '../use-cases/access/accounts.ts';
import { authPlugin } from './auth.ts';
import { securityPlugin } from './security.ts';
import { sendClientError, sendError } from './errors.ts';
import { refuseAnonymousWrites, refuseUnstorableUrls } from './guards.ts';
import { DEFAULT_BODY_LIMIT, strictJsonBodies } from './json-body.ts';
import type { LogDeps, MonitoringDeps, SearchDeps } from '../use-cases/ports.ts';
import { accessRoutes } from './routes/access.routes.ts';
import { administrationRoutes } from './routes/administration.routes.ts';
import { logRoutes } from './routes/log.routes.ts';
import { monitoringRoutes } from './routes/monitoring.routes.ts';
import { linesRoutes } from './routes/lines.routes.ts';
import { mapRoutes } from './routes/map.routes.ts';
import { reportsRoutes } from './routes/reports.routes.ts';
import { agreementRoutes } from './routes/agreements.routes.ts';
import { recordRoutes } from './routes/records.routes.ts';
import { searchRoutes } from './routes/search.routes.ts';
import { activityRoutes } from './routes/activity.routes.ts';
import { systemRoutes } from './routes/system.routes.ts';
import { talksRoutes } from './routes/talks.routes.ts';
import { calendarFeedRoutes } from './routes/calendar-feeds.routes.ts';
import { exchangeRoutes } from './routes/exchanges.routes.ts';
import type { ExchangeDeps } from '../use-cases/exchanges/ports.ts';
import type { IngestDeps } from '../use-cases/sources/ports.ts';
import { sourceRoutes } from './routes/sources.routes.ts';
import { schemaCompiler } from './validation.ts';
import { namedWildcards, serializerCompiler, toJsonSchema2020 } from './openapi.ts';
import { SERVER_ROOT } from '../paths.ts';

export interface AppDeps extends AccessDeps, LogDeps, MonitoringDeps, SearchDeps, ExchangeDeps, IngestDeps {
  engine: string;
  secureCookies?: boolean;
  logger?: boolean;
  /** The built web app (packages/web/dist) served at `/`; null to serve the API only. Defaults to the dist folder when it exists. */
  webRoot?: string | null;
}

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../web/dist/', SERVER_ROOT));
/** The web app reaches no host but this one: the policy makes that a rule the browser enforces. */
const WEB_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const sendIndex = (reply: FastifyReply) =>
  reply
    .header('cache-control', 'no-cache')
    .header('content-security-policy', WEB_CSP)
    .type('text/html; charset=utf-8')
    .sendFile('index.html', { cacheControl: false });

/** One-time link tokens travel in some addresses (/invite/…, /api/invites/…); logs keep the address without them. */
const LINK_IN_URL = /\/(setup|invite|invites|reset|resets)\/[^/?#]+/g;
export const redactLinks = (url: string) => url.replace(LINK_IN_URL, '/$1/[token]');

/** Builds the HTTP app without listening, so tests drive it with inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ? { serializers: { req: (req) => ({ method: req.method, url: redactLinks(req.url), remoteAddress: req.ip }) } } : false,
    // Routes that take files (imports) raise it for themselves.
    bodyLimit: DEFAULT_BODY_LIMIT,
    routerOptions: { maxParamLength: 200 },
    // Malformed URLs and over-long parameters fail before routing; they still answer in Parley's error shape.
    frameworkErrors: (err, req, reply) => sendError(err, req, reply),
    clientErrorHandler: sendClientError,
  });
  app.setValidatorCompiler(schemaCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addSchema(ErrorBodySchema);
  app.setErrorHandler((err, req, reply) => sendError(err, req, reply));
  strictJsonBodies(app);
  refuseUnstorableUrls(app);
  const webRoot = deps.webRoot === undefined ? (existsSync(DEFAULT_WEB_ROOT) ? DEFAULT_WEB_ROOT : null) : deps.webRoot;
  app.setNotFoundHandler((req, reply) => {
    // The web app routes in the browser: any other GET outside /api (and not a missing built file) gets its page.
    if (webRoot && (req.method === 'GET' || req.method === 'HEAD') && !/^\/(api|assets)(\/|$|\?)/.test(req.url)) return sendIndex(reply);
    return sendError(Object.assign(new Error('no route'), { statusCode: 404 }), req, reply);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      servers: [{ url: '/', description: 'this server' }],
      info: { title: 'Parley API', version: '0.1.0', description: 'The shared workspace and verifiable record of a peace process.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'parley_session' }, token: { type: 'http', scheme: 'bearer' } } },
    },
    // Shared schemas keep their own names in components.schemas.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    transformObject: (doc) => namedWildcards(toJsonSchema2020('openapiObject' in doc ? doc.openapiObject : doc.swaggerObject)),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(cookie);
  await app.register(securityPlugin);
  await app.register(authPlugin, deps);
  refuseAnonymousWrites(app);

  await app.register(systemRoutes, deps);
  await app.register(accessRoutes, { ...deps, secureCookies: deps.secureCookies ?? false });
  await app.register(administrationRoutes, { ...deps, secureCookies: deps.secureCookies ?? false });
  await app.register(recordRoutes, deps);
  await app.register(talksRoutes, deps);
  await app.register(calendarFeedRoutes, deps);
  await app.register(agreementRoutes, deps);
  await app.register(logRoutes, deps);
  await app.register(monitoringRoutes, deps);
  await app.register(linesRoutes, deps);
  await app.register(reportsRoutes, deps);
  await app.register(mapRoutes, deps);
  await app.register(searchRoutes, deps);
  await app.register(activityRoutes, deps);
  await app.register(exchangeRoutes, deps);
  await app.register(sourceRoutes, deps);
  if (webRoot) {
    // Built files carry a content hash in their names, so they never change; the page itself is always revalidated.
    await app.register(fastifyStatic, {
      root: webRoot,
      index: false,
      setHeaders: (res, path) => {
        if (path.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    app.get('/', { schema: { hide: true } }, async (_req, reply) => sendIndex(reply));
  }
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}

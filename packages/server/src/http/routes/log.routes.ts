import { Id } from '@parley/contracts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { LogDeps } from '../../use-cases/ports.ts';
import { getCheckpoint, getLogKey } from '../../use-cases/log/get-checkpoint.ts';
import { getReceipt } from '../../use-cases/log/get-receipt.ts';
import { getTile } from '../../use-cases/log/get-tile.ts';
import { proveConsistency } from '../../use-cases/log/prove-consistency.ts';
import { proveInclusion } from '../../use-cases/log/prove-inclusion.ts';
import { redactRecord } from '../../use-cases/log/redact-record.ts';
import { registerWitness } from '../../use-cases/log/register-witness.ts';
import { signCheckpoint } from '../../use-cases/log/sign-checkpoint.ts';

const Params = Type.Object({ processId: Id });
const EntryParams = Type.Object({ processId: Id, type: Type.String({ pattern: '^[a-z_]{1,40}$' }), id: Type.String({ minLength: 1, maxLength: 200 }) });
type P = { processId: string };
type E = P & { type: string; id: string };
const TEXT = 'text/plain; charset=utf-8';

/**
 * The tamper-evident log of a process, laid out as c2sp.org/tlog-tiles under
 * /api/processes/:processId/log so `parley-verify mirror --url` works on it as is.
 */
export async function logRoutes(app: FastifyInstance, deps: LogDeps) {
  const base = '/api/processes/:processId/log';
  const tags = ['log'];

  app.get(`${base}/checkpoint`, { schema: { tags, summary: 'The latest signed checkpoint with its cosignatures', params: Params } }, async (req, reply) => {
    reply.type(TEXT).header('cache-control', 'no-cache');
    return getCheckpoint(deps, (req.params as P).processId);
  });

  app.post(`${base}/checkpoint`, { schema: { tags, summary: 'Sign a checkpoint now (mediator)', params: Params } }, async (req, reply) => {
    const r = await signCheckpoint(deps, req.actor, (req.params as P).processId);
    reply.status(r.signed ? 201 : 200).type(TEXT);
    return r.checkpoint.note + r.checkpoint.cosignatures.join('');
  });

  app.get(`${base}/key`, { schema: { tags, summary: "The log's verifier key and origin", params: Params } }, async (req) => getLogKey(deps, (req.params as P).processId));

  app.get(`${base}/tile/*`, { schema: { tags, summary: 'A tlog-tiles hash tile or entry bundle', params: Type.Object({ processId: Id, '*': Type.String() }) } }, async (req, reply) => {
    const params = req.params as P & { '*': string };
    const tile = await getTile(deps, params.processId, `tile/${params['*']}`);
    // Full tiles never change; a partial one is replaced as the tree grows.
    reply.type('application/octet-stream').header('cache-control', tile.full ? 'public, max-age=31536000, immutable' : 'no-cache');
    return Buffer.from(tile.bytes);
  });

  app.get(`${base}/proof/inclusion`, { schema: { tags, summary: 'An inclusion proof', params: Params, querystring: Type.Object({ index: Type.Optional(Type.String()), size: Type.Optional(Type.String()) }) } }, async (req) =>
    proveInclusion(deps, (req.params as P).processId, req.query as { index?: string; size?: string }));

  app.get(`${base}/proof/consistency`, { schema: { tags, summary: 'A consistency proof between two sizes', params: Params, querystring: Type.Object({ from: Type.Optional(Type.String()), to: Type.Optional(Type.String()) }) } }, async (req) =>
    proveConsistency(deps, (req.params as P).processId, req.query as { from?: string; to?: string }));

  app.get(`${base}/records/:type/:id/receipt`, { schema: { tags, summary: "A record's receipt", params: EntryParams, querystring: Type.Object({ version: Type.Optional(Type.String()) }) } }, async (req) => {
    const { processId, type, id } = req.params as E;
    return getReceipt(deps, req.actor, processId, type, id, req.query as { version?: string });
  });

  app.post(`${base}/witnesses`, {
    schema: { tags, summary: "Register a party's witness", params: Params, body: Type.Object({ partyId: Id, vkey: Type.String({ minLength: 1, maxLength: 500 }), url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500, description: 'where the witness answers add-checkpoint' }) }, { additionalProperties: false }) },
  }, async (req, reply) => {
    reply.status(201);
    return registerWitness(deps, req.actor, (req.params as P).processId, req.body as { partyId: string; vkey: string; url: string });
  });

  app.post(`${base}/records/:type/:id/redact`, {
    schema: { tags, summary: "Erase a record's personal data (mediator)", params: EntryParams, body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }) },
  }, async (req) => {
    const { processId, type, id } = req.params as E;
    const r = await redactRecord(deps, req.actor, processId, type, id, req.body as { reason: string });
    return { id: r.record.id, version: r.record.version, redacted: true, erasedEntries: r.erased };
  });
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  ConsistencyProof,
  Id,
  InclusionProof,
  ItemsOf,
  LogKey,
  READ_ERRORS,
  Receipt,
  Redacted,
  Responses,
  SECURITY,
  Text,
  WitnessApproval,
  WitnessChange,
  WitnessInput,
  WitnessName,
  WitnessRemoval,
  WitnessView,
  WRITE_ERRORS,
} from '@parley/contracts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { LogDeps } from '../../use-cases/ports.ts';
import { getCheckpoint, getLogKey } from '../../use-cases/log/get-checkpoint.ts';
import { getReceipt } from '../../use-cases/log/get-receipt.ts';
import { getTile } from '../../use-cases/log/get-tile.ts';
import { proveConsistency } from '../../use-cases/log/prove-consistency.ts';
import { proveInclusion } from '../../use-cases/log/prove-inclusion.ts';
import { redactRecord } from '../../use-cases/log/redact-record.ts';
import { approveWitness } from '../../use-cases/log/approve-witness.ts';
import { changeWitness } from '../../use-cases/log/change-witness.ts';
import { listWitnesses } from '../../use-cases/log/list-witnesses.ts';
import { registerWitness } from '../../use-cases/log/register-witness.ts';
import { removeWitness } from '../../use-cases/log/remove-witness.ts';
import { signCheckpoint } from '../../use-cases/log/sign-checkpoint.ts';

const Params = Type.Object({ processId: Id });
const EntryParams = Type.Object({ processId: Id, type: Type.String({ pattern: '^[a-z_]{1,40}$' }), id: Type.String({ minLength: 1, maxLength: 200 }) });
const WitnessParams = Type.Object({ processId: Id, name: WitnessName });
const TEXT = 'text/plain; charset=utf-8';

/**
 * The tamper-evident log of a process, laid out as c2sp.org/tlog-tiles under
 * /api/processes/:processId/log so `parley-verify mirror --url` works on it as is.
 */
export async function logRoutes(server: FastifyInstance, deps: LogDeps) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/api/processes/:processId/log';
  const tags = ['log'];

  app.get(
    `${base}/checkpoint`,
    {
      schema: {
        tags,
        operationId: 'getCheckpoint',
        security: SECURITY.optional,
        summary: 'The latest signed checkpoint with its cosignatures',
        params: Params,
        response: Responses({ 200: Text('text/plain', 'a C2SP signed note') }, [...READ_ERRORS, 503]),
      },
    },
    async (req, reply) => {
      reply.type(TEXT).header('cache-control', 'no-cache');
      return getCheckpoint(deps, req.params.processId);
    },
  );

  app.post(
    `${base}/checkpoint`,
    {
      schema: {
        tags,
        operationId: 'signCheckpoint',
        security: SECURITY.signedIn,
        summary: 'Sign a checkpoint now (mediator)',
        params: Params,
        response: Responses(
          { 200: Text('text/plain', 'the latest checkpoint: nothing new to sign'), 201: Text('text/plain', 'the new signed checkpoint') },
          WRITE_ERRORS,
        ),
      },
    },
    async (req, reply) => {
      const r = await signCheckpoint(deps, req.actor, req.params.processId);
      reply.status(r.signed ? 201 : 200).type(TEXT);
      return r.checkpoint.note + r.checkpoint.cosignatures.join('');
    },
  );

  app.get(
    `${base}/key`,
    {
      schema: {
        tags,
        operationId: 'getLogKey',
        security: SECURITY.optional,
        summary: "The log's verifier key and origin",
        params: Params,
        response: Responses({ 200: LogKey }, READ_ERRORS),
      },
    },
    async (req) => getLogKey(deps, req.params.processId),
  );

  app.get(
    `${base}/tile/*`,
    {
      schema: {
        tags,
        operationId: 'getTile',
        security: SECURITY.optional,
        summary: 'A tlog-tiles hash tile or entry bundle',
        params: Type.Object({ processId: Id, '*': Type.String() }),
        response: Responses(
          {
            200: {
              description: 'tile bytes',
              content: { 'application/octet-stream': { schema: Type.String({ contentMediaType: 'application/octet-stream' }) } },
            },
          },
          [...READ_ERRORS, 503],
        ),
      },
    },
    async (req, reply) => {
      const params = req.params;
      const tile = await getTile(deps, params.processId, `tile/${params['*']}`);
      // Full tiles never change; a partial one is replaced as the tree grows.
      reply.type('application/octet-stream').header('cache-control', tile.full ? 'public, max-age=31536000, immutable' : 'no-cache');
      return Buffer.from(tile.bytes);
    },
  );

  app.get(
    `${base}/proof/inclusion`,
    {
      schema: {
        tags,
        operationId: 'proveInclusion',
        security: SECURITY.optional,
        summary: 'An inclusion proof',
        params: Params,
        querystring: Type.Object({ index: Type.Optional(Type.String()), size: Type.Optional(Type.String()) }),
        response: Responses({ 200: InclusionProof }, [...READ_ERRORS, 503]),
      },
    },
    async (req) => proveInclusion(deps, req.params.processId, req.query),
  );

  app.get(
    `${base}/proof/consistency`,
    {
      schema: {
        tags,
        operationId: 'proveConsistency',
        security: SECURITY.optional,
        summary: 'A consistency proof between two sizes',
        params: Params,
        querystring: Type.Object({ from: Type.Optional(Type.String()), to: Type.Optional(Type.String()) }),
        response: Responses({ 200: ConsistencyProof }, [...READ_ERRORS, 503]),
      },
    },
    async (req) => proveConsistency(deps, req.params.processId, req.query),
  );

  app.get(
    `${base}/records/:type/:id/receipt`,
    {
      schema: {
        tags,
        operationId: 'getReceipt',
        security: SECURITY.optional,
        summary: "A record's receipt",
        params: EntryParams,
        querystring: Type.Object({ version: Type.Optional(Type.String()) }),
        response: Responses({ 200: Receipt }, [...READ_ERRORS, 503]),
      },
    },
    async (req) => {
      const { processId, type, id } = req.params;
      return getReceipt(deps, req.actor, processId, type, id, req.query);
    },
  );

  app.get(
    `${base}/witnesses`,
    {
      schema: {
        tags,
        operationId: 'listWitnesses',
        security: SECURITY.optional,
        summary: 'The witnesses registered for this log, with their status',
        params: Params,
        response: Responses({ 200: ItemsOf(WitnessView) }, READ_ERRORS),
      },
    },
    async (req) => ({ items: await listWitnesses(deps, req.params.processId) }),
  );

  app.post(
    `${base}/witnesses`,
    {
      schema: {
        tags,
        operationId: 'registerWitness',
        security: SECURITY.signedIn,
        summary: "Register a party's witness (a delegate's waits for the mediator's approval)",
        params: Params,
        body: WitnessInput,
        response: Responses({ 201: WitnessView }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      reply.status(201);
      return registerWitness(deps, req.actor, req.params.processId, req.body);
    },
  );

  app.put(
    `${base}/witnesses/:name`,
    {
      schema: {
        tags,
        operationId: 'changeWitness',
        security: SECURITY.signedIn,
        summary: "Move a witness to a new address (a delegate's waits for approval again)",
        params: WitnessParams,
        body: WitnessChange,
        response: Responses({ 200: WitnessView }, WRITE_ERRORS),
      },
    },
    async (req) => {
      const { processId, name } = req.params;
      return changeWitness(deps, req.actor, processId, name, req.body);
    },
  );

  app.post(
    `${base}/witnesses/:name/approve`,
    {
      schema: {
        tags,
        operationId: 'approveWitness',
        security: SECURITY.signedIn,
        summary: "Approve a party's pending witness (mediator)",
        params: WitnessParams,
        body: WitnessApproval,
        response: Responses({ 200: WitnessView }, WRITE_ERRORS),
      },
    },
    async (req) => {
      const { processId, name } = req.params;
      return approveWitness(deps, req.actor, processId, name, req.body);
    },
  );

  app.delete(
    `${base}/witnesses/:name`,
    {
      schema: {
        tags,
        operationId: 'removeWitness',
        security: SECURITY.signedIn,
        summary: "Remove a witness (its party's delegate or the mediator)",
        params: WitnessParams,
        querystring: WitnessRemoval,
        response: Responses({ 200: WitnessView }, WRITE_ERRORS),
      },
    },
    async (req) => {
      const { processId, name } = req.params;
      return removeWitness(deps, req.actor, processId, name, { version: Number(req.query.version) });
    },
  );

  app.post(
    `${base}/records/:type/:id/redact`,
    {
      schema: {
        tags,
        operationId: 'redactRecord',
        security: SECURITY.signedIn,
        response: Responses({ 200: Redacted }, WRITE_ERRORS),
        summary: "Erase a record's personal data (mediator)",
        params: EntryParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
      },
    },
    async (req) => {
      const { processId, type, id } = req.params;
      const r = await redactRecord(deps, req.actor, processId, type, id, req.body);
      return { id: r.record.id, version: r.record.version, redacted: true, erasedEntries: r.erased };
    },
  );
}

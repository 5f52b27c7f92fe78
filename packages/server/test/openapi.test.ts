import SwaggerParser from '@apidevtools/swagger-parser';
import { Type } from '@sinclair/typebox';
import Fastify, { type FastifyReply } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/http/app.ts';
import { compilePending } from '../src/http/lazy-compile.ts';
import { checkResponses, contractStats } from './support/response-contract.ts';
import { runtime } from './support/world.ts';

type Operation = { operationId?: string; security?: unknown[]; tags?: string[]; responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

let doc: Document;
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, method, op })));

beforeAll(async () => {
  const app = await buildApp({ ...(await runtime()), webRoot: null });
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
  await app.close();
});

describe('the routes’ schemas', () => {
  it('all compile: validators and response writers are compiled on first use, so a refused one would wait for its route', () => {
    expect(compilePending()).toBe(0);
  });
});

describe('the OpenAPI document', () => {
  it('is valid against the OpenAPI 3.1 meta-schema', async () => {
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    // The check can fail: a response without its description breaks the meta-schema.
    const broken = structuredClone(doc);
    delete (broken.paths['/api/health']!.get!.responses['200'] as { description?: string }).description;
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow(/description/);
  });

  it('names every operation once, says who may call it and tags it', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(100);
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.filter((id) => !id || !/^[a-z][a-zA-Z0-9]*$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ops.filter((o) => !Array.isArray(o.op.security)).map((o) => o.at)).toEqual([]);
    expect(ops.filter((o) => !o.op.tags?.length).map((o) => o.at)).toEqual([]);
    // A write needs a session or a token; only signing in and out take neither, and accepting an account invite, which its one-time link proves.
    const openWrites = ops
      .filter((o) => o.method !== 'get' && (o.op.security as object[]).some((s) => Object.keys(s).length === 0))
      .map((o) => o.op.operationId);
    expect(openWrites).toEqual(['signOut', 'acceptInvite']);
    expect(ops.find((o) => o.op.operationId === 'signIn')!.op.security).toEqual([]);
  });

  it('declares a success body and the error shape for each operation', () => {
    for (const { at, op } of operations()) {
      const statuses = Object.keys(op.responses);
      expect(
        statuses.some((s) => /^2/.test(s)),
        at,
      ).toBe(true);
      expect(statuses.filter((s) => /^[45]/.test(s)).length, at).toBeGreaterThanOrEqual(2);
      for (const s of statuses.filter((x) => /^[45]/.test(x)))
        expect(op.responses[s]!.content!['application/json']!.schema, `${at} ${s}`).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    }
  });

  it('writes tuples as JSON Schema 2020-12 prefixItems', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/"items":\[/);
    expect(text).not.toContain('additionalItems');
    expect(text).toContain('prefixItems');
  });
});

describe('the response check of the test apps', () => {
  const app = Fastify();
  checkResponses(app);
  app.get('/ok', { schema: { response: { 200: Type.Object({ a: Type.String() }) } } }, async (_req, reply) =>
    reply.type('application/json').send(JSON.stringify({ a: 'x' })),
  );
  app.get('/off', { schema: { response: { 200: Type.Object({ a: Type.String() }) } } }, async (_req, reply) =>
    reply.type('application/json').send(JSON.stringify({ b: 1 })),
  );
  app.get('/undeclared', { schema: { response: { 200: Type.Object({ a: Type.String() }) } } }, async (_req, reply) =>
    (reply as FastifyReply).status(418).send({ a: 'x' }),
  );

  it('lets a body that fits its schema through', async () => {
    expect((await app.inject({ url: '/ok' })).statusCode).toBe(200);
  });

  it('turns a body off its schema and an undeclared status into a 500 naming the breach', async () => {
    const before = contractStats.breaches.length;
    const off = await app.inject({ url: '/off' });
    expect(off.statusCode).toBe(500);
    expect(off.json().error.message).toMatch(/GET \/off answered 200: .*must have required property 'a'/);
    const undeclared = await app.inject({ url: '/undeclared' });
    expect(undeclared.statusCode).toBe(500);
    expect(undeclared.json().error.message).toMatch(/418: the status is not declared/);
    // These two breaches were provoked on purpose; the suite's count is of real ones.
    expect(contractStats.breaches.splice(before)).toHaveLength(2);
  });
});

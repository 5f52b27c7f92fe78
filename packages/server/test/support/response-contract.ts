import { ERROR_BODY_ID, ErrorBodySchema } from '@parley/contracts';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { writeFileSync } from 'node:fs';

/**
 * Every answer a test app gives is checked against the schema its route declares for that status:
 * an undeclared status or a body off its schema turns the answer into a 500 naming the breach, so the
 * test that provoked it fails, and the breach is kept in `contractBreaches`.
 */
const ajv = new Ajv({ allErrors: false, strict: false });
addFormats.default(ajv);
ajv.addSchema(ErrorBodySchema);
const validators = new WeakMap<object, ValidateFunction>();
const validator = (schema: object) => {
  let v = validators.get(schema);
  if (!v) validators.set(schema, (v = ajv.compile(schema)));
  return v;
};

export const contractStats = { checked: 0, breaches: [] as string[] };
// PARLEY_CONTRACT_STATS=FILE keeps the running counts in FILE (test workers end without an exit event to hook).
const stats = process.env.PARLEY_CONTRACT_STATS;
const count = () =>
  stats && writeFileSync(stats, JSON.stringify({ pid: process.pid, checked: contractStats.checked, breaches: contractStats.breaches.length }));

type Declared = { type?: string; description?: string; content?: Record<string, { schema: object }> } & Record<string, unknown>;

function declaredSchema(req: FastifyRequest, reply: FastifyReply): { declared?: Declared; known: boolean } {
  const responses = req.routeOptions.schema?.response as Record<string, Declared> | undefined;
  // The not-found handler and the hidden routes (the document itself, the page) declare nothing: their errors still have the error shape.
  if (!responses) return { declared: reply.statusCode >= 400 ? { $ref: `${ERROR_BODY_ID}#` } : undefined, known: false };
  return { declared: responses[reply.statusCode] ?? responses[`${String(reply.statusCode)[0]}xx`], known: true };
}

function breach(req: FastifyRequest, reply: FastifyReply, why: string) {
  const message = `response contract: ${req.method} ${req.routeOptions.url ?? req.url} answered ${reply.statusCode}: ${why}`;
  contractStats.breaches.push(message);
  count();
  console.error(message);
  reply.code(500).type('application/json; charset=utf-8');
  return JSON.stringify({ error: { code: 'internal', reason: 'internal', message, details: {} } });
}

/** The schema a JSON body must meet, or undefined when the answer is not JSON; a string names a breach. */
function jsonSchema(declared: Declared, type: string): object | string | undefined {
  if (declared.content) return declared.content[type]?.schema ?? `${type} is not a declared media type`;
  return /json/.test(type) ? declared : undefined;
}

export function checkResponses(app: FastifyInstance) {
  const checked = new WeakSet<FastifyRequest>();
  const check = (req: FastifyRequest, reply: FastifyReply, body: unknown): string | undefined => {
    checked.add(req);
    const { declared, known } = declaredSchema(req, reply);
    if (!declared) return known ? 'the status is not declared' : undefined;
    if (declared.type === 'null') return body === undefined || body === '' ? undefined : 'a body where none is declared';
    const schema = jsonSchema(
      declared,
      String(reply.getHeader('content-type') ?? 'application/json')
        .split(';')[0]!
        .trim(),
    );
    if (typeof schema !== 'object') return schema;
    contractStats.checked++;
    const validate = validator(schema);
    const ok = validate(body);
    count();
    return ok ? undefined : ajv.errorsText(validate.errors);
  };
  // Objects are checked as the handler made them, before the serialiser could coerce or drop anything.
  app.addHook('preSerialization', async (req, reply, payload) => {
    const why = check(req, reply, payload);
    return why ? JSON.parse(breach(req, reply, why)) : payload;
  });
  // Bodies sent as text (JSON strings, CSV, notes) and empty answers are checked as sent.
  app.addHook('onSend', async (req, reply, payload) => {
    if (checked.has(req)) return payload;
    const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : payload == null ? '' : undefined;
    if (text === undefined) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    const why = check(req, reply, /json/.test(type) && text ? JSON.parse(text) : text || undefined);
    return why ? breach(req, reply, why) : payload;
  });
}

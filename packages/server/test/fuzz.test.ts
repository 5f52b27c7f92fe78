import { ERROR_CODES } from '@parley/contracts';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATUS } from '../src/http/errors.ts';
import { build, call, world, type World } from './support/world.ts';

/**
 * Malformed requests generated from the OpenAPI document: every documented route, as every
 * role and anonymously, with mutated bodies, parameters and queries. None may answer 5xx,
 * every 4xx must be in the documented error shape with the status its code maps to, and a
 * refused request must leave the log as it was. PARLEY_FUZZ_RUNS raises the count.
 */
const RUNS = Number(process.env.PARLEY_FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.PARLEY_FUZZ_SEED ?? 20140905);
const WHO = ['anonymous', 'mediator', 'delegateUkr', 'delegateRus', 'monitor', 'analyst'] as const;

interface Op {
  method: string;
  path: string;
  body?: Schema;
  query: string[];
}
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
}

const HOLE = '"\u2063HOLE\u2063"';
/**
 * Values that must never be stored as sent (raw JSON text, since JSON.stringify cannot write
 * most of them), and values that are merely wrong. `altering` marks the first kind: a 2xx
 * answer to a write that carries one means it was accepted and stored altered.
 */
const HOSTILE: { text: string; altering: boolean }[] = [
  { text: '"a\\u0000b"', altering: true },
  { text: '"\\ud800"', altering: true },
  { text: '"x\\udc00y"', altering: true },
  { text: '1e309', altering: true },
  { text: '-1e309', altering: true },
  { text: '9007199254740993', altering: true },
  { text: '1e-400', altering: true },
  { text: '0.10000000000000000000001', altering: true },
  // Refused where a date-time is expected (hostile-input.test.ts), but plain text in a title: stored as sent.
  { text: '"2014-11-20T10:00:00+25:00"', altering: false },
  { text: '"2014-12-31T23:59:60Z"', altering: false },
  { text: '"2014-02-30"', altering: false },
  { text: `${'['.repeat(10_000)}${']'.repeat(10_000)}`, altering: true },
  { text: `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`, altering: true },
  { text: '2147483648', altering: false },
  { text: '-2147483649', altering: false },
  { text: '100000000000000000000', altering: false },
  { text: '123456789012345678901', altering: true },
  { text: '-1', altering: false },
  { text: '0', altering: false },
  { text: '1.5', altering: false },
  { text: 'null', altering: false },
  { text: 'true', altering: false },
  { text: '{}', altering: false },
  { text: '[]', altering: false },
  { text: '[null]', altering: false },
  { text: '"=HYPERLINK(\\"http://x\\",\\"y\\")"', altering: false },
  { text: `"${'x'.repeat(100_000)}"`, altering: false },
  { text: '"%00"', altering: false },
  { text: '"\\u202e"', altering: false },
  { text: '"../../etc/passwd"', altering: false },
  { text: '{"__proto__":{"admin":true}}', altering: false },
];
/** Whole bodies that are broken as text or bytes. */
const RAW_BODIES: { bytes: Buffer; altering: boolean }[] = [
  { bytes: Buffer.from('{"a":1,"a":2}'), altering: true },
  { bytes: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), altering: true },
  { bytes: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]), altering: true },
  { bytes: Buffer.from('{"a":'), altering: false },
  { bytes: Buffer.from(''), altering: false },
  { bytes: Buffer.from('\u0000'), altering: false },
  { bytes: Buffer.from('[1,]'), altering: false },
  { bytes: Buffer.from(`{"x":"${'y'.repeat(300 * 1024)}"}`), altering: false },
  { bytes: Buffer.from('{"title": NaN}'), altering: false },
  { bytes: Buffer.from("{'title': 'x'}"), altering: false },
];
const PARAMS = ['%00', '%ZZ', '%E0%A4%A', '%ED%A0%80', 'a'.repeat(300), 'A-B', '..%2F..%2Fx', '%F0%9F%98%80', '1e309', '-1', '99999999999', '%20', 'x%0Ay'];
const QUERIES = [
  'limit=%00',
  'limit=99999999999',
  'limit=-1',
  'limit=1e309',
  'limit=abc',
  'from=2014-02-30',
  'from=%ZZ',
  'to=2014-13-01',
  'after=%ED%A0%80',
  `after=${'z'.repeat(100_000)}`,
  'version=99999999999',
  'version=0',
  'index=-1',
  'size=1e309',
  'from=-5',
  'date=2014-02-30',
  'format=%00',
  'colour=red',
  'status=%00x',
  'party=%C0%AF',
  'dates=2014-01-01,%00',
  'interval=year',
  'zoom=99999999999',
  'bbox=1,2,3',
  'audience=party',
  'x=1&x=2&x=3',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'text/csv',
  'application/geo+json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
];

/** A plausible value for a schema: what a careless but well-meaning client sends, for the mutation to spoil. */
function sample(s: Schema | undefined, depth = 0): unknown {
  if (!s || depth > 6) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  if (s.anyOf) return sample(s.anyOf.find((b) => b.const !== undefined || b.type !== 'null') ?? s.anyOf[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, sample(s.properties?.[k], depth + 1)]));
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'string':
      return s.format === 'date-time' ? '2014-11-20T10:00:00Z' : s.format === 'date' || s.pattern?.includes('\\d{4}') ? '2014-11-20' : s.pattern ? 'tcg' : 'x';
    default:
      return null;
  }
}

/** Every place in a sampled body a hostile value can go: existing fields, new fields, and the body itself. */
function holes(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [path];
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) out.push(...holes(x, [...path, Array.isArray(v) ? Number(k) : k]));
    if (!Array.isArray(v)) out.push([...path, 'unknownField']);
  }
  return out;
}
function fill(v: unknown, path: (string | number)[]): unknown {
  if (path.length === 0) return HOLE;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = fill(copy[path[0]!], path.slice(1));
  return copy;
}

interface Request {
  op: number;
  who: (typeof WHO)[number];
  kind: 'body' | 'raw' | 'param' | 'query' | 'type';
  pick: number;
  hole: number;
  contentType: number;
}

describe(`the API refuses malformed requests in its error shape and changes nothing (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  let ops: Op[];
  let ids: Record<string, string>;
  beforeAll(async () => {
    w = await world();
    const source = (await call(w, 'POST', '/sources', 'mediator', build.source())).json.id;
    const meeting = (await call(w, 'POST', '/meetings', 'mediator', build.meeting())).json.id;
    const agreement = (await call(w, 'POST', '/agreements', 'mediator', build.agreement())).json.id;
    ids = { sources: source, meetings: meeting, agreements: agreement, parties: 'ukr', forums: 'tcg' };
    const spec = (await call(w, 'GET', '/api/openapi.json', 'anonymous')).json as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; parameters?: { in: string; name: string }[] }>>;
    };
    ops = Object.entries(spec.paths)
      .flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          body: op.requestBody?.content['application/json']?.schema,
          query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        })),
      )
      // Signing out would end the roles' own credentials halfway through the run.
      .filter((op) => !/^\/api\/auth\/(logout|tokens\/)/.test(op.path));
  }, 300_000);

  const size = async () => (await w.rt.log.head(w.pid))?.size ?? 0;

  function url(op: Op, param?: string): string {
    const collection = /\/processes\/\{processId\}\/([a-z-]+)/.exec(op.path)?.[1] ?? '';
    return op.path
      .replace('{processId}', w.pid)
      .replace('{*}', '0/x/000')
      .replace(
        /\{(\w+)\}/g,
        (_m, name: string) => param ?? (name === 'id' ? (ids[collection] ?? 'no-such-id') : name === 'number' ? '1' : name === 'type' ? 'source' : 'x'),
      );
  }

  function toInject(r: Request) {
    const op = ops[r.op % ops.length]!;
    const headers: Record<string, string> = { ...w.headers[r.who] };
    let path = url(op);
    let payload: Buffer | undefined;
    let altering = false;
    if (r.kind === 'param') path = url(op, PARAMS[r.pick % PARAMS.length]);
    if (r.kind === 'query') path += `?${QUERIES[r.pick % QUERIES.length]}`;
    if (r.kind === 'body' || r.kind === 'type') {
      const base = sample(op.body) ?? {};
      const places = holes(base);
      const hostile = HOSTILE[r.pick % HOSTILE.length]!;
      payload = Buffer.from(JSON.stringify(fill(base, places[r.hole % places.length]!)).replace(JSON.stringify(HOLE), hostile.text));
      altering = hostile.altering;
    }
    if (r.kind === 'raw') {
      const raw = RAW_BODIES[r.pick % RAW_BODIES.length]!;
      payload = raw.bytes;
      altering = raw.altering;
    }
    if (payload) headers['content-type'] = r.kind === 'type' ? CONTENT_TYPES[r.contentType % CONTENT_TYPES.length]! : 'application/json';
    // Sent as another type, the text is not JSON's to judge (a CSV import reads it as a file).
    if (!headers['content-type']?.startsWith('application/json')) altering = false;
    return { method: op.method as 'GET', url: path, headers, payload, altering };
  }

  it(`answers ${RUNS} malformed requests without a 5xx, in the error shape, leaving the log unchanged when refused`, async () => {
    const requests = fc.sample(
      fc.record({
        op: fc.nat(),
        who: fc.constantFrom(...WHO),
        kind: fc.constantFrom('body', 'body', 'body', 'raw', 'param', 'query', 'type'),
        pick: fc.nat(),
        hole: fc.nat(),
        contentType: fc.nat(),
      }) as fc.Arbitrary<Request>,
      { numRuns: RUNS, seed: SEED },
    );
    const failures: string[] = [];
    const counts = { total: 0, server: 0, badShape: 0, logChanged: 0, alteredAccepted: 0, dbRefused: 0, refused: 0 };
    const reasons = new Map<string, number>();
    for (const r of requests) {
      const req = toInject(r);
      const before = await size();
      const res = await w.app.inject({ method: req.method, url: req.url, headers: req.headers, ...(req.payload ? { payload: req.payload } : {}) });
      counts.total++;
      const label = `${req.method} ${req.url.slice(0, 120)} as ${r.who} (${r.kind} ${r.pick}/${r.hole}) → ${res.statusCode} ${res.body.slice(0, 200)}`;
      const fail = (what: keyof typeof counts, text: string) => {
        counts[what]++;
        failures.push(text);
      };
      if (res.statusCode >= 500) fail('server', label);
      if (res.statusCode >= 400) {
        counts.refused++;
        let body: { error?: { code?: string; reason?: unknown; message?: unknown; details?: unknown } } = {};
        try {
          body = res.json();
        } catch {
          /* not JSON: counted below */
        }
        const e = body.error;
        const shaped =
          !!e &&
          (ERROR_CODES as readonly string[]).includes(e.code ?? '') &&
          typeof e.reason === 'string' &&
          typeof e.message === 'string' &&
          typeof e.details === 'object' &&
          STATUS[e.code as keyof typeof STATUS] === res.statusCode;
        if (!shaped) fail('badShape', `shape: ${label}`);
        else reasons.set(String(e.reason), (reasons.get(String(e.reason)) ?? 0) + 1);
        // The database's own refusal is a 400 too, but validation should have caught the value first.
        if (e?.reason === 'value_not_storable') fail('dbRefused', `database refused: ${label}`);
        if ((await size()) !== before) fail('logChanged', `log changed: ${label}`);
      } else if (req.altering && req.method !== 'GET') fail('alteredAccepted', `accepted: ${label}`);
    }
    console.info(
      `fuzz (${process.env.PARLEY_TEST_ENGINE}): ${JSON.stringify(counts)}\n${[...reasons]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    // The generator must reach each class of hostile input, or the run proves nothing.
    const seen = [
      'nul_character',
      'lone_surrogate',
      'number_out_of_range',
      'too_deep',
      'duplicate_key',
      'invalid_utf8',
      'malformed_json',
      'body_too_large',
      'unsupported_media_type',
      'sign_in_required',
      'unknown_field',
      'bad_url',
    ];
    expect(seen.filter((k) => !reasons.has(k))).toEqual([]);
    expect(reasons.get('bad_token') ?? 0, 'the roles stay signed in').toBe(0);
    expect(counts.total).toBe(RUNS);
  }, 600_000);
});

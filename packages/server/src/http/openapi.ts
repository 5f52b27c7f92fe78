import fastJson from 'fast-json-stringify';
import { lazily } from './lazy-compile.ts';

type Serializer = (data: unknown) => string;
const compiled = new WeakMap<object, Serializer>();

/**
 * Success bodies are written by their response schema (fast-json-stringify), compiled once per schema
 * object so the many apps a test run builds share them. Error bodies are built by `sendError` in the
 * error shape already; compiling the closed reason list into every route's error statuses would only
 * cost time, and the test suite checks them against that shape.
 */
export function serializerCompiler({ schema, httpStatus }: { schema: object; httpStatus?: string }): Serializer {
  if (/^[45]/.test(String(httpStatus ?? ''))) return JSON.stringify;
  let serialize = compiled.get(schema);
  if (!serialize) {
    // Compiled on first use, as the validators are (lazy-compile.ts).
    const write = lazily(() => fastJson(schema) as Serializer);
    serialize = (data) => write()(data);
    compiled.set(schema, serialize);
  }
  return serialize;
}

/**
 * TypeBox writes a tuple as draft-07 (`items: [..]`, `additionalItems`); an OpenAPI 3.1 document
 * speaks JSON Schema 2020-12, where that is `prefixItems` and `items: false`.
 */
export function toJsonSchema2020<T>(node: T): T {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema2020(n)) as T;
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = toJsonSchema2020(v);
  if (Array.isArray(out.items)) {
    out.prefixItems = out.items;
    out.items = out.additionalItems === undefined ? true : out.additionalItems;
    delete out.additionalItems;
  }
  return out as T;
}

/** A wildcard route (`/tile/*`) becomes a named path parameter, `{path}`, since OpenAPI names every parameter. */
export function namedWildcards<T extends { paths?: object }>(doc: T): T {
  if (!doc.paths) return doc;
  const paths = Object.fromEntries(
    Object.entries(doc.paths).map(([path, item]) => {
      if (!path.includes('{*}')) return [path, item];
      const ops = Object.fromEntries(
        Object.entries(item as Record<string, { parameters?: { name: string; in: string }[] }>).map(([method, op]) => [
          method,
          {
            ...op,
            parameters: op.parameters?.map((p) => (p.in === 'path' && p.name === '*' ? { ...p, name: 'path', description: 'the rest of the path' } : p)),
          },
        ]),
      );
      return [path.replace('{*}', '{path}'), ops];
    }),
  );
  return { ...doc, paths };
}
